"""Embeddable widgets: a compact list or a map of any search of the project list, for an NGO's
or a donor's own website (the list page gives the `<iframe>` code).

These two pages are the only ones other sites may frame: they send no X-Frame-Options and
`Content-Security-Policy: frame-ancestors *`. Every other page keeps X-Frame-Options: DENY
(XFrameOptionsMiddleware), so the registry itself cannot be clickjacked."""

from csp.decorators import csp_replace
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .filters import InvalidFilters, published_projects_matching
from .maps import TABLE_LIMIT, map_context
from .selectors import ProjectSearch

EMBED_LIMIT = 20  # a widget is a teaser: the rest of the search is one link away


def frameable_by_any_site(view):
    """Let any site frame the view's responses, error pages included (an embedding site's
    editor must see why a widget is empty rather than a blocked frame)."""

    return xframe_options_exempt(csp_replace({"frame-ancestors": ["*"]})(view))


def _search_context(request) -> dict:
    """The current search's query string (without the list's page) and its address on the
    registry, for the widget's links."""
    params = request.GET.copy()
    params.pop("page", None)
    query = params.urlencode()
    list_path = reverse("projects:project-list") + (f"?{query}" if query else "")
    return {"search_query": query, "registry_url": request.build_absolute_uri(list_path)}


def _invalid_filters(request, template_name: str, context: dict, error: InvalidFilters):
    context["filter_errors"] = error.errors
    return render(request, template_name, context, status=400)


@frameable_by_any_site
@require_safe
def embed_projects(request):
    """The first EMBED_LIMIT projects of the search, each linking to its page on the registry,
    and a link to the whole search."""
    context = _search_context(request)
    try:
        projects = published_projects_matching(request.GET)
    except InvalidFilters as error:
        return _invalid_filters(request, "embed/projects.html", context, error)
    shown = list(projects.for_list()[:EMBED_LIMIT])
    for project in shown:
        project.registry_url = request.build_absolute_uri(project.get_absolute_url())
    context.update(projects=shown, total=projects.count())
    return render(request, "embed/projects.html", context)


@frameable_by_any_site
@require_safe
def embed_map(request):
    """The map of the search's places (the list page's map include, which fetches its data
    from the map endpoint with the same filters)."""
    context = _search_context(request)
    try:
        search = ProjectSearch.run(request.GET)
    except InvalidFilters as error:
        return _invalid_filters(request, "embed/map.html", context, error)
    context["total"] = search.count
    if search.count:
        context["map"] = map_context(search.map(limit=TABLE_LIMIT))
    return render(request, "embed/map.html", context)
