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

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connections
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, ExtractYear

from .caching import cached
from .filters import filter_group
from .formatting import QUALIFIER_ORDER
from .models import (
    AmountQualifier,
    FundingKind,
    FundingLine,
    Participation,
    ParticipationRole,
    ProjectPlaceIndex,
    ProjectSector,
)

FACETS = ["place", "donor", "organization", "sector", "status", "year", "currency", "language"]
# Organisations a cached filtered search keeps per facet (pages offer fewer: facets.py).
KEPT_ORGANIZATIONS = 200
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Money:
    """Money in one currency from some projects: the sum, and the sums of the figures the
    sources qualify alike as (qualifier, amount) pairs in formatting.QUALIFIER_ORDER, so that
    an exact 750 000 and "up to 800 000" are told apart, never "up to 1 550 000"."""

    projects: int
    amount: Decimal
    parts: tuple[tuple[str, Decimal], ...]

    @property
    def qualifiers(self) -> frozenset[str]:
        return frozenset(qualifier for qualifier, _amount in self.parts)


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
    # (currency, region place id, Money) of the projects working in that one region only;
    # region None: country-wide or not stated.
    by_region: list[tuple[str, int | None, Money]] = field(default_factory=list)
    # (currency, None, Money) of the projects working in several regions (not split by region).
    several_regions: list[tuple[str, None, Money]] = field(default_factory=list)
    # start year -> projects stating no donor contribution.
    unfunded_by_start_year: dict[int | None, int] = field(default_factory=dict)
    # facet name -> how many choices have a match (also when `facets` keeps only some).
    facet_sizes: dict[str, int] = field(default_factory=dict)

    def keep_top(self, limit: int, *, keep: dict[str, int]) -> None:
        """Keep the `limit` organisations with most projects in the donor and organisation
        facets (and the chosen ones, by facet name in `keep`): what a page can offer, so that
        a cached search stays small."""
        for name in ("donor", "organization"):
            counts = self.facets.get(name, {})
            kept = heapq.nlargest(limit, counts, key=counts.__getitem__)
            if keep.get(name) in counts:
                kept.append(keep[name])
            self.facets[name] = {pk: counts[pk] for pk in kept}


def search_figures(project_filter, base, *, version: str) -> SearchFigures:
    """The figures of a valid ProjectFilter's search over `base` (the published projects),
    cached until the data changes: the same search asked again is not counted again."""
    if not project_filter.active_filters():
        return unfiltered_figures(base, version=version)
    key = f"figures:{project_filter.cache_key()}"
    return cached(version, key, lambda: _computed_figures(project_filter, base, version))


def _computed_figures(project_filter, base, version: str) -> SearchFigures:
    active = project_filter.active_filters()
    statement = _Statement(base.db)
    statement.add_search("m", project_filter.qs)
    sources = {}
    needs_unfiltered = False
    for facet in FACETS:
        # Counted without its own filters (a budget range belongs to its currency).
        own = filter_group(facet)
        if not any(name in active for name in own):
            sources[facet] = "m"
        elif all(name in own for name in active):
            needs_unfiltered = True  # only its own filter is on: the unfiltered counts
        else:
            sources[facet] = f"m_{facet}"
            statement.add_search(sources[facet], project_filter.filter_queryset_except(base, facet))
    figures = statement.figures(sources)
    if needs_unfiltered:
        everything = unfiltered_figures(base, version=version)
        for facet in FACETS:
            if facet not in sources:
                figures.facets[facet] = everything.facets[facet]
                figures.facet_sizes[facet] = everything.facet_sizes[facet]
    figures.keep_top(KEPT_ORGANIZATIONS, keep=project_filter.form.ids)
    return figures


def unfiltered_figures(base, *, version: str) -> SearchFigures:
    """The figures of every published project, cached until the data changes."""
    return cached(version, "figures:all", lambda: figures_of(base))


def figures_of(projects) -> SearchFigures:
    """The figures of a queryset of projects, each facet counted over all of them (one
    statement, not cached)."""
    statement = _Statement(projects.db)
    statement.add_search("m", projects)
    return statement.figures(dict.fromkeys(FACETS, "m"))


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
    branch returns the same columns: kind, key, key2, projects, projects2, amount and the
    three parts of it that the sources state as "more than", "up to" and "about"."""

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
        parts: str = "0, 0, 0",
    ) -> None:
        """One grouped query: `tail` is its FROM ... GROUP BY part. The casts give every
        branch the same column types, as UNION requires."""
        self.branches.append(
            (
                f"SELECT '{kind}', CAST({key} AS TEXT), CAST({key2} AS TEXT), "
                f"CAST({projects} AS BIGINT), CAST({projects2} AS BIGINT), "
                f"CAST({amount} AS NUMERIC), {parts} {tail}",
                list(params),
            )
        )

    def derived(self, name: str, sql: str, params: list | tuple = ()) -> None:
        """A CTE over the searches: read once, then grouped by several branches."""
        self.searches.append((name, sql, list(params)))

    def figures(self, sources: dict[str, str]) -> SearchFigures:
        self._add_branches(sources)
        materialized = "MATERIALIZED " if self.connection.vendor == "postgresql" else ""
        ctes = ", ".join(f"{name} AS {materialized}({sql})" for name, sql, _ in self.searches)
        body = " UNION ALL ".join(sql for sql, _ in self.branches)
        params = [p for _, _, search_params in self.searches for p in search_params]
        params += [p for _, branch_params in self.branches for p in branch_params]
        with self.connection.cursor() as cursor:
            cursor.execute(f"WITH {ctes} {body}", params)
            return _read(cursor.fetchall(), sources)

    def _add_branches(self, sources: dict[str, str]) -> None:
        index = ProjectPlaceIndex._meta.db_table
        self.branch("count", "FROM m")
        self.branch("status", "FROM m GROUP BY current_status", key="current_status")
        # Places: projects in each place or inside it, and projects naming it (the map).
        self.branch(
            "places",
            f"FROM m JOIN {index} i ON i.project_id = m.id GROUP BY i.place_id",
            key="i.place_id",
            projects2="SUM(CASE WHEN i.is_direct THEN 1 ELSE 0 END)",
        )
        self._add_organization_facets(sources)
        for facet, source in sources.items():
            if facet == "place" and source != "m":
                self.branch(
                    "facet:place",
                    f"FROM {source} s JOIN {index} i ON i.project_id = s.id GROUP BY i.place_id",
                    key="i.place_id",
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
            elif facet == "sector":
                self.branch(
                    "facet:sector",
                    f"FROM {source} s JOIN {ProjectSector._meta.db_table} t ON t.project_id = s.id "
                    "GROUP BY t.sector_id",
                    key="t.sector_id",
                )
            elif facet == "currency":
                self.branch(
                    "facet:currency",
                    f"FROM {source} s JOIN {FundingLine._meta.db_table} f ON f.project_id = s.id "
                    "GROUP BY f.currency",
                    key="f.currency",
                    projects="COUNT(DISTINCT f.project_id)",
                )
            elif facet == "language":
                self.branch(
                    "facet:language",
                    f"FROM {source} GROUP BY original_language",
                    key="original_language",
                )
        self._add_money_branches()

    def _add_organization_facets(self, sources: dict[str, str]) -> None:
        """Donors and other organisations; over the search, the participations are read once
        (a CTE `pa`) for both."""
        participations = Participation._meta.db_table
        if "m" in (sources.get("donor"), sources.get("organization")):
            self.derived(
                "pa",
                f"SELECT p.project_id, p.organization_id, p.role FROM m "
                f"JOIN {participations} p ON p.project_id = m.id",
            )
        for facet, condition, count in (
            ("donor", "= %s", "COUNT(*)"),  # one donor role per project and organisation
            ("organization", "<> %s", "COUNT(DISTINCT p.project_id)"),  # it may hold two roles
        ):
            source = sources.get(facet)
            if source is None:
                continue
            rows = (
                "pa p"
                if source == "m"
                else (f"{source} s JOIN {participations} p ON p.project_id = s.id")
            )
            self.branch(
                f"facet:{facet}",
                f"FROM {rows} WHERE p.role {condition} GROUP BY p.organization_id",
                [ParticipationRole.DONOR],
                key="p.organization_id",
                projects=count,
            )

    def _add_money_branches(self) -> None:
        """The funding charts: donor contributions per currency and donor, start year and
        region, and the projects stating none. The search's contributions are read once (a
        CTE `c`)."""
        lines = FundingLine._meta.db_table
        index = ProjectPlaceIndex._meta.db_table
        self.derived(
            "c",
            "SELECT f.project_id, f.currency, f.donor_id, f.amount, f.qualifier, m.start_year "
            f"FROM m JOIN {lines} f ON f.project_id = m.id WHERE f.kind = %s",
            [FundingKind.DONOR_CONTRIBUTION],
        )
        money = {
            "projects": "COUNT(DISTINCT c.project_id)",
            "amount": "SUM(c.amount)",
            "parts": QUALIFIED_PARTS,
        }
        self.branch(
            "donations",
            "FROM c GROUP BY c.currency, c.donor_id",
            key="c.currency",
            key2="c.donor_id",
            **money,
        )
        self.branch(
            "by_start_year",
            "FROM c GROUP BY c.currency, c.start_year",
            key="c.currency",
            key2="c.start_year",
            **money,
        )
        self.branch(
            "unfunded",
            "FROM m WHERE NOT EXISTS (SELECT 1 FROM c WHERE c.project_id = m.id) "
            "GROUP BY m.start_year",
            key="m.start_year",
        )
        # The regions of each funded project (ProjectPlaceIndex marks the region-level places:
        # PlaceTree.region_of's rule). A project in one region counts there; the money of a
        # project in several is summed apart, as the sources do not say how it splits.
        self.derived(
            "cr",
            "SELECT i.project_id, MIN(i.place_id) AS region_id, COUNT(*) AS regions "
            f"FROM {index} i WHERE i.is_region AND i.project_id IN (SELECT project_id FROM c) "
            "GROUP BY i.project_id",
        )
        self.branch(
            "by_region",
            "FROM c JOIN cr ON cr.project_id = c.project_id AND cr.regions = 1 "
            "GROUP BY c.currency, cr.region_id",
            key="c.currency",
            key2="cr.region_id",
            **money,
        )
        self.branch(
            "several_regions",
            "FROM c JOIN cr ON cr.project_id = c.project_id AND cr.regions > 1 GROUP BY c.currency",
            key="c.currency",
            **money,
        )
        self.branch(
            "no_region",
            f"FROM c WHERE NOT EXISTS (SELECT 1 FROM {index} i WHERE "
            "i.project_id = c.project_id AND i.is_region) GROUP BY c.currency",
            key="c.currency",
            **money,
        )


PART_QUALIFIERS = (AmountQualifier.MORE_THAN, AmountQualifier.UP_TO, AmountQualifier.ABOUT)
QUALIFIED_PARTS = ", ".join(
    f"CAST(SUM(CASE WHEN c.qualifier = '{qualifier}' THEN c.amount ELSE 0 END) AS NUMERIC)"
    for qualifier in PART_QUALIFIERS
)


# --- Reading the rows -----------------------------------------------------------------------


def _read(rows, sources: dict[str, str]) -> SearchFigures:
    figures = SearchFigures()
    facets: dict[str, dict] = defaultdict(dict)
    first_years: dict[int, int] = {}
    last_years: dict[int, int] = {}
    for kind, key, key2, projects, projects2, amount, *parts in rows:
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
            total = _amount(amount)
            money = Money(projects, total, _parts(total, parts))
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
    figures.facet_sizes = {name: len(counts) for name, counts in facets.items()}
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


def _parts(total: Decimal, sums) -> tuple[tuple[str, Decimal], ...]:
    """The sum split by qualifier: what is not "more than", "up to" or "about" is exact."""
    qualified = {q: _amount(part) for q, part in zip(PART_QUALIFIERS, sums, strict=True)}
    by_qualifier = {AmountQualifier.EXACT: total - sum(qualified.values()), **qualified}
    return ordered_parts(by_qualifier) or ((AmountQualifier.EXACT, total),)


def ordered_parts(by_qualifier: dict[str, Decimal]) -> tuple[tuple[str, Decimal], ...]:
    """{qualifier: amount} as (qualifier, amount) pairs in QUALIFIER_ORDER, zeros left out."""
    return tuple(
        (qualifier, by_qualifier[qualifier])
        for qualifier in QUALIFIER_ORDER
        if by_qualifier.get(qualifier)
    )


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
