"""IATI 2.03: the registry's published projects as one `iati-activities` XML document.

Served at /open-data/iati.xml, where the project list's filters apply (?donor=usaid gives that
donor's projects), and written by `manage.py export_iati FILE`. The elements follow the order
of the official schema (schemas/iati-2.03), which the tests validate against. The document is
written one activity at a time (lxml's xmlfile) from chunks of projects whose related rows are
read with one query per kind of row (batches.py), so neither the memory it takes nor the number
of queries per chunk grows with the registry.

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
                   by which it had been announced (the earliest publication date its sources
                   state), and a narrative says that the start is not stated. With no such
                   date either, the activity is left out: no date is made up (the day the
                   registry recorded a project is no fact about it). An activity with only a
                   known end keeps just that date, and commitments (transactions need a date)
                   only when a start or publication date is known.
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
sector             The themes editors coded, vocabulary 1 (OECD DAC 5-digit purpose codes),
                   with percentage when there are several (editors give the shares, adding up
                   to 100). An editor's coding, never a source's statement.
budget             type 1 Original, status 1 Indicative (the figures come from press releases,
                   not signed agreements). One budget in the headline currency over the whole
                   project period, only when both the start and the end are known and the
                   period is a year at most (IATI's rule 7.5.3: budget periods are a year or
                   shorter). value = the headline amount: the total, or else the sum of the
                   donor contributions. Amounts given as "more than", "up to" or "about" are
                   written as stated. value-date = period start. The sources give only
                   whole-project figures, and splitting them into years would invent a
                   phasing: a longer project's headline figure is stated as what it is, in a
                   description of type 4 Other ("Budget of the whole project as stated: …"),
                   beside the donors' commitments below.
transaction        type 11 Incoming Commitment (a donor's written obligation, reported for the
                   activity) for each figure a named donor gives: a donor contribution, or a
                   total that has a donor. provider-org = the donor; receiver-org = the lead
                   implementer. transaction-date = value-date = the earliest date by which the
                   commitment is known to have existed: the announcement date above, or a
                   start that is already past. A "more than", "up to" or "about" and the
                   figure's note go in the description.
document-link      One per language: the project's public page, format text/html, category A12
                   Activity web page, language = the page's language.

Not mapped: keywords (free words, not a codelist: themes are the sectors); results (free text,
while an IATI result needs indicators); "other" figures (money the project passes on, with no
date or recipient); duration_months. An empty selection gives `iati-activities` with no
activity. That is the honest answer to the filter, though the schema wants at least one.
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from lxml import etree

from .. import formatting
from ..filters import InvalidFilters, published_projects_matching
from ..models import (
    FundingKind,
    Organization,
    OrganizationKind,
    ParticipationRole,
    Place,
    PlaceKind,
    Project,
    ProjectStatus,
    project_status,
)
from ..partial_dates import DatePrecision, PartialDate
from ..places import PlaceTree
from . import batches, prebuilt
from .batches import FundingValues, ProjectValues, translated_fields
from .files import Sink, Tally, coalesce_pieces, in_one_snapshot, keeps_language

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
# A date no source states: the editor's inference, which the project page explains.
INFERRED_DATE_NOTES = {
    "start": {
        "ru": "Источник не называет дату начала; {value} — вывод редактора (см. страницу "
        "проекта); взят первый день периода.",
        "kk": "Дереккөзде басталу күні аталмаған; {value} – редактордың тұжырымы (жоба "
        "бетін қараңыз); кезеңнің бірінші күні алынды.",
        "en": "The source does not state the start; {value} is an editor's inference (see "
        "the project page); the first day of that period is used.",
    },
    "end": {
        "ru": "Источник не называет дату окончания; {value} — вывод редактора (см. "
        "страницу проекта); взят последний день периода.",
        "kk": "Дереккөзде аяқталу күні аталмаған; {value} – редактордың тұжырымы (жоба "
        "бетін қараңыз); кезеңнің соңғы күні алынды.",
        "en": "The source does not state the end; {value} is an editor's inference (see "
        "the project page); the last day of that period is used.",
    },
}
START_NOT_STATED = {
    "ru": "Дата начала в источнике не указана; это дата публикации источника, "
    "к которой о проекте уже было объявлено.",
    "kk": "Бастау күні дереккөзде көрсетілмеген; бұл – дереккөздің жарияланған күні, "
    "жоба осы күнге дейін жарияланған.",
    "en": "The source does not state the start; this is the date the source was "
    "published, by which the activity had been announced.",
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


PROJECT_DEFERRED = translated_fields("results")  # not mapped
RELATED = (
    batches.PARTICIPATIONS, batches.FUNDING, batches.CONTACTS, batches.PLACES,
    batches.SOURCE_DETAILS, batches.INFERRED_DATES, batches.SECTORS,
)  # fmt: skip
ORGANIZATION_COLUMNS = ("kind", "country", "updated_at", *translated_fields("name", "short_name"))


@dataclass(frozen=True)
class _Export:
    """What every activity is written with, read once per document."""

    today: datetime.date
    base_url: str
    tree: PlaceTree
    places: Mapping[int, Place]
    organizations: Mapping[int, Organization]
    page_paths: dict[str, tuple[str, str]]  # a project page's path around its slug, by language
    fragments: dict = field(default_factory=dict)

    def fragment(self, key: tuple, build: Callable[[], etree._Element]) -> etree._Element:
        """A copy of an element that is the same in every activity that has it (a place's
        location, an organisation in a role), built once per document."""
        element = self.fragments.get(key)
        if element is None:
            element = self.fragments[key] = build()
        return copy.deepcopy(element)


@dataclass(frozen=True)
class _Facts:
    """One project and its related rows, with organisations and places resolved."""

    project: Project
    participations: list[tuple[Organization, str]]  # (organisation, role), in the order made
    funding: list[FundingValues]  # by kind, then in the order made (as the model orders them)
    contacts: list[dict]
    places: list[Place]  # by name
    sources: list[dict]
    inferred_dates: set[str]  # "start:2012-11" when no source states it
    sectors: list[tuple[str, int | None]]  # (DAC code, share)

    @classmethod
    def of(cls, item: ProjectValues, export: _Export) -> _Facts:
        organizations = export.organizations
        return cls(
            project=item.row,
            participations=[(organizations[org], role) for org, role in item.participations],
            funding=sorted(item.funding, key=lambda line: line.kind),
            contacts=item.contacts,
            places=[export.places[place] for place in item.places],
            sources=item.source_details,
            inferred_dates=item.inferred_dates,
            sectors=item.sectors,
        )


@keeps_language
def iati_document(
    projects: QuerySet,
    *,
    base_url: str,
    tally: Tally | None = None,
    chunk_size: int | None = None,
) -> Iterator[bytes]:
    """The `iati-activities` document of a Project queryset as UTF-8 pieces, one activity at a
    time, from chunks of projects read with a fixed number of queries each (batches.py).
    `base_url` ("https://host") starts the links to project pages; `tally` counts the projects
    read and the activities written."""
    tally = tally or Tally()
    tree = PlaceTree.load()
    export = _Export(
        today=timezone.localdate(),
        base_url=base_url.rstrip("/"),
        tree=tree,
        places=batches.places(tree),
        organizations=batches.organizations(*ORGANIZATION_COLUMNS),
        page_paths=_page_paths(),
    )
    chunks = batches.instance_chunks(projects, RELATED, defer=PROJECT_DEFERRED, size=chunk_size)
    attributes = {"version": IATI_VERSION, "generated-datetime": _datetime(timezone.now())}
    sink = Sink()
    with etree.xmlfile(sink, encoding="utf-8") as document:
        document.write_declaration()
        with document.element("iati-activities", attributes):
            for chunk in chunks:
                for item in chunk:
                    tally.project_read()
                    facts = _Facts.of(item, export)
                    # participating-org and a date are required: without an organisation, or
                    # without any date a source states, no activity (no date is made up).
                    if item.participations and _has_stated_date(facts):
                        document.write("\n")
                        document.write(_activity(facts, export), pretty_print=True)
                        tally.written += 1
                        document.flush()
                        yield sink.take()
            document.write("\n")
    yield sink.take() + b"\n"


def _page_paths() -> dict[str, tuple[str, str]]:
    paths = {}
    for language in LANGUAGES:
        with translation.override(language):
            paths[language] = batches.project_page_path()
    return paths


def _activity(facts: _Facts, export: _Export) -> etree._Element:
    project = facts.project
    currency, headline_amount = _headline_figure(facts)
    attributes = {
        "last-updated-datetime": _datetime(_last_updated(facts, export)),
        XML_LANG: project.original_language,
        "default-currency": currency,
    }
    activity = _element(None, "iati-activity", attributes)
    _element(activity, "iati-identifier", text=iati_identifier(project))
    activity.append(export.fragment(("reporting-org",), _reporting_org))
    _text_element(activity, "title", _translations(project, "title"))
    _descriptions(activity, project)
    if headline_amount is not None and not _fits_a_budget_period(project):
        _text_element(activity, "description", _whole_budget(facts, currency), {"type": "4"})
    _participating_orgs(activity, facts, export)
    _other_identifier(activity, facts)
    status = project_status(project.start_date, project.end_date, export.today)
    _element(activity, "activity-status", {"code": ACTIVITY_STATUS[status]})
    _activity_dates(activity, facts, export.today)
    _contacts(activity, facts, export)
    _recipient_countries(activity, facts)
    for place in facts.places:
        if place.kind != PlaceKind.COUNTRY:
            location = export.fragment(("location", place.pk), lambda p=place: _location(p, export))
            activity.append(location)
    _sectors(activity, facts)
    if headline_amount is not None and _fits_a_budget_period(project):
        _budget(activity, project, currency, headline_amount)
    committed_on = _committed_on(facts, export.today)
    if committed_on is not None:  # a transaction needs a date: none is made up
        _transactions(activity, facts, export, committed_on)
    _document_links(activity, project, export)
    return activity


# --- Text and organisations ------------------------------------------------------------------


def _reporting_org() -> etree._Element:
    attributes = {"ref": reporting_org_ref(), "type": "90", "secondary-reporter": "1"}
    reporting_org = _element(None, "reporting-org", attributes)
    _narratives(reporting_org, REGISTRY_NAME)
    return reporting_org


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


def _participating_orgs(activity, facts: _Facts, export: _Export) -> None:
    roles = list(PARTICIPATION_ROLES)
    participations = sorted(
        enumerate(facts.participations),
        key=lambda p: (PARTICIPATION_ROLES[p[1][1]], roles.index(p[1][1]), p[0]),
    )
    listed = set()
    for _index, (organization, registry_role) in participations:
        role = PARTICIPATION_ROLES[registry_role]
        if (organization.pk, role) not in listed:
            listed.add((organization.pk, role))
            _organisation(activity, export, "participating-org", organization, role=role)


def _other_identifier(activity, facts: _Facts) -> None:
    project = facts.project
    if not project.contract_number:
        return
    attributes = {"ref": project.contract_number, "type": "A9"}
    identifier = _element(activity, "other-identifier", attributes)
    donors = {org for org, role in facts.participations if role == ParticipationRole.DONOR}
    if len(donors) == 1:
        _narratives(_element(identifier, "owner-org"), _organisation_names(donors.pop()))


def _organisation(
    parent, export: _Export, tag: str, organization: Organization, **attributes
) -> None:
    def build():
        element = _element(None, tag, {"type": organisation_type(organization), **attributes})
        _narratives(element, _organisation_names(organization))
        return element

    parent.append(export.fragment((tag, organization.pk, *attributes.items()), build))


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


def _contacts(activity, facts: _Facts, export: _Export) -> None:
    for contact in facts.contacts:
        info = _element(activity, "contact-info", {"type": "1"})
        if contact["organization_id"] is not None:
            organization = export.organizations[contact["organization_id"]]
            _text_element(info, "organisation", _organisation_names(organization))
        _text_element(info, "person-name", _texts(contact, "name"))
        _text_element(info, "job-title", _texts(contact, "position"))
        for phone in contact["phones"]:
            _element(info, "telephone", text=phone)
        for email in contact["emails"]:
            _element(info, "email", text=email)


def _document_links(activity, project: Project, export: _Export) -> None:
    for language in LANGUAGES:
        before, after = export.page_paths[language]
        url = f"{export.base_url}{before}{project.slug}{after}"
        link = _element(activity, "document-link", {"url": url, "format": "text/html"})
        _narratives(_element(link, "title"), {language: PAGE_TITLE[language]})
        _element(link, "category", {"code": "A12"})
        _element(link, "language", {"code": language})


# --- Dates ------------------------------------------------------------------------------------


def _activity_dates(activity, facts: _Facts, today: datetime.date) -> None:
    project = facts.project
    if project.start_date is None and project.end_date is None:
        _activity_date(activity, "2", _announced_on(facts), START_NOT_STATED)
        return
    if project.start_date is not None:
        start_type = "2" if project.start_date <= today else "1"
        note = _date_note(project.start, "start", facts.inferred_dates)
        _activity_date(activity, start_type, project.start_date, note)
    if project.end_date is not None:
        end_type = "4" if project.end_date < today else "3"
        note = _date_note(project.end, "end", facts.inferred_dates)
        _activity_date(activity, end_type, project.end_date, note)


def _activity_date(activity, type_code: str, date: datetime.date, notes: dict) -> None:
    element = _element(activity, "activity-date", {"type": type_code, "iso-date": date.isoformat()})
    _narratives(element, notes)


def _date_note(date: PartialDate, edge: str, inferred: set[str]) -> dict[str, str]:
    """Says that an editor inferred the date, or which day stands for a month or a year ({}
    for a date a source states to the day)."""
    if f"{edge}:{date.isoformat()}" in inferred:
        notes = INFERRED_DATE_NOTES[edge]
    else:
        notes = PRECISION_NOTES.get((date.precision, edge), {})
    return {language: note.format(value=date.isoformat()) for language, note in notes.items()}


def _has_stated_date(facts: _Facts) -> bool:
    project = facts.project
    return bool(project.start_date or project.end_date or _announced_on(facts))


def _announced_on(facts: _Facts) -> datetime.date | None:
    """The date by which the activity had been announced: the earliest publication date its
    sources state (None when none does: the day the registry recorded a project is no fact
    about the activity)."""
    published = [source["published_on"] for source in facts.sources if source["published_on"]]
    return min(published) if published else None


def _committed_on(facts: _Facts, today: datetime.date) -> datetime.date | None:
    """The earliest date by which the donors' commitments are known to have existed: a grant
    is committed before its work starts, and before it is announced."""
    announced_on = _announced_on(facts)
    start_date = facts.project.start_date
    if start_date is not None and start_date <= today:
        return min(announced_on, start_date) if announced_on else start_date
    return announced_on


def _last_updated(facts: _Facts, export: _Export) -> datetime.datetime:
    organizations = [organization for organization, _role in facts.participations]
    organizations += [
        export.organizations[line.donor_id] for line in facts.funding if line.donor_id
    ]
    organizations += [
        export.organizations[c["organization_id"]] for c in facts.contacts if c["organization_id"]
    ]
    places = [area for place in facts.places for area in [place, *export.tree.ancestors(place.pk)]]
    updated = [row.updated_at for row in [*organizations, *places]]
    updated += [source["updated_at"] for source in facts.sources]
    return max([facts.project.updated_at, *updated])


# --- Places -----------------------------------------------------------------------------------


def _recipient_countries(activity, facts: _Facts) -> None:
    codes = sorted({place.country_code for place in facts.places if place.country_code})
    for code, percentage in zip(codes, _equal_shares(len(codes)), strict=True):
        _element(activity, "recipient-country", {"code": code, "percentage": percentage})


def _equal_shares(count: int) -> list[str]:
    """Percentages with two decimals that add up to exactly 100; the first takes the rest."""
    if count == 0:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return [_number(Decimal(100) - share * (count - 1))] + [_number(share)] * (count - 1)


def _sectors(activity, facts: _Facts) -> None:
    """The themes editors gave, as OECD DAC 5-digit codes (vocabulary 1): one alone covers the
    whole project; several have the shares editors gave them, adding up to 100."""
    for code, share in facts.sectors:
        attributes = {"vocabulary": "1", "code": code}
        if len(facts.sectors) > 1:
            attributes["percentage"] = str(share)
        _element(activity, "sector", attributes)


def _location(place: Place, export: _Export) -> etree._Element:
    tree = export.tree
    location = _element(None, "location", {"ref": place.slug})
    _element(location, "location-reach", {"code": "1"})
    if place.geonames_id:
        _element(location, "location-id", {"vocabulary": "G1", "code": str(place.geonames_id)})
    _text_element(location, "name", _translations(place, "name"))
    ancestors = list(reversed(tree.ancestors(place.pk)))  # nearest first
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
    return location


# --- Money ------------------------------------------------------------------------------------


def _headline_figure(facts: _Facts) -> tuple[str | None, Decimal | None]:
    """The headline currency and amount, by ProjectQuerySet.with_budget's rule on the loaded
    lines: the currency of a total before a contribution, the larger first; the largest total
    in it, else the sum of the donor contributions in it."""
    lines = facts.funding
    if not lines:
        return None, None
    currency = min(lines, key=lambda line: (line.kind != FundingKind.TOTAL, -line.amount)).currency
    sums = _headline_sums(facts, currency)
    return currency, sum(amount for _qualifier, amount in sums) if sums else None


def _headline_sums(facts: _Facts, currency: str) -> list[tuple[str, Decimal]]:
    """The headline figure in `currency` as (qualifier, amount) pairs in QUALIFIER_ORDER: the
    largest total, else the donor contributions summed per qualifier ("up to" figures kept
    apart from exact ones)."""
    lines = [line for line in facts.funding if line.currency == currency]
    totals = [line for line in lines if line.kind == FundingKind.TOTAL]
    if totals:
        largest = max(totals, key=lambda line: line.amount)
        return [(largest.qualifier, largest.amount)]
    by_qualifier: dict[str, Decimal] = {}
    for line in lines:
        if line.kind == FundingKind.DONOR_CONTRIBUTION:
            by_qualifier[line.qualifier] = by_qualifier.get(line.qualifier, 0) + line.amount
    return [(q, by_qualifier[q]) for q in formatting.QUALIFIER_ORDER if q in by_qualifier]


def _fits_a_budget_period(project: Project) -> bool:
    """Both dates known and at most a year apart (IATI's rule 7.5.3)."""
    start, end = project.start_date, project.end_date
    if start is None or end is None:
        return False
    try:
        a_year_on = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        a_year_on = start.replace(year=start.year + 1, day=28)
    return end <= a_year_on


WHOLE_BUDGET = {
    "ru": "Бюджет всего проекта по источнику: {amount}.",
    "kk": "Дереккөз бойынша бүкіл жобаның бюджеті: {amount}.",
    "en": "Budget of the whole project as stated: {amount}.",
}


def _whole_budget(facts: _Facts, currency: str) -> dict[str, str]:
    """The headline figure of a project that is not one budget period, in words, with the
    source's "more than" or "up to" (contributions qualified differently are kept apart)."""
    sums = _headline_sums(facts, currency)
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            stated = formatting.qualified_sums(sums, currency)
        texts[language] = WHOLE_BUDGET[language].format(amount=stated)
    return texts


def _budget(activity, project: Project, currency: str, amount: Decimal) -> None:
    budget = _element(activity, "budget", {"type": "1", "status": "1"})
    _element(budget, "period-start", {"iso-date": project.start_date.isoformat()})
    _element(budget, "period-end", {"iso-date": project.end_date.isoformat()})
    value_attributes = {"currency": currency, "value-date": project.start_date.isoformat()}
    _element(budget, "value", value_attributes, _number(amount))


def _transactions(activity, facts: _Facts, export: _Export, committed_on: datetime.date) -> None:
    leads = [
        organization
        for organization, role in facts.participations
        if role == ParticipationRole.LEAD_IMPLEMENTER
    ]
    for line in facts.funding:
        if line.donor_id is None or line.kind == FundingKind.OTHER:
            continue
        transaction = _element(activity, "transaction")
        _element(transaction, "transaction-type", {"code": "11"})
        _element(transaction, "transaction-date", {"iso-date": committed_on.isoformat()})
        value_attributes = {"currency": line.currency, "value-date": committed_on.isoformat()}
        _element(transaction, "value", value_attributes, _number(line.amount))
        _text_element(transaction, "description", _funding_description(line))
        _organisation(transaction, export, "provider-org", export.organizations[line.donor_id])
        if leads:
            _organisation(transaction, export, "receiver-org", leads[0])


def _funding_description(line: FundingValues) -> dict[str, str]:
    qualifier = AMOUNT_QUALIFIERS.get(line.qualifier, dict.fromkeys(LANGUAGES, ""))
    notes = {language: (line.note[language] or "").strip() for language in LANGUAGES}
    return _joined(" ", qualifier, notes)


# --- XML helpers ------------------------------------------------------------------------------


def _element(parent, tag: str, attributes: dict | None = None, text: str | None = None):
    """A child element (of no parent when parent is None); attributes whose value is None are
    left out."""
    attributes = {
        name: _xml_text(value) for name, value in (attributes or {}).items() if value is not None
    }
    if parent is None:
        element = etree.Element(tag, attributes)
    else:
        element = etree.SubElement(parent, tag, attributes)
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


def _texts(values: Mapping, field: str) -> dict[str, str]:
    """_translations() of a values row."""
    return {language: (values[f"{field}_{language}"] or "").strip() for language in LANGUAGES}


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
    reasons, in plain text, when a filter does not validate. Without parameters, the file of
    the current build_open_data when there is one (prebuilt.py)."""
    if prebuilt_file := prebuilt.response_for(request, "iati.xml"):
        return prebuilt_file
    try:
        projects = published_projects_matching(request.GET)
    except InvalidFilters as invalid:
        return HttpResponseBadRequest(
            _filter_errors(invalid), content_type="text/plain; charset=utf-8"
        )
    document = iati_document(projects, base_url=request.build_absolute_uri("/"))
    return StreamingHttpResponse(
        coalesce_pieces(in_one_snapshot(document)), content_type=CONTENT_TYPE
    )


def _filter_errors(invalid: InvalidFilters) -> str:
    return "Invalid filter parameters.\n" + "\n".join(invalid.lines()) + "\n"
