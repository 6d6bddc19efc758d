"""What records must satisfy together before anything is written (each file on its own is
checked as it is read, seed_files.py): what no single record can get wrong (a project or
source text listed twice, places that do not exist, conflicting facts about one organisation,
quotes that are not the source's words). Every error names the file, record and field."""

from __future__ import annotations

from typing import Any

from ..models import Sector
from ..seed_files import SeedError, check_evidence_complete, record_label, source_location
from ..seed_schema import OrganizationRecord
from .record_values import Entry


def check_records(
    entries: list[Entry], organizations: dict, places: set[str], *, reviewed: bool = False
) -> None:
    """What no single record can get wrong: a project or a source text listed twice, the same
    organisation twice in one role, places and home towns that exist (in the file's gazetteer
    or already in the database), quotes that are the source's words; for reviewed records,
    evidence for every fact."""
    first_of_slug: dict[str, str] = {}
    codes = sector_codes()
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
        unknown = [sector.code for sector in project.sectors if sector.code not in codes]
        if unknown:
            raise SeedError(
                f"{entry.label}: project ({project.slug}): sectors: not OECD DAC purpose codes "
                "in use: " + ", ".join(unknown)
            )
        # One release may be the source of several projects (it announces them all), but a
        # project holds each text once.
        first_of_text: dict[str, str] = {}
        for index, (source, sha) in enumerate(zip(entry.record.sources, entry.shas, strict=True)):
            where = source_location(index)
            if sha in first_of_text:
                raise SeedError(
                    f"{entry.label}: {where}.text: the same text as {first_of_text[sha]}"
                )
            first_of_text[sha] = f"{entry.label}: {where}"
            if source.dateline_place and source.dateline_place not in places:
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


def sector_codes() -> set[str]:
    """The DAC purpose codes a record may name (withdrawn ones no longer)."""
    return set(Sector.objects.filter(withdrawn=False).values_list("code", flat=True))


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
