"""Projects and the rows inside them (place and keyword links, participations, funding lines,
contacts, source documents), loaded CHUNK records at a time in a fixed number of statements.

Each chunk goes through three steps:
- read: one query per table fetches what the database holds for the chunk's projects;
- plan: Python compares it with the records, validates the rows to write and counts what
  changes (no queries);
- write: updates and deletes (rare: only what changed) run at once; the inserts are queued
  behind (write_behind.py), so that PostgreSQL inserts one chunk while Python plans the next.
Rows that already hold their values are not touched.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import DataError, IntegrityError
from django.utils import timezone

from ..bulk_insert import insert_rows
from ..models import Project, SourceDocument
from ..partial_dates import parse_partial_date
from ..seed_files import SeedError, source_location
from ..write_behind import WriteBehind
from .bulk import Plan, plan_upsert, validate, write
from .publishing import first_published_at
from .record_values import (
    LINKS,
    PROJECT_FIELDS,
    RELATIONS,
    ROW_KINDS,
    SOURCE_FIELDS,
    Entry,
    RowKind,
    Targets,
    project_values,
    translated,
)

CHUNK = 250  # projects per round of statements


# --- The chunks -------------------------------------------------------------------------------


def projects_load(
    *,
    entries: list[Entry],
    targets: Targets,
    report,
    progress: Callable[[str], None] | None = None,
) -> set[int]:
    """Load the projects of the entries; returns the ids of the projects that changed."""
    chunks = [entries[start : start + CHUNK] for start in range(0, len(entries), CHUNK)]
    wanted_sources = {(entry.record.project.slug, sha) for entry in entries for sha in entry.shas}
    started, done, planned = time.perf_counter(), 0, []
    with WriteBehind(enabled=len(chunks) > 1) as behind:
        existing = _read(chunks[0], wanted_sources) if chunks else None
        for index, chunk in enumerate(chunks):
            writes = _plan(chunk, existing, targets, report)
            # The previous chunk's inserts ran behind while this one was planned.
            with _named(planned[-1] if planned else writes):
                behind.wait()
            with _named(writes):
                writes.delete_now()
                if index + 1 < len(chunks):
                    existing = _read(chunks[index + 1], wanted_sources)
                behind.submit(writes.write)
            planned.append(writes)
            if progress is not None:
                done += len(chunk)
                progress(f"projects: {done}/{len(entries)} ({time.perf_counter() - started:.1f} s)")
        if planned:
            with _named(planned[-1]):
                behind.wait()
    return {project_id for writes in planned for project_id in writes.changed()}


@contextmanager
def _named(writes: _Writes):
    """A database constraint that no check before foresaw refuses a row: the error names the
    records of the chunk."""
    try:
        yield
    except (IntegrityError, DataError) as error:
        raise SeedError(f"{writes.labels}: the database refused a row: {error}") from None


@dataclass
class _Existing:
    """What the database holds for a chunk's projects."""

    projects: dict[str, dict[str, Any]]  # by slug
    links: dict[Any, dict[int, dict[int, int]]]  # through -> project -> target -> link id
    rows: dict[Any, dict[int, list[dict[str, Any]]]]  # model -> project -> rows in order
    sources: dict[tuple[str, str], dict[str, Any]]  # by project slug and SHA-256
    stale_sources: list[tuple[int, int]]  # (id, project id) of sources no record has


def _read(chunk: list[Entry], wanted_sources: set[tuple[str, str]]) -> _Existing:
    slugs = [entry.record.project.slug for entry in chunk]
    projects = {
        row["slug"]: row
        for row in Project.objects.filter(slug__in=slugs).values(
            "pk", "slug", "published_at", *PROJECT_FIELDS
        )
    }
    ids = [row["pk"] for row in projects.values()]
    links: dict[Any, dict[int, dict[int, int]]] = {}
    rows: dict[Any, dict[int, list[dict[str, Any]]]] = {}
    for through, target, _targets_of in LINKS:
        links[through] = defaultdict(dict)
        if ids:
            found = through.objects.filter(project_id__in=ids)
            for pk, project_id, target_id in found.values_list("pk", "project_id", target):
                links[through][project_id][target_id] = pk
    for kind in ROW_KINDS:
        rows[kind.model] = defaultdict(list)
        if ids:
            found = kind.model.objects.filter(project_id__in=ids).order_by("project_id", "pk")
            for row in found.values("project_id", *kind.fields):
                rows[kind.model][row.pop("project_id")].append(row)
    # A source is a project's copy of a text: the same release may be the source of several
    # projects (one that announces them all), each holding its own copy.
    slug_of = {row["pk"]: slug for slug, row in projects.items()}
    sources, stale_sources = {}, []
    if ids:
        owned = SourceDocument.objects.filter(project_id__in=ids)
        for row in owned.values("pk", "sha256", *SOURCE_FIELDS):
            key = (slug_of[row["project_id"]], row["sha256"])
            if key in wanted_sources:
                sources[key] = row
            else:
                stale_sources.append((row["pk"], row["project_id"]))
    return _Existing(projects, links, rows, sources, stale_sources)


@dataclass
class _Writes:
    """A chunk's writes. Rows of new projects name their project by slug until the project
    rows are inserted and have ids."""

    labels: str
    projects: Plan = field(default_factory=Plan)  # project rows, by slug
    project_changes: set[str] = field(default_factory=set)  # slugs of changed projects
    deletes: list[tuple[Any, dict[str, list[int]]]] = field(default_factory=list)  # (model, lookup)
    inserts: list[tuple[Any, list[tuple[str, dict[str, Any]]]]] = field(default_factory=list)
    sources: Plan = field(default_factory=Plan)  # source documents, by (project slug, SHA-256)
    texts: dict[str, str] = field(default_factory=dict)  # by SHA-256
    other_changed_ids: set[int] = field(default_factory=set)

    def delete_now(self) -> None:
        """Deletes send model signals (the indexing batch hears them): they run in this
        thread, before the chunk's inserts."""
        for model, lookup in self.deletes:
            model.objects.filter(**lookup).delete()

    def write(self) -> None:
        """Projects first (new ones get their ids), then what is inside them. Inserts and
        bulk updates send no signals: this may run behind."""
        write(Project, self.projects)
        ids = self.projects.ids
        for model, rows in self.inserts:
            insert_rows(model, [{"project_id": ids[slug], **row} for slug, row in rows])
        for (slug, sha), values in self.sources.created.items():
            values.update(project_id=ids[slug], text=self.texts[sha], sha256=sha)
        write(SourceDocument, self.sources)

    def changed(self) -> set[int]:
        ids = self.projects.ids
        return {ids[slug] for slug in self.project_changes} | self.other_changed_ids


def _plan(chunk: list[Entry], existing: _Existing, targets: Targets, report) -> _Writes:
    writes = _Writes(labels=f"{chunk[0].label} … {chunk[-1].label}")
    writes.projects = _plan_projects(chunk, existing, report)
    writes.project_changes = set(writes.projects.created) | set(writes.projects.updated)
    project_ids = {slug: row["pk"] for slug, row in existing.projects.items()}
    for link in LINKS:
        _plan_links(chunk, link, existing, project_ids, targets, writes, report)
    for kind in ROW_KINDS:
        _plan_rows(chunk, kind, existing, project_ids, targets, writes, report)
    _plan_sources(chunk, existing, targets, writes, report)
    return writes


def _plan_projects(chunk: list[Entry], existing: _Existing, report):
    now = timezone.now()
    wanted = {}
    for entry in chunk:
        values = project_values(entry.record)
        stored = existing.projects.get(values["slug"], {})
        previous = stored.get("published_at")
        values["published_at"] = first_published_at(previous, values["is_published"], now)
        values["created_at"] = _created_at(values["created_at"], stored.get("created_at"), now)
        wanted[values["slug"]] = values
    plan = plan_upsert(existing=existing.projects, wanted=wanted)
    label_of = {entry.record.project.slug: f"{entry.label}: project" for entry in chunk}
    validate(
        Project,
        [(label_of[slug], values) for slug, values in plan.rows_to_write()],
        model_clean=True,
    )
    report.add_plan("projects", plan)
    return plan


def _created_at(given, stored, now):
    """When the project was first recorded: as the record gives it (exports say it to the
    millisecond: a stored time within that millisecond is kept), else as stored, else now."""
    if given is None:
        return stored or now
    if (
        stored is not None
        and stored.replace(microsecond=stored.microsecond // 1000 * 1000) == given
    ):
        return stored
    return given


def _plan_links(chunk, link, existing, project_ids, targets, writes, report) -> None:
    """A project's places or keywords become the record's set: the links no longer wanted
    are deleted, the new ones inserted."""
    through, target, targets_of = link
    removed, added = [], []
    for entry in chunk:
        slug = entry.record.project.slug
        wanted = targets_of(entry, targets)
        links = existing.links[through].get(project_ids.get(slug), {})
        if set(links) == wanted:
            continue
        writes.project_changes.add(slug)
        report.add("project links", "updated")
        removed += [pk for target_id, pk in links.items() if target_id not in wanted]
        added += [(slug, {target: target_id}) for target_id in sorted(wanted - set(links))]
    if removed:
        writes.deletes.append((through, {"pk__in": removed}))
    writes.inserts.append((through, added))


def _plan_rows(chunk, kind: RowKind, existing, project_ids, targets, writes, report) -> None:
    """A project whose rows already match its record's is left alone; otherwise its rows are
    replaced (deleted, and inserted in the record's order)."""
    removed, added = [], []
    for entry in chunk:
        slug = entry.record.project.slug
        wanted = kind.values(entry.record.project, targets.organization_ids)
        current = existing.rows[kind.model].get(project_ids.get(slug), [])
        if current == wanted:
            report.add(kind.report_as, "unchanged", len(current))
            continue
        writes.project_changes.add(slug)
        report.add(kind.report_as, "deleted", len(current))
        report.add(kind.report_as, "created", len(wanted))
        if current:
            removed.append(project_ids[slug])
        label = f"{entry.label}: project.{kind.path}"
        added += [(f"{label}.{index}", slug, row) for index, row in enumerate(wanted)]
    validate(kind.model, [(label, row) for label, _slug, row in added], exclude=RELATIONS)
    if removed:
        writes.deletes.append((kind.model, {"project_id__in": removed}))
    writes.inserts.append((kind.model, [(slug, row) for _label, slug, row in added]))


def _plan_sources(
    chunk: list[Entry], existing: _Existing, targets, writes: _Writes, report
) -> None:
    """Each project's sources are exactly its record's, found again by the SHA-256 of their
    text (the text itself is neither read back nor rewritten)."""
    wanted, label_of = {}, {}
    for entry in chunk:
        slug = entry.record.project.slug
        for index, (source, sha) in enumerate(zip(entry.record.sources, entry.shas, strict=True)):
            key = (slug, sha)
            wanted[key] = {
                "file_name": source.file,
                "title": source.title or "",
                "language": source.language,
                "published_on": parse_partial_date(source.published).date,
                **translated("publisher", source.publisher),
                "url": source.url or "",
                "dateline": source.dateline or "",
                "dateline_place_id": (
                    targets.place_ids[source.dateline_place] if source.dateline_place else None
                ),
                "extraction": source.extraction,
            }
            writes.texts[sha] = entry.texts[index]
            label_of[key] = f"{entry.label}: {source_location(index)}"
    plan = plan_upsert(existing=existing.sources, wanted=wanted)
    validate(
        SourceDocument,
        [
            (label_of[key], {**values, "text": writes.texts[key[1]]})
            for key, values in plan.created.items()
        ]
        + [(label_of[key], values) for key, (_pk, values, _changed) in plan.updated.items()],
        exclude=RELATIONS,
    )
    writes.sources = plan
    if existing.stale_sources:
        stale_ids = [pk for pk, _project in existing.stale_sources]
        writes.deletes.append((SourceDocument, {"pk__in": stale_ids}))
    report.add_plan("source documents", plan)
    report.add("source documents", "deleted", len(existing.stale_sources))
    writes.project_changes |= {slug for slug, _sha in [*plan.created, *plan.updated]}
    # Projects that lost a source their record no longer has.
    writes.other_changed_ids |= {project_id for _pk, project_id in existing.stale_sources}
    writes.other_changed_ids.discard(None)
