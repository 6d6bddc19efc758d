"""The index pages: donors, organisations and places with published projects, with counts and a
search by name, and the pages about the registry and its open data."""

import functools

from django import forms
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import paging
from .caching import CachedPublicPage, data_version
from .models import (
    Organization,
    OrganizationKind,
    ParticipationRole,
    RegistryState,
)
from .opendata import prebuilt
from .opendata.giving360 import DEFAULT_LICENSE, license_url
from .places import PlaceTree
from .selectors import home_figures, indexes

PER_PAGE = 50
SORTS = [("name", _("By name")), ("projects", _("Most projects first"))]
ROLE_LABELS = dict(ParticipationRole.choices)


class PlaceIndexForm(forms.Form):
    q = forms.CharField(label=_("Name contains"), required=False, max_length=200)


class IndexForm(PlaceIndexForm):
    sort = forms.ChoiceField(label=_("Order"), choices=SORTS, required=False)


class OrganizationIndexForm(IndexForm):
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("Any role")), *ParticipationRole.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Any kind")), *OrganizationKind.choices], required=False
    )


class OrganizationIndexView(CachedPublicPage, TemplateView):
    """Every organisation with published projects, in the page's alphabet or by number of
    projects, 50 to a page, with its roles and count."""

    template_name = "projects/organization_index.html"
    form_class = OrganizationIndexForm
    role = None  # the donors' index lists donors only

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.form_class(self.request.GET)
        valid = form.is_valid()
        cleaned = form.cleaned_data if valid else {}
        version = data_version()
        facts = indexes.organization_facts(version)
        page = self._page(cleaned, version) if valid else None
        rows = [self._row(organization, facts) for organization in page] if page else []
        context.update(
            form=form,
            page_obj=page,
            rows=rows,
            result_count=page.paginator.count if page else 0,
            is_donor_index=self.role == ParticipationRole.DONOR,
            has_search=any(cleaned.get(name) for name in ("q", "role", "kind")),
        )
        if self.role == ParticipationRole.DONOR:
            totals = indexes.donor_totals(version)
            for row in rows:
                row["totals"] = totals.get(row["organization"].pk, {})
        return context

    def _page(self, cleaned: dict, version: str):
        ids = indexes.organization_ids(
            version,
            translation.get_language(),
            role=self.role or cleaned.get("role") or None,
            kind=cleaned.get("kind") or None,
            sort=cleaned.get("sort") or "name",
        )
        if cleaned.get("q", "").strip():
            named = indexes.organizations_named(cleaned["q"])
            ids = [pk for pk in ids if pk in named]
        number = self.request.GET.get("page")
        return paging.page_of_ids(ids, number, per_page=PER_PAGE, rows=_organizations)

    @staticmethod
    def _row(organization, facts) -> dict:
        roles, count = facts.get(organization.pk, ([], 0))
        return {
            "organization": organization,
            "roles": [str(ROLE_LABELS[role]) for role in roles if role in ROLE_LABELS],
            "count": count,
            "list_parameter": "donor" if ParticipationRole.DONOR in roles else "organization",
        }


def _organizations(ids: list[int]):
    return Organization.objects.filter(pk__in=ids).select_related("city")


class DonorIndexView(OrganizationIndexView):
    form_class = IndexForm
    role = ParticipationRole.DONOR


class PlaceIndexView(CachedPublicPage, TemplateView):
    """Every place with published projects (in it or inside it), by kind, in the page's
    alphabet."""

    template_name = "projects/place_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PlaceIndexForm(self.request.GET)
        valid = form.is_valid()
        version = data_version()
        tree = PlaceTree.load(version)
        words = form.cleaned_data.get("q", "") if valid else ""
        sections = indexes.place_sections(tree, home_figures(version), words) if valid else []
        context.update(
            form=form,
            sections=sections,
            result_count=sum(len(section.entries) for section in sections),
            has_search=bool(words),
        )
        return context


class OpenDataView(CachedPublicPage, TemplateView):
    """What can be downloaded, in which formats, under which licence, and how fresh it is."""

    template_name = "projects/open_data.html"

    @functools.cached_property
    def manifest(self) -> prebuilt.Manifest | None:
        return prebuilt.Manifest.read()

    def cache_variant(self) -> str:
        return self.manifest.build if self.manifest else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        manifest = self.manifest
        address = prebuilt.site_address(self.request)
        context.update(
            freshness(),
            license_url=license_url(),
            project_list_url=reverse("projects:project-list"),
            files_built_at=manifest.built_at if manifest else None,
            files_current=bool(manifest and manifest.is_current(address)),
        )
        context["is_default_license"] = context["license_url"] == DEFAULT_LICENSE
        return context


class AboutView(CachedPublicPage, TemplateView):
    template_name = "projects/about.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(freshness(), open_data_url=reverse("projects:open-data"))
        return context


def freshness() -> dict:
    """When the published data last changed, and how many projects there are (from the
    figures cached per data version, which the home page reads too)."""
    version = data_version()
    return {
        "changed_at": RegistryState.objects.filter(pk=1)
        .values_list("changed_at", flat=True)
        .first(),
        "project_count": home_figures(version).count,
    }
