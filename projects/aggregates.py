"""The figures of a search, computed in SQL: how many projects match, the facet counts, the
map's projects per place and the funding charts' sums.

The matching projects are computed once per request, as a common table expression (materialised
on PostgreSQL), and every figure is a grouped query over it in the same statement: one round
trip, one snapshot of the data. A facet whose own filter is on is counted over the search
without that filter (as GrantNav does), which is one more expression in the same statement, or,
when no other filter is on, the unfiltered figures, which are cached until the data changes.

Nothing here loads projects into Python. The result (SearchFigures) is small (a row per place,
organisation, year, currency, ...), holds ids and numbers rather than labels, and so is the same
in every language and can be cached; facets, maps and charts label it per request.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connections
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, ExtractYear

from .caching import cached
from .models import (
    AmountQualifier,
    FundingKind,
    FundingLine,
    Participation,
    ParticipationRole,
    ProjectPlaceIndex,
)

FACETS = ["place", "donor", "organization", "status", "year", "currency", "language"]
# The filters a facet is counted without: its own (a budget range belongs to its currency).
FACET_FILTERS = {"currency": ("currency", "budget_min", "budget_max")}
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Money:
    """Money in one currency from some projects, with the qualifiers of the summed figures."""

    projects: int
    amount: Decimal
    qualifiers: frozenset[str]


@dataclass
class SearchFigures:
    count: int = 0
    # facet name -> {value: projects}; values are place and organisation ids, years, codes.
    facets: dict[str, dict] = field(default_factory=dict)
    # place id -> (projects in it or inside it, projects whose record names it).
    places: dict[int, tuple[int, int]] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)
    # (currency, donor id, Money) for donor contributions; donor id None: not named.
    donations: list[tuple[str, int | None, Money]] = field(default_factory=list)
    by_start_year: list[tuple[str, int | None, Money]] = field(default_factory=list)
    # (currency, region place id, Money); region None: country-wide or not stated.
    by_region: list[tuple[str, int | None, Money]] = field(default_factory=list)
    # start year -> projects stating no donor contribution.
    unfunded_by_start_year: dict[int | None, int] = field(default_factory=dict)


def search_figures(project_filter, base, *, version: str, region_ids) -> SearchFigures:
    """The figures of a valid ProjectFilter's search over `base` (the published projects).
    `region_ids`: the places the region chart groups by (PlaceTree.region_ids)."""
    active = project_filter.active_filters()
    region_ids = sorted(region_ids)
    if not active:
        return unfiltered_figures(base, version=version, region_ids=region_ids)
    statement = _Statement(base.db)
    statement.add_search("m", project_filter.qs)
    sources = {}
    needs_unfiltered = False
    for facet in FACETS:
        own = FACET_FILTERS.get(facet, (facet,))
        if not any(name in active for name in own):
            sources[facet] = "m"
        elif all(name in own for name in active):
            needs_unfiltered = True  # only its own filter is on: the unfiltered counts
        else:
            sources[facet] = f"m_{facet}"
            statement.add_search(sources[facet], project_filter.filter_queryset_except(base, facet))
    figures = statement.figures(sources, region_ids)
    if needs_unfiltered:
        everything = unfiltered_figures(base, version=version, region_ids=region_ids)
        for facet in FACETS:
            if facet not in sources:
                figures.facets[facet] = everything.facets[facet]
    return figures


def unfiltered_figures(base, *, version: str, region_ids) -> SearchFigures:
    """The figures of every published project, cached until the data changes."""
    region_ids = sorted(region_ids)
    key = f"figures:all:{hash(tuple(region_ids))}"
    return cached(version, key, lambda: figures_of(base, region_ids=region_ids))


def figures_of(projects, *, region_ids) -> SearchFigures:
    """The figures of a queryset of projects, each facet counted over all of them (one
    statement, not cached)."""
    statement = _Statement(projects.db)
    statement.add_search("m", projects)
    return statement.figures(dict.fromkeys(FACETS, "m"), sorted(region_ids))


def place_counts(projects) -> SearchFigures:
    """Only the projects per place (in it or inside it, and named there) of a queryset of
    projects: what the map of an organisation's or a place's page needs, in one query."""
    rows = (
        ProjectPlaceIndex.objects.filter(project_id__in=projects.order_by().values("pk"))
        .order_by()
        .values("place_id")
        .annotate(within=Count("project_id"), named=Count("project_id", filter=Q(is_direct=True)))
        .values_list("place_id", "within", "named")
    )
    return SearchFigures(places={place: (within, named) for place, within, named in rows})


# --- The statement --------------------------------------------------------------------------


class _Statement:
    """One SELECT: named searches as CTEs, then UNION ALL of grouped counts over them. Every
    branch returns the same columns: kind, key, key2, projects, projects2, amount and three
    flags for the qualifiers of the summed money."""

    def __init__(self, using: str):
        self.using = using
        self.connection = connections[using]
        self.searches: list[tuple[str, str, list]] = []
        self.branches: list[tuple[str, list]] = []

    def add_search(self, name: str, projects) -> None:
        """A CTE `name` of the projects' id, status, first/last active year, start year and
        language."""
        rows = (
            projects.order_by()
            .with_status()
            .annotate(
                first_year=ExtractYear(Coalesce("start_date", "end_date")),
                last_year=ExtractYear(Coalesce("end_date", "start_date")),
                start_year=ExtractYear("start_date"),
            )
            .values(
                "id", "original_language", "current_status", "first_year", "last_year", "start_year"
            )
        )
        sql, params = rows.query.get_compiler(using=self.using).as_sql()
        self.searches.append((name, sql, list(params)))

    def branch(
        self,
        kind: str,
        tail: str,
        params: list | tuple = (),
        *,
        key: str = "NULL",
        key2: str = "NULL",
        projects: str = "COUNT(*)",
        projects2: str = "0",
        amount: str = "NULL",
        flags: str = "0, 0, 0",
    ) -> None:
        """One grouped query: `tail` is its FROM ... GROUP BY part. The casts give every
        branch the same column types, as UNION requires."""
        self.branches.append(
            (
                f"SELECT '{kind}', CAST({key} AS TEXT), CAST({key2} AS TEXT), "
                f"CAST({projects} AS BIGINT), CAST({projects2} AS BIGINT), "
                f"CAST({amount} AS NUMERIC), {flags} {tail}",
                list(params),
            )
        )

    def figures(self, sources: dict[str, str], region_ids: list[int]) -> SearchFigures:
        self._add_branches(sources, region_ids)
        materialized = "MATERIALIZED " if self.connection.vendor == "postgresql" else ""
        ctes = ", ".join(f"{name} AS {materialized}({sql})" for name, sql, _ in self.searches)
        body = " UNION ALL ".join(sql for sql, _ in self.branches)
        params = [p for _, _, search_params in self.searches for p in search_params]
        params += [p for _, branch_params in self.branches for p in branch_params]
        with self.connection.cursor() as cursor:
            cursor.execute(f"WITH {ctes} {body}", params)
            return _read(cursor.fetchall(), sources)

    def _add_branches(self, sources: dict[str, str], region_ids: list[int]) -> None:
        participations = Participation._meta.db_table
        lines = FundingLine._meta.db_table
        index = ProjectPlaceIndex._meta.db_table
        donor = ParticipationRole.DONOR
        self.branch("count", "FROM m")
        self.branch("status", "FROM m GROUP BY current_status", key="current_status")
        self.branch(
            "places",
            f"FROM {index} i JOIN m ON m.id = i.project_id GROUP BY i.place_id",
            key="i.place_id",
            projects2="SUM(CASE WHEN i.is_direct THEN 1 ELSE 0 END)",
        )
        for facet, source in sources.items():
            join = f"JOIN {source} s ON s.id ="
            if facet == "place" and source != "m":
                self.branch(
                    "facet:place",
                    f"FROM {index} i {join} i.project_id GROUP BY i.place_id",
                    key="i.place_id",
                )
            elif facet == "donor":
                self.branch(
                    "facet:donor",
                    f"FROM {participations} p {join} p.project_id WHERE p.role = %s "
                    "GROUP BY p.organization_id",
                    [donor],
                    key="p.organization_id",
                )
            elif facet == "organization":
                self.branch(
                    "facet:organization",
                    f"FROM {participations} p {join} p.project_id WHERE p.role <> %s "
                    "GROUP BY p.organization_id",
                    [donor],
                    key="p.organization_id",
                    projects="COUNT(DISTINCT p.project_id)",
                )
            elif facet == "status" and source != "m":
                self.branch(
                    "facet:status", f"FROM {source} GROUP BY current_status", key="current_status"
                )
            elif facet == "year":
                for edge in ("first_year", "last_year"):
                    self.branch(
                        f"facet:{edge}",
                        f"FROM {source} WHERE {edge} IS NOT NULL GROUP BY {edge}",
                        key=edge,
                    )
            elif facet == "currency":
                self.branch(
                    "facet:currency",
                    f"FROM {lines} f {join} f.project_id GROUP BY f.currency",
                    key="f.currency",
                    projects="COUNT(DISTINCT f.project_id)",
                )
            elif facet == "language":
                self.branch(
                    "facet:language",
                    f"FROM {source} GROUP BY original_language",
                    key="original_language",
                )
        self._add_money_branches(lines, index, region_ids)

    def _add_money_branches(self, lines: str, index: str, region_ids: list[int]) -> None:
        """The funding charts: donor contributions per currency and donor, start year and
        region, and the projects stating none."""
        contribution = FundingKind.DONOR_CONTRIBUTION
        money = {
            "projects": "COUNT(DISTINCT f.project_id)",
            "amount": "SUM(f.amount)",
            "flags": QUALIFIER_FLAGS,
        }
        contributions = f"FROM {lines} f JOIN m ON m.id = f.project_id WHERE f.kind = %s"
        self.branch(
            "donations",
            f"{contributions} GROUP BY f.currency, f.donor_id",
            [contribution],
            key="f.currency",
            key2="f.donor_id",
            **money,
        )
        self.branch(
            "by_start_year",
            f"{contributions} GROUP BY f.currency, m.start_year",
            [contribution],
            key="f.currency",
            key2="m.start_year",
            **money,
        )
        self.branch(
            "unfunded",
            f"FROM m WHERE NOT EXISTS (SELECT 1 FROM {lines} f WHERE f.project_id = m.id "
            "AND f.kind = %s) GROUP BY m.start_year",
            [contribution],
            key="m.start_year",
        )
        if not region_ids:
            self.branch(
                "no_region",
                f"{contributions} GROUP BY f.currency",
                [contribution],
                key="f.currency",
                **money,
            )
            return
        regions = ", ".join(["%s"] * len(region_ids))
        self.branch(
            "by_region",
            f"FROM {lines} f JOIN m ON m.id = f.project_id "
            f"JOIN {index} i ON i.project_id = f.project_id "
            f"WHERE f.kind = %s AND i.place_id IN ({regions}) GROUP BY f.currency, i.place_id",
            [contribution, *region_ids],
            key="f.currency",
            key2="i.place_id",
            **money,
        )
        self.branch(
            "no_region",
            f"{contributions} AND NOT EXISTS (SELECT 1 FROM {index} i WHERE "
            f"i.project_id = f.project_id AND i.place_id IN ({regions})) GROUP BY f.currency",
            [contribution, *region_ids],
            key="f.currency",
            **money,
        )


QUALIFIER_FLAGS = ", ".join(
    f"MAX(CASE WHEN f.qualifier = '{qualifier}' THEN 1 ELSE 0 END)"
    for qualifier in (AmountQualifier.MORE_THAN, AmountQualifier.UP_TO, AmountQualifier.ABOUT)
)
FLAG_QUALIFIERS = (AmountQualifier.MORE_THAN, AmountQualifier.UP_TO, AmountQualifier.ABOUT)


# --- Reading the rows -----------------------------------------------------------------------


def _read(rows, sources: dict[str, str]) -> SearchFigures:
    figures = SearchFigures()
    facets: dict[str, dict] = defaultdict(dict)
    first_years: dict[int, int] = {}
    last_years: dict[int, int] = {}
    for kind, key, key2, projects, projects2, amount, *flags in rows:
        if kind == "count":
            figures.count = projects
        elif kind == "status":
            figures.status[key] = projects
        elif kind == "places":
            figures.places[int(key)] = (projects, projects2)
        elif kind == "facet:first_year":
            first_years[int(key)] = projects
        elif kind == "facet:last_year":
            last_years[int(key)] = projects
        elif kind.startswith("facet:"):
            name = kind.removeprefix("facet:")
            facets[name][_key(name, key)] = projects
        elif kind == "unfunded":
            figures.unfunded_by_start_year[_year(key)] = projects
        else:
            money = Money(projects, _amount(amount), _qualifiers(flags))
            second = _year(key2) if kind == "by_start_year" else _id(key2)
            getattr(figures, kind if kind != "no_region" else "by_region").append(
                (key, second, money)
            )
    if sources.get("place") == "m":
        facets["place"] = {pk: within for pk, (within, _named) in figures.places.items()}
    if sources.get("status") == "m":
        facets["status"] = dict(figures.status)
    if "year" in sources:
        facets["year"] = _active_years(first_years, last_years)
    for facet in sources:
        facets.setdefault(facet, {})
    figures.facets = dict(facets)
    return figures


def _key(facet: str, key: str):
    return int(key) if facet in ("place", "donor", "organization") else key


def _id(value) -> int | None:
    return None if value is None else int(value)


def _year(value) -> int | None:
    return None if value is None else int(float(value))


def _amount(value) -> Decimal:
    # SQLite sums decimals as floats: back to the cents the records hold.
    return Decimal(str(value or 0)).quantize(CENT)


def _qualifiers(flags) -> frozenset[str]:
    return frozenset(
        q for q, flag in zip(FLAG_QUALIFIERS, flags, strict=True) if flag
    ) or frozenset({AmountQualifier.EXACT})


def _active_years(first_years: dict[int, int], last_years: dict[int, int]) -> dict[int, int]:
    """Projects active in each year, from how many start and how many end in each: a project
    counts in every year from its first to its last."""
    if not first_years:
        return {}
    active, counts = 0, {}
    for year in range(min(first_years), max(last_years) + 1):
        active += first_years.get(year, 0) - last_years.get(year - 1, 0)
        if active:
            counts[year] = active
    return counts
