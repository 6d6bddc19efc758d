"""Themes: the OECD DAC 5-digit purpose codes (IATI's Sector vocabulary 1), kept in
projects/data/dac_sectors.json as the codelist publishes them (English names), with the
registry's Russian and Kazakh names. The Sector table is loaded from that file by a migration
and again by the loaders whenever it does not hold the whole list (a flushed database)."""

import functools
import json
from pathlib import Path

CODELIST = Path(__file__).resolve().parent / "data" / "dac_sectors.json"
CODE_PATTERN = r"^[0-9]{5}$"  # a DAC 5-digit purpose code


def shares_add_up(shares: list[int | None]) -> bool:
    """One theme needs no share; several each need one, and they add up to 100 (IATI's rule
    for sectors of one vocabulary)."""
    return len(shares) < 2 or (None not in shares and sum(shares) == 100)


@functools.cache
def codelist() -> tuple[dict, ...]:
    """The codelist's entries: code, category, withdrawn, name {ru, kk, en}."""
    return tuple(json.loads(CODELIST.read_text(encoding="utf-8"))["sectors"])


def load_codelist(sector_model) -> None:
    """Write every entry into `sector_model` (the model, or its historical version in a
    migration), updating rows already there."""
    rows = [
        sector_model(
            code=item["code"],
            category=item["category"],
            withdrawn=item["withdrawn"],
            name=item["name"]["ru"],
            name_ru=item["name"]["ru"],
            name_kk=item["name"]["kk"],
            name_en=item["name"]["en"],
        )
        for item in codelist()
    ]
    sector_model.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["category", "withdrawn", "name", "name_ru", "name_kk", "name_en"],
    )


def ensure_codelist() -> None:
    """The Sector table holds the whole codelist (one count when it does)."""
    from .models import Sector

    if Sector.objects.count() != len(codelist()):
        load_codelist(Sector)
