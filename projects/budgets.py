"""A project's headline budget as one figure a spreadsheet can use: amount, currency and how
the source qualifies it (exports; the rule is indexing.project_budgets')."""

from __future__ import annotations

from decimal import Decimal

from .formatting import combined_qualifier
from .indexing import project_budgets
from .models import FundingKind


def headline_budget(lines) -> tuple[Decimal, str, str] | None:
    """The headline figure of funding lines (FundingValues or FundingLine, in their order).
    A total keeps its own qualifier; a sum of contributions is exact when all of them are,
    "more than" or "up to" when some say so and the rest are exact, else "about"."""
    budgets = project_budgets([(line.currency, line.kind, line.amount) for line in lines])
    headline = next((c for c, (_amount, is_headline) in budgets.items() if is_headline), None)
    if headline is None:
        return None
    amount = budgets[headline][0]
    in_headline = [line for line in lines if line.currency == headline]
    totals = [line for line in in_headline if line.kind == FundingKind.TOTAL]
    if totals:
        return amount, headline, max(totals, key=lambda line: line.amount).qualifier
    parts = {line.qualifier for line in in_headline if line.kind == FundingKind.DONOR_CONTRIBUTION}
    return amount, headline, combined_qualifier(parts)
