"""The summary tables of a search: its donors and its other organisations, with how many of the
search's projects each takes part in and the money given to those projects, per currency.

Both are grouped SQL queries over the matching projects' participations and funding lines
(COUNT and SUM ... GROUP BY), so their cost does not depend on Python walking the projects;
money in different currencies is never added up.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from ..models import AmountQualifier, FundingKind, FundingLine, Participation, ParticipationRole
from ..selectors.pages import sums_by_currency
from . import batches
from .batches import in_language, translated_fields


def summary_rows(projects: QuerySet, *, by_donor: bool) -> list[list]:
    """Per organisation: its slug, name, number of projects and, per currency, the donor
    contributions (a donor's own, or, for implementers and partners, every donor's to the
    projects they take part in, each project counted once), from two grouped queries.
    Organisations with the most projects first."""
    matching = projects.order_by().values("pk")
    donor = Q(role=ParticipationRole.DONOR)
    role = donor if by_donor else ~donor
    participations = Participation.objects.filter(role, project__in=matching)
    name_columns = [f"organization__{name}" for name in translated_fields("name", "short_name")]
    counts = (
        participations.values("organization_id", "organization__slug", *name_columns)
        .annotate(projects=Count("project", distinct=True))
        .order_by()
    )
    if by_donor:
        gives = Participation.objects.filter(
            donor, project=OuterRef("project"), organization=OuterRef("donor")
        )
        money = FundingLine.objects.filter(
            Exists(gives), kind=FundingKind.DONOR_CONTRIBUTION, project__in=matching
        )
        money = money.values_list("donor_id", "currency", "qualifier")
        money = money.annotate(total=Sum("amount")).order_by()
    else:
        # One participation per organisation and project, whatever its roles there, so that
        # a lead implementer that is also a partner counts each contribution once.
        earlier = Participation.objects.filter(
            role, project=OuterRef("project"), organization=OuterRef("organization"),
            id__lt=OuterRef("id"),
        )  # fmt: skip
        money = participations.exclude(Exists(earlier)).filter(
            project__funding_lines__kind=FundingKind.DONOR_CONTRIBUTION
        )
        money = money.values_list(
            "organization_id",
            "project__funding_lines__currency",
            "project__funding_lines__qualifier",
        )
        money = money.annotate(total=Sum("project__funding_lines__amount")).order_by()
    # Figures the sources qualify differently are never added up: "up to 800 000" and an
    # exact 750 000 are two rows, not "up to 1 550 000".
    sums: dict[int, list[tuple]] = defaultdict(list)
    for organization_id, currency, qualifier, total in money:
        sums[organization_id].append((currency, qualifier, total))
    languages = batches.fallback_order()
    found = []
    for row in counts:
        name = in_language(row, "organization__name", languages)
        short_name = in_language(row, "organization__short_name", languages)
        if short_name and short_name != name:
            name = f"{name} ({short_name})"
        found.append((row["organization_id"], row["organization__slug"], name, row["projects"]))
    rows = []
    for organization_id, slug, name, count in sorted(found, key=lambda o: (-o[3], o[2], o[1])):
        by_currency = sums_by_currency(sums.get(organization_id, []))
        if not by_currency:
            rows.append([slug, name, count, "", "", ""])
        for currency, parts in by_currency.items():
            for qualifier, total in parts:
                label = str(AmountQualifier(qualifier).label)
                rows.append([slug, name, count, currency, f"{total.normalize():f}", label])
    return rows
