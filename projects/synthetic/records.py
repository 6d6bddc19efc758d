"""What a synthetic run writes, drawn without the database: the records (plain dataclasses)
of the rows to insert, and the projects' records with their links, money, dates and places.

Each record depends only on the seed, its own index and the World it is drawn from (the rows
the caller read from the database), through a random.Random seeded with both, so the same
seed always gives the same record whatever else exists or in which batch it is made.
"""

# ruff: noqa: S311 - seeded, reproducible pseudo-randomness is the point; nothing here is secret

from __future__ import annotations

import calendar
import datetime
import itertools
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..models import FundingKind, ParticipationRole, PlaceKind
from ..partial_dates import DatePrecision
from ..translit import ascii_slug
from . import texts
from .phrases import (
    CO_FINANCING_NOTE,
    FIRST_NAMES,
    POSITIONS,
    SURNAME_ENDINGS,
    SURNAMES,
    THEMES,
    Text,
    Theme,
)

SLUG_PREFIX = "synthetic-"
MAX_ORGANIZATIONS = 5000
# Records are "created" between these instants (fixed, so that the data does not depend on
# the day it is generated); a project appears in the registry around its start.
EARLIEST_CREATED = datetime.datetime(2008, 1, 1, tzinfo=datetime.UTC)
LATEST_CREATED = datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC)

DONOR_DECAY = 0.88  # each donor's weight is this share of the one ranked above it
LEAD_ZIPF = 0.95  # exponent of the lead implementers' rank-frequency (Zipf) law
OTHER_ZIPF = 0.6  # and of the other roles' (flatter)


def default_organization_count(project_count: int) -> int:
    """5,000 organisations for 100,000 projects or more, one per 20 projects below that."""
    return min(MAX_ORGANIZATIONS, max(20, project_count // 20))


def project_slug(seed: int, index: int) -> str:
    return f"{SLUG_PREFIX}{seed}-{index + 1}"


@dataclass(frozen=True)
class OrganizationRecord:
    slug: str
    kind: str
    name: Text  # without the marker, as texts cite it
    country: str
    city_id: int | None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    website: str = ""


@dataclass(frozen=True)
class KeywordRecord:
    slug: str
    name: Text


@dataclass(frozen=True)
class FundingRecord:
    donor_id: int | None
    amount: int
    currency: str
    kind: str
    qualifier: str
    note: Text | None = None


@dataclass(frozen=True)
class ContactRecord:
    name: Text
    position: Text
    organization_id: int
    phones: tuple[str, ...]
    emails: tuple[str, ...]


@dataclass(frozen=True)
class SourceRecord:
    title: str
    text: str
    published_on: datetime.date


@dataclass(frozen=True)
class ProjectRecord:
    slug: str
    original_language: str
    texts: dict[str, Text]  # title, summary, description, objectives, results
    start: tuple[datetime.date | None, str]
    end: tuple[datetime.date | None, str]
    duration_months: int | None
    contract_number: str
    created_at: datetime.datetime
    participations: list[tuple[int, str]]
    funding: list[FundingRecord]
    place_ids: list[int]
    keyword_ids: list[int]
    contacts: list[ContactRecord]
    source: SourceRecord
    sectors: list[tuple[str, int | None]] = ()  # (DAC purpose code, share)


@dataclass(frozen=True)
class GazetteerPlace:
    pk: int
    slug: str
    kind: str
    country: str
    name: Text
    population: int


@dataclass(frozen=True)
class OrganizationRef:
    """An organisation as a project record cites it: its row and its name."""

    pk: int
    name: Text
    city_id: int | None
    kind: str = ""


@dataclass
class World:
    """What project records are drawn from, read from the database by the caller."""

    places: list[GazetteerPlace]
    donors: list[OrganizationRef]  # by rank, most popular first
    implementers: list[OrganizationRef]  # by rank
    local_authorities: list[OrganizationRef]
    keyword_ids: dict[str, int]  # keyword slug -> pk
    _draws: dict = field(default_factory=dict)

    def __post_init__(self):
        by_category: dict[str, list[GazetteerPlace]] = {}
        for place in self.places:
            by_category.setdefault(place_category(place), []).append(place)
        ranks = range(len(self.implementers))
        self._draws = {
            "places": {
                category: (members, cumulative([math.sqrt(p.population or 2500) for p in members]))
                for category, members in by_category.items()
            },
            "donors": cumulative([DONOR_DECAY**rank for rank in range(len(self.donors))]),
            "leads": cumulative([1 / (rank + 1) ** LEAD_ZIPF for rank in ranks]),
            "others": cumulative([1 / (rank + 1) ** OTHER_ZIPF for rank in ranks]),
        }
        self.akimat_of_place = {ref.city_id: ref for ref in self.local_authorities}
        self.place_by_pk = {place.pk: place for place in self.places}
        self.keyword_slugs = sorted(self.keyword_ids)


# Where projects work: mostly towns and cities of Kazakhstan, some regions and villages, some
# whole countries, some places in the neighbouring countries.
PLACE_CATEGORIES = (
    ("kz-town", 70),
    ("kz-area", 10),
    ("kz-village", 8),
    ("abroad", 8),
    ("country", 4),
)


def place_category(place: GazetteerPlace) -> str:
    if place.kind == PlaceKind.COUNTRY:
        return "country"
    if place.country != "KZ":
        return "abroad"
    if place.kind in (PlaceKind.REGION, PlaceKind.DISTRICT):
        return "kz-area"
    if place.kind in (PlaceKind.VILLAGE, PlaceKind.RURAL_DISTRICT):
        return "kz-village"
    return "kz-town"


def cumulative(weights: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def draw(rng: random.Random, items: Sequence, weights: list[float]):
    """One of the items, by cumulative weights."""
    return rng.choices(items, cum_weights=weights)[0]


def _weighted(rng: random.Random, table: Sequence[tuple]):
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights=weights)[0]


def _distinct(rng, draw: Callable[[], object], count: int, taken=()) -> list:
    chosen: list = []
    for _ in range(count * 20):  # enough tries for any realistic pool
        if len(chosen) == count:
            break
        item = draw()
        if item not in chosen and item not in taken:
            chosen.append(item)
    return chosen


def phone(rng: random.Random) -> str:
    operator = rng.choice(("701", "702", "705", "707", "708", "747", "775", "777", "778"))
    return f"+7 {operator} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


THEME_WEIGHTS = cumulative([theme.weight for theme in THEMES])

ORIGINAL_LANGUAGES = (("ru", 60), ("en", 25), ("kk", 15))

CURRENCIES = (("EUR", 38), ("USD", 32), ("KZT", 25), ("GBP", 5))

AMOUNT_RANGE = {  # a project's total budget lies in this range (log-uniformly: many small ones)
    "EUR": (20_000, 2_000_000),
    "USD": (20_000, 2_000_000),
    "GBP": (15_000, 1_500_000),
    "KZT": (3_000_000, 900_000_000),
}

QUALIFIERS = (("exact", 80), ("more_than", 7), ("up_to", 7), ("about", 6))

DURATIONS = (6, 9, 12, 12, 15, 18, 18, 24, 24, 24, 30, 36, 36, 42, 48, 60)

PLACE_COUNTS = (
    ((1, 35), (2, 15), (3, 10))
    + tuple((n, 5) for n in range(4, 9))
    + tuple((n, 15 / 8) for n in range(9, 17))
)


# The OECD DAC purpose code an editor would give each theme's projects; some projects also
# get "democratic participation and civil society" beside it, with shares adding up to 100.
THEME_SECTORS = {
    "human-rights": "15160",
    "access-to-information": "15153",
    "local-self-government": "15112",
    "women": "15170",
    "youth": "11231",
    "inclusive-education": "11220",
    "media-literacy": "15153",
    "anti-corruption": "15113",
    "steppe-ecosystems": "41030",
    "water": "14010",
    "disability-rights": "15160",
    "legal-aid": "15130",
    "labour-migration": "15190",
    "domestic-violence": "15180",
    "open-budgets": "15111",
    "rural-development": "43040",
}
CIVIL_SOCIETY = "15150"


def _pick_sectors(seed: int, index: int, theme_slug: str) -> list[tuple[str, int | None]]:
    # A generator of its own: the project's other rows stay what they were before themes.
    rng = random.Random(f"{seed}:sectors:{index}")
    main = THEME_SECTORS[theme_slug]
    if rng.random() < 0.3:
        share = rng.choice((60, 70, 80))
        return [(main, share), (CIVIL_SOCIETY, 100 - share)]
    return [(main, None)]


def project_record(seed: int, index: int, world: World) -> ProjectRecord:
    """The project with this index for this seed, drawn from the world's rows."""
    rng = random.Random(f"{seed}:project:{index}")
    slug = project_slug(seed, index)
    theme = draw(rng, THEMES, THEME_WEIGHTS)
    language = _weighted(rng, ORIGINAL_LANGUAGES)
    donors = _pick_donors(rng, index, world)
    lead, others = _pick_implementers(rng, index, world)
    places = _pick_places(rng, world)
    authority = _pick_local_authority(rng, index, world, places)
    if authority is not None:  # an akimat works where the project does
        others.append((authority, ParticipationRole.LOCAL_AUTHORITY_PARTNER))
        if authority.city_id not in {p.pk for p in places}:
            places[min(len(places), 15) :] = [world.place_by_pk[authority.city_id]]
    start, end, duration = _dates(rng)
    funding = _funding(rng, donors)
    content = texts.project_texts(
        rng, theme, lead, others, donors, places, start, end, duration, funding
    )
    created_at = _created_at(rng, start[0])
    contacts = _contacts(rng, lead, others)
    return ProjectRecord(
        slug=slug,
        original_language=language,
        texts=content,
        start=start,
        end=end,
        duration_months=duration,
        contract_number=f"SYN-{seed}/{created_at.year}/{index + 1:06d}"
        if rng.random() < 0.25
        else "",
        created_at=created_at,
        participations=[(lead.pk, ParticipationRole.LEAD_IMPLEMENTER)]
        + [(ref.pk, role) for ref, role in others]
        + [(ref.pk, ParticipationRole.DONOR) for ref in donors],
        funding=funding,
        place_ids=[place.pk for place in places],
        keyword_ids=_pick_keywords(rng, theme, world),
        contacts=contacts,
        source=SourceRecord(
            *texts.source_text(
                rng, slug, language, content, lead, places, contacts, created_at.date()
            ),
            published_on=created_at.date(),
        ),
        sectors=_pick_sectors(seed, index, theme.slug),
    )


def _pick_donors(rng, index: int, world: World) -> list[OrganizationRef]:
    count = 2 if rng.random() < 0.3 and len(world.donors) > 1 else 1
    first = [world.donors[index]] if index < len(world.donors) else []  # every donor funds one
    return first + _distinct(
        rng, lambda: draw(rng, world.donors, world._draws["donors"]), count - len(first), first
    )


def _pick_implementers(rng, index: int, world: World):
    """The lead implementer and 0-2 co-implementers and partners (a local authority may be
    added after); every implementer leads or partners at least one project when N allows."""
    implementers = world.implementers
    lead = draw(rng, implementers, world._draws["leads"])
    extra = _weighted(rng, ((0, 35), (1, 40), (2, 25)))
    others = _distinct(rng, lambda: draw(rng, implementers, world._draws["others"]), extra, [lead])
    if index < len(implementers) and implementers[index] not in [lead, *others]:
        others = [*others[:1], implementers[index]]
    roles = [ParticipationRole.CO_IMPLEMENTER if rng.random() < 0.3 else ParticipationRole.PARTNER]
    roles.append(ParticipationRole.PARTNER)
    return lead, [(ref, roles[i]) for i, ref in enumerate(others)]


def _pick_places(rng, world: World) -> list[GazetteerPlace]:
    draws = world._draws["places"]
    categories = [(name, weight) for name, weight in PLACE_CATEGORIES if name in draws]

    def one_place():
        members, weights = draws[_weighted(rng, categories)]
        return draw(rng, members, weights)

    count = min(_weighted(rng, PLACE_COUNTS), len(world.places))
    return _distinct(rng, one_place, count) or [one_place()]


def _pick_local_authority(rng, index, world, places) -> OrganizationRef | None:
    if index < len(world.local_authorities):
        return world.local_authorities[index]
    if rng.random() < 0.25:
        for place in places:
            if place.pk in world.akimat_of_place:
                return world.akimat_of_place[place.pk]
    return None


def _pick_keywords(rng, theme: Theme, world: World) -> list[int]:
    count = _weighted(rng, ((0, 25), (1, 25), (2, 25), (3, 15), (4, 10)))
    own = [f"{SLUG_PREFIX}{ascii_slug(k.en, 100)}" for k in theme.keywords]
    slugs = own[: min(count, 2)] + _distinct(
        rng, lambda: rng.choice(world.keyword_slugs), max(0, count - 2), own
    )
    return [world.keyword_ids[slug] for slug in slugs if slug in world.keyword_ids]


def _dates(rng) -> tuple[tuple, tuple, int | None]:
    """Start 2005-2027 at a day, month or year's precision, 6-60 months long; about one
    project in ten has no end and one in twenty no date at all."""
    unknown = (None, DatePrecision.UNKNOWN)
    duration = rng.choice(DURATIONS)
    chance = rng.random()
    if chance < 0.05:
        return unknown, unknown, duration if rng.random() < 0.5 else None
    precision = _weighted(
        rng, ((DatePrecision.DAY, 40), (DatePrecision.MONTH, 40), (DatePrecision.YEAR, 20))
    )
    year, month = rng.randint(2005, 2027), rng.randint(1, 12)
    if precision == DatePrecision.DAY:
        start = datetime.date(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))
    elif precision == DatePrecision.MONTH:
        start = datetime.date(year, month, 1)
    else:
        start = datetime.date(year, 1, 1)
    stated = duration if rng.random() < 0.6 else None
    if chance < 0.15:
        return (start, precision), unknown, stated
    end_month = start.month - 1 + duration
    end_year, end_month = start.year + end_month // 12, end_month % 12 + 1
    if precision == DatePrecision.YEAR:
        end = datetime.date(start.year + (duration - 1) // 12, 12, 31)
    elif precision == DatePrecision.MONTH:
        end = datetime.date(end_year, end_month, 1) - datetime.timedelta(days=1)
    else:
        last = calendar.monthrange(end_year, end_month)[1]
        end = datetime.date(end_year, end_month, min(start.day, last)) - datetime.timedelta(days=1)
    return (start, precision), (end, precision), stated


def _created_at(rng, start: datetime.date | None) -> datetime.datetime:
    """When the record appeared: around its start (before it, as press releases announce
    projects), never outside EARLIEST_CREATED..LATEST_CREATED."""
    span = (LATEST_CREATED - EARLIEST_CREATED).total_seconds()
    if start is None:
        return EARLIEST_CREATED + datetime.timedelta(seconds=rng.uniform(0, span))
    moment = datetime.datetime.combine(start, datetime.time(), tzinfo=datetime.UTC)
    moment -= datetime.timedelta(days=rng.uniform(0, 120), seconds=rng.uniform(0, 86400))
    if moment > LATEST_CREATED:
        moment = LATEST_CREATED - datetime.timedelta(days=rng.uniform(0, 365))
    return max(moment, EARLIEST_CREATED + datetime.timedelta(days=rng.uniform(0, 365)))


def _rounded(amount: float, qualifier: str, currency: str) -> int:
    """Exact figures to the ten; "more than", "up to", "about" to a round thousand (KZT: a
    hundred thousand). Always a multiple of ten, which the Russian currency words rely on."""
    step = 10 if qualifier == "exact" else (100_000 if currency == "KZT" else 1000)
    return max(step, round(amount / step) * step)


def _funding(rng, donors: list[OrganizationRef]) -> list[FundingRecord]:
    """1-3 lines: a total, donor contributions (only from the project's donors) and other
    co-financing, in one currency (sometimes KZT for the co-financing)."""
    currency = _weighted(rng, CURRENCIES)
    bottom, top = AMOUNT_RANGE[currency]
    total = math.exp(rng.uniform(math.log(bottom), math.log(top)))  # log-uniform: many small

    def line(donor, share, kind=FundingKind.DONOR_CONTRIBUTION, line_currency=currency):
        qualifier = _weighted(rng, QUALIFIERS) if kind != FundingKind.OTHER else "exact"
        amount = _rounded(total * share, qualifier, line_currency)
        note = CO_FINANCING_NOTE if kind == FundingKind.OTHER else None
        return FundingRecord(
            donor.pk if donor else None, amount, line_currency, kind, qualifier, note
        )

    if len(donors) == 2:
        first = rng.uniform(0.3, 0.6)
        return {
            "both": lambda: [line(donors[0], first), line(donors[1], 1 - first)],
            "total+both": lambda: [
                line(None, 1.0, FundingKind.TOTAL),
                line(donors[0], first * 0.9),
                line(donors[1], (1 - first) * 0.9),
            ],
            "first": lambda: [line(donors[0], 1.0)],
        }[_weighted(rng, (("both", 45), ("total+both", 35), ("first", 20)))]()
    pattern = _weighted(rng, (("one", 35), ("total", 20), ("total+one", 30), ("one+other", 15)))
    if pattern == "one":
        return [line(donors[0], 1.0)]
    if pattern == "total":
        return [line(None, 1.0, FundingKind.TOTAL)]
    if pattern == "total+one":
        return [line(None, 1.0, FundingKind.TOTAL), line(donors[0], rng.uniform(0.6, 0.95))]
    if currency != "KZT" and rng.random() < 0.15:  # co-financing stated in tenge
        rate = {"EUR": 500, "USD": 450, "GBP": 580}[currency]
        other = line(None, rng.uniform(0.05, 0.2) * rate, FundingKind.OTHER, "KZT")
    else:
        other = line(None, rng.uniform(0.05, 0.2), FundingKind.OTHER)
    return [line(donors[0], 1.0), other]


def _contacts(rng, lead: OrganizationRef, others) -> list[ContactRecord]:
    count = _weighted(rng, ((0, 30), (1, 50), (2, 20)))
    organizations = [lead] + [ref for ref, _role in others]
    contacts = []
    for number in range(count):
        gender = rng.choice(("male", "female"))
        first = rng.choice(FIRST_NAMES[gender])
        stem, ending = rng.choice(SURNAMES)
        surname = texts.join([stem, SURNAME_ENDINGS[ending][gender]], "")
        name = texts.join([first, surname])
        email = f"{first.en}.{surname.en}".lower() + "@example.org"
        contacts.append(
            ContactRecord(
                name=name,
                position=POSITIONS[0]
                if number == 0 and rng.random() < 0.4
                else rng.choice(POSITIONS),
                organization_id=organizations[min(number, len(organizations) - 1)].pk,
                phones=(phone(rng),),
                emails=(email,) if rng.random() < 0.8 else (),
            )
        )
    return contacts
