"""The figures of a search, counted in SQL (projects/aggregates.py), are what counting the same
projects one by one gives: checked on a varied generated data set for many filter combinations,
on SQLite and on PostgreSQL."""

import datetime
import random
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects import aggregates, caching, indexing
from projects.filters import ProjectFilter, filter_group
from projects.models import (
    FundingLine,
    Organization,
    Participation,
    Project,
    project_status,
)
from projects.places import PlaceTree

from .factories import make_organization, make_place, make_project

pytestmark = pytest.mark.django_db

CURRENCIES = ["EUR", "USD", "KZT"]
QUALIFIERS = ["exact", "exact", "exact", "more_than", "up_to", "about"]


@pytest.fixture
def dataset(db):
    """40 projects over a small tree of places, with random donors, partners, money and
    dates (a fixed seed, so a failure can be reproduced)."""
    with indexing.batch():  # one rebuild of the derived rows, at the end
        return _make_dataset(random.Random(20261201))  # noqa: S311 (test data, not secrets)


def _make_dataset(rng):
    land = make_place("agg-land", kind="country")
    other_land = make_place("agg-other-land", kind="country")
    regions = [make_place(f"agg-region-{n}", kind="region", parent=land) for n in range(3)]
    capital = make_place("agg-capital", kind="city", parent=land)  # a region in its own right
    towns = [make_place(f"agg-town-{n}", kind="town", parent=regions[n % 3]) for n in range(6)]
    abroad = make_place("agg-abroad", kind="city", parent=other_land)
    places = [land, other_land, *regions, capital, *towns, abroad]
    donors = [make_organization(f"agg-donor-{n}", kind="donor_agency") for n in range(3)]
    partners = [make_organization(f"agg-ngo-{n}") for n in range(5)]
    for index in range(40):
        start = datetime.date(2010 + rng.randrange(12), rng.randrange(1, 13), 1)
        end = start + datetime.timedelta(days=rng.randrange(200, 2000))
        dates = rng.choice([(start, end), (start, end), (start, None), (None, end), (None, None)])
        project = make_project(
            f"agg-{index:02d}",
            title_ru=rng.choice(["Права человека", "Вода", "Образование"]) + f" {index}",
            original_language=rng.choice(["ru", "ru", "kk", "en"]),
            published=index % 13 != 0,
            start_date=dates[0],
            start_precision="day" if dates[0] else "unknown",
            end_date=dates[1],
            end_precision="day" if dates[1] else "unknown",
        )
        project.places.set(rng.sample(places, rng.randrange(0, 4)))
        for partner in rng.sample(partners, rng.randrange(0, 3)):
            # Sometimes two roles in one project: it still counts once.
            roles = rng.sample(
                ["lead_implementer", "co_implementer", "partner"], rng.randrange(1, 3)
            )
            for role in roles:
                Participation.objects.create(project=project, organization=partner, role=role)
        for donor in rng.sample(donors, rng.randrange(0, 3)):
            Participation.objects.create(project=project, organization=donor, role="donor")
            for _ in range(rng.randrange(0, 3)):
                FundingLine.objects.create(
                    project=project,
                    donor=donor,
                    amount=Decimal(rng.randrange(1, 10_000)) * 100,
                    currency=rng.choice(CURRENCIES),
                    kind="donor_contribution",
                    qualifier=rng.choice(QUALIFIERS),
                )
        if rng.random() < 0.3:
            FundingLine.objects.create(
                project=project,
                amount=Decimal(rng.randrange(1, 10_000)) * 1000,
                currency=rng.choice(CURRENCIES),
                kind="total",
            )
    return {"donors": donors, "partners": partners, "regions": regions}


# --- Counting one project at a time -----------------------------------------------------------


def one_by_one(projects, tree: PlaceTree):
    """The figures of a queryset, counted in Python over its projects."""
    today = timezone.localdate()
    rows = list(projects.order_by().prefetch_related("places", "participations", "funding_lines"))
    counted = {name: defaultdict(int) for name in aggregates.FACETS}
    money = {"donations": {}, "by_start_year": {}, "by_region": {}, "several_regions": {}}
    unfunded = defaultdict(int)
    for project in rows:
        within = {pk for place in project.places.all() for pk in tree.with_ancestors(place.pk)}
        for pk in within:
            counted["place"][pk] += 1
        roles = [(p.organization_id, p.role) for p in project.participations.all()]
        for organization in {org for org, role in roles if role == "donor"}:
            counted["donor"][organization] += 1
        for organization in {org for org, role in roles if role != "donor"}:
            counted["organization"][organization] += 1
        counted["status"][project_status(project.start_date, project.end_date, today)] += 1
        first, last = project.start_date or project.end_date, project.end_date or project.start_date
        if first:
            for year in range(first.year, last.year + 1):
                counted["year"][year] += 1
        for currency in {line.currency for line in project.funding_lines.all()}:
            counted["currency"][currency] += 1
        counted["language"][project.original_language] += 1
        contributions = [
            line for line in project.funding_lines.all() if line.kind == "donor_contribution"
        ]
        start_year = project.start_date.year if project.start_date else None
        regions = {tree.region_of(place.pk) for place in project.places.all()} - {None}
        for line in contributions:
            add(money["donations"], (line.currency, line.donor_id), project.pk, line)
            add(money["by_start_year"], (line.currency, start_year), project.pk, line)
            if len(regions) > 1:  # not split between its regions
                add(money["several_regions"], (line.currency, None), project.pk, line)
            else:
                region = next(iter(regions), None)
                add(money["by_region"], (line.currency, region), project.pk, line)
        if not contributions:
            unfunded[start_year] += 1
    return len(rows), {name: dict(counts) for name, counts in counted.items()}, money, unfunded


def add(table, key, project_id, line):
    projects, amount, by_qualifier = table.get(key, (set(), Decimal(0), defaultdict(Decimal)))
    projects.add(project_id)
    by_qualifier[line.qualifier] += line.amount
    table[key] = (projects, amount + line.amount, by_qualifier)


def as_money(table) -> dict:
    """The sums per qualifier, in the order pages list them: exact, about, more than, up to."""
    order = ["exact", "about", "more_than", "up_to"]
    return {
        key: (len(projects), amount, [(q, by_qualifier[q]) for q in order if by_qualifier.get(q)])
        for key, (projects, amount, by_qualifier) in table.items()
    }


def sql_money(rows) -> dict:
    return {
        (currency, key): (figure.projects, figure.amount, [(str(q), a) for q, a in figure.parts])
        for currency, key, figure in rows
    }


QUERIES = [
    {},
    {"donor": "agg-donor-0"},
    {"place": "agg-region-1"},
    {"place": "agg-land", "donor": "agg-donor-1"},
    {"q": "права"},
    {"status": "completed", "year": "2015"},
    {"currency": "USD"},
    {"budget_min": "500000", "currency": "EUR"},
    {"language": "ru", "organization": "agg-ngo-2", "sort": "budget"},
]


@pytest.mark.parametrize("params", QUERIES, ids=lambda params: "&".join(params) or "all")
def test_sql_figures_are_the_counts_of_the_matching_projects(dataset, params):
    tree = PlaceTree.load()
    base = Project.objects.published()
    project_filter = ProjectFilter(QueryDict(mutable=True) | params, queryset=base)
    assert project_filter.is_valid(), project_filter.errors
    figures = aggregates.search_figures(project_filter, base, version=caching.data_version())
    count, counted, money, unfunded = one_by_one(project_filter.qs, tree)
    assert figures.count == count > 0
    assert figures.status == counted["status"]
    assert sql_money(figures.donations) == as_money(money["donations"])
    assert sql_money(figures.by_start_year) == as_money(money["by_start_year"])
    assert sql_money(figures.by_region) == as_money(money["by_region"])
    assert sql_money(figures.several_regions) == as_money(money["several_regions"])
    assert figures.unfunded_by_start_year == dict(unfunded)
    for facet in aggregates.FACETS:
        # A facet counts the search without its own filter (the budget with its currency).
        own = filter_group(facet)
        without = {key: value for key, value in params.items() if key not in own}
        facet_filter = ProjectFilter(QueryDict(mutable=True) | without, queryset=base)
        assert facet_filter.is_valid()
        expected = one_by_one(facet_filter.qs, tree)[1][facet]
        assert figures.facets[facet] == expected, facet


def test_places_count_projects_in_them_and_projects_naming_them(dataset):
    tree = PlaceTree.load()
    figures = aggregates.figures_of(Project.objects.published())
    land = tree.id_of_slug["agg-land"]
    within, named = figures.places[land]
    published = Project.objects.published()
    assert within == published.filter(places__in=tree.with_descendants(land)).distinct().count()
    assert named == published.filter(places=land).count()


def test_the_unfiltered_figures_are_cached_until_the_data_changes(dataset):
    base = Project.objects.published()
    version = caching.data_version()
    first = aggregates.unfiltered_figures(base, version=version)
    with CaptureQueriesContext(connection) as again:
        cached = aggregates.unfiltered_figures(base, version=version)
    assert len(again) == 0 and cached.count == first.count
    make_project("agg-new")
    version = caching.data_version()
    fresh = aggregates.unfiltered_figures(base, version=version)
    assert fresh.count == first.count + 1


def test_one_statement_holds_every_figure_of_a_filtered_search(dataset):
    base = Project.objects.published()
    version = caching.data_version()
    aggregates.unfiltered_figures(base, version=version)
    params = QueryDict(mutable=True) | {"place": "agg-land", "donor": "agg-donor-1", "q": "вода"}
    project_filter = ProjectFilter(params, queryset=base)
    assert project_filter.is_valid()
    project_filter.text_query()  # the names a query may name: read once per data version
    with CaptureQueriesContext(connection) as statements:
        aggregates.search_figures(project_filter, base, version=version)
    assert len(statements) == 1
    assert statements[0]["sql"].startswith("WITH m AS")


def test_a_search_asked_again_is_not_counted_again_until_the_data_changes(dataset):
    base = Project.objects.published()

    def figures_for(params):
        project_filter = ProjectFilter(QueryDict(mutable=True) | params, queryset=base)
        assert project_filter.is_valid()
        with CaptureQueriesContext(connection) as statements:
            figures = aggregates.search_figures(
                project_filter, base, version=caching.data_version()
            )
        return figures, [q for q in statements if q["sql"].startswith("WITH")]

    first, counted = figures_for({"q": "Права человека", "donor": "agg-donor-0"})
    assert len(counted) == 1
    # The same words in another case and order, and a different sort: the same search.
    again, counted = figures_for({"q": "человека ПРАВА", "donor": "agg-donor-0", "sort": "title"})
    assert counted == [] and again.count == first.count
    donor = Organization.objects.get(slug="agg-donor-0")
    Participation.objects.create(
        project=make_project("agg-late", title_ru="Права человека"), organization=donor,
        role="donor",
    )  # fmt: skip
    fresh, counted = figures_for({"q": "права человека", "donor": "agg-donor-0"})
    assert len(counted) == 1 and fresh.count == first.count + 1
