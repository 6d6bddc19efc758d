"""How a record (seeds/README.md) maps onto the registry's columns: the values of each row a
record makes, by attname, in the form the database returns them, so that they compare equal
to rows read with `.values()` when nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from ..models import Contact, FundingLine, Participation, Project, ProjectSector
from ..partial_dates import parse_partial_date
from ..seed_schema import OrganizationRecord, PlaceRecord, SeedRecord, Translated
from ..translit import ascii_slug

SYNTHETIC_PREFIX = "synthetic-"  # organisations made by the load-test generator

LANGUAGES = ("ru", "kk", "en")

PROJECT_FIELDS = [
    *(f"{name}_{lang}" for name in ("title", "summary", "description") for lang in LANGUAGES),
    *(f"{name}_{lang}" for name in ("objectives", "results") for lang in LANGUAGES),
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "duration_months",
    "contract_number",
    "original_language",
    "is_published",
    "is_synthetic",
    "title_given_by_editor",
    "created_at",
]
SOURCE_FIELDS = [
    "project_id",
    "file_name",
    "title",
    "language",
    "published_on",
    *(f"publisher_{lang}" for lang in LANGUAGES),
    "url",
    "dateline",
    "dateline_place_id",
    "extraction",
]
# Foreign keys are ids of rows this load has just read or written: not checked again per row.
RELATIONS = ["project", "organization", "donor", "dateline_place", "part_of"]


def translated(field_name: str, text: Translated | None) -> dict[str, str]:
    """{"title_ru": ..., "title_kk": ..., "title_en": ...}; empty strings for None."""
    return {f"{field_name}_{lang}": (getattr(text, lang) if text else "") for lang in LANGUAGES}


def translated_lines(field_name: str, items: list[Translated]) -> dict[str, str]:
    return {
        f"{field_name}_{lang}": "\n".join(getattr(item, lang) for item in items)
        for lang in LANGUAGES
    }


@dataclass
class Targets:
    """Primary keys of the rows records refer to by slug."""

    place_ids: dict[str, int]
    organization_ids: dict[str, int]
    keyword_ids: dict[str, int]


@dataclass
class Entry:
    label: str  # file and record, for messages
    record: SeedRecord
    texts: list[str]  # each source's text
    shas: list[str]  # and its SHA-256, the source's identity
    keyword_slugs: list[str]


# --- Rows inside a project, record by record ----------------------------------------------------


def _participations(data, organization_ids) -> list[dict[str, Any]]:
    return [
        {"organization_id": organization_ids[p.organization], "role": p.role}
        for p in data.participations
    ]


def _funding(data, organization_ids) -> list[dict[str, Any]]:
    return [
        {
            "donor_id": organization_ids[line.donor] if line.donor else None,
            "amount": line.decimal_amount,
            "currency": line.currency,
            "kind": line.kind,
            "qualifier": line.qualifier,
            **translated("note", line.note),
        }
        for line in data.funding
    ]


def _contacts(data, organization_ids) -> list[dict[str, Any]]:
    return [
        {
            **translated("name", contact.name),
            **translated("position", contact.position),
            "organization_id": (
                organization_ids[contact.organization] if contact.organization else None
            ),
            "phones": contact.phones,
            "faxes": contact.faxes,
            "emails": contact.emails,
        }
        for contact in data.contacts
    ]


def _sectors(data, _organization_ids) -> list[dict[str, Any]]:
    return [{"sector_id": sector.code, "percentage": sector.percentage} for sector in data.sectors]


@dataclass(frozen=True)
class RowKind:
    """Rows a project has in order (the export lists them by id), replaced as a whole when
    they differ from the record's."""

    model: type[models.Model]
    path: str  # where they are in a record, for messages
    report_as: str
    values: Callable  # (record.project, organisation ids) -> rows
    fields: tuple[str, ...]


ROW_KINDS = [
    RowKind(
        Participation,
        "participations",
        "participations",
        _participations,
        ("organization_id", "role"),
    ),
    RowKind(ProjectSector, "sectors", "themes", _sectors, ("sector_id", "percentage")),
    RowKind(
        FundingLine,
        "funding",
        "funding lines",
        _funding,
        ("donor_id", "amount", "currency", "kind", "qualifier", "note_ru", "note_kk", "note_en"),
    ),
    RowKind(
        Contact,
        "contacts",
        "contacts",
        _contacts,
        (
            *(f"{name}_{lang}" for name in ("name", "position") for lang in LANGUAGES),
            "organization_id",
            "phones",
            "faxes",
            "emails",
        ),
    ),
]


def _place_ids(entry: Entry, targets: Targets) -> set[int]:
    return {targets.place_ids[slug] for slug in entry.record.project.places}


def _keyword_ids(entry: Entry, targets: Targets) -> set[int]:
    return {targets.keyword_ids[slug] for slug in entry.keyword_slugs}


# A project's places and keywords: (link table, target column, the record's targets).
LINKS = [
    (Project.places.through, "place_id", _place_ids),
    (Project.keywords.through, "keyword_id", _keyword_ids),
]


def project_values(record: SeedRecord) -> dict[str, Any]:
    data = record.project
    start = parse_partial_date(data.start)
    end = parse_partial_date(data.end, period_end=True)
    return {
        "slug": data.slug,
        **translated("title", data.title),
        **translated("summary", data.summary),
        **translated("description", data.description),
        **translated_lines("objectives", data.objectives),
        **translated_lines("results", data.results),
        "start_date": start.date,
        "start_precision": start.precision,
        "end_date": end.date,
        "end_precision": end.precision,
        "duration_months": data.duration_months,
        "contract_number": data.contract_number or "",
        "original_language": record.language,
        "is_published": data.published,
        "is_synthetic": data.synthetic,
        "title_given_by_editor": data.title_given_by_editor,
        "created_at": data.created,  # None: kept as stored, or now for a new project
    }


PLACE_FIELDS = [
    "slug",
    "name_ru",
    "name_kk",
    "name_en",
    "kind",
    "parent_id",
    "country_code",
    "latitude",
    "longitude",
    "geonames_id",
    "population",
    "source",
]


def place_values(record: PlaceRecord, place_ids: dict[str, int]) -> dict[str, Any]:
    """A gazetteer place; its parent's id if the parent is known yet (else None)."""
    return {
        "slug": record.slug,
        **translated("name", record.name),
        "kind": record.kind,
        "parent_id": place_ids.get(record.parent) if record.parent else None,
        "country_code": record.country_code or "",
        "latitude": _coordinate(record.latitude),
        "longitude": _coordinate(record.longitude),
        "geonames_id": record.geonames_id,
        "population": record.population,
        "source": record.source[:300],
    }


def _coordinate(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.000001"))


ORGANIZATION_FIELDS = [
    "slug",
    *(
        f"{name}_{lang}"
        for name in ("name", "short_name", "address")
        for lang in ("ru", "kk", "en")
    ),
    "kind",
    "country",
    "city_id",
    "phones",
    "faxes",
    "emails",
    "website",
    "links",
    "is_synthetic",
    "part_of_id",
]


def organization_values(
    record: OrganizationRecord, place_ids: dict[str, int], organization_ids: dict[str, int]
) -> dict[str, Any]:
    """The organisation's columns; the organisation it is part of by id if that one is known
    yet (else None, set by a second pass)."""
    return {
        "slug": record.slug,
        **translated("name", record.name),
        **translated("short_name", record.short_name),
        **translated("address", record.address),
        "kind": record.kind,
        "country": record.country or "",
        "city_id": place_ids[record.city] if record.city else None,
        "phones": record.phones,
        "faxes": record.faxes,
        "emails": record.emails,
        "website": record.website or "",
        "links": record.links,
        "part_of_id": organization_ids.get(record.part_of) if record.part_of else None,
        # The load-test generator's organisations (it names them so) stay marked elsewhere.
        "is_synthetic": record.slug.startswith(SYNTHETIC_PREFIX),
    }


def keyword_values(keyword: Translated, slug: str) -> dict[str, Any]:
    return {"slug": slug, **translated("name", keyword)}


def keyword_slug(keyword: Translated) -> str:
    return ascii_slug(keyword.en or keyword.ru or keyword.kk, 120)
