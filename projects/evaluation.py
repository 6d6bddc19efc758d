"""How well the extractor reads the seed press releases, against their reviewed records.

For each field, the extractor's values and the record's values are compared as sets (a single
value is a set of one, a missing one an empty set); true positives, false positives and false
negatives add up over all seeds into per-field precision and recall, and over all fields into
one F1. Names are compared after the same normalisation the importer matches records with.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .importing import organization_key
from .ingest import Extraction, extract
from .seed_schema import SeedRecord
from .services import GAZETTEER_FILE, read_record

FIELDS = [
    "language", "title", "published", "donors", "amounts", "start", "end", "duration_months",
    "places", "implementers", "partners", "contacts", "emails", "phones", "contract_number",
]  # fmt: skip
IMPLEMENTER_ROLES = {"lead_implementer", "co_implementer"}
PARTNER_ROLES = {"partner", "local_authority_partner"}


@dataclass
class FieldScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass
class Evaluation:
    fields: dict[str, FieldScore]

    @property
    def f1(self) -> float:
        totals = Counter()
        for score in self.fields.values():
            totals["tp"] += score.true_positives
            totals["fp"] += score.false_positives
            totals["fn"] += score.false_negatives
        denominator = 2 * totals["tp"] + totals["fp"] + totals["fn"]
        return 2 * totals["tp"] / denominator if denominator else 1.0


def evaluate(seeds_dir: Path) -> Evaluation:
    """Run the extractor on every seed in seeds_dir and score it against the records."""
    places_by_slug = _gazetteer_names(seeds_dir)
    records = {path: read_record(path) for path in sorted(seeds_dir.glob("[0-9][0-9][0-9]_*.yaml"))}
    names = SeedNames(records.values())
    scores = {name: FieldScore() for name in FIELDS}
    for record_path, record in records.items():
        text = (seeds_dir / record.source.file).read_bytes().decode("utf-8")
        extraction = extract(text)
        expected = expected_values(record, places_by_slug)
        found = found_values(extraction, names)
        for name in FIELDS:
            _score(scores[name], record_path.stem, found[name], expected[name])
    return Evaluation(scores)


def _score(score: FieldScore, seed: str, found: set, expected: set) -> None:
    score.true_positives += len(found & expected)
    score.false_positives += len(found - expected)
    score.false_negatives += len(expected - found)
    score.misses += [f"{seed}: extra {value}" for value in sorted(map(str, found - expected))]
    score.misses += [f"{seed}: missed {value}" for value in sorted(map(str, expected - found))]


def _one(value) -> set:
    return set() if value is None else {value}


def _phone_key(phone: str) -> str:
    return "".join(char for char in phone if char.isdigit())


def _gazetteer_names(seeds_dir: Path) -> dict[str, str]:
    data = json.loads((seeds_dir / GAZETTEER_FILE).read_text(encoding="utf-8"))
    return {place["slug"]: place["name"]["en"] for place in data["places"]}


def _stated(project, name: str) -> set:
    """A date the release states; none when the editor inferred it (evidence with a note and
    no quote: seed 000's start is the month of a release that says the project has started)."""
    value = getattr(project, name)
    stated = {entry.fact for entry in project.evidence if entry.quote is not None}
    return _one(value) if f"{name}:{value}" in stated else set()


def expected_values(record: SeedRecord, places_by_slug: dict[str, str]) -> dict[str, set]:
    project, language = record.project, record.source.language
    organizations = {organization.slug: organization for organization in record.organizations}

    def organization_names(roles: set[str]) -> set[str]:
        # Found names are mapped onto these slugs by SeedNames.
        return {
            organizations[p.organization].slug for p in project.participations if p.role in roles
        }

    contacts = project.contacts
    emails = {e.lower() for c in contacts for e in c.emails}
    emails |= {e.lower() for o in record.organizations for e in o.emails}
    phones = {_phone_key(p) for c in contacts for p in c.phones}
    phones |= {_phone_key(p) for o in record.organizations for p in o.phones}
    return {
        "language": {language},
        "title": _one(record.source.title and " ".join(record.source.title.split())),
        "published": _one(record.source.published),
        "donors": organization_names({"donor"}),
        "amounts": {
            (Decimal(line.amount), line.currency, line.kind, line.qualifier)
            for line in project.funding
        },
        "start": _stated(project, "start"),
        "end": _stated(project, "end"),
        "duration_months": _one(project.duration_months),
        "places": {places_by_slug[slug] for slug in project.places},
        "implementers": organization_names(IMPLEMENTER_ROLES),
        "partners": organization_names(PARTNER_ROLES),
        # A person by name; an organisation to contact (no person) by its slug.
        "contacts": {
            organization_key(getattr(c.name, language)) if c.name else c.organization
            for c in contacts
        },
        "emails": emails,
        "phones": phones,
        "contract_number": _one(project.contract_number),
    }


def found_values(extraction: Extraction, names: SeedNames) -> dict[str, set]:
    return {
        "language": {extraction.language},
        "title": _one(extraction.title and " ".join(extraction.title.value.split())),
        "published": _one(extraction.published and extraction.published.iso),
        "donors": {names.slug_of(d.normalized or d.name) for d in extraction.donors},
        "amounts": {(a.amount, a.currency, a.kind, a.qualifier) for a in extraction.amounts},
        "start": _one(extraction.start and extraction.start.iso),
        "end": _one(extraction.end and extraction.end.iso),
        "duration_months": _one(extraction.duration_months),
        "places": {place.name_en for place in extraction.places},
        "implementers": {names.slug_of(o.name) for o in extraction.implementers},
        "partners": {names.slug_of(o.name) for o in extraction.partners},
        "contacts": {names.contact_of(contact.name) for contact in extraction.contacts},
        "emails": {email.value.lower() for email in extraction.emails},
        "phones": {_phone_key(phone.value) for phone in extraction.phones},
        "contract_number": _one(extraction.contract_number and extraction.contract_number.value),
    }


class SeedNames:
    """Maps a name as the extractor wrote it to the slug of the seed organisation it names
    (by any of the organisation's names, short names or aliases, normalised as the importer
    matches them), or leaves the name itself, which then counts as a false positive."""

    def __init__(self, records):
        self._slugs: dict[str, str] = {}
        for record in records:
            for organization in record.organizations:
                for name in _all_names(organization):
                    self._slugs.setdefault(organization_key(name), organization.slug)

    def slug_of(self, name: str) -> str:
        return self._slugs.get(organization_key(name), name)

    def contact_of(self, name: str) -> str:
        """A contact as the seeds write it: an organisation's slug, or a person's name key."""
        return self._slugs.get(organization_key(name)) or organization_key(name)


def _all_names(organization) -> list[str]:
    names = [organization.name.ru, organization.name.kk, organization.name.en]
    if organization.short_name:
        names += [
            organization.short_name.ru,
            organization.short_name.kk,
            organization.short_name.en,
        ]
    return names + list(organization.aliases)
