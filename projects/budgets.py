"""A project's headline budget as one figure a spreadsheet can use: amount, currency and how
the source qualifies it (exports; the rule is indexing.project_budgets')."""

from __future__ import annotations

from decimal import Decimal

from .formatting import combined_qualifier
from .indexing import project_budgets
from .models import FundingKind


def headline_budget(lines) -> tuple[Decimal, str, str] | None:
    """The headline figure of funding lines (FundingValues or FundingLine, in their order)."""
    rows = [(line.currency, line.kind, line.amount, line.qualifier) for line in lines]
    budgets = project_budgets(rows)
    headline = next((c for c, (_amount, is_headline) in budgets.items() if is_headline), None)
    if headline is None:
        return None
    return budgets[headline][0], headline, qualifier_in(rows, headline)


def qualifier_in(lines, currency: str) -> str:
    """How the sources qualify a project's budget in `currency`, from its funding lines as
    (currency, kind, amount, qualifier): a total keeps its own qualifier (the largest total's);
    a sum of contributions is exact when all of them are, "more than" or "up to" when some
    say so and the rest are exact, else "about"."""
    in_currency = [line for line in lines if line[0] == currency]
    totals = [line for line in in_currency if line[1] == FundingKind.TOTAL]
    if totals:
        return max(totals, key=lambda line: line[2])[3]
    contributions = {line[3] for line in in_currency if line[1] == FundingKind.DONOR_CONTRIBUTION}
    return combined_qualifier(contributions)
