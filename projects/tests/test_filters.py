"""The project list as a visitor uses it, on the five real seed projects."""

import re

import pytest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projects.models import Project

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db

S000 = "human-rights-communication-information-governance"
S001 = "transnational-civil-society-coalition-central-asia"
S002 = "monitoring-state-development-programmes-civil-society"
S003 = "us-support-civil-society-human-rights-kazakhstan"
S004 = "active-local-stakeholder-participation-east-central-kazakhstan"
ALL = {S000, S001, S002, S003, S004}


@pytest.fixture(autouse=True)
def _seeds(seeded_db):
    pass


def list_url(language="ru"):
    with translation.override(language):
        return reverse("projects:project-list")


def listed(client, page_language="ru", **params):
    response = client.get(list_url(page_language), params)
    assert response.status_code == 200
    return response, [project.slug for project in response.context["projects"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ALL),
        ({"place": "pavlodar"}, {S000, S002}),
        ({"place": "karaganda-region"}, {S000, S004}),  # Karaganda city and Nura district
        ({"place": "east-kazakhstan-region"}, {S000, S004}),  # Ust-Kamenogorsk, villages
        ({"place": "nura-district"}, {S004}),
        ({"place": "kazakhstan"}, ALL),
        ({"place": "tajikistan"}, {S001}),
        ({"donor": "usaid"}, {S003}),
        ({"donor": "european-union"}, {S000, S001, S002, S004}),
        ({"organization": "local-government-development-centre"}, {S000}),
        ({"organization": "local-government-development-centre-2"}, {S004}),
        ({"organization": "usaid"}, set()),  # a donor, not an implementer or partner
        ({"q": "павлодар"}, {S000, S002}),
        ({"q": "ПАВЛОДАР"}, {S000, S002}),
        ({"q": "эхо"}, {S000}),
        ({"q": "Nota Bene"}, {S001}),
        ({"q": "әкімдігі"}, {S004}),  # Kazakh words find Kazakh text
        ({"q": "human rights Kazakhstan"}, {S000, S001, S003}),
        ({"status": "completed"}, {S000, S001, S004}),
        ({"status": "unknown"}, {S002, S003}),
        ({"year": "2015"}, {S001}),
        ({"year": "2018"}, {S004}),
        ({"year": "2014"}, {S000, S001}),
        ({"year": "2012"}, {S000}),  # its start is the month of the release that says so
        ({"year_from": "2019"}, {S004}),  # active in 2019 or later
        ({"year_to": "2014"}, {S000, S001}),
        ({"year_from": "2015", "year_to": "2016"}, {S001}),
        ({"year_from": "2016", "year_to": "2017"}, {S001, S004}),
        ({"year_from": "2021"}, set()),
        ({"currency": "USD"}, {S003}),
        ({"budget_min": "400000", "currency": "EUR"}, {S004}),
        ({"budget_max": "300000", "currency": "EUR"}, {S000}),
        ({"budget_min": "1000000", "currency": "USD"}, {S003}),
        ({"language": "kk"}, {S002, S004}),
        ({"place": "pavlodar", "donor": "european-union", "language": "ru"}, {S000}),
    ],
)
def test_filters_find_what_a_visitor_expects(client, params, expected):
    _, slugs = listed(client, **params)
    assert set(slugs) == expected


def test_the_result_count_is_shown(client):
    response, _ = listed(client, page_language="en", place="pavlodar")
    assert "2 projects found" in response.content.decode()


def test_a_russian_word_finds_projects_on_the_kazakh_page(client):
    _, slugs = listed(client, page_language="kk", q="Десента")
    assert slugs == [S000]


@pytest.mark.parametrize(
    ("params", "expected_order"),
    [
        ({"sort": "budget", "currency": "EUR"}, [S004, S000]),
        ({"sort": "start"}, [S004, S001]),
    ],
)
def test_sorting(client, params, expected_order):
    _, slugs = listed(client, **params)
    assert slugs[: len(expected_order)] == expected_order


def test_sort_by_title_follows_the_page_language(client):
    for language in ("ru", "kk", "en"):
        response, _ = listed(client, page_language=language, sort="title")
        titles = [project.title.casefold() for project in response.context["projects"]]
        assert titles == sorted(titles), language


# --- Facets -----------------------------------------------------------------------------------


def facet_counts(response, name) -> dict[str, int]:
    return {option.value: option.count for option in response.context["facets"][name].options}


def test_place_facet_counts_projects_in_a_place_and_everything_inside_it(client):
    response, _ = listed(client)
    places = facet_counts(response, "place")
    assert places["kazakhstan"] == 5
    assert places["pavlodar"] == 2
    assert places["karaganda-region"] == 2
    assert places["tajikistan"] == 1
    assert "istanbul" not in places


def test_facets_count_what_each_choice_would_give_with_the_other_filters(client):
    response, slugs = listed(client, donor="european-union")
    assert facet_counts(response, "place")["pavlodar"] == 2
    assert "usaid" in facet_counts(response, "donor")  # its own facet ignores itself
    assert facet_counts(response, "donor")["usaid"] == 1
    assert sum(facet_counts(response, "status").values()) == len(slugs)
    assert sum(facet_counts(response, "language").values()) == len(slugs)


def test_facet_counts_add_up_and_match_the_results(client):
    response, slugs = listed(client)
    for name in ("status", "language"):
        assert sum(facet_counts(response, name).values()) == len(slugs) == 5
    for donor, count in facet_counts(response, "donor").items():
        _, donor_slugs = listed(client, donor=donor)
        assert len(donor_slugs) == count, donor
    for year, count in facet_counts(response, "year").items():
        _, year_slugs = listed(client, year=year)
        assert len(year_slugs) == count, year


def test_facet_options_show_their_counts_in_the_form(client):
    html = listed(client, page_language="en")[0].content.decode()
    assert re.search(r'<option value="usaid">[^<]*\(1\)</option>', html)
    assert re.search(r'<option value="pavlodar">[^<]*\(2\)</option>', html)


# --- Shareable state, pagination, no results --------------------------------------------------


def test_filters_stay_in_the_form_and_in_pagination_links(client):
    organisation = make_organization("many-donor", kind="donor_agency")
    place = make_place("many-city", parent=None)
    for index in range(25):
        project = make_project(f"extra-{index:02d}")
        project.places.add(place)
        make_funding(project, donor=organisation)
    response, slugs = listed(client, place="many-city", donor="many-donor")
    assert len(slugs) == 20
    html = response.content.decode()
    assert 'href="?place=many-city&amp;donor=many-donor&amp;page=2"' in html
    assert '<option value="many-city" selected>' in html
    page_two = client.get(list_url(), {"place": "many-city", "donor": "many-donor", "page": 2})
    assert len(page_two.context["projects"]) == 5
    assert client.get(list_url(), {"place": "many-city", "page": 3}).status_code == 404


def test_no_results_say_so_and_offer_to_clear(client):
    response, slugs = listed(client, page_language="en", q="no-such-word-anywhere")
    assert slugs == []
    html = response.content.decode()
    assert "No project matches these filters." in html
    assert f'href="{list_url("en")}">Clear all filters' in html


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"place": "abc"}, "place"),
        ({"donor": "<script>"}, "donor"),
        ({"year": "-1"}, "year"),
        ({"year": "twenty"}, "year"),
        ({"budget_min": "1e309", "currency": "EUR"}, "budget_min"),
        ({"budget_min": "100"}, "currency"),
        ({"budget_min": "500", "budget_max": "100", "currency": "EUR"}, "budget_max"),
        ({"currency": "XYZ"}, "currency"),
        ({"status": "' OR 1=1 --"}, "status"),
        ({"sort": "random"}, "sort"),
        ({"q": "x" * 500}, "q"),
    ],
)
def test_bad_values_mark_the_filter_invalid_instead_of_failing(client, params, field):
    response = client.get(list_url("en"), params)
    assert response.status_code == 200
    assert field in response.context["filter"].form.errors
    html = response.content.decode()
    assert "Some filters could not be used" in html
    if field not in ("sort", "currency", "status"):
        assert f'id="f-{field}-error"' in html
    assert "<script>" not in html


@pytest.mark.parametrize("page", ["999999", "abc", "-1", "0", "1e9"])
def test_pages_that_do_not_exist_are_404(client, page):
    assert client.get(list_url(), {"page": page}).status_code == 404


PARAMETERS = [
    "q", "place", "donor", "organization", "status", "year",
    "budget_min", "budget_max", "currency", "language", "sort", "page",
]  # fmt: skip
HOSTILE = st.sampled_from(
    ["", "0", "-1", "1e309", "NaN", "inf", "9" * 60, "' OR 1=1 --", "<b>x</b>", "%00",
     "pavlodar", "usaid", "EUR", "kk", "budget", "2015", "\x00", "ы" * 300, "1.5", " "]
)  # fmt: skip


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.sampled_from(PARAMETERS),
        st.one_of(HOSTILE, st.text(max_size=40)),
        max_size=5,
    )
)
def test_no_query_string_breaks_the_list(client, params):
    response = client.get(list_url("kk"), params)
    assert response.status_code in (200, 404)


# --- Drafts and speed -------------------------------------------------------------------------


def test_drafts_are_never_listed_or_counted(client):
    draft = make_project("secret-draft", published=False, title_ru="Павлодарский черновик")
    draft.places.add(*Project.objects.get(slug=S002).places.all())
    response, slugs = listed(client, q="павлодар")
    assert "secret-draft" not in slugs
    assert facet_counts(response, "place")["pavlodar"] == 2
    assert client.get(draft.get_absolute_url()).status_code == 404


def count_list_queries(client, params) -> int:
    """Queries of a list page once the data version's place tree and unfiltered figures are
    cached (the first request after a change reads them: two queries more)."""
    from django.db import connection

    assert client.get(list_url(), params).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(list_url(), params).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "params",
    [{}, {"place": "kazakhstan", "sort": "budget"}, {"q": "права", "donor": "european-union"}],
)
def test_list_queries_do_not_grow_with_the_number_of_projects(client, params):
    before = count_list_queries(client, params)
    eu = Project.objects.get(slug=S000).participations.get(role="donor").organization
    kazakhstan = Project.objects.get(slug=S003).places.get()
    for index in range(30):
        project = make_project(f"bulk-{index:02d}", title_ru="Права человека")
        project.places.add(kazakhstan)
        make_funding(project, donor=eu, amount=str(1000 + index))
    assert count_list_queries(client, params) == before
    assert before <= 25


# --- Year range -------------------------------------------------------------------------------


def test_the_year_range_offers_every_year_a_project_is_active(client):
    html = client.get(list_url("en")).content.decode()
    for name in ("year_from", "year_to"):
        select = re.search(rf'<select id="f-{name}" name="{name}">(.*?)</select>', html, re.S)
        years = re.findall(r'<option value="(\d{4})"', select.group(1))
        assert years == [str(year) for year in range(2012, 2021)], name


def test_the_chosen_years_stay_chosen_and_show_as_filters(client):
    response, slugs = listed(client, page_language="en", year_from="2016", year_to="2017")
    html = response.content.decode()
    assert '<option value="2016" selected>' in html
    assert '<option value="2017" selected>' in html
    assert "Active from year:</span> 2016" in html
    assert "Active until year:</span> 2017" in html


def test_a_year_range_backwards_is_a_form_error_not_a_500(client):
    response = client.get(list_url("en"), {"year_from": "2018", "year_to": "2015"})
    assert response.status_code == 200
    assert "The last year comes before the first." in response.content.decode()
    assert list(response.context["projects"]) == []


def test_the_year_facet_counts_without_the_year_range(client):
    """Choosing a range does not hide the other years' counts (facets leave out their own
    filter)."""
    response, _ = listed(client, page_language="en", year_from="2019")
    year_counts = {
        option.value: option.count for option in response.context["facets"]["year"].options
    }
    assert year_counts["2012"] == 1 and year_counts["2014"] == 2 and year_counts["2019"] == 1
