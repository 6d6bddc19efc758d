"""The project list's filters. Every filter state lives in the query string, so a link
reproduces exactly what its sender saw. Bad values become form errors, never server errors."""

import re
from decimal import Decimal
from urllib.parse import urlencode

import django_filters
from django import forms
from django.conf import settings
from django.db import connections
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from . import collation, search, search_names
from .currency import DISPLAY_CURRENCIES
from .db_functions import TestedRowByRow
from .models import (
    CURRENCY_CODES,
    FundingLine,
    Organization,
    Participation,
    ParticipationRole,
    Place,
    ProjectPlaceIndex,
    ProjectSector,
    ProjectStatus,
    Sector,
)
from .sectors import CODE_PATTERN

MAX_QUERY_LENGTH = 200
TITLE_MATCHES_FIRST_DEPTH = 100  # rows of a search that may come from title matches alone
MAX_AMOUNT = Decimal("1e13")  # more than any grant; keeps the numbers the database can hold
YEAR_RANGE = (1991, 2100)
# Filters that make one choice together: a budget range means nothing without its currency, and
# the year facet is counted without any of the year filters.
FILTER_GROUPS = {
    "currency": ("currency", "budget_min", "budget_max"),
    "year": ("year", "year_from", "year_to"),
}


def filter_group(name: str) -> tuple[str, ...]:
    """The filters that belong with `name` (itself included)."""
    for group in FILTER_GROUPS.values():
        if name in group:
            return group
    return (name,)


class SortOrder:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    START = "start"
    BUDGET = "budget"
    TITLE = "title"
    CHOICES = [
        (RELEVANCE, _("most relevant first")),
        (NEWEST, _("newest first")),
        (START, _("latest start first")),
        (BUDGET, _("largest budget first")),
        (TITLE, _("title A–Z")),
    ]


class ProjectFilterForm(forms.Form):
    """Checks references (slugs) and combinations that single fields cannot. The ids of the
    records that slugs name are kept in `ids`, so the filters need not join on slugs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ids: dict[str, int] = {}

    def _clean_slug(self, name: str, queryset):
        slug = self.cleaned_data.get(name)
        if slug:
            found = queryset.filter(slug=slug).values_list("pk", flat=True).first()
            if found is None:
                raise forms.ValidationError(_("There is no such choice."), code="invalid_choice")
            self.ids[name] = found
        return slug

    def clean_place(self):
        return self._clean_slug("place", Place.objects.all())

    def clean_donor(self):
        return self._clean_slug("donor", Organization.objects.all())

    def clean_organization(self):
        return self._clean_slug("organization", Organization.objects.all())

    def clean_sector(self):
        code = self.cleaned_data.get("sector")
        # Five digits before any query: PostgreSQL refuses some characters outright (NUL).
        if code and not (
            re.fullmatch(CODE_PATTERN, code) and Sector.objects.filter(code=code).exists()
        ):
            raise forms.ValidationError(_("There is no such choice."), code="invalid_choice")
        return code

    def clean(self):
        cleaned = super().clean()
        has_range = cleaned.get("budget_min") is not None or cleaned.get("budget_max") is not None
        if has_range and not cleaned.get("currency"):
            self.add_error("currency", _("Choose the currency of the budget range."))
        low, high = cleaned.get("budget_min"), cleaned.get("budget_max")
        if low is not None and high is not None and low > high:
            self.add_error("budget_max", _("The maximum is below the minimum."))
        first, last = cleaned.get("year_from"), cleaned.get("year_to")
        if first is not None and last is not None and first > last:
            self.add_error("year_to", _("The last year comes before the first."))
        return cleaned


def _year_filter(label):
    return django_filters.NumberFilter(
        method="filter_years",
        label=label,
        min_value=YEAR_RANGE[0],
        max_value=YEAR_RANGE[1],
        decimal_places=0,
    )


def _amount_filter(label):
    return django_filters.NumberFilter(
        method="filter_budget",
        label=label,
        min_value=0,
        max_value=MAX_AMOUNT,
        max_digits=16,
        decimal_places=2,
    )


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_text", label=_("Words"), max_length=MAX_QUERY_LENGTH
    )
    place = django_filters.CharFilter(method="filter_place", label=_("Place"), max_length=120)
    donor = django_filters.CharFilter(method="filter_donor", label=_("Donor"), max_length=120)
    organization = django_filters.CharFilter(
        method="filter_organization", label=_("Implementer or partner"), max_length=120
    )
    sector = django_filters.CharFilter(method="filter_sector", label=_("Theme"), max_length=5)
    status = django_filters.ChoiceFilter(
        method="filter_status", label=_("Status"), choices=ProjectStatus.choices
    )
    year = django_filters.NumberFilter(
        method="filter_year",
        label=_("Active in year"),
        min_value=YEAR_RANGE[0],
        max_value=YEAR_RANGE[1],
        decimal_places=0,
    )
    year_from = _year_filter(_("Active from year"))
    year_to = _year_filter(_("Active until year"))
    budget_min = _amount_filter(_("Budget from"))
    budget_max = _amount_filter(_("Budget up to"))
    currency = django_filters.ChoiceFilter(
        method="filter_currency",
        label=_("Currency"),
        choices=[(code, code) for code in CURRENCY_CODES],
    )
    language = django_filters.ChoiceFilter(
        field_name="original_language",
        label=_("Language of the source"),
        choices=settings.LANGUAGES,
    )
    sort = django_filters.ChoiceFilter(
        method="filter_sort", label=_("Sort"), choices=SortOrder.CHOICES, empty_label=None
    )
    display = django_filters.ChoiceFilter(
        method="filter_display",
        label=_("Also show amounts in"),
        choices=[(code, code) for code in DISPLAY_CURRENCIES],
    )

    class Meta:
        form = ProjectFilterForm
        fields = []

    # Filters that narrow the list (sort only orders it); facets are counted over these.
    NARROWING = [
        "q", "place", "donor", "organization", "sector", "status", "year", "year_from", "year_to",
        "budget_min", "budget_max", "currency", "language",
    ]  # fmt: skip

    # --- Narrowing ---------------------------------------------------------------------------

    def filter_text(self, queryset, name, value):
        """Every word in a title, summary, description, objective, result, keyword, or a name
        of an organisation or place the project involves, in any of the three languages
        (search.py says how words match, and what "phrases", -exclusions and OR do)."""
        query = self.text_query().query
        if not query:
            return queryset  # punctuation only: nothing to look for
        if not query.groups:  # exclusions only: everything but what any of them names
            named = search.matching_ids(search.Query(groups=[query.excluded]))
            return queryset.exclude(pk__in=named)
        return search.joined_to_matches(queryset, query)

    version: str | None = None  # the data version, when the caller read it already

    def text_query(self) -> search_names.Recognised:
        """The words searched for, with the organisations and places they name recognised
        (search_names.py); worked out once per search."""
        recognised = getattr(self, "_recognised", None)
        if recognised is None:
            valid = self.is_bound and self.form.is_valid()
            query = search.parse((self.form.cleaned_data.get("q") if valid else None) or "")
            names = search_names.load(self.version) if query.groups else None
            recognised = names.recognise(query) if names else None
            recognised = recognised or search_names.Recognised(query)
            self._recognised = recognised
        return recognised

    def filter_place(self, queryset, name, slug):
        """Projects working in the place or anywhere inside it."""
        inside = ProjectPlaceIndex.objects.filter(place_id=self.form.ids["place"])
        return queryset.filter(pk__in=inside.values("project_id"))

    def filter_donor(self, queryset, name, slug):
        donations = Participation.objects.filter(
            organization_id=self.form.ids["donor"], role=ParticipationRole.DONOR
        )
        return queryset.filter(pk__in=donations.values("project_id"))

    def filter_organization(self, queryset, name, slug):
        roles = Participation.objects.filter(organization_id=self.form.ids["organization"])
        return queryset.filter(
            pk__in=roles.exclude(role=ParticipationRole.DONOR).values("project_id")
        )

    def filter_sector(self, queryset, name, code):
        themed = ProjectSector.objects.filter(sector_id=code)
        return queryset.filter(pk__in=themed.values("project_id"))

    def filter_status(self, queryset, name, value):
        return queryset.with_status_of(value)

    def filter_year(self, queryset, name, value):
        return queryset.active_in_year(int(value))

    def filter_years(self, queryset, name, value):
        """Projects active at some time from year_from on, or up to year_to (each applied on
        its own, so together they find projects active at some time in the range)."""
        if name == "year_from":
            return queryset.active_between(int(value), None)
        return queryset.active_between(None, int(value))

    def filter_currency(self, queryset, name, currency):
        """Projects with money stated in the currency; with a budget range, the range decides
        (it converts other currencies)."""
        if self.form.cleaned_data.get("budget_min") is not None:
            return queryset
        if self.form.cleaned_data.get("budget_max") is not None:
            return queryset
        lines = FundingLine.objects.filter(currency=currency)
        return queryset.filter(pk__in=lines.values("project_id"))

    def filter_budget(self, queryset, name, value):
        """The range is in the chosen currency: a project funded in another currency counts
        with its budget converted at its start year's annual average rate."""
        currency = self.form.cleaned_data.get("currency")
        lookup = "gte" if name == "budget_min" else "lte"
        return queryset.with_budget_in_range(currency, lookup, value)

    # --- Ordering ----------------------------------------------------------------------------

    def filter_display(self, queryset, name, value):
        return queryset  # changes how amounts are shown, not which projects

    def filter_sort(self, queryset, name, value):
        return queryset  # applied last, in `qs`, so it also orders unfiltered lists

    @property
    def sort_order(self) -> str:
        """The order asked for; by default the most relevant first for a search, else the
        newest first."""
        valid = self.is_bound and self.form.is_valid()
        sort = self.form.cleaned_data.get("sort") if valid else None
        if sort == SortOrder.RELEVANCE or not sort:
            has_words = bool(self.text_query().query.groups)
            return SortOrder.RELEVANCE if has_words else SortOrder.NEWEST
        return sort

    def order(self, queryset, language: str):
        """The list's order. Each is an index scan on PostgreSQL (see the indexes of Project
        and ProjectBudget), so a page of the newest, latest-starting, largest or A-Z projects
        is read without sorting every match."""
        sort = self.sort_order
        if sort == SortOrder.RELEVANCE:
            return self._by_relevance(queryset)
        if sort == SortOrder.START:
            return queryset.order_by(F("start_date").desc(nulls_last=True), "-created_at", "pk")
        if sort == SortOrder.BUDGET:
            currency = self.form.cleaned_data.get("currency") if self.form.is_valid() else None
            queryset = queryset.with_budget(currency)
            if currency:
                return queryset.order_by(F("budget_amount").desc(nulls_last=True), "pk")
            return queryset.order_by(
                F("headline_currency").asc(nulls_last=True),
                F("headline_amount").desc(nulls_last=True),
                "pk",
            )
        if sort == SortOrder.TITLE:
            return queryset.order_by(collation.collated(f"title_{language}", language), "pk")
        return queryset.order_by("-created_at", "pk")

    def page_ids(self, ordered, start: int, stop: int) -> list[int]:
        """The ids of rows start..stop of the list in its order (`ordered`: self.order's
        queryset)."""
        ids = self._title_matches_first(start, stop)
        return ids if ids is not None else list(ordered.values_list("pk", flat=True)[start:stop])

    def _title_matches_first(self, start: int, stop: int) -> list[int] | None:
        """A first page of a relevance-ordered search, from the projects whose titles or
        organisations hold the words (few, even for a word most projects contain), without
        ordering every match: "Казахстан" matches nearly all projects, and putting them all in
        order cost a quarter of a second at 100,000. The page is theirs when enough of them
        pass the other filters and each is confirmed to match the whole query; else None.
        PostgreSQL only, and not for exclusions (a title can match while the text does not)."""
        query = self.text_query().query
        if (
            stop > TITLE_MATCHES_FIRST_DEPTH
            or self.sort_order != SortOrder.RELEVANCE
            or query.excluded
            or connections[self.queryset.db].vendor != "postgresql"
        ):
            return None
        using = self.queryset.db
        others = self.filter_queryset_except(self.queryset, "q")
        in_titles = TestedRowByRow(Q(pk__in=self._title_matches()))
        first = others.filter(in_titles).order_by("-created_at", "pk")
        ids = list(first.values_list("pk", flat=True)[:stop])
        if len(ids) < stop or search.confirmed_matches(ids, query, using=using) != set(ids):
            return None
        return ids[start:stop]

    def _by_relevance(self, queryset):
        """Projects whose titles or organisations hold every word first, then the rest;
        newest first within each."""
        in_titles = self._title_matches()
        ranked = queryset.annotate(
            title_match=Case(When(pk__in=in_titles, then=Value(1)), default=Value(0))
        )
        return ranked.order_by("-title_match", "-created_at", "pk")

    def _title_matches(self):
        """The ids of the projects whose titles or organisations hold the words searched for
        (exclusions aside), as a subquery: what relevance puts first."""
        words = search.Query(groups=self.text_query().query.groups)
        return search.matching_ids(words, column="head_vector", using=self.queryset.db)

    def active_filters(self) -> list[str]:
        """The narrowing filters this search uses (none for an invalid form)."""
        if not self.form.is_valid():
            return []
        return [
            name for name in self.NARROWING if self.form.cleaned_data.get(name) not in (None, "")
        ]

    def cache_key(self) -> str:
        """The narrowing filters' values, written the same way for the same search (the words
        of `q` as search.py reads them, in any order)."""
        parts = []
        for name in self.active_filters():
            value = self.form.cleaned_data[name]
            if name == "q":
                value = search.parse(value).key()
            parts.append((name, str(value)))
        return urlencode(parts)

    def filter_queryset_except(self, queryset, excluded: str | None):
        """The queryset with every valid narrowing filter applied except `excluded` (for facet
        counts: how many projects each choice of that filter would give)."""
        for name in self.NARROWING:
            value = self.form.cleaned_data.get(name)
            if value in (None, "") or name in filter_group(excluded or ""):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset


class InvalidFilters(ValueError):
    """The query string's filters do not validate; `errors` says which and why."""

    def __init__(self, errors: dict):
        super().__init__("invalid filters")
        self.errors = errors

    def lines(self) -> list[str]:
        """ "field: message", one line per error (plain-text answers)."""
        return [
            f"{name}: {error['message']}" for name, found in self.errors.items() for error in found
        ]


def published_projects_matching(params):
    """Published projects matching the project list's filters (the `q`, `place`, `donor`, ...
    query parameters), in the list's order. Exports, feeds and the API share this, so every
    list a visitor can filter can be downloaded as it is. Raises InvalidFilters."""
    from django.utils import translation

    project_filter = published_search(params)
    return project_filter.order(project_filter.qs, translation.get_language())


def published_search(params) -> ProjectFilter:
    """The validated filter of the query parameters over published projects; raises
    InvalidFilters."""
    from .models import Project

    project_filter = ProjectFilter(params, queryset=Project.objects.published())
    if not project_filter.is_valid():
        raise InvalidFilters(project_filter.form.errors.get_json_data())
    return project_filter
