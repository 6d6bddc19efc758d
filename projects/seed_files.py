"""Reading the files of records (seeds/README.md): a JSON gazetteer or a YAML record is
parsed, checked against seed_schema and against the rules one file must satisfy on its own
(references inside a record, a gazetteer's order, reviewed records complete in three
languages with evidence for every fact). Every error names the file and the field at fault.
Loading them is services' work (services/records.py, services/seeds.py)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from .facts import TITLE, record_fact_keys
from .models import ParticipationRole
from .partial_dates import parse_partial_date
from .seed_schema import Gazetteer, SeedRecord, Translated

LANGUAGES = ("ru", "kk", "en")
GAZETTEER_FILE = "gazetteer.json"


class SeedError(Exception):
    """A record or file is wrong; the message names the file, the record and the field."""


def source_location(index: int) -> str:
    """Where a record's index-th source is: `source`, then `other_sources.N`."""
    return "source" if index == 0 else f"other_sources.{index - 1}"


def read_gazetteer(path: Path) -> Gazetteer:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        gazetteer = Gazetteer.model_validate(data)
    except FileNotFoundError:
        raise SeedError(f"{path}: the gazetteer file is missing") from None
    except json.JSONDecodeError as error:
        raise SeedError(f"{path.name}: not valid JSON: {error}") from None
    except PydanticValidationError as error:
        raise SeedError(format_validation_error(path, error)) from None
    check_gazetteer(path.name, gazetteer)
    return gazetteer


def read_record(path: Path) -> SeedRecord:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SeedError(f"{path.name}: not valid YAML: {error}") from None
    except UnicodeDecodeError:
        raise SeedError(f"{path.name}: not UTF-8 text") from None
    try:
        record = SeedRecord.model_validate(data)
    except PydanticValidationError as error:
        raise SeedError(format_validation_error(path, error)) from None
    _check_reviewed(path, record)
    check_record_references(path.name, record, files_dir=path.parent)
    return record


def _check_reviewed(path: Path, record: SeedRecord) -> None:
    """Reviewed seed records have a source file and every text in all three languages."""
    if record.source is None or not record.source.file:
        raise SeedError(f"{path.name}: source.file: a seed record names its press release file")
    for location, text in _translated_texts(record):
        if not text.complete:
            missing = [lang for lang in LANGUAGES if not getattr(text, lang)]
            raise SeedError(f"{path.name}: {location}: missing {', '.join(missing)}")


def _translated_texts(model, location: str = ""):
    """Every Translated value inside a record, with its dotted location."""
    if isinstance(model, Translated):
        yield location, model
    elif isinstance(model, list):
        for index, item in enumerate(model):
            yield from _translated_texts(item, f"{location}.{index}")
    elif isinstance(model, BaseModel):
        for name in type(model).model_fields:
            path = f"{location}.{name}" if location else name
            yield from _translated_texts(getattr(model, name), path)


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


def check_record_references(
    label: str, record: SeedRecord, files_dir: Path | None, *, reviewed: bool = True
) -> None:
    """Everything a record refers to is defined in it (organisations) or exists (source files
    beside it, when the text is not embedded). A reviewed record also names each donor of a
    funding line among its donors; an export holds whatever editors saved, and the database
    does not require that. Raises SeedError naming label and field."""
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
        if reviewed and line.donor and line.donor not in donors:
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
            raise SeedError(
                f"{label}: {source_location(index)}.file: {source.file!r} is not in {files_dir}"
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
