"""How well the extractor reads press releases, against an editor's reading of them.

Two sets: the seeds, against their reviewed records (`evaluate`), and the development set
(`devset/`: releases written for it, each with an `.expected.json`, see its README) or any
folder in its format (`evaluate_folder`). For each field, the extractor's values and the
expected ones are compared as sets (a single value is a set of one, a missing one an empty
set); true positives, false positives and false negatives add up over all releases into
per-field precision and recall, and over all fields into one F1. Names are compared after the
same normalisation the importer matches records with.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .ingest import Extraction, extract
from .ingest.donors import normalize_donor
from .ingest.legal_forms import org_key
from .seed_schema import SeedRecord
from .services import GAZETTEER_FILE, read_record

FIELDS = [
    "language", "title", "published", "donors", "amounts", "start", "end", "duration_months",
    "places", "implementers", "partners", "contacts", "emails", "phones", "contract_number",
]  # fmt: skip
# What an editor's reading of a release in a folder gives (devset/README.md).
FOLDER_FIELDS = [
    "language", "source_url", "donors", "amounts", "start", "end", "duration_months", "places",
    "implementers", "partners", "contacts", "emails", "phones", "contract_number",
]  # fmt: skip
NAMED_FIELDS = {"donors", "places", "implementers", "partners", "contacts"}
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

    @property
    def f1(self) -> float:
        denominator = 2 * self.true_positives + self.false_positives + self.false_negatives
        return 2 * self.true_positives / denominator if denominator else 1.0


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


def evaluate_folder(folder: Path) -> Evaluation:
    """Run the extractor on the release of every reading in folder (`NNN_x.expected.json`
    beside `NNN_x.txt`) and score what it finds against the reading."""
    scores = {name: FieldScore() for name in FOLDER_FIELDS}
    for reading in sorted(folder.glob("[0-9][0-9][0-9]_*.expected.json")):
        text_path = reading.with_name(reading.name.removesuffix(".expected.json") + ".txt")
        expected = json.loads(reading.read_text(encoding="utf-8"))
        found = extract(text_path.read_text(encoding="utf-8")).as_json()
        release = text_path.stem
        for name in FOLDER_FIELDS:
            if name in NAMED_FIELDS:
                names = expected[name]
                if name == "donors":  # any name of a known donor is its canonical name too
                    names = [n + [d for v in n if (d := normalize_donor(v))] for n in names]
                _score_names(scores[name], release, _names(name, found), names)
            else:
                values = _COMPARABLE.get(name, _one)
                _score(scores[name], release, values(found[name]), values(expected[name]))
    return Evaluation(scores)


def _names(field_name: str, found: dict) -> list[str]:
    if field_name == "places":
        return [place["name_en"] for place in found["places"]]
    if field_name == "contacts":
        return [contact["name"] for contact in found["contacts"]]
    return found[field_name]


_COMPARABLE = {
    "amounts": lambda amounts: {(Decimal(a["amount"]), a["currency"]) for a in amounts},
    "emails": lambda emails: {email.lower() for email in emails},
    "phones": lambda phones: {_phone_key(phone) for phone in phones},
}


def _score_names(score: FieldScore, release: str, found: list[str], expected: list[list[str]]):
    """Each expected organisation, place or person is a list of the names it may be given;
    a found name counts for the first one it names, and each is counted once."""
    remaining = [(names, {org_key(name) for name in names}) for names in expected]
    for name in found:
        key = org_key(name)
        index = next((i for i, (_names, keys) in enumerate(remaining) if key in keys), None)
        if index is None:
            score.false_positives += 1
            score.misses.append(f"{release}: extra {name}")
        else:
            remaining.pop(index)
            score.true_positives += 1
    for names, _keys in remaining:
        score.false_negatives += 1
        score.misses.append(f"{release}: missed {names[0]}")


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
            org_key(getattr(c.name, language)) if c.name else c.organization for c in contacts
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
                    self._slugs.setdefault(org_key(name), organization.slug)

    def slug_of(self, name: str) -> str:
        return self._slugs.get(org_key(name), name)

    def contact_of(self, name: str) -> str:
        """A contact as the seeds write it: an organisation's slug, or a person's name key."""
        return self._slugs.get(org_key(name)) or org_key(name)


def _all_names(organization) -> list[str]:
    names = [organization.name.ru, organization.name.kk, organization.name.en]
    if organization.short_name:
        names += [
            organization.short_name.ru,
            organization.short_name.kk,
            organization.short_name.en,
        ]
    return names + list(organization.aliases)
