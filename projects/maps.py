"""The map of a search: where the matching projects work.

One entry per place that a matching project's record names, with the number of those projects
(with a place filter, only the places inside that place); places without coordinates are listed
apart: they have no marker but stay in the table. The list page, the organisation and place
pages and `map.json` all build the map from a search's figures (aggregates.py: projects per
place, counted in SQL), so the markers, the no-JavaScript table and the list always agree, and
no query here reads projects.

A country the vendored outlines include (static/vendor/geo) is drawn as its outline, filled,
not as a dot at its centre: a country-wide project works in all of it. Regions have no outline
yet, so a region stays a dot, and the table says so.
"""

import json
from dataclasses import dataclass, fields
from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse, QueryDict
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_safe

from .aggregates import SearchFigures
from .collation import sort_key
from .filters import InvalidFilters
from .models import Place, PlaceKind
from .places import PlaceTree
from .url_cache import view_url

# The table under the map lists this many places (the most projects first); the map itself,
# drawn from map.json, shows them all.
TABLE_LIMIT = 30

# The countries static/vendor/geo/central-asia-countries.geojson outlines, by its `iso_a2`.
OUTLINED_COUNTRIES = frozenset({"KG", "KZ", "TJ", "TM", "UZ"})
AREA_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.REGION})


@dataclass
class MapPlace:
    slug: str
    name: str
    kind: str
    kind_label: str
    area: str  # district and region, nearest first ("" for a country or a region)
    lat: float | None
    lon: float | None
    project_count: int
    count_label: str
    url: str  # the place's page
    list_url: str  # the project list: the same search, narrowed to this place
    # The outline the map fills for this place (its `iso_a2` in the vendored outlines), or ""
    # for a dot at lat/lon.
    outline: str = ""

    @property
    def is_area(self) -> bool:
        """A country or a region: the projects there may work anywhere in it."""
        return self.kind in AREA_KINDS

    @property
    def area_without_outline(self) -> bool:
        """An area the map can only show as a dot at its centre (the table says so)."""
        return self.is_area and not self.outline


@dataclass
class ProjectMap:
    query: str  # the list's query string this map was built from
    places: list[MapPlace]  # with coordinates: one marker each
    unmapped: list[MapPlace]  # without coordinates: in the table, not on the map
    total: int = 0  # places with a project, described here or not (see project_map's limit)

    @classmethod
    def of(cls, entries: list[MapPlace], *, query: str, total: int) -> "ProjectMap":
        """The map of these places: those with coordinates on it, the others in the table."""
        return cls(
            query=query,
            places=[place for place in entries if place.lat is not None and place.lon is not None],
            unmapped=[place for place in entries if place.lat is None or place.lon is None],
            total=total,
        )

    @property
    def all_places(self) -> list[MapPlace]:
        return sorted(self.places + self.unmapped, key=_display_order)

    @property
    def areas_as_dots(self) -> list[MapPlace]:
        """Countries and regions on the map without an outline to fill: drawn as dots."""
        return [place for place in self.places if place.area_without_outline]

    @property
    def places_not_in_table(self) -> int:
        return max(self.total - len(self.places) - len(self.unmapped), 0)

    def as_json(self) -> dict:
        return {
            "places": [_place_json(place) for place in self.places],
            "unmapped": [_place_json(place) for place in self.unmapped],
        }


_JSON_FIELDS = tuple(field.name for field in fields(MapPlace))  # flat values: no deep copy


def _display_order(place: MapPlace):
    return (-place.project_count, sort_key(place.name), place.slug)


def _place_json(place: MapPlace) -> dict:
    data = {field: getattr(place, field) for field in _JSON_FIELDS}
    if place.lat is None:
        del data["lat"], data["lon"]
    if not place.outline:
        del data["outline"]
    return data


def map_query(params: QueryDict) -> str:
    """The query string that reproduces a list: its filters without the page number."""
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()


def project_map(
    figures: SearchFigures,
    tree: PlaceTree,
    *,
    query: str,
    within: int | None = None,
    limit: int | None = None,
) -> ProjectMap:
    """The map of a search from its figures. With `within` (the place filter's place), only
    the places inside it: a search for Karaganda Region maps where in the region its projects
    work, not their other places. With `limit`, only the places with most projects are
    described (a page's table; map.json describes them all); `total` still counts every one."""
    inside = tree.with_descendants(within) if within is not None else None
    named_in = [
        (place_id, named)
        for place_id, (_within, named) in figures.places.items()
        if named and (inside is None or place_id in inside)
    ]
    named_in.sort(key=lambda item: (-item[1], tree.sort_key(item[0]), item[0]))
    entries = _map_places(named_in[:limit] if limit else named_in, tree, query)
    return ProjectMap.of(entries, query=query, total=len(named_in))


def places_map(places: list[Place], tree: PlaceTree) -> ProjectMap:
    """The map of one project: the places its record names (already loaded with the project),
    each with that one project; the list links show every project there."""
    entries = _map_places([(place.pk, 1) for place in places], tree, query="")
    return ProjectMap.of(entries, query="", total=len(entries))


def outline_of(place: Place) -> str:
    """The vendored outline a place is drawn as: a country's code if the outlines have it."""
    if place.kind == PlaceKind.COUNTRY and place.country_code in OUTLINED_COUNTRIES:
        return place.country_code
    return ""


def _map_places(counts: list[tuple[int, int]], tree: PlaceTree, query: str) -> list[MapPlace]:
    list_base = view_url("projects:project-list")
    base_params = QueryDict(query, mutable=True)
    entries = []
    for place_id, named in counts:
        place = tree.places[place_id]
        entries.append(
            MapPlace(
                slug=place.slug,
                name=tree.name(place_id),
                kind=place.kind,
                kind_label=str(place.get_kind_display()),
                area=", ".join(tree.area_names(place_id)),
                lat=None if place.latitude is None else float(place.latitude),
                lon=None if place.longitude is None else float(place.longitude),
                project_count=named,
                count_label=ngettext("%(count)d project", "%(count)d projects", named)
                % {"count": named},
                url=place.get_absolute_url(),
                list_url=f"{list_base}?{_with_place(base_params, place.slug)}",
                outline=outline_of(place),
            )
        )
    return entries


def _with_place(params: QueryDict, slug: str) -> str:
    """The query string narrowed to a place (its `place` replaced where it has one)."""
    if not params:
        return urlencode({"place": slug})  # a project's map, with no other filter
    params["place"] = slug
    return params.urlencode()


def map_context(project_map: ProjectMap, *, inline: bool = False) -> dict:
    """What the map include (templates/includes/map.html) needs: the places, the address of
    its data, the tiles. With `inline` (a project's few places), the data go in the page
    itself, as JSON in a data attribute, and the script asks for nothing."""
    json_url = view_url("projects:project-map")
    return {
        "inline_data": json.dumps(project_map.as_json(), ensure_ascii=False) if inline else "",
        "data": project_map,
        "json_url": f"{json_url}?{project_map.query}" if project_map.query else json_url,
        "has_outlines": any(place.outline for place in project_map.places),
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": tile_attribution(),
    }


OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"


def tile_attribution() -> str:
    """The tiles' credit, which their licence requires: MAP_TILE_ATTRIBUTION as set, else
    OpenStreetMap's, in the page's language ("участники OpenStreetMap")."""
    if settings.MAP_TILE_ATTRIBUTION:
        return settings.MAP_TILE_ATTRIBUTION
    osm = format_html('<a href="{}">OpenStreetMap</a>', OSM_COPYRIGHT)
    return "&copy; " + gettext("%(osm)s contributors") % {"osm": osm}


# --- The JSON endpoint ----------------------------------------------------------------------


@require_safe
def map_data(request):
    """`/<lang>/projects/map.json?<the list's filters>`: the map of that search, names in the
    page's language. Bad filters: 400 with the errors, as the list shows them."""
    from .selectors import ProjectSearch

    try:
        search = ProjectSearch.run(request.GET)
    except InvalidFilters as invalid:
        return JsonResponse({"errors": invalid.errors}, status=400)
    data = search.map()
    return JsonResponse(data.as_json(), json_dumps_params={"ensure_ascii": False})
