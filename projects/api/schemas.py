"""The API's request and response schemas: every response is checked against them by
django-ninja, and /api/openapi.json describes them."""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.conf import settings
from ninja import Field, Schema
from pydantic import ConfigDict, WithJsonSchema

from ..filters import MAX_AMOUNT, MAX_QUERY_LENGTH, YEAR_RANGE, SortOrder
from ..models import (
    COUNTRY_CODES,
    CURRENCY_CODES,
    AmountQualifier,
    FundingKind,
    OrganizationKind,
    ParticipationRole,
    PlaceKind,
    ProjectStatus,
)
from ..partial_dates import DatePrecision
from ..sectors import CODE_PATTERN

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
SLUG_LENGTH = 120
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"  # as SlugField: ASCII letters, digits, - and _

# --- Shared pieces ---------------------------------------------------------------------------

Role = Literal[tuple(ParticipationRole.values)]
ROLE_ORDER = {role: index for index, role in enumerate(ParticipationRole.values)}  # lead first
# A budget bound as the public list takes it: up to two decimals, within what the database holds.
Amount = Annotated[
    Decimal,
    Field(ge=0, le=MAX_AMOUNT, decimal_places=2),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": float(MAX_AMOUNT)}),
]
Precision = Literal[tuple(DatePrecision.values)]


class TranslatedText(Schema):
    """One text in the registry's three languages; null where there is none yet."""

    ru: str | None
    kk: str | None
    en: str | None


class PageAddresses(Schema):
    """The record's public page in each language."""

    ru: str
    kk: str
    en: str


class Money(Schema):
    amount: str = Field(description='Decimal string with two decimals, e.g. "213793.00".')
    currency: str = Field(
        description="ISO 4217 code. Amounts in different currencies are never added together."
    )


class QualifiedMoney(Money):
    qualifier: Literal[tuple(AmountQualifier.values)] = Field(
        description='Whether the sources state the exact figure, "more than", "up to" or '
        '"about" (a sum is exact only when every figure in it is).'
    )


class FieldError(Schema):
    message: str = Field(description="What is wrong, for people.")
    code: str = Field(description="What is wrong, for programs (e.g. invalid_choice).")


class ErrorBody(Schema):
    detail: str = Field(description="What went wrong, in one sentence.")
    errors: dict[str, list[FieldError]] = Field(
        description="The parameters at fault, each with its problems (empty when none is)."
    )


class Page(Schema):
    count: int = Field(description="Results on all pages together.")
    page: int = Field(description="This page's number, from 1.")
    page_size: int = Field(description="Results per page.")
    next: str | None = Field(description="Address of the next page, or null on the last.")
    previous: str | None = Field(description="Address of the previous page, or null on the first.")


def _never_null(schema: dict) -> None:
    """A query parameter is absent or a string, never JSON null: document it as such."""
    for parameter in schema.get("properties", {}).values():
        options = [option for option in parameter.get("anyOf", []) if option != {"type": "null"}]
        if len(options) == 1:
            del parameter["anyOf"]
            parameter.update(options[0])


class PageParams(Schema):
    model_config = ConfigDict(json_schema_extra=_never_null)

    page: int = Field(1, ge=1, description="Page number, from 1. A page past the last is a 404.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Results per page, 1 to {MAX_PAGE_SIZE}.",
    )


class OrganizationRef(Schema):
    id: str = Field(description="The organisation's slug.")
    name: TranslatedText


class PlaceRef(Schema):
    id: str = Field(description="The place's slug.")
    name: TranslatedText
    kind: Literal[tuple(PlaceKind.values)]


# --- Projects --------------------------------------------------------------------------------


class ProjectListParams(PageParams):
    """The public project list's filters, with the same names, values and rules."""

    q: str | None = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        description="Words that must all appear in a project's texts (title, summary, "
        "description, objectives, results), keywords, organisations' or places' names and "
        "aliases, contract number or years, in any language and any grammatical form "
        '("Павлодаре" finds "Павлодар"). "Exact phrase" in double quotes, -word to exclude, '
        "OR between alternatives.",
    )
    place: str | None = Field(
        None,
        max_length=SLUG_LENGTH,
        description="A place's slug: projects working there or anywhere inside it.",
    )
    donor: str | None = Field(
        None, max_length=SLUG_LENGTH, description="An organisation's slug: projects it funds."
    )
    organization: str | None = Field(
        None,
        max_length=SLUG_LENGTH,
        description="An organisation's slug: projects it implements or is a partner in.",
    )
    sector: str | None = Field(
        None,
        pattern=CODE_PATTERN,
        description="A theme, as its OECD DAC 5-digit purpose code (15160: human rights): "
        "projects editors coded with it.",
    )
    status: Literal[tuple(ProjectStatus.values)] | None = Field(
        None, description="The status today, from the project's dates."
    )
    year: int | None = Field(
        None,
        ge=YEAR_RANGE[0],
        le=YEAR_RANGE[1],
        description="Projects active at some time in this year.",
    )
    year_from: int | None = Field(
        None,
        ge=YEAR_RANGE[0],
        le=YEAR_RANGE[1],
        description="Projects active at some time in this year or later.",
    )
    year_to: int | None = Field(
        None,
        ge=YEAR_RANGE[0],
        le=YEAR_RANGE[1],
        description="Projects active at some time in this year or earlier.",
    )
    budget_min: Amount | None = Field(
        None, description="Smallest budget, in `currency` (which it requires)."
    )
    budget_max: Amount | None = Field(
        None, description="Largest budget, in `currency` (which it requires)."
    )
    currency: Literal[tuple(CURRENCY_CODES)] | None = Field(
        None, description="Projects with a budget figure in this ISO 4217 currency."
    )
    language: Literal[tuple(LANGUAGE_CODES)] | None = Field(
        None, description="The language of the press release the record comes from."
    )
    sort: Literal[tuple(code for code, _label in SortOrder.CHOICES)] | None = Field(
        None,
        description="relevance (the default with `q`): projects whose titles or organisations "
        "hold every word first, then newest first; newest (the default without `q`): latest "
        "added first; start: latest start first; budget: largest budget first; title: A-Z in "
        "the language of the Accept-Language header (Russian when it names none of ru, kk, en).",
    )


class Participant(Schema):
    organization: OrganizationRef
    role: Role


class ProjectSummary(Schema):
    id: str = Field(description="The project's slug: stable, the end of its public address.")
    url: PageAddresses
    title: TranslatedText
    summary: TranslatedText
    start: str | None = Field(
        description="Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD; null when not stated."
    )
    start_precision: Precision
    end: str | None = Field(description="Partial ISO date, as `start`.")
    end_precision: Precision
    status: Literal[tuple(ProjectStatus.values)] = Field(description="Today, from the dates.")
    participations: list[Participant]
    places: list[PlaceRef]
    budget: QualifiedMoney | None = Field(
        description="The headline figure: the stated total, else the donors' contributions in "
        "that currency added up, with how the sources qualify it."
    )
    updated_at: datetime.datetime


class ProjectPlace(PlaceRef):
    region: str | None = Field(description="Slug of the region it lies in (itself for a region).")


class ProjectKeyword(Schema):
    id: str
    name: TranslatedText


class BudgetLine(Schema):
    donor: str | None = Field(description="The donor's slug; null for a total.")
    amount: str = Field(description="Decimal string with two decimals.")
    currency: str
    kind: Literal[tuple(FundingKind.values)]
    qualifier: Literal[tuple(AmountQualifier.values)] = Field(
        description='Whether the source states the exact figure, "more than", "up to" or "about".'
    )
    note: TranslatedText


class ContactPerson(Schema):
    name: TranslatedText = Field(
        description="Empty in every language when the source gives an organisation to contact."
    )
    position: TranslatedText
    organization: str | None = Field(
        description="Slug of the organisation they speak for, only when the source says so."
    )
    phones: list[str]
    faxes: list[str]
    emails: list[str]


class Source(Schema):
    """The press release the record comes from, with its text as received."""

    file_name: str | None
    language: Literal[tuple(LANGUAGE_CODES)]
    published: datetime.date | None
    title: str | None
    publisher: TranslatedText
    url: str | None
    dateline: str | None = Field(
        description="The place (and date) printed before the first sentence, as printed."
    )
    sha256: str = Field(description="SHA-256 of the text (UTF-8): the document's identity.")
    text: str = Field(description="The verbatim text of the press release.")


class Evidence(Schema):
    """Where one fact of the record comes from: the words of a source that state it, or an
    editor's note on how it was inferred."""

    fact: str = Field(
        description=(
            "The fact, named with its value: title, start:2017-02, end:2020-01, duration:24, "
            "contract_number:…, funding:<donor or ->:<amount>:<currency>:<kind>:<qualifier>, "
            "participation:<organisation>:<role>, place:<slug>, contact:<name> or "
            "contact:org:<organisation>. Evidence whose fact no longer matches the record's "
            "value has stopped applying."
        )
    )
    basis: Literal["stated", "inferred"]
    source_sha256: str | None = Field(description="The source quoted (see sources[].sha256).")
    start: int | None = Field(description="First character of the words in the source text.")
    end: int | None = Field(description="Character after the last.")
    quote: str | None = Field(description="The words, as in the source text.")
    note: TranslatedText = Field(description="The editor's note (required for an inference).")


class ProjectSector(Schema):
    code: str = Field(description="The OECD DAC 5-digit purpose code (IATI Sector vocabulary 1).")
    name: TranslatedText
    percentage: int | None = Field(
        description="The project's share under this theme, when it has several (they add up to "
        "100). Themes are coded by the registry's editors, not stated by the sources."
    )


class ProjectRecord(ProjectSummary):
    description: TranslatedText
    objectives: TranslatedText = Field(description="One objective per line.")
    results: TranslatedText = Field(description="One result per line.")
    duration_months: int | None = Field(description="Only when the source states it.")
    contract_number: str | None
    original_language: Literal[tuple(LANGUAGE_CODES)]
    keywords: list[ProjectKeyword]
    sectors: list[ProjectSector]
    places: list[ProjectPlace]
    funding: list[BudgetLine]
    title_given_by_editor: bool = Field(
        description="The source names no project: the title is the editor's description."
    )
    contacts: list[ContactPerson]
    sources: list[Source]
    evidence: list[Evidence]


class ProjectPage(Page):
    results: list[ProjectSummary]


# --- Organisations ---------------------------------------------------------------------------


class OrganizationListParams(PageParams):
    kind: Literal[tuple(OrganizationKind.values)] | None = Field(
        None, description="Only organisations of this kind."
    )
    role: Role | None = Field(
        None, description="Only organisations with this role in a published project."
    )


class OrganizationBase(Schema):
    id: str = Field(description="The organisation's slug.")
    url: PageAddresses
    name: TranslatedText
    short_name: TranslatedText
    kind: Literal[tuple(OrganizationKind.values)]
    country: str | None = Field(description="ISO 3166-1 alpha-2 code.")


class OrganizationSummary(OrganizationBase):
    roles: list[Role] = Field(description="Its roles in published projects.")
    project_count: int = Field(description="Published projects it takes part in.")


class OrganizationRecord(OrganizationBase):
    city: str | None = Field(description="Slug of its home place.")
    address: TranslatedText
    phones: list[str]
    emails: list[str]
    website: str | None
    links: list[str]
    projects_by_role: dict[str, list[str]] = Field(
        description="Slugs of its published projects by its role in them: the 20 that start "
        "latest in each role (project_counts says how many there are; projects_url lists all)."
    )
    project_counts: dict[str, int] = Field(
        description="How many published projects it has in each role."
    )
    projects_url: str = Field(
        description="The project list of this organisation's projects (as a donor if it is one)."
    )
    donor_totals: list[QualifiedMoney] = Field(
        description="What it gives to published projects as a donor: one total per currency "
        'and qualifier (figures stated exactly are never added to "up to" ones).'
    )


class OrganizationPage(Page):
    results: list[OrganizationSummary]


class DonorSummary(OrganizationBase):
    project_count: int = Field(description="Published projects it funds.")
    totals: list[QualifiedMoney] = Field(
        description="Its stated contributions: one total per currency and qualifier."
    )


class DonorPage(Page):
    results: list[DonorSummary]


# --- Places ----------------------------------------------------------------------------------


class PlaceListParams(PageParams):
    kind: Literal[tuple(PlaceKind.values)] | None = Field(
        None, description="Only places of this kind."
    )
    country: Literal[tuple(COUNTRY_CODES)] | None = Field(
        None, description="Only places in this country (ISO 3166-1 alpha-2)."
    )
    parent: str | None = Field(
        None,
        max_length=SLUG_LENGTH,
        pattern=SLUG_PATTERN,
        description="A place's slug: only the places directly inside it.",
    )


class PlaceSummary(PlaceRef):
    url: PageAddresses
    country: str | None = Field(description="ISO 3166-1 alpha-2 code.")
    parent: str | None = Field(description="Slug of the place it lies directly in.")
    latitude: float | None
    longitude: float | None
    geonames_id: int | None


class PlaceRecord(PlaceSummary):
    population: int | None
    ancestors: list[PlaceRef] = Field(description="The places it lies in, country first.")
    project_count: int = Field(description="Published projects working in it or inside it.")


class PlacePage(Page):
    results: list[PlaceSummary]
