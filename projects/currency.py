"""Converted figures: an amount shown in another currency with the annual average rate of the
project's year, never replacing the amount the source states.

A conversion needs a year (the project's start year, else its press release's year) and a rate
for both currencies in that year; without them there is no converted figure, and the page says
why instead of guessing a rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from .models import ExchangeRate

DISPLAY_CURRENCIES = ["EUR", "USD", "KZT"]
WHOLE = Decimal("1")  # a converted figure is an approximation: whole units, no false precision

# The published series the rates come from, as seeds/exchange_rates.yaml names them (the stored
# `source`), named in the page's language. There are two, and the file names them: a gettext
# name per series, not a translated field editors fill in thrice. A name an editor types that
# is not here is shown as typed.
RATE_SOURCE_NAMES = {
    "ECB euro reference rates, annual average": _("ECB euro reference rates, annual average"),
    "National Bank of Kazakhstan, KZT/USD annual average": _(
        "National Bank of Kazakhstan, KZT/USD annual average"
    ),
}
COMBINED = " × "  # a rate derived from two series (KZT in EUR) names both


def rate_source_name(stored: str) -> str:
    """The stored name of a rate's source, in the active language where it is known."""
    return COMBINED.join(str(RATE_SOURCE_NAMES.get(part, part)) for part in stored.split(COMBINED))


@dataclass(frozen=True)
class Converted:
    amount: Decimal
    currency: str
    year: int
    rate: Decimal  # units of `currency` for one unit of the original currency
    source: str


@dataclass(frozen=True)
class NotConverted:
    reason: str


class RateTable:
    """The rates in memory (a few dozen rows), read once per request."""

    def __init__(self, rates=None):
        rows = rates if rates is not None else ExchangeRate.objects.all()
        self.in_eur = {(rate.currency, rate.year): rate.rate_to_eur for rate in rows}
        self.sources = {(rate.currency, rate.year): rate.source for rate in rows}

    def convert(
        self, amount: Decimal, currency: str, target: str, year: int | None
    ) -> Converted | NotConverted:
        if currency == target:
            return NotConverted(str(_("already in this currency")))
        if year is None:
            return NotConverted(str(_("no year to take a rate from")))
        source_rate = self.in_eur.get((currency, year))
        target_rate = self.in_eur.get((target, year))
        if source_rate is None or target_rate is None:
            missing = currency if source_rate is None else target
            return NotConverted(
                str(_("no %(currency)s rate for %(year)s")) % {"currency": missing, "year": year}
            )
        rate = source_rate / target_rate
        sources = [
            rate_source_name(self.sources[(currency, year)]),
            rate_source_name(self.sources[(target, year)]),
        ]
        return Converted(
            amount=(amount * rate).quantize(WHOLE, rounding=ROUND_HALF_UP),
            currency=target,
            year=year,
            rate=rate,
            source="; ".join(dict.fromkeys(s for s in sources if s)),
        )


def rate_year(project) -> int | None:
    """The year whose rates convert the project's money: its start, else its release."""
    if project.start_date:
        return project.start_date.year
    for source in project.sources.all():
        if source.published_on:
            return source.published_on.year
    return None
