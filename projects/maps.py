"""The map of a search: where the matching projects work.

One entry per place linked to a matching project, with the number of those projects (with a
place filter, the places inside that place); places without coordinates are listed apart: they
have no marker but stay in the table. The list page,
the organisation and place pages and `map.json` all build the map from the list's query string,
so the markers, the no-JavaScript table and the list always agree.

Fixed number of queries whatever the number of projects: the place tree, the counts per place
and the places themselves (plus the filters' own checks of the slugs).
"""

from dataclasses import asdict, dataclass

from django.db.models import Count
from django.http import JsonResponse, QueryDict
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from .filters import InvalidFilters, published_projects_matching
from .models import Organization, ParticipationRole, Place, PlaceKind, Project
from .places import PlaceTree


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


@dataclass
class ProjectMap:
    query: str  # the list's query string this map was built from
    places: list[MapPlace]  # with coordinates: one marker each
    unmapped: list[MapPlace]  # without coordinates: in the table, not on the map

    @property
    def all_places(self) -> list[MapPlace]:
        return sorted(self.places + self.unmapped, key=_display_order)

    def as_json(self) -> dict:
        return {
            "places": [_place_json(place) for place in self.places],
            "unmapped": [_place_json(place) for place in self.unmapped],
        }


def _display_order(place: MapPlace):
    return (-place.project_count, place.name.casefold(), place.slug)


def _place_json(place: MapPlace) -> dict:
    data = asdict(place)
    if place.lat is None:
        del data["lat"], data["lon"]
    return data


def map_query(params: QueryDict) -> str:
    """The query string that reproduces a list: its filters without the page number."""
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()


def project_map(
    params: QueryDict | str, *, projects=None, place_tree: PlaceTree | None = None
) -> ProjectMap:
    """The map of the published projects matching the list's query parameters (a QueryDict
    or a query string). Raises InvalidFilters like the list.

    The project list passes the `projects` it has already filtered with these parameters
    (and its place tree), so that the map costs it two queries, not a second search."""
    if isinstance(params, str):
        params = QueryDict(params)
    tree = place_tree or PlaceTree.load()
    if projects is None:
        projects = published_projects_matching(params, place_tree=tree)
    within = tree.id_of_slug[params["place"]] if params.get("place") else None
    return _map_of(projects, tree, map_query(params), within=within)


def _map_of(projects, tree: PlaceTree, query: str, within: int | None = None) -> ProjectMap:
    """With `within` (the place filter), only the places inside it: a search for Karaganda
    Region maps where in the region its projects work, not their other places."""
    links = Project.places.through.objects.filter(project__in=projects.order_by().values("pk"))
    if within is not None:
        links = links.filter(place__in=tree.with_descendants(within))
    counts = dict(
        links.values("place_id")
        .annotate(projects=Count("project_id", distinct=True))
        .values_list("place_id", "projects")
    )
    needed = {ancestor for place_id in counts for ancestor in tree.with_ancestors(place_id)}
    places = Place.objects.in_bulk(needed)
    list_base = reverse("projects:project-list")
    base_params = QueryDict(query, mutable=True)

    def entry(place: Place) -> MapPlace:
        area = []
        for ancestor_id in tree.with_ancestors(place.pk)[1:]:
            ancestor = places[ancestor_id]
            if ancestor.kind != PlaceKind.COUNTRY:
                area.append(ancestor.name)
        base_params["place"] = place.slug
        count = counts[place.pk]
        return MapPlace(
            slug=place.slug,
            name=place.name,
            kind=place.kind,
            kind_label=str(place.get_kind_display()),
            area=", ".join(area),
            lat=None if place.latitude is None else float(place.latitude),
            lon=None if place.longitude is None else float(place.longitude),
            project_count=count,
            count_label=ngettext("%(count)d project", "%(count)d projects", count)
            % {"count": count},
            url=place.get_absolute_url(),
            list_url=f"{list_base}?{base_params.urlencode()}",
        )

    entries = sorted((entry(places[place_id]) for place_id in counts), key=_display_order)
    return ProjectMap(
        query=query,
        places=[place for place in entries if place.lat is not None and place.lon is not None],
        unmapped=[place for place in entries if place.lat is None or place.lon is None],
    )


# --- The organisation and place pages -------------------------------------------------------


def organization_map_query(organization: Organization) -> str:
    """The list query that reproduces an organisation's published projects: `donor=` for a
    donor, `organization=` for an implementer or partner. An organisation that is both is
    mapped as a donor (the list cannot say "either role" in one query)."""
    roles = set(
        organization.participations.filter(project__is_published=True)
        .values_list("role", flat=True)
        .distinct()
    )
    key = "donor" if ParticipationRole.DONOR in roles else "organization"
    params = QueryDict(mutable=True)
    params[key] = organization.slug
    return params.urlencode()


def place_map_query(place: Place) -> str:
    """The list query that reproduces a place page's projects (in the place or inside it)."""
    params = QueryDict(mutable=True)
    params["place"] = place.slug
    return params.urlencode()


def organization_map(organization: Organization) -> ProjectMap:
    return project_map(organization_map_query(organization))


def place_map(place: Place) -> ProjectMap:
    return project_map(place_map_query(place))


# --- The JSON endpoint ----------------------------------------------------------------------


@require_safe
def map_data(request):
    """`/<lang>/projects/map.json?<the list's filters>`: the map of that search, names in the
    page's language. Bad filters: 400 with the errors, as the list shows them."""
    try:
        data = project_map(request.GET)
    except InvalidFilters as invalid:
        return JsonResponse({"errors": invalid.errors}, status=400)
    return JsonResponse(data.as_json(), json_dumps_params={"ensure_ascii": False})
