"""Reads that span several models: facet counts, totals per currency, page summaries.

Every function here runs a fixed number of queries, whatever the number of projects.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from .filters import ProjectFilter
from .models import (
    FundingKind,
    FundingLine,
    Organization,
    Participation,
    ParticipationRole,
    Place,
    PlaceKind,
    Project,
    ProjectStatus,
)
from .places import PlaceTree


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    group: str = ""


@dataclass
class Facet:
    name: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def groups(self) -> list[tuple[str, list[FacetOption]]]:
        grouped: dict[str, list[FacetOption]] = {}
        for option in self.options:
            grouped.setdefault(option.group, []).append(option)
        return list(grouped.items())


PLACE_GROUPS = [
    (PlaceKind.COUNTRY, _("Countries")),
    (PlaceKind.REGION, _("Regions")),
    (PlaceKind.CITY, _("Cities")),
    (PlaceKind.DISTRICT, _("Districts")),
    (PlaceKind.TOWN, _("Towns, settlements and villages")),
    (PlaceKind.SETTLEMENT, _("Towns, settlements and villages")),
    (PlaceKind.VILLAGE, _("Towns, settlements and villages")),
    (PlaceKind.RURAL_DISTRICT, _("Rural districts")),
]


def project_facets(project_filter: ProjectFilter, base) -> dict[str, Facet]:
    """For each filter, how many projects each of its choices would give, the other filters
    staying as they are (as GrantNav shows them)."""
    cleaned = project_filter.form.cleaned_data if project_filter.form.is_valid() else {}

    def narrowed(excluded: str):
        return project_filter.filter_queryset_except(base, excluded).order_by().values("pk")

    return {
        "place": _place_facet(narrowed("place"), project_filter.place_tree, cleaned.get("place")),
        "donor": _organization_facet(
            narrowed("donor"), cleaned.get("donor"), roles=[ParticipationRole.DONOR]
        ),
        "organization": _organization_facet(
            narrowed("organization"),
            cleaned.get("organization"),
            roles=[role for role in ParticipationRole.values if role != ParticipationRole.DONOR],
        ),
        "status": _status_facet(narrowed("status"), cleaned.get("status")),
        "year": _year_facet(narrowed("year"), cleaned.get("year")),
        "currency": _currency_facet(narrowed("currency"), cleaned.get("currency")),
        "language": _language_facet(narrowed("language"), cleaned.get("language")),
    }


def _place_facet(project_ids, tree: PlaceTree, selected: str | None) -> Facet:
    """A project working in Pavlodar counts for Pavlodar, Pavlodar Region and Kazakhstan."""
    links = Project.places.through.objects.filter(project__in=project_ids)
    projects_of_place = tree.projects_within(links.values_list("project_id", "place_id"))
    places = Place.objects.filter(pk__in=projects_of_place).only("slug", "kind", "name")
    group_of_kind = dict(PLACE_GROUPS)
    group_order = list(dict.fromkeys(str(label) for _kind, label in PLACE_GROUPS))
    options = [
        FacetOption(
            value=place.slug,
            label=place.name,
            count=len(projects_of_place[place.pk]),
            selected=place.slug == selected,
            group=str(group_of_kind[place.kind]),
        )
        for place in places
    ]
    options.sort(key=lambda option: (group_order.index(option.group), option.label))
    return Facet("place", options)


def _organization_facet(project_ids, selected: str | None, roles: list[str]) -> Facet:
    rows = (
        Participation.objects.filter(project__in=project_ids, role__in=roles)
        .order_by()
        .values("organization")
        .annotate(projects=Count("project", distinct=True))
    )
    counts = {row["organization"]: row["projects"] for row in rows}
    organizations = Organization.objects.filter(pk__in=counts)
    options = [
        FacetOption(org.slug, str(org), counts[org.pk], org.slug == selected)
        for org in organizations
    ]
    options.sort(key=lambda option: (-option.count, option.label))
    return Facet("organization", options)


def _status_facet(project_ids, selected: str | None) -> Facet:
    rows = (
        Project.objects.filter(pk__in=project_ids)
        .with_status()
        .order_by()
        .values("current_status")
        .annotate(projects=Count("pk"))
    )
    counts = {row["current_status"]: row["projects"] for row in rows}
    options = [
        FacetOption(value, label, counts[value], value == selected)
        for value, label in ProjectStatus.choices
        if value in counts
    ]
    return Facet("status", options)


def _year_facet(project_ids, selected) -> Facet:
    counts: Counter[int] = Counter()
    dates = Project.objects.filter(pk__in=project_ids).values_list("start_date", "end_date")
    for start, end in dates:
        first, last = (start or end), (end or start)
        if first is None:
            continue
        counts.update(range(first.year, last.year + 1))
    selected_year = int(selected) if selected is not None else None
    options = [
        FacetOption(str(year), str(year), count, year == selected_year)
        for year, count in sorted(counts.items(), reverse=True)
    ]
    return Facet("year", options)


def _currency_facet(project_ids, selected: str | None) -> Facet:
    rows = (
        FundingLine.objects.filter(project__in=project_ids)
        .values("currency")
        .annotate(projects=Count("project", distinct=True))
        .order_by("currency")
    )
    options = [
        FacetOption(row["currency"], row["currency"], row["projects"], row["currency"] == selected)
        for row in rows
    ]
    return Facet("currency", options)


def _language_facet(project_ids, selected: str | None) -> Facet:
    from django.conf import settings

    rows = (
        Project.objects.filter(pk__in=project_ids)
        .order_by()
        .values("original_language")
        .annotate(projects=Count("pk"))
    )
    counts = {row["original_language"]: row["projects"] for row in rows}
    options = [
        FacetOption(code, str(name), counts[code], code == selected)
        for code, name in settings.LANGUAGES
        if code in counts
    ]
    return Facet("language", options)


# --- Money ----------------------------------------------------------------------------------


def totals_by_currency(lines) -> dict[str, Decimal]:
    """Sum of amounts per currency: money in different currencies is never added together."""
    rows = lines.values("currency").annotate(total=Sum("amount")).order_by("currency")
    return {row["currency"]: row["total"] for row in rows}


def donor_totals(organization: Organization) -> dict[str, Decimal]:
    """What a donor gives, per currency: its stated contributions to published projects."""
    return totals_by_currency(
        FundingLine.objects.filter(
            donor=organization,
            project__is_published=True,
            kind=FundingKind.DONOR_CONTRIBUTION,
        )
    )


def funding_received(organization: Organization):
    """Donor contributions to the published projects the organisation implements or partners
    in, as (lines, totals per currency)."""
    its_projects = Participation.objects.filter(organization=organization).exclude(
        role=ParticipationRole.DONOR
    )
    lines = (
        FundingLine.objects.filter(
            project__is_published=True,
            project__in=its_projects.values("project"),
            kind=FundingKind.DONOR_CONTRIBUTION,
        )
        .select_related("project", "donor")
        .order_by("currency", "-amount")
    )
    return lines, totals_by_currency(lines)


# --- Page summaries -------------------------------------------------------------------------


@dataclass
class RegistryTotals:
    projects: int
    organizations: int
    donors: int
    places: int


def registry_totals() -> RegistryTotals:
    published = Project.objects.published()
    participations = Participation.objects.filter(project__in=published).order_by()
    return RegistryTotals(
        projects=published.count(),
        organizations=participations.values("organization").distinct().count(),
        donors=participations.filter(role=ParticipationRole.DONOR)
        .values("organization")
        .distinct()
        .count(),
        places=Place.objects.filter(projects__in=published).distinct().count(),
    )


def top_places(limit: int = 12) -> list[Place]:
    """Cities and regions with the most published projects (a region counts its cities)."""
    links = Project.places.through.objects.filter(project__is_published=True)
    projects_of_place = PlaceTree.load().projects_within(
        links.values_list("project_id", "place_id")
    )
    places = list(
        Place.objects.filter(pk__in=projects_of_place, kind__in=[PlaceKind.CITY, PlaceKind.REGION])
    )
    for place in places:
        place.project_count = len(projects_of_place[place.pk])
    places.sort(key=lambda place: (-place.project_count, place.name))
    return places[:limit]


def donors_with_counts() -> list[Organization]:
    return list(
        Organization.objects.filter(
            participations__role=ParticipationRole.DONOR,
            participations__project__is_published=True,
        )
        .annotate(project_count=Count("participations__project", distinct=True))
        .order_by("-project_count", "name")
    )


def organization_projects_by_role(organization: Organization) -> list[tuple[str, list[Project]]]:
    """The organisation's published projects, grouped by its role in them."""
    participations = (
        organization.participations.filter(project__is_published=True)
        .select_related("project")
        .order_by("role", "-project__start_date")
    )
    grouped: dict[str, list[Project]] = {}
    for participation in participations:
        grouped.setdefault(participation.get_role_display(), []).append(participation.project)
    return list(grouped.items())


def place_ancestors(place: Place, tree: PlaceTree) -> list[Place]:
    """The places the place lies in, country first (for breadcrumbs)."""
    ancestor_ids = tree.with_ancestors(place.pk)[1:]
    ancestors = Place.objects.in_bulk(ancestor_ids)
    return [ancestors[pk] for pk in reversed(ancestor_ids)]


def place_projects(place: Place, tree: PlaceTree):
    """Published projects working in the place or anywhere inside it."""
    inside = tree.with_descendants(place.pk)
    return Project.objects.published().filter(places__in=inside).distinct()
