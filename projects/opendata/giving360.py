"""The registry as a 360Giving data package (360Giving Data Standard 1.4, JSON).

360Giving describes grants, not projects: one grant is one funder's money to one recipient. The
registry describes projects, so each published project gives one grant per donor whose
contribution it states (a `donor_contribution` funding line). Seed 003, funded by the U.S.
Department of State ($750,000) and USAID (up to $800,000), would give two grants, each listing
the other in `relatedActivity`.

What is left out, and why
- A donor with no stated contribution (seeds 001 and 002: the EU, no figure): `amountAwarded` is
  required and means "total amount awarded". 0 would say the donor gave nothing, and a project's
  total is not one donor's grant (seed 004: EUR 470,000 total, EUR 420,000 from the EU). The
  standard offers no "unknown" value, so such grants are not published; the project page still
  shows the donor.
- A project with no lead implementer (seed 003 names no recipient: the money is announced for
  organisations still to be chosen): every grant needs `recipientOrganization` (or an
  individual), and inventing one would mislead every consumer who counts grants by recipient.
- A project with no date at all (seed 003 again): `awardDate` is required and must be a full
  date; none is invented.
So the five seeds give two grants (seeds 000 and 004, both from the EU). An empty selection
gives `"grants": []`, which the package schema (minItems 1) does not accept: there is no valid
360Giving file with no grants.

Fields
- id: `<GIVING360_ID_PREFIX>-<project slug>_<donor slug>` (slugs never change; the underscore
  separates the two hyphenated slugs). A donor giving in two currencies gets one grant per
  currency, with `_<currency>` appended. The prefix must start with `360G-`, as the standard
  requires of publishers; 360Giving issues the real one.
- title, description: 360Giving has one text per field and its tools (GrantNav, 360Insights)
  work in English, so the English text is used when the project has an English title and
  summary (or description); otherwise the text of the source's language. The description is
  the summary (else the description, else the title), then a note naming the language of the
  text and of the source (with the original title when the text is a translation), then a note
  on a qualified amount. Organisation and place names follow the same language.
- currency, amountAwarded: the donor's contributions in that currency, summed. "Up to", "more
  than" and "about" figures are published as stated, with a sentence in the description ("The
  source states the amount as up to 800,000 USD.") and a classification in the vocabulary
  `<prefix>-amount-qualifier` (code up_to / more_than / about) for machines.
- classifications also hold the project's themes, which editors coded with the OECD DAC
  purpose codes (vocabulary "OECD DAC CRS purpose codes", code, English title).
- awardDate: press releases rarely state the decision date, so this is the earliest date the
  registry knows the grant by: the planned start (the first day of its period when only the
  month or year is known) or a source's publication date, whichever is earlier.
- plannedDates: startDate and endDate at their real precision ("2017-02"), and duration in
  months when the source states it.
- recipientOrganization: the lead implementer. fundingOrganization: the donor. Organisations
  have no official identifiers in the registry, so both get `<prefix>-<slug>`, the internal
  identifier the standard prescribes for organisations without a registration number. The EU
  has no single organisation identifier (in IATI each Commission directorate has its own, e.g.
  XI-IATI-EC_INTPA, and the registry does not record which one managed a grant; EIDHR is a
  funding instrument, not an organisation), so it gets one too. The home place goes to
  addressLocality (a city, town or village) or addressRegion (a district or region); the
  country's English name to addressCountry.
- beneficiaryLocation: the project's places: name, countryCode, latitude and longitude when
  known, and the GeoNames URI as `id`. geoCode and geoCodeType are left out: the geoCodeType
  codelist holds UK (ONS) code types only.
- url: the project's public page in the language of the text. dataSource: the source press
  release's address when it has one, else that page. relatedDocument: the source press releases.
- dateModified: the latest change to the project, its recipient or its donor.
Package: version, title, description, publisher (name, website), license, modified.

Where: /open-data/360giving.json takes the project list's query parameters (the grants of the
projects the list shows; `?donor=` keeps that donor's grants only, since a grant is one donor's
money); `manage.py export_360giving FILE` writes every published project's grants. Both write
the package a project at a time, so its size does not matter; its `modified` comes first, from
one aggregate query.
Settings: GIVING360_ID_PREFIX (default "360G-kzgrantregistry", a placeholder until 360Giving
issues the registry's prefix: set it before the first publication, as every id changes with
it), GIVING360_PUBLISHER_NAME and GIVING360_LICENSE (default CC BY 4.0).
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import (
    DateTimeField,
    Exists,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.views.decorators.http import require_safe

from projects.countries import country_name
from projects.filters import InvalidFilters, published_projects_matching
from projects.models import (
    AmountQualifier,
    FundingKind,
    FundingLine,
    Organization,
    Participation,
    ParticipationRole,
    Place,
    PlaceKind,
    Project,
    Sector,
    SourceDocument,
)
from projects.places import PlaceTree

from . import batches, prebuilt
from .batches import FundingValues, ProjectValues, translated_fields
from .files import Tally, coalesce_pieces, in_one_snapshot, keeps_language

SCHEMA_VERSION = "1.4"
DEFAULT_ID_PREFIX = "360G-kzgrantregistry"
DEFAULT_PUBLISHER_NAME = "Grant-project registry"
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def license_url() -> str:
    """The open data's licence (GIVING360_LICENSE, CC BY 4.0 by default)."""
    return getattr(settings, "GIVING360_LICENSE", DEFAULT_LICENSE)


JSON_CONTENT_TYPE = "application/json; charset=utf-8"

LOCALITY_KINDS = {PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.SETTLEMENT, PlaceKind.VILLAGE}
QUALIFIER_WORDS = {
    AmountQualifier.UP_TO: "up to",
    AmountQualifier.MORE_THAN: "more than",
    AmountQualifier.ABOUT: "about",
}


def id_prefix() -> str:
    prefix = getattr(settings, "GIVING360_ID_PREFIX", DEFAULT_ID_PREFIX)
    if not prefix.startswith("360G-") or len(prefix) <= len("360G-"):
        raise ImproperlyConfigured(f"GIVING360_ID_PREFIX must look like 360G-name, got {prefix!r}")
    return prefix


PROJECT_DEFERRED = translated_fields("objectives", "results")  # not mapped
RELATED = (
    batches.PARTICIPATIONS, batches.FUNDING, batches.PLACES, batches.SOURCE_DETAILS,
    batches.SECTORS,
)  # fmt: skip
SECTOR_VOCABULARY = "OECD DAC CRS purpose codes"
ORGANIZATION_COLUMNS = (
    "slug", "website", "country", "city_id", "updated_at",
    *translated_fields("name", "short_name"),
)  # fmt: skip


def grants_document(
    projects: QuerySet,
    *,
    base_url: str = "",
    donor_slug: str | None = None,
    tally: Tally | None = None,
    chunk_size: int | None = None,
) -> Iterator[str]:
    """The published projects' grants as a 360Giving data package (see the module docstring),
    in pieces of JSON text: the package's metadata, then one project's grants at a time, read
    from chunks of projects with a fixed number of queries each (batches.py).

    `base_url` ("https://example.org") makes the links absolute; without it the grants carry no
    links. `donor_slug` keeps only that donor's grants. `tally` counts the projects read and the
    grants written. The text is what json.dumps(package, indent=2) would give.
    """
    mapper = GrantMapper(prefix=id_prefix(), base_url=base_url.rstrip("/"))  # checked now
    projects = projects.filter(is_published=True)
    return _document(mapper, projects, donor_slug, tally or Tally(), chunk_size)


@keeps_language
def _document(mapper, projects, donor_slug, tally, chunk_size) -> Iterator[str]:
    metadata = mapper.metadata(latest_modification(projects, donor_slug=donor_slug))
    head = json.dumps(metadata | {"grants": []}, ensure_ascii=False, indent=2)
    yield head.removesuffix("[]\n}")
    mapper.places = batches.places(PlaceTree.load())
    mapper.organizations = batches.organizations(*ORGANIZATION_COLUMNS)
    mapper.sector_titles = dict(Sector.objects.values_list("code", "name_en"))
    chunks = batches.instance_chunks(projects, RELATED, defer=PROJECT_DEFERRED, size=chunk_size)
    separator = "[\n    "  # json.dumps(package, indent=2) puts a grant 4 spaces in
    for chunk in chunks:
        for item in chunk:
            tally.project_read()
            for grant in mapper.project_grants(item, donor_slug=donor_slug):
                text = json.dumps(grant, ensure_ascii=False, indent=2).replace("\n", "\n    ")
                yield separator + text
                separator = ",\n    "
                tally.written += 1
    yield "[]\n}\n" if separator.startswith("[") else "\n  ]\n}\n"


def latest_modification(projects: QuerySet, *, donor_slug: str | None = None):
    """When the package's grants last changed (the latest of their dateModified), from one
    aggregate query: the projects that give a grant (a positive donor contribution, a lead
    implementer and a date), their first lead implementers and their contributing donors."""
    contributions = FundingLine.objects.filter(
        project=OuterRef("pk"),
        kind=FundingKind.DONOR_CONTRIBUTION,
        donor__isnull=False,
        amount__gt=0,  # amounts are never negative: a positive sum has a positive line
    )
    if donor_slug:
        contributions = contributions.filter(donor__slug=donor_slug)
    leads = Participation.objects.filter(
        project=OuterRef("pk"), role=ParticipationRole.LEAD_IMPLEMENTER
    ).order_by("id")
    dated_sources = SourceDocument.objects.filter(
        project=OuterRef("pk"), published_on__isnull=False
    )
    granting = Project.objects.filter(
        Q(start_date__isnull=False) | Exists(dated_sources),
        Exists(contributions),
        Exists(leads),
        pk__in=projects.order_by().values("pk"),
    )
    when = DateTimeField()
    latest = granting.aggregate(
        project=Max("updated_at"),
        recipient=Max(Subquery(leads.values("organization__updated_at")[:1], output_field=when)),
        donor=Max(
            Subquery(
                contributions.order_by("-donor__updated_at").values("donor__updated_at")[:1],
                output_field=when,
            )
        ),
    )
    return max((moment for moment in latest.values() if moment is not None), default=None)


def grants_package(projects, *, base_url: str = "", donor_slug: str | None = None) -> dict:
    """grants_document() as a dict (for tests and small selections)."""
    return json.loads("".join(grants_document(projects, base_url=base_url, donor_slug=donor_slug)))


@require_safe
def giving360_view(request):
    """/open-data/360giving.json: the grants of the projects the list shows for the same query
    parameters; `?donor=` keeps that donor's grants only. Bad parameters: 400 with the errors.
    The package is streamed as it is written, or is the file of the current build_open_data
    when there are no parameters (prebuilt.py)."""
    if prebuilt_file := prebuilt.response_for(request, "360giving.json"):
        return prebuilt_file
    try:
        projects = published_projects_matching(request.GET)
    except InvalidFilters as error:
        body = json.dumps({"errors": error.errors}, ensure_ascii=False)
        return HttpResponse(body, status=400, content_type=JSON_CONTENT_TYPE)
    document = grants_document(
        projects,
        base_url=request.build_absolute_uri("/"),
        donor_slug=request.GET.get("donor") or None,
    )
    pieces = (text.encode("utf-8") for text in coalesce_pieces(in_one_snapshot(document)))
    return StreamingHttpResponse(pieces, content_type=JSON_CONTENT_TYPE)


# --- Mapping --------------------------------------------------------------------------------


@dataclass
class Award:
    """One donor's stated contributions to one project in one currency."""

    donor: Organization
    currency: str
    lines: list[FundingValues]

    @property
    def amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def qualified_lines(self) -> list[FundingValues]:
        return [line for line in self.lines if line.qualifier in QUALIFIER_WORDS]


@dataclass
class GrantFacts:
    """What every grant of one project shares."""

    project: Project
    recipient: Organization
    award_date: datetime.date
    language: str
    grant_ids: list[str]
    places: list[Place]
    sources: list[dict]  # by file name
    sectors: list[tuple[str, int | None]]  # (DAC code, share), as editors coded them


def project_awards(item: ProjectValues, organizations: Mapping) -> list[Award]:
    """The project's awards, one per (donor, currency), from its donor contributions in the
    order they were made. A stated contribution of 0 is no grant."""
    by_key: dict[tuple, list[FundingValues]] = defaultdict(list)
    for line in item.funding:
        if line.kind == FundingKind.DONOR_CONTRIBUTION and line.donor_id is not None:
            by_key[(line.donor_id, line.currency)].append(line)
    awards = [
        Award(organizations[donor_id], currency, lines)
        for (donor_id, currency), lines in by_key.items()
    ]
    return [award for award in awards if award.amount > 0]


def lead_implementer(item: ProjectValues, organizations: Mapping) -> Organization | None:
    leads = [org for org, role in item.participations if role == ParticipationRole.LEAD_IMPLEMENTER]
    return organizations[leads[0]] if leads else None


def award_date(project: Project, sources: list[dict]):
    """The earliest date the registry knows the grant by (see the module docstring)."""
    dates = [source["published_on"] for source in sources if source["published_on"]]
    if project.start_date:
        dates.append(project.start_date)
    return min(dates, default=None)


def text_language(project: Project) -> str:
    if project.title_en and (project.summary_en or project.description_en):
        return "en"
    return project.original_language


def language_name(code: str) -> str:
    return translation.get_language_info(code)["name"]


def number(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def formatted_amount(line: FundingValues) -> str:
    digits = f"{line.amount:,.0f}" if line.amount == int(line.amount) else f"{line.amount:,.2f}"
    return f"{digits} {line.currency}"


def compact(fields: dict) -> dict:
    """The fields that have a value: the schema accepts a missing field, not an empty one."""
    return {key: value for key, value in fields.items() if value not in (None, "", [], {})}


@dataclass
class GrantMapper:
    prefix: str
    base_url: str
    organizations: Mapping[int, Organization] = field(default_factory=dict)
    places: Mapping[int, Place] = field(default_factory=dict)
    sector_titles: Mapping[str, str] = field(default_factory=dict)  # DAC code -> English name

    def metadata(self, modified: datetime.datetime | None) -> dict:
        """The package's fields but its grants; `modified` is the latest grant's
        dateModified."""
        publisher = {
            "name": getattr(settings, "GIVING360_PUBLISHER_NAME", DEFAULT_PUBLISHER_NAME),
            "website": f"{self.base_url}/" if self.base_url else None,
        }
        metadata = {
            "version": SCHEMA_VERSION,
            "title": "Donor grants to civil-society projects in Kazakhstan and Central Asia",
            "description": (
                "One grant per project and donor whose contribution the source states. Projects "
                "without a stated contribution, a lead implementer or any date are in the "
                "registry but not in this file."
            ),
            "publisher": compact(publisher),
            "license": license_url(),
            "modified": modified.isoformat(timespec="seconds") if modified else None,
        }
        return compact(metadata)

    def project_grants(self, item: ProjectValues, *, donor_slug: str | None = None) -> list[dict]:
        project = item.row
        recipient = lead_implementer(item, self.organizations)
        date = award_date(project, item.source_details)
        if recipient is None or date is None:
            return []
        awards = project_awards(item, self.organizations)
        ids = self.grant_ids(project, awards)
        places = [self.places[place] for place in item.places]
        language = text_language(project)
        facts = GrantFacts(
            project, recipient, date, language, ids, places, item.source_details, item.sectors
        )
        with translation.override(facts.language):
            return [
                self.grant(facts, award, grant_id)
                for award, grant_id in zip(awards, ids, strict=True)
                if donor_slug is None or award.donor.slug == donor_slug
            ]

    def grant_ids(self, project: Project, awards: list[Award]) -> list[str]:
        currencies_of_donor = defaultdict(int)
        for award in awards:
            currencies_of_donor[award.donor.pk] += 1
        return [
            f"{self.prefix}-{project.slug}_{award.donor.slug}"
            + (f"_{award.currency.lower()}" if currencies_of_donor[award.donor.pk] > 1 else "")
            for award in awards
        ]

    def grant(self, facts: GrantFacts, award: Award, grant_id: str) -> dict:
        project = facts.project
        page = self.link(project.get_absolute_url())
        sources = facts.sources
        modified = max(project.updated_at, facts.recipient.updated_at, award.donor.updated_at)
        return compact(
            {
                "id": grant_id,
                "title": project.title,
                "description": self.description(facts, award),
                "currency": award.currency,
                "amountAwarded": number(award.amount),
                "awardDate": facts.award_date.isoformat(),
                "plannedDates": self.planned_dates(project),
                "recipientOrganization": [self.organization(facts.recipient)],
                "fundingOrganization": [self.organization(award.donor, address=False)],
                "beneficiaryLocation": [self.location(place) for place in facts.places],
                "classifications": [
                    *self.sector_classifications(facts),
                    *self.qualifier_classifications(award),
                ],
                "relatedActivity": [other for other in facts.grant_ids if other != grant_id],
                "relatedDocument": [self.document(source) for source in sources],
                "url": page,
                "dataSource": next((source["url"] for source in sources if source["url"]), page),
                "dateModified": modified.isoformat(timespec="seconds"),
            }
        )

    def link(self, path: str) -> str | None:
        return f"{self.base_url}{path}" if self.base_url else None

    def description(self, facts: GrantFacts, award: Award) -> str:
        project = facts.project
        text = project.summary or project.description or project.title
        notes = [self.language_note(project, facts.language), self.amount_note(award)]
        return "\n\n".join([text, *[note for note in notes if note]])

    @staticmethod
    def language_note(project: Project, language: str) -> str:
        source = project.original_language
        if language == source:
            return f"Text in {language_name(language)}, the language of the source."
        note = (
            f"Text in {language_name(language)}, translated from the {language_name(source)} source"
        )
        original_title = getattr(project, f"title_{source}", "")
        return f"{note} (original title: {original_title})." if original_title else f"{note}."

    def amount_note(self, award: Award) -> str:
        stated = [
            f"{QUALIFIER_WORDS[line.qualifier]} {formatted_amount(line)}"
            for line in award.qualified_lines
        ]
        return f"The source states the amount as {'; '.join(stated)}." if stated else ""

    def sector_classifications(self, facts: GrantFacts) -> list[dict]:
        """The project's themes, which editors coded with the OECD DAC purpose codes."""
        return [
            {"vocabulary": SECTOR_VOCABULARY, "code": code, "title": self.sector_titles[code]}
            for code, _share in facts.sectors
        ]

    def qualifier_classifications(self, award: Award) -> list[dict]:
        qualifiers = sorted({line.qualifier for line in award.qualified_lines})
        return [
            {
                "vocabulary": f"{self.prefix}-amount-qualifier",
                "code": qualifier,
                "title": f"Amount stated as {QUALIFIER_WORDS[qualifier]} the figure",
            }
            for qualifier in qualifiers
        ]

    @staticmethod
    def planned_dates(project: Project) -> list[dict]:
        event = compact(
            {
                "startDate": project.start.isoformat(),
                "endDate": project.end.isoformat(),
                "duration": project.duration_months,
            }
        )
        return [event] if event else []

    def organization(self, organization: Organization, *, address: bool = True) -> dict:
        fields = {
            "id": f"{self.prefix}-{organization.slug}",
            "name": organization.name,
            "alternateName": organization.short_name
            if organization.short_name != organization.name
            else None,
            "url": organization.website,
        }
        if address:
            fields |= self.address(organization)
        return compact(fields)

    def address(self, organization: Organization) -> dict:
        home = self.places[organization.city_id] if organization.city_id else None
        return {
            "addressLocality": home.name if home and home.kind in LOCALITY_KINDS else None,
            "addressRegion": home.name if home and home.kind not in LOCALITY_KINDS else None,
            "addressCountry": country_name(organization.country, "en") or None,
        }

    @staticmethod
    def location(place: Place) -> dict:
        geonames = f"https://sws.geonames.org/{place.geonames_id}/" if place.geonames_id else None
        return compact(
            {
                "id": geonames,
                "name": place.name,
                "countryCode": place.country_code,
                "latitude": float(place.latitude) if place.latitude is not None else None,
                "longitude": float(place.longitude) if place.longitude is not None else None,
            }
        )

    @staticmethod
    def document(source: dict) -> dict:
        return compact(
            {
                "title": source["title"] or source["file_name"],
                "url": source["url"],
                "documentType": "Press release",
            }
        )
