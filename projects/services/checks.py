"""What a file of records must satisfy before anything is written: each record's references
(to organisations it defines, to source files beside it), the gazetteer's order, and what no
single record can get wrong (a project or source text listed twice, places that do not exist,
conflicting facts about one organisation). Every error names the file, record and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from ..facts import TITLE, record_fact_keys
from ..models import ParticipationRole
from ..partial_dates import parse_partial_date
from ..seed_schema import Gazetteer, OrganizationRecord, SeedRecord
from .bulk import SeedError
from .record_values import Entry


def format_validation_error(path, error: PydanticValidationError) -> str:
    problems = []
    for detail in error.errors():
        location = ".".join(str(part) for part in detail["loc"]) or "(top level)"
        problems.append(f"{record_label(path)}: {location}: {detail['msg']}")
    return "\n".join(problems)


def record_label(key) -> str:
    return key.name if isinstance(key, Path) else str(key)


def check_gazetteer(label: str, gazetteer: Gazetteer) -> None:
    """Slugs are unique and every parent is listed before its children."""
    seen: set[str] = set()
    for index, place in enumerate(gazetteer.places):
        where = f"{label}: places.{index} ({place.slug})"
        if place.slug in seen:
            raise SeedError(f"{where}: slug: listed twice")
        if place.parent is not None and place.parent not in seen:
            raise SeedError(f"{where}: parent: {place.parent!r} is not listed before it")
        seen.add(place.slug)


def check_record_references(label: str, record: SeedRecord, files_dir: Path | None) -> None:
    """Everything a record refers to is defined in it (organisations) or exists (source files
    beside it, when the text is not embedded). Raises SeedError naming label and field."""
    defined = {organization.slug for organization in record.organizations}
    project = record.project
    references = [
        (f"project.participations.{i}.organization", p.organization)
        for i, p in enumerate(project.participations)
    ]
    references += [
        (f"project.funding.{i}.donor", line.donor)
        for i, line in enumerate(project.funding)
        if line.donor
    ]
    references += [
        (f"project.contacts.{i}.organization", contact.organization)
        for i, contact in enumerate(project.contacts)
        if contact.organization
    ]
    references += [
        (f"organizations ({organization.slug}).part_of", organization.part_of)
        for organization in record.organizations
        if organization.part_of
    ]
    for location, slug in references:
        if slug not in defined:
            raise SeedError(f"{label}: {location}: organisation {slug!r} is not in organizations")
    donors = {p.organization for p in project.participations if p.role == ParticipationRole.DONOR}
    for i, line in enumerate(project.funding):
        if line.donor and line.donor not in donors:
            raise SeedError(
                f"{label}: project.funding.{i}.donor: {line.donor!r} gives money but has no "
                "participation with the role donor"
            )
    start = parse_partial_date(project.start)
    end = parse_partial_date(project.end, period_end=True)
    if start.date and end.date and end.date < start.date:
        raise SeedError(f"{label}: project.end: {project.end} is before the start {project.start}")
    for index, source in enumerate(record.sources):
        if source.text is None and not (files_dir and (files_dir / source.file).is_file()):
            where = "source" if index == 0 else f"other_sources.{index - 1}"
            raise SeedError(f"{label}: {where}.file: {source.file!r} is not in {files_dir}")


def check_records(
    entries: list[Entry], organizations: dict, places: set[str], *, reviewed: bool = False
) -> None:
    """What no single record can get wrong: a project or a source text listed twice, the same
    organisation twice in one role, places and home towns that exist (in the file's gazetteer
    or already in the database), quotes that are the source's words; for reviewed records,
    evidence for every fact."""
    first_of_slug: dict[str, str] = {}
    first_of_text: dict[str, str] = {}
    for entry in entries:
        project = entry.record.project
        if project.slug in first_of_slug:
            raise SeedError(
                f"{entry.label}: project.slug: {project.slug!r} is also in "
                f"{first_of_slug[project.slug]}"
            )
        first_of_slug[project.slug] = entry.label
        roles = set()
        for index, participation in enumerate(project.participations):
            role = (participation.organization, participation.role)
            if role in roles:
                raise SeedError(f"{entry.label}: project.participations.{index}: listed twice")
            roles.add(role)
        missing = [slug for slug in project.places if slug not in places]
        if missing:
            raise SeedError(
                f"{entry.label}: project ({project.slug}): places: not in the gazetteer: "
                + ", ".join(missing)
            )
        for index, sha in enumerate(entry.shas):
            where = "source" if index == 0 else f"other_sources.{index - 1}"
            if sha in first_of_text:
                raise SeedError(
                    f"{entry.label}: {where}.text: the same text as {first_of_text[sha]}"
                )
            first_of_text[sha] = f"{entry.label}: {where}"
        for index, source in enumerate(entry.record.sources):
            if source.dateline_place and source.dateline_place not in places:
                where = "source" if index == 0 else f"other_sources.{index - 1}"
                raise SeedError(
                    f"{entry.label}: {where}.dateline_place: {source.dateline_place!r} is not "
                    "in the gazetteer"
                )
        check_evidence(entry)
        if reviewed:
            check_evidence_complete(entry.label, entry.record)
    for slug, (record, label) in organizations.items():
        if record.city and record.city not in places:
            raise SeedError(
                f"{label}: organizations ({slug}): city: {record.city!r} is not in the gazetteer"
            )


def check_evidence(entry: Entry) -> None:
    """A quote is the source's text at the given offset, character for character. (Evidence
    of a fact whose value has changed since is kept: it no longer applies, as in the
    database; reviewed seeds may not hold such evidence, see check_evidence_complete.)"""
    record = entry.record
    texts = {source.file: text for source, text in zip(record.sources, entry.texts, strict=True)}
    for index, evidence in enumerate(record.project.evidence):
        where = f"{entry.label}: project.evidence.{index}"
        if not evidence.stated:
            continue
        if not entry.texts:
            raise SeedError(f"{where}.quote: the record has no source to quote")
        if evidence.source is None:
            text = entry.texts[0]
        elif evidence.source in texts:
            text = texts[evidence.source]
        else:
            raise SeedError(f"{where}.source: {evidence.source!r} is not a source of the record")
        found = text[evidence.at : evidence.at + len(evidence.quote)]
        if found != evidence.quote:
            hint = text.find(evidence.quote)
            hint = f" (the words are at {hint})" if hint >= 0 else " (the words are not in it)"
            raise SeedError(
                f"{where}.quote: the source's text at {evidence.at} is {found!r}, "
                f"not {evidence.quote!r}{hint}"
            )


def check_evidence_complete(label: str, record: SeedRecord) -> None:
    """A reviewed record says, for every fact, where the source states it or how the editor
    inferred it; a title given by an editor is explained as an inference."""
    keys = record_fact_keys(record.project)
    for index, evidence in enumerate(record.project.evidence):
        if evidence.fact not in keys:
            raise SeedError(
                f"{label}: project.evidence.{index}.fact: {evidence.fact!r} is not a fact of "
                "this record"
            )
    covered = {evidence.fact for evidence in record.project.evidence}
    missing = [key for key in keys if key not in covered]
    if missing:
        raise SeedError(
            f"{label}: project.evidence: no evidence for " + ", ".join(repr(k) for k in missing)
        )
    if record.project.title_given_by_editor and not any(
        evidence.fact == TITLE and not evidence.stated for evidence in record.project.evidence
    ):
        raise SeedError(
            f"{label}: project.evidence: a title given by an editor needs the editor's note"
        )


LIST_FACTS = ("aliases", "phones", "faxes", "emails", "links")


def merge_organizations(records: dict) -> dict[str, tuple[OrganizationRecord, str]]:
    """One organisation per slug across all records (with the label of the first record that
    defines it); conflicting facts are an error."""
    merged: dict[str, dict[str, Any]] = {}
    origin: dict[str, Any] = {}
    for key, record in records.items():
        for organization in record.organizations:
            facts = organization.model_dump(exclude_none=True)
            if organization.slug not in merged:
                merged[organization.slug], origin[organization.slug] = facts, key
                continue
            try:
                _merge_facts(merged[organization.slug], facts)
            except ValueError as conflict:
                raise SeedError(
                    f"{record_label(key)}: organizations ({organization.slug}): {conflict} "
                    f"in {record_label(origin[organization.slug])}"
                ) from None
    return {
        slug: (OrganizationRecord.model_validate(facts), record_label(origin[slug]))
        for slug, facts in merged.items()
    }


def _merge_facts(known: dict[str, Any], facts: dict[str, Any]) -> None:
    """Lists are united; a fact is added where missing; two different values are a conflict."""
    for name, value in facts.items():
        if name in LIST_FACTS:
            known[name] = list(dict.fromkeys(known.get(name, []) + value))
        elif name not in known:
            known[name] = value
        elif known[name] != value:
            raise ValueError(f"{name}: {value!r} differs from {known[name]!r}")
