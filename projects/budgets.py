"""A project's headline budget as one figure a spreadsheet can use: amount, currency and how
the source qualifies it (exports; the rule is indexing.project_budgets')."""

from __future__ import annotations

from decimal import Decimal

from .indexing import project_budgets, qualifier_in


def headline_budget(lines) -> tuple[Decimal, str, str] | None:
    """The headline figure of funding lines (FundingValues or FundingLine, in their order)."""
    rows = [(line.currency, line.kind, line.amount, line.qualifier) for line in lines]
    budgets = project_budgets(rows)
    headline = next((c for c, (_amount, is_headline) in budgets.items() if is_headline), None)
    if headline is None:
        return None
    return budgets[headline][0], headline, qualifier_in(rows, headline)
