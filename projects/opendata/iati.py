"""IATI 2.03: the registry's published projects as one `iati-activities` XML document.

Served at /open-data/iati.xml, where the project list's filters apply (?donor=usaid gives that
donor's projects), and written whole by `manage.py export_iati FILE`. The elements follow the
order of the official schema (schemas/iati-2.03), which the tests validate against.

The registry is a secondary reporter: it republishes what press releases say about other
organisations' activities. So it states nothing that a record does not hold, and where the
schema requires a value that a record lacks, a narrative says what stands in for it.

Mapping (codes from the IATI 2.03 codelists)
--------------------------------------------
iati-activities    version 2.03; generated-datetime = when the document was built.
iati-activity      One per published project. A project with no organisation is left out,
                   because participating-org is required. last-updated-datetime = the latest
                   change to the project, its organisations, places or sources. xml:lang = the
                   source's language. default-currency = the currency of the headline figure
                   (ProjectQuerySet.with_budget's rule), absent when there is no money.
iati-identifier    IATI_REPORTING_ORG_REF + "-" + slug. Slugs never change, so this doesn't
                   either.
reporting-org      ref = settings.IATI_REPORTING_ORG_REF. The default is a placeholder:
                   "XX" is no registration agency. Before registering with IATI, set the
                   operator's real identifier (e.g. KZ-BIN-<12 digits>, or an XI-IATI-
                   identifier that IATI issues). type 90 Other; secondary-reporter 1; the
                   registry's name in ru/kk/en.
title              A narrative (xml:lang ru/kk/en) for each language that has text.
description        type 1 General = the summary and the description; type 2 Objectives, one
                   line per objective. A language without text is skipped; when no language
                   has any, the title stands in for the general description (required).
participating-org  role (OrganisationRole): donor -> 1 Funding; lead implementer,
                   co-implementer, partner and local authority partner -> 4 Implementing.
                   2 Accountable and 3 Extending are left out: a press release does not say
                   who holds the contract or manages the money for the donor, and IATI
                   guidance lets a donor's grant name the donor as Funding only.
                   type (OrganisationType) from Organization.kind:
                     government, donor_agency, diplomatic_mission -> 10 Government
                     local_authority (akimats)                    -> 11 Local Government
                     international_organization (EU, UN)         -> 40 Multilateral
                     ngo based in Central Asia (KZ KG TJ TM UZ, all aid recipients)
                                                         -> 24 Partner Country based NGO
                     ngo based elsewhere                          -> 21 International NGO
                     ngo of unknown country                       -> 22 National NGO
                     academic -> 80 Academic, Training and Research; private -> 70 Private
                     Sector; media, other -> 90 Other
                   No ref, because the registry holds no organisation identifiers.
other-identifier   The contract number, type A9 Other Activity Identifier. When the project
                   has a single donor, that donor is the owner-org (the numbers in the
                   sources are donors' grant contract numbers).
activity-status    (ActivityStatus) from models.project_status(): planned -> 1
                   Pipeline/identification; ongoing -> 2 Implementation; completed -> 4
                   Closed (3 Finalisation would need knowledge of the accounts, which the
                   sources don't give); unknown -> 2 Implementation (the schema requires a
                   status, the codelist has no "unknown", and every project in the registry
                   has been announced as funded).
activity-date      (ActivityDateType) A start on or before today -> 2 Actual start, a later
                   one -> 1 Planned start. An end before today -> 4 Actual end, otherwise 3
                   Planned end. A date known only to the month or the year is written as the
                   first (start) or last (end) day of that period, and a narrative in
                   ru/kk/en says so. The schema requires at least one date: when neither the
                   start nor the end is known, the activity gets a 2 Actual start on the date
                   by which it had been announced (the earliest source publication date, or
                   else the day the registry recorded it), and a narrative says that the
                   start is not stated. An activity with only a known end keeps just that
                   date.
contact-info       One per contact, type 1 General Enquiries: organisation, person-name,
                   job-title (narratives), and telephone and email as printed.
recipient-country  The countries of the project's places, with equal percentages that add up
                   to 100 (no source splits money by country).
location           One per place below country level (a country place is recipient-country
                   only): ref = place slug; location-reach 1 Activity; location-id G1
                   (GeoNames) when the place's GeoNames id is known; name, and a description
                   naming the place's district, region and country; administrative G1 for
                   ancestors with a GeoNames id (level 1 region, 2 district, 3 rural
                   district); point (srsName EPSG 4326, pos "lat lon") when the coordinates
                   are known, with exactness 2 Approximate (a place's point, not where the
                   work happens); location-class 1 Administrative Region (region, district,
                   rural district) or 2 Populated Place (city, town, settlement, village).
budget             type 1 Original, status 1 Indicative (the figures come from press releases,
                   not signed agreements). One budget in the headline currency over the whole
                   project period, only when both the start and the end are known:
                   period-start and period-end are required, and there is nothing else to
                   put there. value = the headline amount: the total, or else the sum of the
                   donor contributions. Amounts given as "more than", "up to" or "about" are
                   written as stated. value-date = period start. IATI's rules want budget
                   periods of a year at most, but the sources give only whole-project
                   figures, and splitting them into years would invent a phasing. Validators
                   will therefore warn on projects longer than a year.
transaction        type 11 Incoming Commitment (a donor's written obligation, reported for the
                   activity) for each figure a named donor gives: a donor contribution, or a
                   total that has a donor. provider-org = the donor; receiver-org = the lead
                   implementer. transaction-date = value-date = the earliest date by which the
                   commitment is known to have existed: the announcement date above, or a
                   start that is already past. A "more than", "up to" or "about" and the
                   figure's note go in the description.
document-link      One per language: the project's public page, format text/html, category A12
                   Activity web page, language = the page's language.

Not mapped: keywords (no sector vocabulary in the registry, so no sector); results (free text,
while an IATI result needs indicators); "other" figures (money the project passes on, with no
date or recipient); duration_months. An empty selection gives `iati-activities` with no
activity. That is the honest answer to the filter, though the schema wants at least one.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from lxml import etree

from ..filters import InvalidFilters, published_projects_matching
from ..models import (
    FundingKind,
    Organization,
    OrganizationKind,
    ParticipationRole,
    PlaceKind,
    Project,
    ProjectStatus,
    project_status,
)
from ..partial_dates import DatePrecision, PartialDate

IATI_VERSION = "2.03"
DEFAULT_REPORTING_ORG_REF = "XX-KZ-GRANT-REGISTRY"
CONTENT_TYPE = "application/xml; charset=utf-8"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"

REGISTRY_NAME = {
    "ru": "Реестр грантовых проектов",
    "kk": "Гранттық жобалар тізілімі",
    "en": "Grant-project registry",
}
PAGE_TITLE = {
    "ru": "Страница проекта в реестре грантовых проектов",
    "kk": "Жобаның гранттық жобалар тізіліміндегі беті",
    "en": "The project's page in the grant-project registry",
}

ACTIVITY_STATUS = {
    ProjectStatus.PLANNED: "1",
    ProjectStatus.ONGOING: "2",
    ProjectStatus.COMPLETED: "4",
    ProjectStatus.UNKNOWN: "2",
}
PARTICIPATION_ROLES = {  # registry role -> OrganisationRole, in the order they are listed
    ParticipationRole.DONOR: "1",
    ParticipationRole.LEAD_IMPLEMENTER: "4",
    ParticipationRole.CO_IMPLEMENTER: "4",
    ParticipationRole.PARTNER: "4",
    ParticipationRole.LOCAL_AUTHORITY_PARTNER: "4",
}
ORGANISATION_TYPES = {
    OrganizationKind.GOVERNMENT: "10",
    OrganizationKind.DONOR_AGENCY: "10",
    OrganizationKind.DIPLOMATIC_MISSION: "10",
    OrganizationKind.LOCAL_AUTHORITY: "11",
    OrganizationKind.INTERNATIONAL_ORGANIZATION: "40",
    OrganizationKind.ACADEMIC: "80",
    OrganizationKind.PRIVATE: "70",
    OrganizationKind.MEDIA: "90",
    OrganizationKind.OTHER: "90",
}
PARTNER_COUNTRIES = {"KZ", "KG", "TJ", "TM", "UZ"}
LOCATION_CLASSES = {
    PlaceKind.REGION: "1",
    PlaceKind.DISTRICT: "1",
    PlaceKind.RURAL_DISTRICT: "1",
    PlaceKind.CITY: "2",
    PlaceKind.TOWN: "2",
    PlaceKind.SETTLEMENT: "2",
    PlaceKind.VILLAGE: "2",
}
ADMINISTRATIVE_LEVELS = {PlaceKind.REGION: 1, PlaceKind.DISTRICT: 2, PlaceKind.RURAL_DISTRICT: 3}

# "{value}" is the date as the source gives it: "2017-02" or "2017".
PRECISION_NOTES = {
    (DatePrecision.MONTH, "start"): {
        "ru": "Источник указывает только месяц ({value}); взят первый день месяца.",
        "kk": "Дереккөзде тек ай көрсетілген ({value}); айдың бірінші күні алынды.",
        "en": "The source gives only the month ({value}); the first day of the month is used.",
    },
    (DatePrecision.MONTH, "end"): {
        "ru": "Источник указывает только месяц ({value}); взят последний день месяца.",
        "kk": "Дереккөзде тек ай көрсетілген ({value}); айдың соңғы күні алынды.",
        "en": "The source gives only the month ({value}); the last day of the month is used.",
    },
    (DatePrecision.YEAR, "start"): {
        "ru": "Источник указывает только год ({value}); взят первый день года.",
        "kk": "Дереккөзде тек жыл көрсетілген ({value}); жылдың бірінші күні алынды.",
        "en": "The source gives only the year ({value}); the first day of the year is used.",
    },
    (DatePrecision.YEAR, "end"): {
        "ru": "Источник указывает только год ({value}); взят последний день года.",
        "kk": "Дереккөзде тек жыл көрсетілген ({value}); жылдың соңғы күні алынды.",
        "en": "The source gives only the year ({value}); the last day of the year is used.",
    },
}
START_NOT_STATED = {
    "source": {
        "ru": "Дата начала в источнике не указана; это дата публикации источника, "
        "к которой о проекте уже было объявлено.",
        "kk": "Бастау күні дереккөзде көрсетілмеген; бұл – дереккөздің жарияланған күні, "
        "жоба осы күнге дейін жарияланған.",
        "en": "The source does not state the start; this is the date the source was "
        "published, by which the activity had been announced.",
    },
    "record": {
        "ru": "Дата начала в источнике не указана; это дата внесения проекта в реестр, "
        "к которой о проекте уже было объявлено.",
        "kk": "Бастау күні дереккөзде көрсетілмеген; бұл – жобаның тізілімге енгізілген "
        "күні, жоба осы күнге дейін жарияланған.",
        "en": "The source does not state the start; this is the date the registry recorded "
        "the activity, by which it had been announced.",
    },
}
AMOUNT_QUALIFIERS = {
    "more_than": {
        "ru": "В источнике: более этой суммы.",
        "kk": "Дереккөзде: осы сомадан астам.",
        "en": "The source says: more than this amount.",
    },
    "up_to": {
        "ru": "В источнике: до этой суммы.",
        "kk": "Дереккөзде: осы сомаға дейін.",
        "en": "The source says: up to this amount.",
    },
    "about": {
        "ru": "В источнике: около этой суммы.",
        "kk": "Дереккөзде: шамамен осы сома.",
        "en": "The source says: about this amount.",
    },
}

# Characters XML 1.0 cannot carry; a stray one pasted into a text must not break the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def reporting_org_ref() -> str:
    return getattr(settings, "IATI_REPORTING_ORG_REF", DEFAULT_REPORTING_ORG_REF)


def iati_identifier(project: Project) -> str:
    return f"{reporting_org_ref()}-{project.slug}"


# --- Document -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Export:
    today: datetime.date
    base_url: str


def iati_activities(projects, *, base_url: str) -> etree._Element:
    """The `iati-activities` element for a Project queryset. Related rows are prefetched
    (`for_detail()`), so the number of queries does not grow with the number of projects.
    `base_url` ("https://host") starts the links to project pages."""
    root = etree.Element(
        "iati-activities",
        {"version": IATI_VERSION, "generated-datetime": _datetime(timezone.now())},
    )
    export = _Export(today=timezone.localdate(), base_url=base_url.rstrip("/"))
    for project in projects.for_detail():
        if project.participations.all():  # participating-org is required: no one, no activity
            _activity(root, project, export)
    return root


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _activity(root, project: Project, export: _Export) -> None:
    currency, headline_amount = _headline_figure(project)
    activity = _element(
        root,
        "iati-activity",
        {
            "last-updated-datetime": _datetime(_last_updated(project)),
            XML_LANG: project.original_language,
            "default-currency": currency,
        },
    )
    _element(activity, "iati-identifier", text=iati_identifier(project))
    _reporting_org(activity)
    _text_element(activity, "title", _translations(project, "title"))
    _descriptions(activity, project)
    _participating_orgs(activity, project)
    _other_identifier(activity, project)
    status = project_status(project.start_date, project.end_date, export.today)
    _element(activity, "activity-status", {"code": ACTIVITY_STATUS[status]})
    _activity_dates(activity, project, export.today)
    _contacts(activity, project)
    _recipient_countries(activity, project)
    for place in project.places.all():
        if place.kind != PlaceKind.COUNTRY:
            _location(activity, place)
    if headline_amount is not None and project.start_date and project.end_date:
        _budget(activity, project, currency, headline_amount)
    _transactions(activity, project, _committed_on(project, export.today))
    _document_links(activity, project, export.base_url)


# --- Text and organisations ------------------------------------------------------------------


def _reporting_org(activity) -> None:
    attributes = {"ref": reporting_org_ref(), "type": "90", "secondary-reporter": "1"}
    _narratives(_element(activity, "reporting-org", attributes), REGISTRY_NAME)


def _descriptions(activity, project: Project) -> None:
    general = _joined(
        "\n\n", _translations(project, "summary"), _translations(project, "description")
    )
    objectives = _translations(project, "objectives")
    objectives = {language: _lines(text) for language, text in objectives.items()}
    if not any(general.values()) and not any(objectives.values()):
        general = _translations(project, "title")
    _text_element(activity, "description", general, {"type": "1"})
    _text_element(activity, "description", objectives, {"type": "2"})


def _participating_orgs(activity, project: Project) -> None:
    roles = list(PARTICIPATION_ROLES)
    participations = sorted(
        project.participations.all(),
        key=lambda p: (PARTICIPATION_ROLES[p.role], roles.index(p.role), p.pk),
    )
    listed = set()
    for participation in participations:
        role = PARTICIPATION_ROLES[participation.role]
        if (participation.organization_id, role) not in listed:
            listed.add((participation.organization_id, role))
            _organisation(activity, "participating-org", participation.organization, role=role)


def _other_identifier(activity, project: Project) -> None:
    if not project.contract_number:
        return
    attributes = {"ref": project.contract_number, "type": "A9"}
    identifier = _element(activity, "other-identifier", attributes)
    donors = {p.organization for p in project.donor_participations()}
    if len(donors) == 1:
        _narratives(_element(identifier, "owner-org"), _organisation_names(donors.pop()))


def _organisation(parent, tag: str, organization: Organization, **attributes) -> None:
    element = _element(parent, tag, {"type": organisation_type(organization), **attributes})
    _narratives(element, _organisation_names(organization))


def organisation_type(organization: Organization) -> str:
    """The IATI OrganisationType code of an organisation (see the module's docstring)."""
    if organization.kind != OrganizationKind.NGO:
        return ORGANISATION_TYPES[organization.kind]
    if not organization.country:
        return "22"
    return "24" if organization.country in PARTNER_COUNTRIES else "21"


def _organisation_names(organization: Organization) -> dict[str, str]:
    names = _translations(organization, "name")
    short_names = _translations(organization, "short_name")
    return {
        language: f"{name} ({short_names[language]})"
        if name and short_names[language] and short_names[language] != name
        else name
        for language, name in names.items()
    }


def _contacts(activity, project: Project) -> None:
    for contact in project.contacts.all():
        info = _element(activity, "contact-info", {"type": "1"})
        if contact.organization is not None:
            _text_element(info, "organisation", _organisation_names(contact.organization))
        _text_element(info, "person-name", _translations(contact, "name"))
        _text_element(info, "job-title", _translations(contact, "position"))
        for phone in contact.phones:
            _element(info, "telephone", text=phone)
        for email in contact.emails:
            _element(info, "email", text=email)


def _document_links(activity, project: Project, base_url: str) -> None:
    for language in LANGUAGES:
        with translation.override(language):
            url = base_url + project.get_absolute_url()
        link = _element(activity, "document-link", {"url": url, "format": "text/html"})
        _narratives(_element(link, "title"), {language: PAGE_TITLE[language]})
        _element(link, "category", {"code": "A12"})
        _element(link, "language", {"code": language})


# --- Dates ------------------------------------------------------------------------------------


def _activity_dates(activity, project: Project, today: datetime.date) -> None:
    if project.start_date is None and project.end_date is None:
        announced_on, basis = _announced_on(project)
        _activity_date(activity, "2", announced_on, START_NOT_STATED[basis])
        return
    if project.start_date is not None:
        start_type = "2" if project.start_date <= today else "1"
        _activity_date(
            activity, start_type, project.start_date, _precision_note(project.start, "start")
        )
    if project.end_date is not None:
        end_type = "4" if project.end_date < today else "3"
        _activity_date(activity, end_type, project.end_date, _precision_note(project.end, "end"))


def _activity_date(activity, type_code: str, date: datetime.date, notes: dict) -> None:
    element = _element(activity, "activity-date", {"type": type_code, "iso-date": date.isoformat()})
    _narratives(element, notes)


def _precision_note(date: PartialDate, edge: str) -> dict[str, str]:
    """Says which day stands for a month or a year ({} for a date known to the day)."""
    notes = PRECISION_NOTES.get((date.precision, edge), {})
    return {language: note.format(value=date.isoformat()) for language, note in notes.items()}


def _announced_on(project: Project) -> tuple[datetime.date, str]:
    """The date by which the activity had been announced, and what says so ("source" or
    "record"): the earliest source publication date, else the day the registry recorded it."""
    recorded_on = timezone.localdate(project.created_at)
    published = [source.published_on for source in project.sources.all() if source.published_on]
    if published and min(published) <= recorded_on:
        return min(published), "source"
    return recorded_on, "record"


def _committed_on(project: Project, today: datetime.date) -> datetime.date:
    """The earliest date by which the donors' commitments are known to have existed: a grant
    is committed before its work starts, and before it is announced."""
    announced_on, _basis = _announced_on(project)
    if project.start_date is not None and project.start_date <= today:
        return min(announced_on, project.start_date)
    return announced_on


def _last_updated(project: Project) -> datetime.datetime:
    organizations = [p.organization for p in project.participations.all()]
    organizations += [line.donor for line in project.funding_lines.all() if line.donor]
    organizations += [c.organization for c in project.contacts.all() if c.organization]
    places = [area for place in project.places.all() for area in [place, *place.ancestors()]]
    related = [*organizations, *places, *project.sources.all()]
    return max([project.updated_at, *(row.updated_at for row in related)])


# --- Places -----------------------------------------------------------------------------------


def _recipient_countries(activity, project: Project) -> None:
    codes = sorted({place.country_code for place in project.places.all() if place.country_code})
    for code, percentage in zip(codes, _equal_shares(len(codes)), strict=True):
        _element(activity, "recipient-country", {"code": code, "percentage": percentage})


def _equal_shares(count: int) -> list[str]:
    """Percentages with two decimals that add up to exactly 100; the first takes the rest."""
    if count == 0:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return [_number(Decimal(100) - share * (count - 1))] + [_number(share)] * (count - 1)


def _location(activity, place) -> None:
    location = _element(activity, "location", {"ref": place.slug})
    _element(location, "location-reach", {"code": "1"})
    if place.geonames_id:
        _element(location, "location-id", {"vocabulary": "G1", "code": str(place.geonames_id)})
    _text_element(location, "name", _translations(place, "name"))
    ancestors = list(reversed(place.ancestors()))  # nearest first
    area_names = [_translations(area, "name") for area in ancestors]
    _text_element(location, "description", _joined(", ", *area_names))
    for area in ancestors:
        level = ADMINISTRATIVE_LEVELS.get(area.kind)
        if level and area.geonames_id:
            attributes = {"vocabulary": "G1", "level": str(level), "code": str(area.geonames_id)}
            _element(location, "administrative", attributes)
    if place.latitude is not None and place.longitude is not None:
        point = _element(location, "point", {"srsName": WGS84})
        _element(point, "pos", text=f"{_number(place.latitude)} {_number(place.longitude)}")
        _element(location, "exactness", {"code": "2"})
    _element(location, "location-class", {"code": LOCATION_CLASSES[place.kind]})


# --- Money ------------------------------------------------------------------------------------


def _headline_figure(project: Project) -> tuple[str | None, Decimal | None]:
    """The headline currency and amount, by ProjectQuerySet.with_budget's rule on the loaded
    lines: the currency of a total before a contribution, the larger first; the largest total
    in it, else the sum of the donor contributions in it."""
    lines = list(project.funding_lines.all())
    if not lines:
        return None, None
    currency = min(lines, key=lambda line: (line.kind != FundingKind.TOTAL, -line.amount)).currency
    in_currency = [line for line in lines if line.currency == currency]
    totals = [line.amount for line in in_currency if line.kind == FundingKind.TOTAL]
    if totals:
        return currency, max(totals)
    contributions = [
        line.amount for line in in_currency if line.kind == FundingKind.DONOR_CONTRIBUTION
    ]
    return currency, sum(contributions) if contributions else None


def _budget(activity, project: Project, currency: str, amount: Decimal) -> None:
    budget = _element(activity, "budget", {"type": "1", "status": "1"})
    _element(budget, "period-start", {"iso-date": project.start_date.isoformat()})
    _element(budget, "period-end", {"iso-date": project.end_date.isoformat()})
    value_attributes = {"currency": currency, "value-date": project.start_date.isoformat()}
    _element(budget, "value", value_attributes, _number(amount))


def _transactions(activity, project: Project, committed_on: datetime.date) -> None:
    leads = [
        p.organization
        for p in project.participations.all()
        if p.role == ParticipationRole.LEAD_IMPLEMENTER
    ]
    for line in project.funding_lines.all():
        if line.donor is None or line.kind == FundingKind.OTHER:
            continue
        transaction = _element(activity, "transaction")
        _element(transaction, "transaction-type", {"code": "11"})
        _element(transaction, "transaction-date", {"iso-date": committed_on.isoformat()})
        value_attributes = {"currency": line.currency, "value-date": committed_on.isoformat()}
        _element(transaction, "value", value_attributes, _number(line.amount))
        _text_element(transaction, "description", _funding_description(line))
        _organisation(transaction, "provider-org", line.donor)
        if leads:
            _organisation(transaction, "receiver-org", leads[0])


def _funding_description(line) -> dict[str, str]:
    qualifier = AMOUNT_QUALIFIERS.get(line.qualifier, dict.fromkeys(LANGUAGES, ""))
    return _joined(" ", qualifier, _translations(line, "note"))


# --- XML helpers ------------------------------------------------------------------------------


def _element(parent, tag: str, attributes: dict | None = None, text: str | None = None):
    """A child element; attributes whose value is None are left out."""
    element = etree.SubElement(
        parent,
        tag,
        {name: _xml_text(value) for name, value in (attributes or {}).items() if value is not None},
    )
    if text is not None:
        element.text = _xml_text(text)
    return element


def _text_element(parent, tag: str, texts: dict[str, str], attributes: dict | None = None):
    """`tag` with a narrative for each language that has text; nothing when none has."""
    if not any(texts.values()):
        return None
    element = _element(parent, tag, attributes)
    _narratives(element, texts)
    return element


def _narratives(parent, texts: dict[str, str]) -> None:
    for language, text in texts.items():
        if text:
            _element(parent, "narrative", {XML_LANG: language}, text)


def _translations(instance, field: str) -> dict[str, str]:
    """The stored text of a translated field in each language, "" where there is none (no
    fallbacks: a narrative's xml:lang must be the language it is written in)."""
    return {
        language: (getattr(instance, f"{field}_{language}") or "").strip() for language in LANGUAGES
    }


def _joined(separator: str, *texts: dict[str, str]) -> dict[str, str]:
    """Texts joined language by language, leaving out the empty ones."""
    return {
        language: separator.join(text[language] for text in texts if text[language])
        for language in LANGUAGES
    }


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _number(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent: 213793, 33.34, 50.13887."""
    return format(value.normalize(), "f")


def _datetime(moment: datetime.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _xml_text(value) -> str:
    return _NOT_XML.sub("", str(value))


# --- View -------------------------------------------------------------------------------------


@require_safe
def iati_xml_view(request):
    """The IATI file of the published projects matching the list's filters; 400 with the
    reasons, in plain text, when a filter does not validate."""
    try:
        projects = published_projects_matching(request.GET)
    except InvalidFilters as invalid:
        return HttpResponseBadRequest(
            _filter_errors(invalid.errors), content_type="text/plain; charset=utf-8"
        )
    root = iati_activities(projects, base_url=request.build_absolute_uri("/"))
    return HttpResponse(serialize(root), content_type=CONTENT_TYPE)


def _filter_errors(errors: dict) -> str:
    lines = [f"{field}: {error['message']}" for field, found in errors.items() for error in found]
    return "Invalid filter parameters.\n" + "\n".join(lines) + "\n"
