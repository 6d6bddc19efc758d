"""The organisations and keywords of a synthetic run, as records: donors (invented agencies,
funds and embassies of invented countries, never a real donor), implementing organisations
with Kazakh- and Russian-style names (ОФ «...», ОО «...», ҚҚ «...»), akimats of real towns,
and the keywords of the themes. Pure functions of the seed and each row's rank."""

# ruff: noqa: S311 - seeded, reproducible pseudo-randomness is the point; nothing here is secret

from __future__ import annotations

import math
import random

from ..models import OrganizationKind, PlaceKind
from ..translit import ascii_slug, transliterate
from . import texts
from .phrases import AKIMAT, DONORS, LEGAL_FORMS, NAME_STEMS, THEMES, Text
from .records import (
    SLUG_PREFIX,
    GazetteerPlace,
    KeywordRecord,
    OrganizationRecord,
    cumulative,
    draw,
    phone,
    place_category,
)
from .texts import LANGUAGES

LOCAL_AUTHORITY_EVERY = 12  # one organisation in twelve is an akimat (while towns last)


def donor_records(seed: int, count: int, places: list[GazetteerPlace]) -> list[OrganizationRecord]:
    """`count` donors, by rank; beyond the bank of names the names repeat with II, III..."""
    capitals = [p.pk for p in places if p.slug in ("astana", "almaty")]
    order = list(range(len(DONORS)))
    random.Random(f"{seed}:donors").shuffle(order)
    records = []
    for rank in range(count):
        kind, country, name = DONORS[order[rank % len(DONORS)]]
        if rank >= len(DONORS):
            numeral = _roman(rank // len(DONORS) + 1)
            name = Text(*(f"{value} {numeral}" for value in name))
        rng = random.Random(f"{seed}:donor:{rank}")
        in_kazakhstan = kind == OrganizationKind.DIPLOMATIC_MISSION or country == "KZ"
        records.append(
            OrganizationRecord(
                slug=f"{SLUG_PREFIX}{seed}-donor-{rank + 1}",
                kind=kind,
                name=name,
                country=country,
                city_id=rng.choice(capitals) if capitals and in_kazakhstan else None,
                website=f"https://donor-{rank + 1}.example.org",
            )
        )
    return records


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    result = ""
    for value, letters in numerals:
        while number >= value:
            result, number = result + letters, number - value
    return result


def organization_records(
    seed: int, count: int, places: list[GazetteerPlace]
) -> list[OrganizationRecord]:
    """`count` implementing organisations, by rank. Organisation k is the same whatever the
    count: its name, kind and town depend only on the seed and k."""
    rng = random.Random(f"{seed}:organizations")
    names = [(stem, form) for form in LEGAL_FORMS for stem in NAME_STEMS]
    rng.shuffle(names)
    kz_towns = [p for p in places if place_category(p) == "kz-town"]
    akimat_towns = [p for p in kz_towns if p.kind in (PlaceKind.CITY, PlaceKind.TOWN)]
    rng.shuffle(akimat_towns)
    town_weights = cumulative([math.sqrt(p.population or 2500) for p in kz_towns])
    abroad = [p for p in places if place_category(p) == "abroad"]
    records = []
    for k in range(count):
        org_rng = random.Random(f"{seed}:organization:{k}")
        slug = f"{SLUG_PREFIX}{seed}-org-{k + 1}"
        akimat_number, is_akimat_slot = divmod(k, LOCAL_AUTHORITY_EVERY)
        if is_akimat_slot == LOCAL_AUTHORITY_EVERY - 1 and akimat_number < len(akimat_towns):
            town = akimat_towns[akimat_number]
            records.append(
                OrganizationRecord(
                    slug,
                    OrganizationKind.LOCAL_AUTHORITY,
                    texts.fill(AKIMAT, place=town.name),
                    "KZ",
                    town.pk,
                )
            )
            continue
        number = k - min(k // LOCAL_AUTHORITY_EVERY, len(akimat_towns))
        stem, (kind, ru, kk, en) = names[number % len(names)]
        latin = " ".join(word.capitalize() for word in transliterate(stem).split())
        name = Text(ru.format(name=stem), kk.format(name=stem), en.format(en=latin))
        town = draw(org_rng, kz_towns, town_weights) if kz_towns else None
        if abroad and org_rng.random() < 0.05:
            town = org_rng.choice(abroad)
        if number >= len(names) and town is not None:  # second use of a name: add the town
            name = Text(
                *(
                    f"{value} ({getattr(town.name, lang)})"
                    for lang, value in zip(LANGUAGES, name, strict=True)
                )
            )
        domain = f"{ascii_slug(stem, 40)}-{k + 1}.example.org"
        records.append(
            OrganizationRecord(
                slug=slug,
                kind=kind,
                name=name,
                country=town.country if town else "KZ",
                city_id=town.pk if town else None,
                phones=(phone(org_rng),) if org_rng.random() < 0.6 else (),
                emails=(f"info@{domain}",) if org_rng.random() < 0.5 else (),
                website=f"https://{domain}" if org_rng.random() < 0.3 else "",
            )
        )
    return records


def keyword_records() -> list[KeywordRecord]:
    """The synthetic keywords: the themes' keywords, each once."""
    records: dict[str, KeywordRecord] = {}
    for theme in THEMES:
        for name in theme.keywords:
            slug = f"{SLUG_PREFIX}{ascii_slug(name.en, 100)}"
            records.setdefault(slug, KeywordRecord(slug, name))
    return list(records.values())
