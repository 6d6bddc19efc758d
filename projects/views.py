"""Public pages. Views pick the queryset and the template; the rules live in filters.py,
selectors.py and the model querysets."""

from urllib.parse import urlencode

from django.conf import settings
from django.db.models import F
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, TemplateView

from . import charts, maps, paging, selectors
from .alias_languages import aliases_for_page
from .caching import CachedPublicPage, cached, data_version, fragment_key
from .currency import DISPLAY_CURRENCIES, RateTable
from .evidence_html import EvidenceMarks
from .facts import attach_facts
from .filters import SortOrder, published_projects_matching
from .models import (
    Organization,
    Participation,
    ParticipationRole,
    Place,
    Project,
    SourceDocument,
)
from .opendata import exports
from .places import PlaceTree
from .selectors.project_page import project_for_page


class HomeView(CachedPublicPage, TemplateView):
    template_name = "projects/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = data_version()
        tree = PlaceTree.load(version)
        figures = selectors.home_figures(version)
        donors = selectors.donors_with_counts(figures)
        context.update(
            totals=selectors.registry_totals(figures),
            latest_projects=(
                Project.objects.published().for_list().order_by("-created_at", "pk")[:6]
            ),
            top_places=selectors.top_places(figures, tree),
            donors=donors,
            charts=lambda: charts.project_charts(
                figures, tree=tree, organizations={donor.pk: donor for donor in donors}
            ),
            charts_key=fragment_key(version, "all", translation.get_language()),
        )
        return context


class ProjectListView(CachedPublicPage, TemplateView):
    """The searchable, filterable list. Every state is in the query string; the page, facets,
    map and charts all come from one search (selectors.ProjectSearch)."""

    template_name = "projects/project_filter.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        search = selectors.ProjectSearch.run(self.request.GET, strict=False)
        page = search.page(self.request.GET.get("page"))
        search.attach_snippets(page.object_list)
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            filter=search.filter,
            projects=page.object_list,
            page_obj=page,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
            facets=search.facets(),
            year_choices=search.year_choices(),
            query_without_page=params.urlencode(),
            has_filters=any(
                value for key, value in self.request.GET.items() if key not in ("page", "sort")
            ),
            sort_choices=SortOrder.CHOICES,
            sort=search.filter.sort_order,
            export_links=exports.export_links(self.request),
            export_columns=exports.COLUMNS,
            result_count=search.count,
            suggestions=search.suggestions(),
            active_filters=search.active_filters(),
            corrected_from=search.corrected_from,
            search_words=search.cleaned.get("q"),
            **display_currency_context(self.request),
        )
        if search.count:
            context.update(
                map=maps.map_context(search.map(limit=maps.TABLE_LIMIT)),
                charts=search.charts,  # drawn only when the cache does not hold them
                charts_key=fragment_key(search.version, search.key, translation.get_language()),
            )
        return context


def display_currency_context(request) -> dict:
    """The visitor's display currency (?display=USD) with the rate table, or none."""
    display = request.GET.get("display")
    if display not in DISPLAY_CURRENCIES:
        return {"display": None, "rates": None, "display_currencies": DISPLAY_CURRENCIES}
    return {"display": display, "rates": RateTable(), "display_currencies": DISPLAY_CURRENCIES}


class ProjectDetailView(CachedPublicPage, DetailView):
    """A project's public page. Drafts are visible to staff only, as a preview."""

    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        return project_for_page(self.kwargs["slug"], drafts=self.request.user.is_staff)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context["participations_by_role"] = _group_by_role(project.participations.all())
        context["funding_totals"] = _totals_of(project.funding_lines.all())
        context["source_versions"] = _source_versions(project.sources.all())
        context.update(attach_facts(project))
        context["is_translation"] = project.original_language != translation.get_language()
        context.update(display_currency_context(self.request))
        places = [place for place, _basis in context["places_with_basis"]]
        if places:
            tree = PlaceTree.load(data_version())
            # Each place with the district and region it lies in, from the tree (no query).
            context["places_shown"] = [
                (place, basis, tree.area_names(place.pk))
                for place, basis in context["places_with_basis"]
            ]
            context["map"] = maps.map_context(maps.places_map(places, tree), inline=True)
        context["evidence"] = EvidenceMarks()
        # The body is drawn by Jinja2 (why: jinja_environment.py); project_detail.html, a
        # Django template like every page's, puts it in the site's page.
        body = engines["jinja2"].get_template("projects/project_body.html")
        context["body"] = SafeString(body.render(context, self.request))
        return context


def _group_by_role(participations) -> list[tuple[str, list[Participation]]]:
    order = {role: index for index, role in enumerate(ParticipationRole.values)}
    grouped: dict[str, list[Participation]] = {}
    for participation in sorted(participations, key=lambda p: order[p.role]):
        grouped.setdefault(participation.get_role_display(), []).append(participation)
    return list(grouped.items())


def _source_versions(sources) -> list[tuple]:
    """Each press release with the version it corrects and the version correcting it (None
    where there is none), from the prefetched sources: no query."""
    sources = list(sources)
    by_pk = {source.pk: source for source in sources}
    corrected_by = {source.supersedes_id: source for source in sources if source.supersedes_id}
    return [
        (source, by_pk.get(source.supersedes_id), corrected_by.get(source.pk)) for source in sources
    ]


def _totals_of(lines) -> dict[str, list]:
    """Funding lines per currency (already prefetched: no query)."""
    by_currency: dict[str, list] = {}
    for line in lines:
        by_currency.setdefault(line.currency, []).append(line)
    return by_currency


class OrganizationDetailView(CachedPublicPage, DetailView):
    """An organisation's record: its projects by role (the newest of each, with a link to all
    of them in the list) and, for donors, what it gives."""

    template_name = "projects/organization_detail.html"
    context_object_name = "organization"
    queryset = Organization.objects.select_related("city__parent", "part_of").prefetch_related(
        "aliases"
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        version = data_version()
        summary = cached(
            version,
            f"organization-summary:{organization.pk}",
            lambda: selectors.organization_summary(organization),
        )
        if not summary.has_projects and not self.request.user.is_staff:
            raise Http404("No published project involves this organisation.")
        key = "donor" if summary.is_donor else "organization"
        list_query = urlencode({key: organization.slug})
        context.update(summary=summary, list_query=list_query)
        context["aliases"] = aliases_for_page(
            organization.aliases.all(), translation.get_language()
        )
        if summary.roles:
            projects = published_projects_matching(QueryDict(list_query))
            figures = selectors.place_figures(
                projects, version=version, key=f"organization:{organization.pk}:{key}"
            )
            tree = PlaceTree.load(version)
            context["map"] = maps.map_context(
                maps.project_map(figures, tree, query=list_query, limit=maps.TABLE_LIMIT)
            )
        return context


class PlaceDetailView(CachedPublicPage, DetailView):
    """A place with its breadcrumbs and the projects working in it or inside it, a page at a
    time."""

    template_name = "projects/place_detail.html"
    context_object_name = "place"
    model = Place

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        place = self.object
        version = data_version()
        tree = PlaceTree.load(version)
        projects = selectors.place_projects(place)
        figures = selectors.place_figures(projects, version=version, key=f"place:{place.pk}")
        count = figures.places.get(place.pk, (0, 0))[0]
        page = paging.page_of(
            projects.order_by(F("start_date").desc(nulls_last=True), "-pk"),
            self.request.GET.get("page"),
            per_page=selectors.PAGE_SIZE,
            count=count,
            rows=lambda ids: Project.objects.filter(pk__in=ids).for_list(),
        )
        list_query = urlencode({"place": place.slug})
        context.update(
            breadcrumbs=tree.ancestors(place.pk),
            projects=page.object_list,
            page_obj=page,
            project_count=count,
            list_url_query=list_query,
        )
        if count:
            project_map = maps.project_map(
                figures, tree, query=list_query, within=place.pk, limit=maps.TABLE_LIMIT
            )
            context["map"] = maps.map_context(project_map)
        return context


def robots_txt(request):
    """Crawlers may read every public page; the admin and the bulk downloads stay out."""
    lines = ["User-agent: *"]
    for language, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{language}/admin/", f"Disallow: /{language}/projects/export"]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def source_text(request, slug: str, pk: int):
    """A published project's press release as it was received, byte for byte, to download:
    named after the project and the release's date, never after the registry's own files."""
    source = get_object_or_404(
        SourceDocument, pk=pk, project__slug=slug, project__is_published=True
    )
    day = source.published_on.isoformat() if source.published_on else "undated"
    response = HttpResponse(source.text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    filename = f"{slug}-press-release-{day}-{source.pk}.txt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
