"""/api/places/: the gazetteer, and each place with the places it lies in."""

from ninja import Path, Query, Router

from ..caching import cached_for_visitors, data_version
from ..models import Place
from ..places import PlaceTree
from ..selectors import home_figures
from .errors import ERROR_RESPONSES, INVALID_PARAMETERS, ApiError, problem
from .schemas import ErrorBody, PlaceListParams, PlacePage, PlaceRecord
from .shapes import by_slug_or_404, page_addresses, paginate, place_ref

router = Router(tags=["places"])


@router.get(
    "/places/",
    response={200: PlacePage, **ERROR_RESPONSES},
    summary="List places in the gazetteer",
)
@cached_for_visitors
def list_places(request, params: Query[PlaceListParams]):
    """Every place in the gazetteer, by slug, whether or not a project works there."""
    places = Place.objects.select_related("parent").order_by("slug")
    if params.kind:
        places = places.filter(kind=params.kind)
    if params.country:
        places = places.filter(country_code=params.country)
    if params.parent:
        if not Place.objects.filter(slug=params.parent).exists():
            found = problem("There is no such place.", "invalid_choice")
            raise ApiError(400, INVALID_PARAMETERS, {"parent": [found]})
        places = places.filter(parent__slug=params.parent)
    page = paginate(request, places, params)
    page["results"] = [place_summary(request, place) for place in page["results"]]
    return page


@router.get(
    "/places/{slug}/",
    response={200: PlaceRecord, 404: ErrorBody},
    summary="A place with the places it lies in",
)
@cached_for_visitors
def get_place(request, slug: str = Path(..., description="The place's slug.")):
    """The place, the places it lies in (country first) and how many published projects work
    in it or anywhere inside it."""
    place = by_slug_or_404(Place.objects.select_related("parent"), slug)
    version = data_version()
    tree = PlaceTree.load(version)
    within, _named = home_figures(version).places.get(place.pk, (0, 0))
    return {
        **place_summary(request, place),
        "population": place.population,
        "ancestors": [place_ref(ancestor) for ancestor in tree.ancestors(place.pk)],
        "project_count": within,
    }


def place_summary(request, place: Place) -> dict:
    return {
        **place_ref(place),
        "url": page_addresses(request, place),
        "country": place.country_code or None,
        "parent": place.parent.slug if place.parent else None,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geonames_id": place.geonames_id,
    }
