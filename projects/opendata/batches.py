"""The projects of an export a chunk at a time, as plain values: what the CSV, XLSX and JSON
files are written from, at any size.

Model instances with nested prefetches cost most of an export's time (a Python object for every
related row). Here the list's ordered query is read through a server-side cursor, CHUNK projects
at a time, and each chunk's related rows come from one `values_list` query per kind of row.
Names of organisations and keywords are read once per export into dictionaries, places come from
PlaceTree. Memory holds one chunk and the dictionaries, whatever the number of projects.

Translated texts follow the active language with the models' fallbacks
(MODELTRANSLATION_FALLBACK_LANGUAGES, through modeltranslation's own resolution order), so a
value reads as `project.title` would have read.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from typing import NamedTuple

from django.conf import settings
from django.db import connections
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse
from modeltranslation.utils import get_language as translation_language
from modeltranslation.utils import resolution_order

from ..models import (
    Contact,
    EvidenceBasis,
    FactEvidence,
    FundingLine,
    Keyword,
    Organization,
    Participation,
    Place,
    Project,
    ProjectSector,
    Sector,
)
from ..models import SourceDocument as Source
from ..places import PlaceTree

CHUNK = 2000  # projects per page of the cursor and per round of related queries
FULL_TEXT_CHUNK = 500  # the same for rows that hold every text in full (records, instances)
LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Kinds of related rows a chunk can carry.
PARTICIPATIONS = "participations"
FUNDING = "funding"
PLACES = "places"
KEYWORDS = "keywords"
FIRST_SOURCE_DATE = "first_source_date"
CONTACTS = "contacts"
SOURCES = "sources"
SOURCE_DETAILS = "source_details"  # sources without their text
EVIDENCE = "evidence"
INFERRED_DATES = "inferred_dates"  # "start:2012-11" and the like that an editor inferred
SECTORS = "sectors"


def translated_fields(*names: str) -> tuple[str, ...]:
    """The stored columns of translated fields: title -> title_ru, title_kk, title_en."""
    return tuple(f"{name}_{language}" for name in names for language in LANGUAGES)


def fallback_order() -> tuple[str, ...]:
    """The languages a translated field is read in, for the active language."""
    return resolution_order(translation_language())


def project_page_path() -> tuple[str, str]:
    """A project page's path in the active language, before and after its slug: what
    Project.get_absolute_url() gives, without a reverse() per project."""
    mark = "slug-of-the-project"  # a valid slug, which no path holds otherwise
    before, _mark, after = reverse("projects:project-detail", kwargs={"slug": mark}).partition(mark)
    return before, after


def in_language(values: Mapping, name: str, order: Sequence[str]) -> str:
    """A translated field of a values row as the model reads it: the first language in `order`
    with a value ("" and None count as missing), else ""."""
    for language in order:
        value = values[f"{name}_{language}"]
        if value is not None and value != "":
            return value
    return ""


def all_languages(values: Mapping, name: str) -> dict[str, str] | None:
    """{ru, kk, en} of a translated field (no fallbacks), None when every language is empty."""
    texts = {language: values[f"{name}_{language}"] or "" for language in LANGUAGES}
    return texts if any(texts.values()) else None


class FundingValues(NamedTuple):
    donor_id: int | None
    amount: Decimal
    currency: str
    kind: str
    qualifier: str
    note_ru: str | None
    note_kk: str | None
    note_en: str | None

    @property
    def note(self) -> dict[str, str | None]:
        return {"ru": self.note_ru, "kk": self.note_kk, "en": self.note_en}


@dataclass(slots=True)
class ProjectValues:
    """One project's own columns (`row`: a dict as `values()` gives it, or the Project instance)
    and its related rows, in the order the models' prefetches gave them."""

    row: dict | Project
    participations: list[tuple[int, str]] = field(default_factory=list)  # (organisation, role)
    funding: list[FundingValues] = field(default_factory=list)
    places: list[int] = field(default_factory=list)  # by name in the export's language
    keywords: list[int] = field(default_factory=list)  # by name in the export's language
    first_source_date: datetime.date | None = None  # of the first source by id
    contacts: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    source_details: list[dict] = field(default_factory=list)  # by file name
    evidence: list[dict] = field(default_factory=list)  # FactEvidence values, by id
    inferred_dates: set[str] = field(default_factory=set)  # date facts no source states
    sectors: list[tuple[str, int | None]] = field(default_factory=list)  # (code, share), by id


def project_chunks(
    projects: QuerySet,
    fields: Iterable[str],
    related: Iterable[str],
    *,
    size: int | None = None,
) -> Iterator[list[ProjectValues]]:
    """The projects in the queryset's order, `size` (CHUNK) at a time, with the project
    `fields` as a dict and the `related` kinds of rows (PARTICIPATIONS, FUNDING, ...). Places
    and keywords are ordered by their names in the active language, as the models order them.
    Pass FULL_TEXT_CHUNK as the size when the rows carry every text."""
    columns = list(dict.fromkeys(["pk", *fields]))
    return _with_related(plain(projects).values(*columns), lambda row: row["pk"], related, size)


def instance_chunks(
    projects: QuerySet,
    related: Iterable[str],
    *,
    defer: Iterable[str] = (),
    size: int | None = None,
) -> Iterator[list[ProjectValues]]:
    """The same with Project instances as `row` (every column but `defer`), for code that reads
    their properties: a title with fallbacks, `start` as a PartialDate, get_absolute_url().
    FULL_TEXT_CHUNK at a time by default."""
    size = size or FULL_TEXT_CHUNK
    return _with_related(projects.defer(*defer), lambda project: project.pk, related, size)


def _with_related(rows: QuerySet, key, related: Iterable[str], size: int | None):
    size = size or CHUNK
    related = list(dict.fromkeys(related))
    reader = _RelatedRows(translation_language())
    rows = rows.iterator(chunk_size=size)
    while chunk := list(islice(rows, size)):
        ids = [key(row) for row in chunk]
        found = {kind: reader.read(kind, ids) for kind in related}
        yield [
            ProjectValues(row, **{kind: found[kind].get(key(row), _EMPTY[kind]) for kind in found})
            for row in chunk
        ]


def plain(queryset: QuerySet) -> QuerySet:
    """The queryset without modeltranslation's rewriting: these queries name the stored columns
    (title_ru) themselves, and its values() would copy every row to apply fallbacks."""
    return queryset.rewrite(False) if hasattr(queryset, "rewrite") else queryset


def of_projects(model, ids: list[int]) -> QuerySet:
    """The rows of `model` that belong to the projects `ids`. On PostgreSQL the ids are one
    array parameter (project_id = ANY(%s)): Django prepares an IN list value by value, which
    at 2000 ids costs more time than the query itself."""
    rows = plain(model.objects.all())
    connection = connections[rows.db]
    if connection.vendor != "postgresql":
        return rows.filter(project_id__in=ids)
    quote = connection.ops.quote_name
    column = f"{quote(model._meta.db_table)}.{quote('project_id')}"
    # Quoted names from the model's metadata, and the ids as a parameter: nothing from outside.
    any_of = RawSQL(f"{column} = ANY(%s)", (ids,), output_field=BooleanField())  # noqa: S611
    return rows.filter(any_of)


def _grouped(rows: Iterable[tuple]) -> dict[int, list]:
    """(project id, value) pairs as {project id: [values]}, keeping their order."""
    grouped: dict[int, list] = defaultdict(list)
    for project_id, value in rows:
        grouped[project_id].append(value)
    return grouped


CONTACT_COLUMNS = (
    "organization_id", "phones", "faxes", "emails", *translated_fields("name", "position"),
)  # fmt: skip
SOURCE_COLUMNS = (
    "id", "file_name", "language", "title", "published_on", "url", "dateline",
    "dateline_place_id", "text", "extraction",
    *translated_fields("publisher"),
)  # fmt: skip
EVIDENCE_COLUMNS = (
    "fact",
    "basis",
    "source_id",
    "start",
    "end",
    "quote",
    *translated_fields("note"),
)
SOURCE_DETAIL_COLUMNS = ("file_name", "title", "url", "published_on", "updated_at")


class _RelatedRows:
    """Reads the related rows of a chunk of projects, one query per kind, in the order the
    models' prefetches gave them. Places and keywords are ordered by name in `language` (the
    models' ordering): their links are read unsorted and put in the order of one query per
    export over the places or keywords themselves, which costs less than a join per chunk."""

    def __init__(self, language: str):
        self.language = language
        self._ranks: dict[type, dict[int, int]] = {}

    def read(self, kind: str, ids: list[int]):
        return getattr(self, f"_{kind}")(ids)

    def _participations(self, ids: list[int]) -> dict[int, list]:
        rows = of_projects(Participation, ids).order_by("id")
        rows = rows.values_list("project_id", "organization_id", "role")
        return _grouped((project_id, (org, role)) for project_id, org, role in rows)

    def _funding(self, ids: list[int]) -> dict[int, list]:
        rows = of_projects(FundingLine, ids).order_by("id")
        rows = rows.values_list("project_id", *FundingValues._fields)
        return _grouped((row[0], FundingValues._make(row[1:])) for row in rows)

    def _sectors(self, ids: list[int]) -> dict[int, list]:
        rows = of_projects(ProjectSector, ids).order_by("id")
        rows = rows.values_list("project_id", "sector_id", "percentage")
        return _grouped((project_id, (code, share)) for project_id, code, share in rows)

    def _places(self, ids: list[int]) -> dict[int, list]:
        return self._by_name(Project.places.through, "place_id", Place, ids)

    def _keywords(self, ids: list[int]) -> dict[int, list]:
        return self._by_name(Project.keywords.through, "keyword_id", Keyword, ids)

    def _by_name(self, links, column: str, model, ids: list[int]) -> dict[int, list]:
        if model not in self._ranks:
            order = plain(model.objects.order_by(f"name_{self.language}", "pk"))
            self._ranks[model] = {
                pk: rank for rank, pk in enumerate(order.values_list("pk", flat=True))
            }
        ranks = self._ranks[model]
        unknown = len(ranks)  # added while the export runs
        grouped = _grouped(of_projects(links, ids).values_list("project_id", column))
        for values in grouped.values():
            values.sort(key=lambda pk: ranks.get(pk, unknown))
        return grouped

    def _first_source_date(self, ids: list[int]) -> dict[int, datetime.date | None]:
        rows = of_projects(Source, ids).order_by("-id")
        # Latest first, so that the first source by id is the one left in the dictionary.
        return dict(rows.values_list("project_id", "published_on"))

    def _contacts(self, ids: list[int]) -> dict[int, list]:
        return self._dicts(Contact, ids, CONTACT_COLUMNS, "id")

    def _sources(self, ids: list[int]) -> dict[int, list]:
        return self._dicts(Source, ids, SOURCE_COLUMNS, "id")

    def _evidence(self, ids: list[int]) -> dict[int, list]:
        return self._dicts(FactEvidence, ids, EVIDENCE_COLUMNS, "id")

    def _inferred_dates(self, ids: list[int]) -> dict[int, set]:
        """The start and end facts whose evidence is only an editor's note (no quote)."""
        rows = of_projects(FactEvidence, ids).filter(
            Q(fact__startswith="start:") | Q(fact__startswith="end:")
        )
        stated, inferred = defaultdict(set), defaultdict(set)
        for project_id, fact, basis in rows.values_list("project_id", "fact", "basis"):
            (inferred if basis == EvidenceBasis.INFERRED else stated)[project_id].add(fact)
        return {pk: facts - stated[pk] for pk, facts in inferred.items() if facts - stated[pk]}

    def _source_details(self, ids: list[int]) -> dict[int, list]:
        return self._dicts(Source, ids, SOURCE_DETAIL_COLUMNS, "file_name", "id")

    @staticmethod
    def _dicts(model, ids: list[int], columns, *order: str) -> dict[int, list]:
        rows = of_projects(model, ids).order_by(*order)
        rows = rows.values("project_id", *columns)
        return _grouped((row.pop("project_id"), row) for row in rows)


_KINDS = (PARTICIPATIONS, FUNDING, PLACES, KEYWORDS, FIRST_SOURCE_DATE, CONTACTS, SOURCES,
          SOURCE_DETAILS, EVIDENCE, INFERRED_DATES, SECTORS)  # fmt: skip
_EMPTY = {kind: () for kind in _KINDS} | {FIRST_SOURCE_DATE: None, INFERRED_DATES: frozenset()}


# --- Names, read once per export ---------------------------------------------------------------


class ReadOnce(dict):
    """A dictionary of every row of a table, read once per export by `read(None)`. A row created
    while the export runs is read on first use by `read([id])`, so a long export never fails
    on an organisation an editor added after it started."""

    def __init__(self, read: Callable[[list[int] | None], dict]):
        super().__init__(read(None))
        self._read = read

    def __missing__(self, key):
        found = self._read([key])
        self.update(found)
        return found[key]


def table_rows(model, ids: list[int] | None, *columns: str) -> Iterator[dict]:
    """`values()` of every row of a table (ids None) or of the given rows."""
    rows = plain(model.objects.all() if ids is None else model.objects.filter(pk__in=ids))
    return rows.values("pk", *columns).iterator(chunk_size=CHUNK)


def organization_names(order: Sequence[str]) -> ReadOnce:
    """Every organisation's name as `str(organization)` gives it in the active language:
    "Name (Short name)" when the short name differs."""

    def read(ids):
        names = {}
        for row in table_rows(Organization, ids, *translated_fields("name", "short_name")):
            name = in_language(row, "name", order)
            short_name = in_language(row, "short_name", order)
            names[row["pk"]] = (
                f"{name} ({short_name})" if short_name and short_name != name else name
            )
        return names

    return ReadOnce(read)


def keyword_names(order: Sequence[str]) -> ReadOnce:
    return ReadOnce(
        lambda ids: {
            row["pk"]: in_language(row, "name", order)
            for row in table_rows(Keyword, ids, *translated_fields("name"))
        }
    )


def sector_names(order: Sequence[str]) -> ReadOnce:
    """Themes' names by code, in the first language of `order` that has one."""
    return ReadOnce(
        lambda ids: {
            row["pk"]: in_language(row, "name", order)
            for row in table_rows(Sector, ids, *translated_fields("name"))
        }
    )


def keyword_translations() -> ReadOnce:
    return ReadOnce(
        lambda ids: {
            row["pk"]: all_languages(row, "name")
            for row in table_rows(Keyword, ids, *translated_fields("name"))
        }
    )


def organizations(*columns: str) -> ReadOnce:
    """Every organisation as an instance with the given columns only (name them as stored:
    name_ru, name_kk, name_en, so that reading `name` with fallbacks needs no query)."""
    rows = Organization.objects.only(*columns)
    return ReadOnce(lambda ids: rows.in_bulk(ids))


def places(tree: PlaceTree) -> ReadOnce:
    """The gazetteer's places by id (PlaceTree's instances), read again for a place added since
    the tree was loaded."""
    return ReadOnce(lambda ids: tree.places if ids is None else Place.objects.in_bulk(ids))
