"""The registry as JSON records, in the format of the reviewed seed records (seeds/README.md).

An export holds, for each project, the record `load_seeds` reads (source text embedded instead
of a file name), plus the places those records refer to, in the gazetteer's format. The
project's own import of it (`manage.py load_records FILE`) rebuilds the same rows, so an
export loaded into an empty database and exported again gives the same file. A synthetic
project (made by `generate_projects` for load tests) says so with `"synthetic": true`.

Records are built from plain values a chunk of projects at a time (batches.py), so an export
of the whole registry streams in bounded memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import orjson
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from ..models import Organization, OrganizationAlias, Place
from ..partial_dates import PartialDate
from ..places import PlaceTree
from . import batches
from .batches import ProjectValues, all_languages, translated_fields
from .files import keeps_language

FORMAT = "grant-project-registry/records/1"
LANGUAGES = [code for code, _name in settings.LANGUAGES]

PROJECT_FIELDS = (
    "slug", "is_published", "is_synthetic", "original_language", "start_date",
    "start_precision", "end_date", "end_precision", "duration_months", "contract_number",
    "title_given_by_editor", "created_at",
    *translated_fields("title", "summary", "description", "objectives", "results"),
)  # fmt: skip
RELATED = (
    batches.PARTICIPATIONS, batches.FUNDING, batches.PLACES, batches.KEYWORDS,
    batches.CONTACTS, batches.SOURCES, batches.EVIDENCE, batches.SECTORS,
)  # fmt: skip


class OrganizationEntry(NamedTuple):
    slug: str
    city_id: int | None
    record: dict
    part_of_id: int | None = None  # the organisation it is a unit of


@dataclass(frozen=True)
class RecordBook:
    """What records refer to by id, read once per export: organisations (with their records),
    keywords and places."""

    organizations: batches.ReadOnce  # id -> OrganizationEntry
    keywords: batches.ReadOnce  # id -> {ru, kk, en} or None
    places: batches.ReadOnce  # id -> Place
    tree: PlaceTree

    @classmethod
    def load(cls) -> RecordBook:
        tree = PlaceTree.load()
        places = batches.places(tree)
        return cls(
            batches.ReadOnce(lambda ids: _organizations(ids, places)),
            batches.keyword_translations(),
            places,
            tree,
        )


ORGANIZATION_COLUMNS = (
    "slug", "kind", "country", "city_id", "phones", "faxes", "emails", "website", "links",
    "part_of_id",
    *translated_fields("name", "short_name", "address"),
)  # fmt: skip


def _organizations(ids: list[int] | None, places) -> dict[int, OrganizationEntry]:
    aliases = OrganizationAlias.objects.all()
    if ids is not None:
        aliases = aliases.filter(organization_id__in=ids)
    aliases_of: dict[int, list[str]] = {}
    for organization_id, name in aliases.values_list("organization_id", "name").iterator(
        chunk_size=batches.CHUNK
    ):
        aliases_of.setdefault(organization_id, []).append(name)
    entries = {}
    rows = list(batches.table_rows(Organization, ids, *ORGANIZATION_COLUMNS))
    parents = {row["part_of_id"] for row in rows if row["part_of_id"]}
    slugs = dict(Organization.objects.filter(pk__in=parents).values_list("pk", "slug"))
    for row in rows:
        city = places[row["city_id"]] if row["city_id"] else None
        part_of = slugs.get(row["part_of_id"])
        record = organization_record(row, city, aliases_of.get(row["pk"], []), part_of)
        entries[row["pk"]] = OrganizationEntry(
            row["slug"], row["city_id"], record, row["part_of_id"]
        )
    return entries


@keeps_language
def stream_export(projects: QuerySet, *, chunk_size: int | None = None) -> Iterator[bytes]:
    """The export document as UTF-8 JSON in pieces, one project at a time (places and
    keywords listed by name in the language active when it is called). Bytes, as orjson
    writes them: a streamed response or a file takes them as they are."""
    book = RecordBook.load()
    place_ids: set[int] = set()
    exported = timezone.now().isoformat()
    yield f'{{"format": {json.dumps(FORMAT)}, "exported": "{exported}", '.encode()
    yield b'"projects": ['
    separator = b"\n"
    size = chunk_size or batches.FULL_TEXT_CHUNK  # a record holds every text, its source's too
    for chunk in batches.project_chunks(projects, PROJECT_FIELDS, RELATED, size=size):
        for project in chunk:
            place_ids.update(project.places)
            organization_ids = with_parents(organizations_named(project), book)
            # Organisations' home places too: load_records needs every place a record names.
            for organization_id in organization_ids:
                if book.organizations[organization_id].city_id:
                    place_ids.add(book.organizations[organization_id].city_id)
            place_ids.update(
                s["dateline_place_id"] for s in project.sources if s["dateline_place_id"]
            )
            yield separator + _dumps(project_record(project, book, organization_ids))
            separator = b",\n"
    yield b'\n], "places": ['
    separator = b"\n"
    for place in places_with_ancestors(place_ids, book.tree):
        yield separator + _dumps(place)
        separator = b",\n"
    yield b"\n]}\n"


def _dumps(value) -> bytes:
    # orjson writes the same JSON (keys sorted, UTF-8 as is) about ten times faster than the
    # standard library, which was most of an export's time; only the spacing differs.
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


# --- One project ------------------------------------------------------------------------------


def translated(instance, field: str) -> dict | None:
    values = {language: getattr(instance, f"{field}_{language}") or "" for language in LANGUAGES}
    return values if any(values.values()) else None


def translated_lines(row: dict, field: str) -> list[dict]:
    """ "objectives" as one {ru, kk, en} item per line (lines are matched by position)."""
    lines = []
    for language in LANGUAGES:
        text = row[f"{field}_{language}"]
        lines.append([item for line in text.splitlines() if (item := line.strip())] if text else [])
    count = max(map(len, lines))
    for items in lines:
        items += [""] * (count - len(items))
    return [dict(zip(LANGUAGES, texts, strict=True)) for texts in zip(*lines, strict=True)]


def organizations_named(project: ProjectValues) -> list[int]:
    """The organisations a project's record names: participants, donors of its funding lines
    (a donor need not be a participant in what editors save) and contacts' organisations."""
    named = [org for org, _role in project.participations]
    named += [line.donor_id for line in project.funding if line.donor_id]
    named += [c["organization_id"] for c in project.contacts if c["organization_id"]]
    return named


def with_parents(organization_ids: list[int], book: RecordBook) -> list[int]:
    """The organisations and those they are units of (a record defines every organisation
    it names), each once, in order."""
    found: dict[int, None] = {}
    for organization_id in organization_ids:
        while organization_id and organization_id not in found:
            found[organization_id] = None
            organization_id = book.organizations[organization_id].part_of_id
    return list(found)


def project_record(project: ProjectValues, book: RecordBook, organization_ids: list[int]) -> dict:
    """The project's record; `organization_ids` are those it names, with the organisations
    they are units of (with_parents)."""
    row = project.row
    organizations = {org: book.organizations[org].record for org in organization_ids}
    sources = [source_record(source, book) for source in project.sources]
    record = {
        "slug": row["slug"],
        "published": row["is_published"],
        "original_language": row["original_language"],
        "title": all_languages(row, "title"),
        "title_given_by_editor": row["title_given_by_editor"],
        "summary": all_languages(row, "summary"),
        "description": all_languages(row, "description"),
        "objectives": translated_lines(row, "objectives"),
        "results": translated_lines(row, "results"),
        "keywords": [book.keywords[keyword] for keyword in project.keywords],
        "start": PartialDate(row["start_date"], row["start_precision"]).isoformat(),
        "end": PartialDate(row["end_date"], row["end_precision"]).isoformat(),
        "duration_months": row["duration_months"],
        "contract_number": row["contract_number"] or None,
        "participations": [
            {"organization": book.organizations[org].slug, "role": role}
            for org, role in project.participations
        ],
        "funding": [funding_record(line, book) for line in project.funding],
        "places": [book.places[place].slug for place in project.places],
        "sectors": [{"code": code, "percentage": share} for code, share in project.sectors],
        "contacts": [contact_record(contact, book) for contact in project.contacts],
        "evidence": evidence_records(project.evidence, project.sources),
    }
    # To the millisecond, as Django's JSON (backups, history) keeps times.
    record["created"] = row["created_at"].isoformat(timespec="milliseconds")
    if row["is_synthetic"]:
        record["synthetic"] = True
    return {
        "source": sources[0] if sources else None,
        "other_sources": sources[1:],
        "project": record,
        "organizations": list(organizations.values()),
    }


def evidence_records(evidence: list[dict], sources: list[dict]) -> list[dict]:
    """The evidence in the record format: a quote at its offset (its source named when it is
    not the first), or the editor's note."""
    first = sources[0]["id"] if sources else None
    files = {source["id"]: source["file_name"] for source in sources}
    records = []
    for row in evidence:
        record = {"fact": row["fact"], "note": all_languages(row, "note")}
        if row["basis"] == "stated":
            record.update(quote=row["quote"], at=row["start"])
            if row["source_id"] != first:
                record["source"] = files[row["source_id"]]
        records.append(record)
    return records


def source_record(source: dict, book: RecordBook) -> dict:
    place = source["dateline_place_id"]
    return {
        "dateline": source["dateline"] or None,
        "dateline_place": book.places[place].slug if place else None,
        "file": source["file_name"],
        "language": source["language"],
        "title": source["title"] or None,
        "published": source["published_on"].isoformat() if source["published_on"] else None,
        "publisher": all_languages(source, "publisher"),
        "url": source["url"] or None,
        "text": source["text"],
        "extraction": source["extraction"],
    }


def funding_record(line: batches.FundingValues, book: RecordBook) -> dict:
    return {
        "donor": book.organizations[line.donor_id].slug if line.donor_id else None,
        "amount": f"{line.amount.normalize():f}",
        "currency": line.currency,
        "kind": line.kind,
        "qualifier": line.qualifier,
        "note": _some_text(line.note),
    }


def contact_record(contact: dict, book: RecordBook) -> dict:
    organization_id = contact["organization_id"]
    return {
        "name": all_languages(contact, "name"),
        "position": all_languages(contact, "position"),
        "organization": book.organizations[organization_id].slug if organization_id else None,
        "phones": contact["phones"],
        "faxes": contact["faxes"],
        "emails": contact["emails"],
    }


def organization_record(
    row: dict, city: Place | None, aliases: list[str], part_of: str | None = None
) -> dict:
    return {
        "slug": row["slug"],
        "name": all_languages(row, "name"),
        "short_name": all_languages(row, "short_name"),
        "kind": row["kind"],
        "country": row["country"] or None,
        "city": city.slug if city is not None else None,
        "address": all_languages(row, "address"),
        "phones": row["phones"],
        "faxes": row["faxes"],
        "emails": row["emails"],
        "website": row["website"] or None,
        "links": row["links"],
        "part_of": part_of,
        "aliases": sorted(aliases),
    }


def _some_text(texts: dict[str, str | None]) -> dict | None:
    texts = {language: text or "" for language, text in texts.items()}
    return texts if any(texts.values()) else None


# --- Places -----------------------------------------------------------------------------------


def places_with_ancestors(place_ids: Iterable[int], tree: PlaceTree | None = None) -> list[dict]:
    """The places, and every place they lie in, parents first, in the gazetteer's format."""
    tree = tree or PlaceTree.load()
    wanted: set[int] = set()
    for place_id in place_ids:
        wanted.update(tree.with_ancestors(place_id))
    places = Place.objects.filter(pk__in=wanted).select_related("parent")
    places = places.prefetch_related("aliases")
    depth = {place_id: len(tree.with_ancestors(place_id)) for place_id in wanted}
    ordered = sorted(places, key=lambda place: (depth[place.pk], place.slug))
    return [place_record(place) for place in ordered]


def place_record(place: Place) -> dict:
    return {
        "slug": place.slug,
        "kind": place.kind,
        "parent": place.parent.slug if place.parent_id else None,
        "country_code": place.country_code or None,
        "name": translated(place, "name"),
        "aliases": sorted(alias.name for alias in place.aliases.all()),
        "latitude": float(place.latitude) if place.latitude is not None else None,
        "longitude": float(place.longitude) if place.longitude is not None else None,
        "geonames_id": place.geonames_id,
        "population": place.population,
        "source": place.source or "registry editors",
    }
