"""The shape of the files in seeds/: reviewed project records and the place gazetteer.

seeds/README.md documents the format for reviewers; these pydantic models enforce it, so a
typo in a record is reported with the file and the path of the field at fault.
"""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from .models import (
    COUNTRY_CODES,
    CURRENCY_CODES,
    AmountQualifier,
    FundingKind,
    OrganizationKind,
    ParticipationRole,
    PlaceKind,
)
from .partial_dates import parse_partial_date
from .sectors import CODE_PATTERN, shares_add_up

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Language = Literal["ru", "kk", "en"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Text = Annotated[str, StringConstraints(strip_whitespace=True)]


class Translated(Strict):
    """A text in ru, kk and en. Reviewed seed records fill all three (read_record checks
    that); an export of editors' drafts may hold one language only, but never none."""

    ru: Text = ""
    kk: Text = ""
    en: Text = ""

    @model_validator(mode="after")
    def _some_language(self):
        if not (self.ru or self.kk or self.en):
            raise ValueError("give the text in at least one language")
        return self

    @property
    def complete(self) -> bool:
        return bool(self.ru and self.kk and self.en)


def _check_partial_date(value: str | None, period_end: bool = False) -> str | None:
    if value is not None:
        parse_partial_date(value, period_end=period_end)  # raises ValueError with a message
    return value


class SourceRecord(Strict):
    file: Text = ""  # the file beside the record (seeds), or its original name
    language: Language
    title: NonEmpty | None = None  # null when the document prints no headline
    published: str | None = None
    publisher: Translated | None = None
    url: str | None = None
    dateline: NonEmpty | None = None  # the place (and date) printed before the first sentence
    dateline_place: Slug | None = None  # the gazetteer place the dateline names
    text: str | None = None  # the verbatim text, in exports (seeds keep it in `file`)
    extraction: dict | None = None  # what the importer read in it, in exports

    @field_validator("published")
    @classmethod
    def _published_is_day(cls, value):
        if value is not None and parse_partial_date(value).precision != "day":
            raise ValueError("a publication date needs a day (YYYY-MM-DD) or null")
        return value


class ParticipationRecord(Strict):
    organization: Slug
    role: Literal[tuple(ParticipationRole.values)]  # type: ignore[valid-type]


class FundingRecord(Strict):
    donor: Slug | None
    amount: Annotated[str, StringConstraints(pattern=r"^\d+(?:\.\d{1,2})?$")]
    currency: str
    kind: Literal[tuple(FundingKind.values)]  # type: ignore[valid-type]
    qualifier: Literal[tuple(AmountQualifier.values)]  # type: ignore[valid-type]
    note: Translated | None = None

    @field_validator("currency")
    @classmethod
    def _iso_currency(cls, value):
        if value not in CURRENCY_CODES:
            raise ValueError(f"{value!r} is not an ISO 4217 currency code")
        return value

    @property
    def decimal_amount(self) -> Decimal:
        return Decimal(self.amount)


class ContactRecord(Strict):
    name: Translated | None = None  # null when the source gives an organisation, no person
    position: Translated | None = None
    organization: Slug | None = None
    phones: list[NonEmpty] = Field(default_factory=list)
    faxes: list[NonEmpty] = Field(default_factory=list)
    emails: list[NonEmpty] = Field(default_factory=list)

    @model_validator(mode="after")
    def _someone_to_contact(self):
        if self.name is None and self.organization is None:
            raise ValueError("give the person's name or the organisation to contact")
        return self


class EvidenceRecord(Strict):
    """Where the source states a fact (`quote` at character `at` of its text), or, with no
    quote, the editor's `note` on how the fact was inferred. A stated fact may carry a note
    too (why the words support it)."""

    fact: NonEmpty  # a key of facts.py: "title", "place:almaty", "funding:…"
    quote: Annotated[str, StringConstraints(min_length=1)] | None = None  # exactly as printed
    at: Annotated[int, Field(ge=0)] | None = None
    source: NonEmpty | None = None  # the source's file; the record's first source if null
    note: Translated | None = None

    @model_validator(mode="after")
    def _stated_or_inferred(self):
        if self.quote is None and self.note is None:
            raise ValueError("give the source's words (quote and at) or the editor's note")
        if (self.quote is None) != (self.at is None):
            raise ValueError("a quote needs `at`, its character offset in the source text")
        return self

    @property
    def stated(self) -> bool:
        return self.quote is not None


class SectorRecord(Strict):
    """A theme: an OECD DAC 5-digit purpose code, with its share of the project when the
    project has several (the shares then add up to 100)."""

    code: Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
    percentage: Annotated[int, Field(ge=1, le=100)] | None = None


class ProjectRecord(Strict):
    slug: Slug
    published: bool
    original_language: Language | None = None  # defaults to the source's language
    title: Translated
    title_given_by_editor: bool = False  # the source names no project
    summary: Translated | None = None
    description: Translated | None = None
    objectives: list[Translated] = Field(default_factory=list)
    results: list[Translated] = Field(default_factory=list)
    keywords: list[Translated] = Field(default_factory=list)
    start: str | None = None
    end: str | None = None
    duration_months: Annotated[int, Field(ge=1)] | None = None
    contract_number: NonEmpty | None = None
    participations: list[ParticipationRecord] = Field(default_factory=list)
    funding: list[FundingRecord] = Field(default_factory=list)
    places: list[Slug] = Field(default_factory=list)
    sectors: list[SectorRecord] = Field(default_factory=list)
    contacts: list[ContactRecord] = Field(default_factory=list)
    evidence: list[EvidenceRecord] = Field(default_factory=list)
    # When the registry first recorded it (exports; a load keeps it, so the order of projects
    # newest first, and so the export, stays the same). Reviewed seeds leave it out.
    created: datetime.datetime | None = None
    # Made by the load-test generator (exports say so); stored as Project.is_synthetic.
    synthetic: bool = False

    @model_validator(mode="after")
    def _sector_shares(self):
        codes = [sector.code for sector in self.sectors]
        if len(set(codes)) != len(codes):
            raise ValueError("sectors: a code is listed twice")
        if not shares_add_up([sector.percentage for sector in self.sectors]):
            raise ValueError("sectors: with several, each needs a percentage, adding up to 100")
        return self

    @field_validator("start")
    @classmethod
    def _start_date(cls, value):
        return _check_partial_date(value)

    @field_validator("end")
    @classmethod
    def _end_date(cls, value):
        return _check_partial_date(value, period_end=True)


class OrganizationRecord(Strict):
    slug: Slug
    name: Translated
    short_name: Translated | None = None
    kind: Literal[tuple(OrganizationKind.values)]  # type: ignore[valid-type]
    country: str | None = None
    city: Slug | None = None
    address: Translated | None = None
    phones: list[NonEmpty] = Field(default_factory=list)
    faxes: list[NonEmpty] = Field(default_factory=list)
    emails: list[NonEmpty] = Field(default_factory=list)
    website: str | None = None
    part_of: Slug | None = None  # the organisation this one is a unit of
    links: list[NonEmpty] = Field(default_factory=list)
    aliases: list[NonEmpty] = Field(default_factory=list)

    @field_validator("country")
    @classmethod
    def _iso_country(cls, value):
        if value is not None and value not in COUNTRY_CODES:
            raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
        return value


class SeedRecord(Strict):
    source: SourceRecord | None = None
    other_sources: list[SourceRecord] = Field(default_factory=list)
    project: ProjectRecord
    organizations: list[OrganizationRecord]

    @model_validator(mode="after")
    def _language_known(self):
        if self.source is None and self.project.original_language is None:
            raise ValueError("a record without a source needs project.original_language")
        return self

    @property
    def sources(self) -> list[SourceRecord]:
        return ([self.source] if self.source else []) + list(self.other_sources)

    @property
    def language(self) -> str:
        return self.project.original_language or self.source.language


class PlaceRecord(Strict):
    slug: Slug
    kind: Literal[tuple(PlaceKind.values)]  # type: ignore[valid-type]
    parent: Slug | None
    country_code: str | None
    name: Translated
    aliases: list[NonEmpty] = Field(default_factory=list)
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None
    geonames_id: int | None = None
    population: Annotated[int, Field(ge=0)] | None = None
    source: NonEmpty


class Gazetteer(Strict):
    about: NonEmpty
    places: list[PlaceRecord]
