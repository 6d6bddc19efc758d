"""Lists of organisations and donors with their published projects (the API's directories).
Counts are grouped queries over the page's records only; rankings come from the cached
unfiltered figures (aggregates.py)."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Sum

from ..aggregates import SearchFigures
from ..models import Contact, FundingKind, FundingLine, Organization, Participation
from .pages import (
    latest_projects_by_role,
    published_participations,
    role_counts,
    sums_by_currency,
)


def organizations_with_public_pages():
    """Organisations whose page the public sees: those taking part in a published project,
    or named as the organisation to contact for one (the organisation page's own rule,
    OrganizationSummary.has_projects). The sitemap, the API and the corrections form use it."""
    taking_part = published_participations(OuterRef("pk"))
    contact_for = Contact.objects.filter(organization=OuterRef("pk"), project__is_published=True)
    return Organization.objects.filter(Exists(taking_part) | Exists(contact_for))


def organizations_with_published_projects(*, kind: str | None = None, role: str | None = None):
    """Organisations taking part in at least one published project (in `role`, if given)."""
    taking_part = published_participations(OuterRef("pk"))
    if role:
        taking_part = taking_part.filter(role=role)
    organizations = Organization.objects.select_related("city").filter(Exists(taking_part))
    return organizations.filter(kind=kind) if kind else organizations


def published_roles_and_counts() -> dict[int, tuple[list[str], int]]:
    """Every organisation's roles in published projects and how many published projects it
    takes part in, in two grouped queries over all participations: meant to be cached until
    the data changes, since a page of big donors would otherwise count their projects again."""
    published = Participation.objects.filter(project__is_published=True).order_by()
    counts = dict(
        published.values("organization")
        .annotate(projects=Count("project", distinct=True))
        .values_list("organization", "projects")
    )
    roles: dict[int, list[str]] = defaultdict(list)
    rows = published.values_list("organization", "role").distinct().order_by("organization", "role")
    for organization_id, role in rows:
        roles[organization_id].append(role)
    return {pk: (roles[pk], count) for pk, count in counts.items()}


def newest_projects_by_role(organization: Organization, limit: int) -> dict[str, dict]:
    """Per role: how many published projects the organisation has, and the slugs of the
    `limit` that start latest."""
    participations = published_participations(organization)
    counts = role_counts(participations)
    latest = latest_projects_by_role(participations, limit)
    return {
        role: {"count": counts[role], "slugs": [project.slug for project in latest[role]]}
        for role in sorted(counts)
    }


def donor_ranking(figures: SearchFigures) -> list[tuple[Organization, int]]:
    """Donors of published projects with their project counts, most projects first (then by
    slug), from the unfiltered figures' donor facet."""
    counts = figures.facets.get("donor", {})
    donors = Organization.objects.filter(pk__in=list(counts)).select_related("city")
    ranked = sorted(donors, key=lambda donor: (-counts[donor.pk], donor.slug))
    return [(donor, counts[donor.pk]) for donor in ranked]


def donor_totals_of(
    donor_ids: list[int] | None = None,
) -> dict[int, dict[str, list[tuple[str, Decimal]]]]:
    """Each donor's stated contributions to published projects, per currency and qualifier
    (pages.totals_by_currency's shape; of every donor without `donor_ids`)."""
    lines = FundingLine.objects.filter(
        donor__isnull=False, project__is_published=True, kind=FundingKind.DONOR_CONTRIBUTION
    )
    if donor_ids is not None:
        lines = lines.filter(donor__in=donor_ids)
    rows = lines.values_list("donor", "currency", "qualifier").annotate(total=Sum("amount"))
    by_donor: dict[int, list[tuple]] = defaultdict(list)
    for donor_id, currency, qualifier, total in rows.order_by():
        by_donor[donor_id].append((currency, qualifier, total))
    return {donor_id: sums_by_currency(found) for donor_id, found in by_donor.items()}
