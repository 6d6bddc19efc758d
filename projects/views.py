"""Public pages. Views pick the queryset and the template; the rules live in filters.py,
selectors.py and the model querysets."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import selectors
from .currency import DISPLAY_CURRENCIES, RateTable
from .filters import ProjectFilter, SortOrder
from .models import Organization, Participation, ParticipationRole, Place, Project
from .opendata import exports
from .places import PlaceTree

PAGE_SIZE = 20


class HomeView(TemplateView):
    template_name = "projects/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = selectors.registry_totals()
        context["latest_projects"] = (
            Project.objects.published().for_list().order_by("-created_at", "pk")[:6]
        )
        context["top_places"] = selectors.top_places()
        context["donors"] = selectors.donors_with_counts()
        context["chart_projects"] = Project.objects.published()
        return context


class ProjectListView(FilterView):
    """The searchable, filterable list. Every state is in the query string."""

    filterset_class = ProjectFilter
    template_name = "projects/project_filter.html"
    paginate_by = PAGE_SIZE
    context_object_name = "projects"

    def get_queryset(self):
        return Project.objects.published()

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["data"] = self.request.GET  # always bound: no parameters is a valid search
        self.place_tree = PlaceTree.load()
        kwargs["place_tree"] = self.place_tree
        return kwargs

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        if self.filterset.is_valid():
            projects = self.filterset.order(self.filterset.qs, translation.get_language())
        else:
            projects = Project.objects.none()
        # The whole search, unpaginated and unprefetched, for the map and the charts.
        self.matching_projects = projects
        self.object_list = projects.for_list()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            facets=selectors.project_facets(self.filterset, self.get_queryset()),
            query_without_page=params.urlencode(),
            has_filters=any(
                value for key, value in self.request.GET.items() if key not in ("page", "sort")
            ),
            sort_choices=SortOrder.CHOICES,
            sort=self.filterset.sort_order,
            export_links=exports.export_links(self.request),
            export_columns=exports.COLUMNS,
            matching_projects=self.matching_projects,
            **display_currency_context(self.request),
            result_count=context["paginator"].count if context.get("paginator") else 0,
        )
        return context


def display_currency_context(request) -> dict:
    """The visitor's display currency (?display=USD) with the rate table, or none."""
    display = request.GET.get("display")
    if display not in DISPLAY_CURRENCIES:
        return {"display": None, "rates": None, "display_currencies": DISPLAY_CURRENCIES}
    return {"display": display, "rates": RateTable(), "display_currencies": DISPLAY_CURRENCIES}


class ProjectDetailView(DetailView):
    """A project's public page. Drafts are visible to staff only, as a preview."""

    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        projects = Project.objects.for_detail()
        if self.request.user.is_staff:
            return projects
        return projects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context["participations_by_role"] = _group_by_role(project.participations.all())
        context["funding_totals"] = _totals_of(project.funding_lines.all())
        context["report_error_url"] = _report_error_url(self.request, project)
        context["is_translation"] = project.original_language != translation.get_language()
        context.update(display_currency_context(self.request))
        return context


def _group_by_role(participations) -> list[tuple[str, list[Participation]]]:
    order = {role: index for index, role in enumerate(ParticipationRole.values)}
    grouped: dict[str, list[Participation]] = {}
    for participation in sorted(participations, key=lambda p: order[p.role]):
        grouped.setdefault(participation.get_role_display(), []).append(participation)
    return list(grouped.items())


def _totals_of(lines) -> dict[str, list]:
    """Funding lines per currency (already prefetched: no query)."""
    by_currency: dict[str, list] = {}
    for line in lines:
        by_currency.setdefault(line.currency, []).append(line)
    return by_currency


def _report_error_url(request, project: Project) -> str:
    page_url = request.build_absolute_uri(project.get_absolute_url())
    subject = translation.gettext("Correction to the registry: %(title)s") % {
        "title": project.title
    }
    body = translation.gettext("Page: %(url)s\n\nWhat is wrong, and the right facts:\n") % {
        "url": page_url
    }
    # mailto wants %20 for spaces, not the + of form encoding.
    query = urlencode({"subject": subject, "body": body}, quote_via=quote)
    return f"mailto:{settings.REPORT_ERRORS_EMAIL}?{query}"


class OrganizationDetailView(DetailView):
    """An organisation's record: its projects by role and, for donors, what it gives."""

    template_name = "projects/organization_detail.html"
    context_object_name = "organization"
    queryset = Organization.objects.select_related("city__parent").prefetch_related("aliases")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        projects_by_role = selectors.organization_projects_by_role(organization)
        if not projects_by_role and not self.request.user.is_staff:
            raise Http404("No published project involves this organisation.")
        context["projects_by_role"] = projects_by_role
        context["donor_totals"] = selectors.donor_totals(organization)
        context["funding_received"], context["received_totals"] = selectors.funding_received(
            organization
        )
        context["funding_given"] = (
            organization.funding_lines.filter(project__is_published=True)
            .select_related("project")
            .order_by("currency", "-amount")
        )
        return context


class PlaceDetailView(DetailView):
    """A place with its breadcrumbs and the projects working in it or inside it."""

    template_name = "projects/place_detail.html"
    context_object_name = "place"
    model = Place

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        place = self.object
        tree = PlaceTree.load()
        context["breadcrumbs"] = selectors.place_ancestors(place, tree)
        context["projects"] = (
            selectors.place_projects(place, tree).for_list().order_by("-start_date", "pk")
        )
        context["list_url_query"] = urlencode({"place": place.slug})
        return context


def robots_txt(request):
    """Crawlers may read every public page; the admin and the bulk downloads stay out."""
    lines = ["User-agent: *"]
    for language, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{language}/admin/", f"Disallow: /{language}/projects/export"]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
