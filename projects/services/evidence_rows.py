"""Loads the evidence of records' facts (project.evidence in seeds/README.md) once their
projects and sources are written: a project whose evidence already matches its record's is
left alone, otherwise its evidence is replaced. Spans were checked against the texts before
anything was written (checks.check_evidence)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..bulk_insert import insert_rows
from ..models import FactEvidence, Project, SourceDocument
from .bulk import in_batches
from .record_values import Entry, translated

COLUMNS = ("fact", "basis", "source_id", "start", "end", "quote", "note_ru", "note_kk", "note_en")


def evidence_load(*, entries: list[Entry], report) -> set[int]:
    """Returns the ids of the projects whose evidence changed."""
    project_ids = _ids(Project, "slug", [entry.record.project.slug for entry in entries])
    source_ids = _source_ids(list(project_ids.values()))
    existing = _existing(list(project_ids.values()))
    changed, removed, added = set(), [], []
    for entry in entries:
        project_id = project_ids[entry.record.project.slug]
        wanted = _wanted(entry, project_id, source_ids)
        current = existing.get(project_id, [])
        if current == wanted:
            report.add("evidence", "unchanged", len(current))
            continue
        changed.add(project_id)
        report.add("evidence", "deleted", len(current))
        report.add("evidence", "created", len(wanted))
        if current:
            removed.append(project_id)
        added += [{"project_id": project_id, **row} for row in wanted]
    for batch in in_batches(removed):
        FactEvidence.objects.filter(project_id__in=batch).delete()
    insert_rows(FactEvidence, added)
    return changed


def _ids(model, column: str, values: list[str]) -> dict[str, int]:
    found = {}
    for batch in in_batches(values):
        found.update(model.objects.filter(**{f"{column}__in": batch}).values_list(column, "pk"))
    return found


def _source_ids(project_ids: list[int]) -> dict[tuple[int, str], int]:
    """Each project's copy of each text: (project id, SHA-256) -> source id."""
    found = {}
    for batch in in_batches(project_ids):
        sources = SourceDocument.objects.filter(project_id__in=batch)
        for project_id, sha, pk in sources.values_list("project_id", "sha256", "pk"):
            found[project_id, sha] = pk
    return found


def _existing(project_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for batch in in_batches(project_ids):
        found = FactEvidence.objects.filter(project_id__in=batch).order_by("project_id", "pk")
        for row in found.values("project_id", *COLUMNS):
            rows[row.pop("project_id")].append(row)
    return rows


def _wanted(
    entry: Entry, project_id: int, source_ids: dict[tuple[int, str], int]
) -> list[dict[str, Any]]:
    record = entry.record
    sha_of_file = {source.file: sha for source, sha in zip(record.sources, entry.shas, strict=True)}
    rows = []
    for evidence in record.project.evidence:
        row = {"fact": evidence.fact, **translated("note", evidence.note)}
        if evidence.stated:
            sha = sha_of_file[evidence.source] if evidence.source else entry.shas[0]
            start = evidence.at
            row.update(
                basis="stated",
                source_id=source_ids[project_id, sha],
                start=start,
                end=start + len(evidence.quote),
                quote=evidence.quote,
            )
        else:
            row.update(basis="inferred", source_id=None, start=None, end=None, quote="")
        rows.append({column: row[column] for column in COLUMNS})
    return rows
