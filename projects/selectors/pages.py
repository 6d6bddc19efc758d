"""The figures of the home, organisation and place pages.

Each page reads a fixed number of rows whatever the number of projects: totals and counts are
grouped SQL, lists are the first ROLE_LIST_LENGTH or a page, and the aggregates of a whole
organisation or place are cached until the data changes (caching.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, OuterRef, Sum, Window
from django.db.models.functions import RowNumber

from .. import aggregates, collation
from ..caching import cached
from ..formatting import QUALIFIER_ORDER
from ..models import (
    FundingKind,
    FundingLine,
    Organization,
    Participation,
    ParticipationRole,
    Place,
    PlaceKind,
    Project,
    ProjectPlaceIndex,
)
from ..places import PlaceTree

ROLE_LIST_LENGTH = 20  # projects listed per role on an organisation's page
FUNDING_LIST_LENGTH = 20  # largest figures listed on an organisation's page
HOME_DONORS = 50


# --- Home -----------------------------------------------------------------------------------


def home_figures(version: str) -> aggregates.SearchFigures:
    """The figures of every published project (cached until the data changes)."""
    return aggregates.unfiltered_figures(Project.objects.published(), version=version)


@dataclass
class RegistryTotals:
    projects: int
    organizations: int
    donors: int
    places: int


def registry_totals(figures: aggregates.SearchFigures) -> RegistryTotals:
    donors = figures.facets.get("donor", {})
    others = figures.facets.get("organization", {})
    return RegistryTotals(
        projects=figures.count,
        organizations=len(set(donors) | set(others)),
        donors=len(donors),
        places=sum(1 for _within, named in figures.places.values() if named),
    )


def top_places(figures: aggregates.SearchFigures, tree: PlaceTree, limit: int = 12) -> list[Place]:
    """Cities and regions with the most published projects (a region counts its cities)."""
    places = []
    for pk, (within, _named) in figures.places.items():
        place = tree.places.get(pk)
        if place is not None and place.kind in (PlaceKind.CITY, PlaceKind.REGION):
            place.project_count = within
            places.append(place)
    places.sort(key=lambda place: (-place.project_count, tree.sort_key(place.pk)))
    return places[:limit]


def donors_with_counts(
    figures: aggregates.SearchFigures, limit: int = HOME_DONORS
) -> list[Organization]:
    """The donors with the most published projects, each with `project_count`."""
    counts = figures.facets.get("donor", {})
    ranked = sorted(counts, key=lambda pk: -counts[pk])[:limit]
    donors = list(Organization.objects.filter(pk__in=ranked))
    for donor in donors:
        donor.project_count = counts[donor.pk]
    donors.sort(key=lambda donor: (-donor.project_count, collation.sort_key(donor.name)))
    return donors


# --- Organisations --------------------------------------------------------------------------


@dataclass
class RoleProjects:
    role: str
    label: str
    count: int
    projects: list[Project]


@dataclass
class OrganizationSummary:
    roles: list[RoleProjects] = field(default_factory=list)
    donor_totals: dict[str, list[tuple[str, Decimal]]] = field(default_factory=dict)
    funding_given: list[FundingLine] = field(default_factory=list)
    funding_given_count: int = 0
    received_totals: dict[str, list[tuple[str, Decimal]]] = field(default_factory=dict)
    funding_received: list[FundingLine] = field(default_factory=list)
    funding_received_count: int = 0
    # Published projects whose press release gives it to contact (no role in the project).
    contact_for: list[Project] = field(default_factory=list)
    contact_for_count: int = 0

    @property
    def has_projects(self) -> bool:
        return bool(self.roles or self.contact_for_count)

    @property
    def is_donor(self) -> bool:
        return any(role.role == ParticipationRole.DONOR for role in self.roles)

    @property
    def project_count(self) -> int:
        return sum(role.count for role in self.roles)


def organization_summary(organization: Organization) -> OrganizationSummary:
    """What an organisation's page shows: per role, how many published projects and the
    newest of them; the money it gives and the money its projects receive, per currency."""
    summary = OrganizationSummary()
    participations = published_participations(organization)
    counts = role_counts(participations)
    latest = latest_projects_by_role(participations)
    for role, label in ParticipationRole.choices:
        if counts.get(role):
            summary.roles.append(RoleProjects(role, str(label), counts[role], latest[role]))
    if counts.get(ParticipationRole.DONOR):
        _add_funding_given(summary, organization)
    if any(count for role, count in counts.items() if role != ParticipationRole.DONOR):
        _add_funding_received(summary, participations)
    _add_contact_for(summary, organization)
    return summary


def _add_contact_for(summary: OrganizationSummary, organization: Organization) -> None:
    projects = Project.objects.published().filter(contacts__organization=organization).distinct()
    summary.contact_for_count = projects.count()
    if summary.contact_for_count:
        newest = projects.order_by(F("start_date").desc(nulls_last=True), "-pk")
        summary.contact_for = list(newest[:ROLE_LIST_LENGTH])


def _add_funding_given(summary: OrganizationSummary, organization: Organization) -> None:
    given = FundingLine.objects.filter(donor=organization, project__is_published=True)
    summary.donor_totals = totals_by_currency(given.filter(kind=FundingKind.DONOR_CONTRIBUTION))
    summary.funding_given_count = given.count()
    largest = given.select_related("project").order_by("currency", "-amount", "pk")
    summary.funding_given = list(largest[:FUNDING_LIST_LENGTH])


def _add_funding_received(summary: OrganizationSummary, participations) -> None:
    received = FundingLine.objects.filter(
        project__is_published=True,
        project__in=participations.exclude(role=ParticipationRole.DONOR).values("project_id"),
        kind=FundingKind.DONOR_CONTRIBUTION,
    )
    summary.received_totals = totals_by_currency(received)
    summary.funding_received_count = received.count()
    largest = received.select_related("project", "donor").order_by("currency", "-amount", "pk")
    summary.funding_received = list(largest[:FUNDING_LIST_LENGTH])


def published_participations(organization: Organization | OuterRef):
    """The organisation's roles in published projects (OuterRef("pk") in a subquery)."""
    return Participation.objects.filter(organization=organization, project__is_published=True)


def role_counts(participations) -> dict[str, int]:
    """How many projects each role of `participations` takes part in."""
    return dict(
        participations.order_by()
        .values("role")
        .annotate(projects=Count("project", distinct=True))
        .values_list("role", "projects")
    )


def latest_projects_by_role(
    participations, limit: int = ROLE_LIST_LENGTH
) -> dict[str, list[Project]]:
    """The `limit` latest-starting projects of each role, in one query."""
    rank = Window(
        RowNumber(),
        partition_by=[F("role")],
        order_by=[F("project__start_date").desc(nulls_last=True), F("project_id").desc()],
    )
    rows = (
        participations.select_related("project")
        .annotate(rank=rank)
        .filter(rank__lte=limit)
        .order_by("role", "rank")
    )
    latest: dict[str, list[Project]] = defaultdict(list)
    for participation in rows:
        latest[participation.role].append(participation.project)
    return latest


def totals_by_currency(lines) -> dict[str, list[tuple[str, Decimal]]]:
    """Sums of amounts per currency, kept apart by how the sources qualify them, as
    (qualifier, amount) pairs in formatting.QUALIFIER_ORDER: money in different currencies is
    never added together, and "up to 800 000" is never added to an exact 750 000."""
    rows = lines.order_by().values_list("currency", "qualifier").annotate(total=Sum("amount"))
    return sums_by_currency(rows.order_by())


def sums_by_currency(rows) -> dict[str, list[tuple[str, Decimal]]]:
    """(currency, qualifier, total) rows as {currency: [(qualifier, total), ...]}, currencies
    in alphabetical order and each one's sums in formatting.QUALIFIER_ORDER."""
    totals: dict[str, list[tuple[str, Decimal]]] = {}
    for currency, qualifier, total in sorted(rows, key=lambda row: (row[0], _rank(row[1]))):
        totals.setdefault(currency, []).append((qualifier, total))
    return totals


def _rank(qualifier: str) -> int:
    return QUALIFIER_ORDER.index(qualifier) if qualifier in QUALIFIER_ORDER else 0


def donor_totals(organization: Organization) -> dict[str, list[tuple[str, Decimal]]]:
    """What a donor gives, per currency: its stated contributions to published projects."""
    return totals_by_currency(
        FundingLine.objects.filter(
            donor=organization,
            project__is_published=True,
            kind=FundingKind.DONOR_CONTRIBUTION,
        )
    )


# --- Places ---------------------------------------------------------------------------------


def place_projects(place: Place):
    """Published projects working in the place or anywhere inside it."""
    inside = ProjectPlaceIndex.objects.filter(place=place).values("project_id")
    return Project.objects.published().filter(pk__in=inside)


def place_figures(projects, *, version: str, key: str) -> aggregates.SearchFigures:
    """The map figures (projects per place) of an organisation's or a place's published
    projects, cached until the data changes under `key`."""
    return cached(version, f"place-figures:{key}", lambda: aggregates.place_counts(projects))
