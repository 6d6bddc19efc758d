"""A visitor's search of the project list, computed once per request.

ProjectSearch.run() validates the query string, reads the search's figures (one SQL statement
over the matching projects, aggregates.py) and then hands out what the page shows: a page of
projects (read id-first), the facets, the map and the charts, all from those same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlencode

from django.utils import translation

from .. import aggregates, charts, facets, formatting, maps, paging, search_names
from .. import search as text_search
from ..caching import data_version
from ..filters import FILTER_GROUPS, InvalidFilters, ProjectFilter
from ..models import Organization, Project, Sector
from ..places import PlaceTree

PAGE_SIZE = 20
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Suggestion:
    """A filter the search words name: its parameter (donor, organization, place), the name
    to show, and the query string that applies it."""

    parameter: str
    name: str
    params: dict

    @property
    def query_string(self) -> str:
        return urlencode(self.params)


def _filter_parameter(named: search_names.Named) -> str:
    if named.kind == search_names.PLACE:
        return "place"
    return "donor" if named.is_donor else "organization"


def _display_name(named: search_names.Named, tree: PlaceTree) -> str:
    """The name in the page's language (the model's own fallbacks)."""
    if named.kind == search_names.PLACE:
        return str(tree.places[named.pk])
    return str(Organization.objects.only(*_ORGANIZATION_NAME_COLUMNS).get(pk=named.pk))


_ORGANIZATION_NAME_COLUMNS = [
    f"{field}_{code}" for field in ("name", "short_name") for code in ("ru", "kk", "en")
]
SNIPPET_FIELDS = ("summary", "description", "objectives", "results")
SNIPPET_LANGUAGES = ("ru", "kk", "en")


@dataclass(frozen=True)
class ActiveFilter:
    """A filter that narrows the search, as the list names it above its results ("Place:
    Pavlodar"), with the query string of the same search without it."""

    label: str
    value: str
    remove_query: str


# The parameters a filter stands for: a budget range means nothing without its currency.
FILTER_PARAMETERS = {"currency": FILTER_GROUPS["currency"]}


class ProjectSearch:
    def __init__(self, project_filter: ProjectFilter, *, version: str, tree: PlaceTree):
        self.filter = project_filter
        self.version = project_filter.version = version
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
        found = cls(project_filter, version=version, tree=PlaceTree.load(version))
        return found.corrected(params) or found

    def corrected(self, params) -> ProjectSearch | None:
        """For words that find nothing, the search with a misspelt organisation or place name
        corrected ("Павладар" -> "Павлодар"), if that finds something; it says what was typed
        in `corrected_from`."""
        typed = self.cleaned.get("q")
        if self.count or not typed:
            return None
        correction = search_names.load(self.version).corrected(typed)
        if not correction:
            return None
        params = params.copy()
        params["q"] = correction
        other = ProjectSearch(
            ProjectFilter(params, queryset=Project.objects.published()),
            version=self.version,
            tree=self.tree,
        )
        if not other.count:
            return None
        other.corrected_from = typed
        return other

    corrected_from: str | None = None

    def suggestions(self) -> list[Suggestion]:
        """Filters the words name: "Filter by donor: European Union", at most three, each
        replacing the words by the filter (other filters kept)."""
        if not self.is_valid:
            return []
        suggestions = []
        for named in self.filter.text_query().named[:MAX_SUGGESTIONS]:
            parameter = _filter_parameter(named)
            if self.cleaned.get(parameter) == named.slug:
                continue
            params = {k: v for k, v in self.filter.data.items() if k not in ("q", "page")}
            params[parameter] = named.slug
            suggestions.append(Suggestion(parameter, _display_name(named, self.tree), params))
        return suggestions

    def active_filters(self) -> list[ActiveFilter]:
        """The narrowing filters (ProjectFilter.active_filters), each named in the page's
        language, with the link that removes it (paging dropped, order and display currency
        kept)."""
        found = []
        for name in self.filter.active_filters():
            params = self.filter.data.copy()
            for key in (*FILTER_PARAMETERS.get(name, (name,)), "page"):
                params.pop(key, None)
            label = str(self.filter.form.fields[name].label)
            shown = self._shown(name, self.cleaned[name])
            found.append(ActiveFilter(label, shown, params.urlencode()))
        return found

    def _shown(self, name: str, value) -> str:
        ids = self.filter.form.ids
        if name == "place":
            return str(self.tree.places[ids["place"]])
        if name in ("donor", "organization"):
            organization = self.organizations.get(ids[name])
            return str(organization) if organization else value
        if name == "q":
            return f"“{value}”"
        if name == "sector":
            sector = Sector.objects.filter(code=value).first()
            return sector.name if sector else value
        if name in ("budget_min", "budget_max"):
            return formatting.money(value, self.cleaned.get("currency") or "")
        if isinstance(value, Decimal):  # a year
            return str(int(value))
        choices = dict(getattr(self.filter.form.fields[name], "choices", ()) or ())
        return str(choices.get(value, value))

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
        ordered = self.ordered()
        return paging.page_of(
            ordered,
            number,
            per_page=PAGE_SIZE,
            count=self.figures.count,
            rows=lambda ids: Project.objects.filter(pk__in=ids).for_list(),
            ids_between=lambda start, stop: self.filter.page_ids(ordered, start, stop),
        )

    @property
    def query(self) -> text_search.Query:
        return self.filter.text_query().query

    def attach_snippets(self, projects) -> None:
        """Each project of a page gets `search_snippet`: the passage of its texts holding the
        words searched for, marked (None without a search, or when only a name matched).
        The texts of the page's projects are read in one query, the page's language first."""
        if not self.query.groups:
            return
        language = translation.get_language()
        languages = [language] + [code for code in SNIPPET_LANGUAGES if code != language]
        columns = [f"{name}_{code}" for code in languages for name in SNIPPET_FIELDS]
        texts = Project.objects.filter(pk__in=[p.pk for p in projects]).values("pk", *columns)
        by_id = {row["pk"]: row for row in texts}
        for project in projects:
            row = by_id.get(project.pk, {})
            pieces = [(row[c], c.rsplit("_", 1)[1]) for c in columns if row.get(c)]
            project.search_snippet = text_search.snippet(pieces, self.query)

    @cached_property
    def organizations(self) -> dict[int, Organization]:
        """The organisations the facets offer and the charts name, read in one query."""
        wanted = facets.offered_organizations(self.figures, self.filter.form.ids)
        wanted.update(donor for _currency, donor, _money in self.figures.donations if donor)
        return Organization.objects.in_bulk(wanted) if wanted else {}

    def year_choices(self) -> list[int]:
        """Every year some published project is active in: what the year range offers."""
        everything = aggregates.unfiltered_figures(
            Project.objects.published(), version=self.version
        )
        return sorted(everything.facets.get("year", {}))

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
