"""The facts of a project that a reader must be able to check, and the key naming each.

A key holds the fact's value, so that the evidence recorded for it (models.FactEvidence)
stops applying when the value changes:

    title                                      the project's title
    start:2017-02 / end:2020-01                the stated period, at its precision
    duration:24                                months
    contract_number:CSO-LA/2016/382-029
    funding:european-union:213793:EUR:donor_contribution:exact   (donor "-" for none)
    participation:echo:lead_implementer
    place:almaty
    sector:15160                               a theme (OECD DAC purpose code)
    contact:pavel-lobachev                     (a person, by the slug of their English name)
    contact:org:information-resource-centre    (an organisation to contact, no person)

The same keys are computed from a database project (page, admin, exports) and from a
record (seeds and load_records), so a record's evidence is checked before it is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .partial_dates import PartialDate, parse_partial_date
from .translit import ascii_slug

TITLE = "title"


def amount_text(amount: Decimal | str) -> str:
    return f"{Decimal(amount).normalize():f}"


def period_keys(
    start: PartialDate, end: PartialDate, duration_months: int | None, contract_number: str
) -> dict[str, str | None]:
    """The keys of the start, end, duration and contract number (None for what is not given)."""
    return {
        "start": f"start:{start.isoformat()}" if start.isoformat() else None,
        "end": f"end:{end.isoformat()}" if end.isoformat() else None,
        "duration": f"duration:{duration_months}" if duration_months else None,
        "contract_number": f"contract_number:{contract_number}" if contract_number else None,
    }


def funding_key(donor_slug: str | None, amount, currency: str, kind: str, qualifier: str) -> str:
    return f"funding:{donor_slug or '-'}:{amount_text(amount)}:{currency}:{kind}:{qualifier}"


def participation_key(organization_slug: str, role: str) -> str:
    return f"participation:{organization_slug}:{role}"


def place_key(place_slug: str) -> str:
    return f"place:{place_slug}"


def sector_key(code: str) -> str:
    return f"sector:{code}"


def contact_key(name_en: str, name_other: str, organization_slug: str | None) -> str:
    name = name_en or name_other
    if name:
        return f"contact:{ascii_slug(name, 120)}"
    return f"contact:org:{organization_slug}"


# --- From a record (seeds/README.md) ----------------------------------------------------------


def record_fact_keys(project) -> list[str]:
    """Every fact key of a ProjectRecord, in the order a page shows them."""
    period = period_keys(
        parse_partial_date(project.start),
        parse_partial_date(project.end, period_end=True),
        project.duration_months,
        project.contract_number,
    )
    keys = [TITLE, *(key for key in period.values() if key)]
    keys += [
        funding_key(line.donor, line.amount, line.currency, line.kind, line.qualifier)
        for line in project.funding
    ]
    keys += [participation_key(p.organization, p.role) for p in project.participations]
    keys += [place_key(slug) for slug in project.places]
    keys += [sector_key(sector.code) for sector in project.sectors]
    keys += [
        contact_key(
            contact.name.en if contact.name else "",
            (contact.name.ru or contact.name.kk) if contact.name else "",
            contact.organization,
        )
        for contact in project.contacts
    ]
    return keys


# --- From the database -------------------------------------------------------------------------


def project_date_keys(project) -> dict[str, str | None]:
    return period_keys(project.start, project.end, project.duration_months, project.contract_number)


def line_key(line) -> str:
    donor = line.donor.slug if line.donor_id else None
    return funding_key(donor, line.amount, line.currency, line.kind, line.qualifier)


def participation_key_of(participation) -> str:
    return participation_key(participation.organization.slug, participation.role)


def contact_key_of(contact) -> str:
    organization = contact.organization.slug if contact.organization_id else None
    return contact_key(contact.name_en, contact.name_ru or contact.name_kk, organization)


@dataclass
class FactBasis:
    """What a page says about one fact: the evidence rows that apply to it."""

    key: str
    stated: list = field(default_factory=list)  # FactEvidence rows quoting a source
    inferred: list = field(default_factory=list)  # FactEvidence rows with an editor's note

    @property
    def checked(self) -> bool:
        return bool(self.stated or self.inferred)


class ProjectFacts:
    """The evidence of one project's facts, looked up by key (from prefetched rows)."""

    def __init__(self, evidence):
        self._by_key: dict[str, FactBasis] = {}
        for row in evidence:
            basis = self._by_key.setdefault(row.fact, FactBasis(row.fact))
            (basis.inferred if row.basis == "inferred" else basis.stated).append(row)

    def __getitem__(self, key: str | None) -> FactBasis:
        if key is None:
            return FactBasis("")
        return self._by_key.get(key) or FactBasis(key)


def attach_facts(project) -> dict:
    """The evidence of what a project page shows, from the prefetched rows (no query): each
    funding line, participation and contact gets `.basis` (a FactBasis); the returned context
    holds the bases of the title, dates, duration and contract number, each place with its
    basis, and per source the spans to highlight."""
    facts = ProjectFacts(project.evidence.all())
    shown: list[FactBasis] = []

    def basis(key):
        found = facts[key]
        shown.append(found)
        return found

    for line in project.funding_lines.all():
        line.basis = basis(line_key(line))
    for participation in project.participations.all():
        participation.basis = basis(participation_key_of(participation))
    for contact in project.contacts.all():
        contact.basis = basis(contact_key_of(contact))
    context = {
        "title_basis": basis(TITLE),
        "date_bases": {name: basis(key) for name, key in project_date_keys(project).items()},
        "places_with_basis": [
            (place, basis(place_key(place.slug))) for place in project.places.all()
        ],
        "sectors_with_basis": [
            (link, basis(sector_key(link.sector_id))) for link in project.sector_links.all()
        ],
    }
    spans: dict[int, list] = {}
    for found in shown:
        for row in found.stated:
            spans.setdefault(row.source_id, []).append(row)
    context["evidence_spans"] = spans
    return context


def fact_keys_of(project) -> list[str]:
    """Every fact key of a saved project, in page order (a few queries; for the admin)."""
    keys = [TITLE]
    keys += [key for key in project_date_keys(project).values() if key]
    keys += [line_key(line) for line in project.funding_lines.select_related("donor")]
    keys += [participation_key_of(p) for p in project.participations.select_related("organization")]
    keys += [place_key(slug) for slug in project.places.values_list("slug", flat=True)]
    keys += [sector_key(code) for code in project.sector_links.values_list("sector_id", flat=True)]
    keys += [contact_key_of(c) for c in project.contacts.select_related("organization")]
    return keys
