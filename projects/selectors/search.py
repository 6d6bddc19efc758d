"""A visitor's search of the project list, computed once per request.

ProjectSearch.run() validates the query string, reads the search's figures (one SQL statement
over the matching projects, aggregates.py) and then hands out what the page shows: a page of
projects (read id-first), the facets, the map and the charts, all from those same figures.
"""

from __future__ import annotations

from functools import cached_property

from django.utils import translation

from .. import aggregates, charts, facets, maps, paging
from ..caching import data_version
from ..filters import InvalidFilters, ProjectFilter
from ..models import Organization, Project
from ..places import PlaceTree

PAGE_SIZE = 20


class ProjectSearch:
    def __init__(self, project_filter: ProjectFilter, *, version: str, tree: PlaceTree):
        self.filter = project_filter
        self.version = version
        self.tree = tree
        self.is_valid = project_filter.is_valid()
        if self.is_valid:
            self.figures = aggregates.search_figures(
                project_filter,
                Project.objects.published(),
                version=version,
            )
        else:
            self.figures = aggregates.SearchFigures()

    @classmethod
    def run(cls, params, *, strict: bool = True) -> ProjectSearch:
        """The search of the query parameters. Invalid filters raise InvalidFilters when
        `strict`; otherwise the search matches nothing and its form carries the errors."""
        version = data_version()
        project_filter = ProjectFilter(params, queryset=Project.objects.published())
        if strict and not project_filter.is_valid():
            raise InvalidFilters(project_filter.form.errors.get_json_data())
        return cls(project_filter, version=version, tree=PlaceTree.load(version))

    @property
    def key(self) -> str:
        """What the search is, for caches: its narrowing filters (not its page or order)."""
        return self.filter.cache_key() if self.is_valid else "invalid"

    @property
    def count(self) -> int:
        return self.figures.count

    @property
    def cleaned(self) -> dict:
        return self.filter.form.cleaned_data if self.is_valid else {}

    def ordered(self):
        """The matching projects in the list's order (a queryset, not read here)."""
        if not self.is_valid:
            return Project.objects.none()
        return self.filter.order(self.filter.qs, translation.get_language())

    def page(self, number):
        """A page of PAGE_SIZE projects with what a list row shows; Http404 past the end."""
        return paging.page_of(
            self.ordered(),
            number,
            per_page=PAGE_SIZE,
            count=self.figures.count,
            rows=lambda ids: Project.objects.filter(pk__in=ids).for_list(),
        )

    @cached_property
    def organizations(self) -> dict[int, Organization]:
        """The organisations the facets offer and the charts name, read in one query."""
        wanted = facets.offered_organizations(self.figures, self.filter.form.ids)
        wanted.update(donor for _currency, donor, _money in self.figures.donations if donor)
        return Organization.objects.in_bulk(wanted) if wanted else {}

    def facets(self) -> dict[str, facets.Facet]:
        return facets.project_facets(
            self.figures,
            cleaned=self.cleaned,
            selected_ids=self.filter.form.ids if self.is_valid else {},
            tree=self.tree,
            organizations=self.organizations,
        )

    def charts(self) -> charts.ProjectCharts:
        return charts.project_charts(self.figures, tree=self.tree, organizations=self.organizations)

    def map(self, *, limit: int | None = None) -> maps.ProjectMap:
        """The map of the search; with `limit`, the places with most projects (a page's
        table), else all (map.json)."""
        query = maps.map_query(self.filter.data)
        within = self.filter.form.ids.get("place") if self.is_valid else None
        return maps.project_map(self.figures, self.tree, query=query, within=within, limit=limit)
