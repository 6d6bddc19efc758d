"""The map include's data (templates/includes/map.html): the same map as `map.json` for the
table shown without JavaScript, and the settings the script reads from data attributes."""

from django import template
from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from .. import maps
from ..filters import InvalidFilters
from ..places import PlaceTree

register = template.Library()


@register.simple_tag
def project_map(query: str, projects=None, place_tree=None) -> dict | None:
    """The map of the list's query string, or None when its filters do not validate.
    `projects` and `place_tree`: the list's own results of that query, when at hand."""
    try:
        data = maps.project_map(
            query or "",
            projects=projects if isinstance(projects, QuerySet) else None,
            place_tree=place_tree if isinstance(place_tree, PlaceTree) else None,
        )
    except InvalidFilters:
        return None
    json_url = reverse("projects:project-map")
    return {
        "data": data,
        "json_url": f"{json_url}?{data.query}" if data.query else json_url,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }


@register.simple_tag
def organization_map_query(organization) -> str:
    return maps.organization_map_query(organization)


@register.simple_tag
def place_map_query(place) -> str:
    return maps.place_map_query(place)
