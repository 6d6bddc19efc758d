"""An Atom feed of newly published projects, one per language (/ru/feed/, /kk/feed/, ...), of
every project or of any search of the list: /en/feed/?donor=usaid takes the list's query
parameters, so a visitor can follow a search."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .filters import InvalidFilters, published_search

FEED_LENGTH = 50
NOT_SEARCH_PARAMETERS = ("page", "sort", "columns")  # how a list is shown, not what it holds


@dataclass
class Search:
    """The search a feed follows: its query string (without paging and order) and matches."""

    query: str
    projects: object  # QuerySet of the published projects that match


class NewProjectsFeed(Feed):
    feed_type = Atom1Feed
    subtitle = _("Civil-society projects in Kazakhstan and Central Asia and who funds them.")

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFilters as invalid:
            return HttpResponseBadRequest(
                "\n".join([gettext("This search cannot be followed:"), *invalid.lines()]) + "\n",
                content_type="text/plain; charset=utf-8",
            )

    def get_object(self, request, *args, **kwargs) -> Search:
        params = QueryDict(mutable=True)
        for key, values in request.GET.lists():
            if key not in NOT_SEARCH_PARAMETERS:
                params.setlist(key, values)
        return Search(query=params.urlencode(), projects=published_search(params).qs)

    def title(self, search: Search) -> str:
        if search.query:
            return gettext("Grant-project registry: newly published projects of a search")
        return gettext("Grant-project registry: newly published projects")

    def link(self, search: Search) -> str:
        query = f"?{search.query}" if search.query else ""
        return reverse("projects:project-list") + query

    def items(self, search: Search):
        return (
            search.projects.filter(published_at__isnull=False)
            .prefetch_related("participations__organization", "places")
            .order_by("-published_at", "pk")[:FEED_LENGTH]
        )

    def item_title(self, project):
        return project.title

    def item_description(self, project):
        return project.summary

    def item_link(self, project):
        return project.get_absolute_url()

    def item_guid(self, project):
        return f"project:{project.slug}"

    item_guid_is_permalink = False

    def item_pubdate(self, project):
        return project.published_at

    def item_updateddate(self, project):
        return project.updated_at

    def item_categories(self, project):
        donors = [str(p.organization) for p in project.donor_participations()]
        return donors + [str(place) for place in project.places.all()]
