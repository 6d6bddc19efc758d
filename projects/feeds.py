"""An Atom feed of newly published projects, one per language (/ru/feed/, /kk/feed/, ...)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Project

FEED_LENGTH = 50


class NewProjectsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Grant-project registry: newly published projects")
    subtitle = _("Civil-society projects in Kazakhstan and Central Asia and who funds them.")

    def link(self):
        return reverse("projects:project-list")

    def items(self):
        return (
            Project.objects.published()
            .filter(published_at__isnull=False)
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
