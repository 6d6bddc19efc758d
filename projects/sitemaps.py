"""sitemap.xml: every public page in ru, kk and en, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Organization, Place, Project
from .places import PlaceTree


class RegistrySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PageSitemap(RegistrySitemap):
    priority = 0.8

    def items(self):
        return ["projects:home", "projects:project-list"]

    def location(self, name):
        return reverse(name)


class ProjectSitemap(RegistrySitemap):
    priority = 0.9

    def items(self):
        return Project.objects.published().order_by("slug")

    def lastmod(self, project):
        return project.updated_at


class OrganizationSitemap(RegistrySitemap):
    def items(self):
        return (
            Organization.objects.filter(participations__project__is_published=True)
            .distinct()
            .order_by("slug")
        )

    def lastmod(self, organization):
        return organization.updated_at


class PlaceSitemap(RegistrySitemap):
    """Places with a published project in them or anywhere inside them."""

    priority = 0.5

    def items(self):
        linked = Project.places.through.objects.filter(project__is_published=True)
        projects_of_place = PlaceTree.load().projects_within(
            linked.values_list("project_id", "place_id")
        )
        return Place.objects.filter(pk__in=projects_of_place).order_by("slug")


SITEMAPS = {
    "pages": PageSitemap,
    "projects": ProjectSitemap,
    "organizations": OrganizationSitemap,
    "places": PlaceSitemap,
}
