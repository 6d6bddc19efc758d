"""Amounts as readers see them, in the page's language: "213 793 EUR", "до 800 000 USD".

Used by templates (through the registry_tags filters), charts and anything else that prints
money, so that one set of translated messages serves them all.
"""

import functools
from decimal import Decimal

from django.utils import numberformat, translation
from django.utils.formats import get_format
from django.utils.translation import pgettext

from .models import AmountQualifier


def money(amount, currency: str = "") -> str:
    """213793 -> "213 793 EUR" (ru, kk) or "213,793 EUR" (en); cents only when present."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    decimals = 0 if amount == amount.to_integral_value() else 2
    decimal_separator, thousand_separator = _separators(translation.get_language())
    number = numberformat.format(
        amount,
        decimal_separator,
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=thousand_separator,
        force_grouping=True,
    )
    return f"{number}\N{NO-BREAK SPACE}{currency}" if currency else number


def number(value) -> str:
    """A whole number with the language's thousands separator: "329 002", "329,002"."""
    return money(value)


@functools.lru_cache(maxsize=8)
def _separators(language: str) -> tuple[str, str]:
    """The language's decimal and thousand separators (a page prints hundreds of amounts)."""
    return get_format("DECIMAL_SEPARATOR", language), get_format("THOUSAND_SEPARATOR", language)


def qualified_amount(amount, qualifier: str, currency: str = "") -> str:
    """An amount with the source's qualifier: "more than 1,500,000 USD", "до 800 000 USD"."""
    text = money(amount, currency)
    if qualifier == AmountQualifier.MORE_THAN:
        return pgettext("amount", "more than %(amount)s") % {"amount": text}
    if qualifier == AmountQualifier.UP_TO:
        return pgettext("amount", "up to %(amount)s") % {"amount": text}
    if qualifier == AmountQualifier.ABOUT:
        return pgettext("amount", "about %(amount)s") % {"amount": text}
    return text


# How sums of differently qualified figures are listed: the exact one first.
QUALIFIER_ORDER = (
    AmountQualifier.EXACT,
    AmountQualifier.ABOUT,
    AmountQualifier.MORE_THAN,
    AmountQualifier.UP_TO,
)


def qualified_sums(sums, currency: str) -> str:
    """Sums of one currency kept apart by qualifier, as (qualifier, amount) pairs in
    QUALIFIER_ORDER: "750 000 USD + до 800 000 USD". An exact figure never takes the "up to"
    of another."""
    return " + ".join(qualified_amount(amount, qualifier, currency) for qualifier, amount in sums)


def combined_qualifier(qualifiers) -> str:
    """The qualifier of a sum: exact figures keep the one inexact kind among them ("up to" plus
    exact is "up to"); "up to" mixed with "more than" bounds nothing, so it is "about"."""
    inexact = set(qualifiers) - {AmountQualifier.EXACT}
    if not inexact:
        return AmountQualifier.EXACT
    if len(inexact) == 1:
        return inexact.pop()
    return AmountQualifier.ABOUT
