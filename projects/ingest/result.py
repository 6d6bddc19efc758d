"""What the extractor finds in a press release: values with the evidence they come from.

Every value carries the spans of the source text it was read from (`Evidence`), so an editor
can see why the extractor says what it says. Offsets index `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Document:
    """A press release ready for the recognisers.

    text: the whole text, decoded and tidied (markdown links and HTML removed).
    article: the same text with page noise (menus, tickers, lists of unrelated headlines,
        boilerplate) blanked out with spaces, so offsets stay valid; recognisers search this.
    language: "ru", "kk" or "en".
    source_url: where the release was published, when the input says so (text.read_plain_text).
    """

    text: str
    article: str
    language: str
    source_url: str | None = None

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence.of(self.text, start, end)


@dataclass
class AmountFound:
    amount: Decimal
    currency: str  # ISO 4217
    kind: str  # "total" | "donor_contribution" | "other" | "programme" (not this project's)
    qualifier: str  # "exact" | "more_than" | "up_to" | "about"
    donor: str | None = None  # normalised donor name when the text ties the amount to one
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class DateFound:
    iso: str  # partial ISO date: "2014-04-01", "2016-09", "2017"
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PlaceFound:
    slug: str
    name_en: str
    kind: str
    region_en: str | None
    country_code: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class OrganizationFound:
    name: str  # as written in the text, legal form and quotes included («ОО «Эхо»»)
    role: str  # "implementer" | "partner" | "donor"
    normalized: str | None = None  # for donors: "European Union", "USAID", ... when known
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ContactFound:
    name: str  # in the nominative ("Павел Лобачев", not "Павлом Лобачевым")
    position: str | None = None
    organization: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ValueFound:
    """A single text value (title, contract number, e-mail, phone)."""

    value: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Extraction:
    language: str
    source_url: str | None = None
    title: ValueFound | None = None
    published: DateFound | None = None
    donors: list[OrganizationFound] = field(default_factory=list)
    amounts: list[AmountFound] = field(default_factory=list)
    # A programme's, a fund's or a donor's overall figures the release also gives.
    programme_amounts: list[AmountFound] = field(default_factory=list)
    start: DateFound | None = None
    end: DateFound | None = None
    duration_months: int | None = None
    duration_evidence: list[Evidence] = field(default_factory=list)
    places: list[PlaceFound] = field(default_factory=list)
    implementers: list[OrganizationFound] = field(default_factory=list)
    partners: list[OrganizationFound] = field(default_factory=list)
    contacts: list[ContactFound] = field(default_factory=list)
    emails: list[ValueFound] = field(default_factory=list)
    phones: list[ValueFound] = field(default_factory=list)
    contract_number: ValueFound | None = None
    # A release announcing several projects: each with what its own part of the text says
    # (announced.AnnouncedProject); empty for a release about one project.
    projects: list = field(default_factory=list)
    # The prepared text every value was read from (not in the JSON): the importer takes the
    # draft's description from it instead of preparing the text again.
    document: Document | None = None

    def as_json(self, file: str | None = None) -> dict:
        """Exactly the keys of `manage.py extract_press_release --format json`."""
        return {
            "file": file,
            "language": self.language,
            "source_url": self.source_url,
            "title": self.title.value if self.title else None,
            "published": self.published.iso if self.published else None,
            "donors": [donor.normalized or donor.name for donor in self.donors],
            "amounts": [_amount_json(amount) for amount in self.amounts],
            "programme_amounts": [_amount_json(amount) for amount in self.programme_amounts],
            "start": self.start.iso if self.start else None,
            "end": self.end.iso if self.end else None,
            "duration_months": self.duration_months,
            "places": [
                {
                    "name_en": place.name_en,
                    "kind": place.kind,
                    "region_en": place.region_en,
                    "country_code": place.country_code,
                }
                for place in self.places
            ],
            "implementers": [organization.name for organization in self.implementers],
            "partners": [organization.name for organization in self.partners],
            "contacts": [
                {
                    "name": contact.name,
                    "position": contact.position,
                    "phones": contact.phones,
                    "emails": contact.emails,
                }
                for contact in self.contacts
            ],
            "emails": [email.value for email in self.emails],
            "phones": [phone.value for phone in self.phones],
            "contract_number": self.contract_number.value if self.contract_number else None,
            "projects": [
                {
                    "title": project.title,
                    "implementers": [o.name for o in project.implementers],
                    "partners": [o.name for o in project.partners],
                    "amounts": [_amount_json(amount) for amount in project.amounts],
                    "places": [place.name_en for place in project.places],
                }
                for project in self.projects
            ],
        }


def _amount_json(amount: AmountFound) -> dict:
    return {
        "amount": str(amount.amount),
        "currency": amount.currency,
        "kind": amount.kind,
        "qualifier": amount.qualifier,
    }
