"""The JSON API: the public list's filters, full records, JSON errors, bounded queries, and an
OpenAPI document that the API is fuzzed against.

Paths are written out on purpose: /api/... is a published contract, not an internal name.
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import hypothesis
import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from projects.models import Contact, FundingLine, Participation, Place, Project
from registry.wsgi import application

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db

S000 = "human-rights-communication-information-governance"
S001 = "transnational-civil-society-coalition-central-asia"
S002 = "monitoring-state-development-programmes-civil-society"
S003 = "us-support-civil-society-human-rights-kazakhstan"
S004 = "active-local-stakeholder-participation-east-central-kazakhstan"
SEEDS = Path(django_settings.BASE_DIR) / "seeds"

API_PATHS = {
    "/api/projects/",
    "/api/projects/{slug}/",
    "/api/organizations/",
    "/api/organizations/{slug}/",
    "/api/donors/",
    "/api/places/",
    "/api/places/{slug}/",
}


def get_json(client, path, params=None, status=200):
    response = client.get(path, params or {})
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def ids(page) -> list[str]:
    return [record["id"] for record in page["results"]]


def public_list_slugs(client, params, language="ru") -> list[str]:
    with translation.override(language):
        url = reverse("projects:project-list")
    response = client.get(url, params)
    assert response.status_code == 200
    return [project.slug for project in response.context["projects"]]


# --- The project list -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"place": "pavlodar"}, {S000, S002}),
        ({"donor": "usaid"}, {S003}),
        ({"organization": "local-government-development-centre"}, {S000}),
        ({"organization": "local-government-development-centre-2"}, {S004}),
        ({"year": "2015"}, {S001}),
        ({"language": "kk"}, {S002, S004}),
        ({"q": "ПАВЛОДАР"}, {S000, S002}),
        ({"currency": "USD", "budget_min": "1000000"}, {S003}),
    ],
)
def test_filters_find_the_seed_projects(client, seeded_db, params, expected):
    page = get_json(client, "/api/projects/", params)
    assert set(ids(page)) == expected
    assert page["count"] == len(expected)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"place": "karaganda-region"},
        {"donor": "european-union", "sort": "title"},
        {"organization": "usaid"},
        {"status": "completed"},
        {"year": "2018", "sort": "start"},
        {"currency": "EUR", "budget_max": "450000", "sort": "budget"},
        {"language": "ru", "q": "эхо"},
    ],
)
def test_the_list_answers_as_the_public_list_in_the_same_order(client, seeded_db, params):
    api_ids = ids(get_json(client, "/api/projects/", params))
    assert api_ids == public_list_slugs(client, params)


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_sorting_by_title_follows_the_accept_language_header(client, seeded_db, language):
    params = {"sort": "title"}
    response = client.get("/api/projects/", params, HTTP_ACCEPT_LANGUAGE=language)
    assert ids(response.json()) == public_list_slugs(client, params, language)


def test_list_rows_carry_the_headline_budget_and_the_organisations(client, seeded_db):
    page = get_json(client, "/api/projects/", {"donor": "usaid"})
    [row] = page["results"]
    assert row["budget"] == {"amount": "1500000.00", "currency": "USD", "qualifier": "more_than"}
    assert {p["organization"]["id"] for p in row["participations"]} == {
        "usaid",
        "u-s-department-of-state",
        "united-states-of-america",
        "bureau-of-democracy-human-rights-and-labor",
    }
    assert row["url"]["en"] == f"http://testserver/en/projects/{S003}/"


# --- Pagination -----------------------------------------------------------------------------


def test_pages_link_to_their_neighbours_and_keep_the_filters(client, seeded_db):
    first = get_json(client, "/api/projects/", {"donor": "european-union", "page_size": 3})
    assert (first["count"], first["page"], first["page_size"]) == (4, 1, 3)
    assert first["previous"] is None
    link = urlsplit(first["next"])
    assert link.path == "/api/projects/"
    assert parse_qs(link.query) == {
        "donor": ["european-union"],
        "page_size": ["3"],
        "page": ["2"],
    }

    second = get_json(client, first["next"])
    assert second["next"] is None
    assert parse_qs(urlsplit(second["previous"]).query)["page"] == ["1"]
    assert len(ids(first)) == 3 and len(ids(second)) == 1
    assert set(ids(first) + ids(second)) == {S000, S001, S002, S004}


def test_a_page_past_the_last_is_a_json_404_naming_the_page(client, seeded_db):
    body = get_json(client, "/api/projects/", {"page": 3, "page_size": 3}, status=404)
    assert body["errors"]["page"][0]["code"] == "no_page"
    assert "2" in body["errors"]["page"][0]["message"]


def test_an_empty_list_is_one_empty_page(client, seeded_db):
    page = get_json(client, "/api/projects/", {"donor": "usaid", "year": "1991"})
    assert page == {
        "count": 0,
        "page": 1,
        "page_size": 20,
        "next": None,
        "previous": None,
        "results": [],
    }


# --- Errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/projects/", {"place": "abc"}, "place"),
        ("/api/projects/", {"donor": "no-such-donor"}, "donor"),
        ("/api/projects/", {"year": "-1"}, "year"),
        ("/api/projects/", {"year": "abc"}, "year"),
        ("/api/projects/", {"budget_min": "1e309", "currency": "EUR"}, "budget_min"),
        ("/api/projects/", {"budget_min": "-5", "currency": "EUR"}, "budget_min"),
        ("/api/projects/", {"budget_min": "10"}, "currency"),
        ("/api/projects/", {"budget_min": "9", "budget_max": "1", "currency": "EUR"}, "budget_max"),
        ("/api/projects/", {"status": "lost"}, "status"),
        ("/api/projects/", {"currency": "XXXX"}, "currency"),
        ("/api/projects/", {"q": "x" * 201}, "q"),
        ("/api/projects/", {"q": "nul\x00"}, "q"),
        ("/api/projects/", {"page": "0"}, "page"),
        ("/api/projects/", {"page_size": "1000"}, "page_size"),
        ("/api/organizations/", {"role": "chief"}, "role"),
        ("/api/places/", {"parent": "nowhere"}, "parent"),
        ("/api/places/", {"parent": "not a slug"}, "parent"),
        ("/api/donors/", {"page_size": "0"}, "page_size"),
    ],
)
def test_bad_parameters_are_a_json_400_naming_them(client, seeded_db, path, params, field):
    body = get_json(client, path, params, status=400)
    assert body["detail"]
    assert field in body["errors"]
    for problem in body["errors"][field]:
        assert problem["message"] and problem["code"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/projects/no-such-project/",
        "/api/projects/Алматы/",
        "/api/organizations/no-such-organisation/",
        "/api/places/atlantis/",
    ],
)
def test_unknown_records_are_a_json_404(client, seeded_db, path):
    assert get_json(client, path, status=404) == {
        "detail": "There is no such record.",
        "errors": {},
    }


def test_drafts_are_a_404_and_stay_out_of_every_list(client, seeded_db):
    draft = make_project("secret-draft", published=False)
    insider = make_organization("draft-only-ngo")
    Participation.objects.create(project=draft, organization=insider, role="lead_implementer")
    make_funding(draft, donor=make_organization("draft-only-donor"), amount="5")

    get_json(client, "/api/projects/secret-draft/", status=404)
    get_json(client, "/api/organizations/draft-only-ngo/", status=404)
    assert "secret-draft" not in ids(get_json(client, "/api/projects/", {"page_size": 100}))
    organizations = ids(get_json(client, "/api/organizations/", {"page_size": 100}))
    assert "draft-only-ngo" not in organizations
    assert "draft-only-donor" not in ids(get_json(client, "/api/donors/", {"page_size": 100}))


def test_the_api_only_reads(client, seeded_db):
    assert client.post("/api/projects/", {}).status_code == 405
    assert client.delete(f"/api/projects/{S000}/").status_code == 405


# --- Records --------------------------------------------------------------------------------


def test_the_project_record_has_every_fact_in_three_languages(client, seeded_db):
    record = get_json(client, f"/api/projects/{S000}/")
    assert record["id"] == S000
    assert record["url"] == {
        language: f"http://testserver/{language}/projects/{S000}/"
        for language in ("ru", "kk", "en")
    }
    assert record["title"] == {
        "ru": "Права человека: коммуникация, информация, управление",
        "kk": "Адам құқықтары: коммуникация, ақпарат, басқару",
        "en": "Human Rights: Communication, Information, Governance",
    }
    assert record["objectives"]["en"].startswith("The project's main goal")
    assert record["results"] == {"ru": None, "kk": None, "en": None}
    assert (record["start"], record["start_precision"]) == ("2012-11", "month")
    assert (record["duration_months"], record["status"]) == (24, "completed")
    assert (record["original_language"], record["contract_number"]) == ("ru", None)
    assert record["participations"][0] == {
        "organization": {
            "id": "echo",
            "name": {
                "ru": "Общественное объединение «Эхо»",
                "kk": "«Эхо» қоғамдық бірлестігі",
                "en": "Public Association Echo",
            },
        },
        "role": "lead_implementer",
    }
    [line] = record["funding"]
    assert {key: line[key] for key in ("donor", "amount", "currency", "kind", "qualifier")} == {
        "donor": "european-union",
        "amount": "213793.00",
        "currency": "EUR",
        "kind": "donor_contribution",
        "qualifier": "exact",
    }
    # What the release says of the programme, and nothing it does not (no "EIDHR").
    assert "created by decision of the European Parliament in 1994" in line["note"]["en"]
    assert "EIDHR" not in line["note"]["en"]
    evidence = {row["fact"]: row for row in record["evidence"]}
    stated = evidence["funding:european-union:213793:EUR:donor_contribution:exact"]
    [source] = record["sources"]
    assert stated["source_sha256"] == source["sha256"]
    assert source["text"][stated["start"] : stated["end"]] == stated["quote"]
    assert stated["quote"] == "Вклад Европейского Союза составляет 213 793 евро"
    assert source["dateline"] == "АСТАНА"
    places = {place["id"]: place for place in record["places"]}
    assert len(places) == 16
    assert places["pavlodar"]["region"] == "pavlodar-region"
    assert places["pavlodar"]["name"]["kk"] == "Павлодар"
    # A city of republican significance is a region of its own (PlaceTree.region_of).
    assert places["almaty"]["region"] == "almaty"
    assert record["contacts"][0]["emails"] == ["plobachev@mail.ru"]
    assert record["contacts"][0]["organization"] == "echo"


def test_the_source_text_is_given_word_for_word(client, seeded_db):
    [source] = get_json(client, f"/api/projects/{S000}/")["sources"]
    assert source["file_name"] == "000_b181058ddafe2ef1.txt"
    assert (source["language"], source["published"]) == ("ru", "2012-11-05")
    assert source["text"] == (SEEDS / "000_b181058ddafe2ef1.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("slug", "start", "end"),
    [
        (S004, ("2017-02", "month"), ("2020-01", "month")),
        (S001, ("2014-04-01", "day"), ("2016-09", "month")),
    ],
)
def test_dates_keep_their_precision(client, seeded_db, slug, start, end):
    record = get_json(client, f"/api/projects/{slug}/")
    assert (record["start"], record["start_precision"]) == start
    assert (record["end"], record["end_precision"]) == end
    assert record["status"] == "completed"


def test_organizations_list_only_those_in_published_projects(client, seeded_db):
    make_organization("nobody-in-particular")
    page = get_json(client, "/api/organizations/", {"page_size": 100})
    assert "nobody-in-particular" not in ids(page)
    assert page["count"] == len(page["results"]) > 10
    donors = get_json(client, "/api/organizations/", {"role": "donor"})
    assert ids(donors) == [
        "bureau-of-democracy-human-rights-and-labor",
        "european-union",
        "u-s-department-of-state",
        "united-states-of-america",
        "usaid",
    ]
    ngos = get_json(client, "/api/organizations/", {"kind": "ngo", "page_size": 100})
    assert "echo" in ids(ngos) and "european-union" not in ids(ngos)


def test_the_organization_record_lists_its_projects_by_role(client, seeded_db):
    record = get_json(client, "/api/organizations/local-government-development-centre/")
    assert record["projects_by_role"] == {"partner": [S000]}
    assert record["project_counts"] == {"partner": 1}
    assert record["donor_totals"] == []
    assert record["projects_url"].endswith(
        "/api/projects/?organization=local-government-development-centre"
    )
    european_union = get_json(client, "/api/organizations/european-union/")
    assert sorted(european_union["projects_by_role"]["donor"]) == sorted([S000, S001, S002, S004])
    assert european_union["project_counts"] == {"donor": 4}
    assert european_union["projects_url"].endswith("/api/projects/?donor=european-union")
    assert european_union["donor_totals"] == [
        {"amount": "633793.00", "currency": "EUR", "qualifier": "exact"}
    ]


def test_an_organization_record_names_only_its_latest_projects_per_role(client, seeded_db):
    donor = make_organization("prolific-donor")
    for number in range(25):
        make_funding(make_project(f"funded-{number:02d}", start_date=f"20{number:02d}-01-01",
                                  start_precision="year"), donor=donor)  # fmt: skip
    record = get_json(client, "/api/organizations/prolific-donor/")
    assert record["project_counts"] == {"donor": 25}
    assert record["projects_by_role"]["donor"] == [f"funded-{n:02d}" for n in range(24, 4, -1)]


def test_donors_have_a_total_per_currency_never_one_sum(client, seeded_db):
    donor = make_organization("two-currency-donor")
    for slug, amount, currency in [("a", "100", "EUR"), ("b", "50.5", "EUR"), ("c", "7", "USD")]:
        make_funding(make_project(f"funded-{slug}"), donor=donor, amount=amount, currency=currency)
    at_most = make_funding(make_project("funded-d"), donor=donor, amount="20", currency="EUR")
    FundingLine.objects.filter(pk=at_most.pk).update(qualifier="up_to")

    donors = {row["id"]: row for row in get_json(client, "/api/donors/")["results"]}
    assert donors["two-currency-donor"]["project_count"] == 4
    # "Up to 20" is not added to an exact 150.50: two totals, not "up to 170.50".
    assert donors["two-currency-donor"]["totals"] == [
        {"amount": "150.50", "currency": "EUR", "qualifier": "exact"},
        {"amount": "20.00", "currency": "EUR", "qualifier": "up_to"},
        {"amount": "7.00", "currency": "USD", "qualifier": "exact"},
    ]
    assert donors["usaid"]["totals"] == [
        {"amount": "800000.00", "currency": "USD", "qualifier": "up_to"}
    ]
    assert list(donors)[0] == "european-union"  # most projects first


def test_places_filter_by_kind_country_and_parent(client, seeded_db):
    regions = get_json(client, "/api/places/", {"kind": "region", "country": "KZ"})
    assert "pavlodar-region" in ids(regions)
    assert {row["kind"] for row in regions["results"]} == {"region"}
    inside = get_json(client, "/api/places/", {"parent": "pavlodar-region", "page_size": 100})
    assert "pavlodar" in ids(inside)
    assert {row["parent"] for row in inside["results"]} == {"pavlodar-region"}
    assert get_json(client, "/api/places/", {"country": "TJ", "kind": "city"})["count"] >= 1


def test_the_place_record_has_its_parents_and_the_projects_inside(client, seeded_db):
    pavlodar = get_json(client, "/api/places/pavlodar/")
    assert [place["id"] for place in pavlodar["ancestors"]] == ["kazakhstan", "pavlodar-region"]
    assert pavlodar["project_count"] == 2
    assert get_json(client, "/api/places/karaganda-region/")["project_count"] == 2
    assert get_json(client, "/api/places/kazakhstan/")["project_count"] == 5


# --- Query counts ---------------------------------------------------------------------------


def add_projects(count: int, offset: int) -> None:
    """Projects with a donor, a partner, a place and a contact each: everything a page shows."""
    region = Place.objects.filter(slug="counting-region").first()
    region = region or make_place("counting-region", kind="region")
    for number in range(offset, offset + count):
        project = make_project(f"counted-{number}")
        make_funding(project, donor=make_organization(f"counted-donor-{number}"))
        partner = make_organization(f"counted-partner-{number}")
        Participation.objects.create(project=project, organization=partner, role="partner")
        project.places.add(make_place(f"counted-place-{number}", parent=region))
        Contact.objects.create(project=project, name_en="Someone", organization=partner)


def queries_for(client, path, params) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        body = get_json(client, path, params)
    return len(queries), body


@pytest.mark.parametrize(
    ("path", "params", "at_most"),
    [
        # Every answer first reads the data version (it is cached under it); then:
        # count, the page's ids, its projects, then participations with organisations,
        # places, sources (for rate years)
        ("/api/projects/", {"page_size": 100}, 7),
        # and the place's existence
        ("/api/projects/", {"page_size": 100, "place": "counting-region"}, 8),
        # count, page, roles, project counts
        ("/api/organizations/", {"page_size": 100}, 5),
        # the data version, the place tree, the donors' counts (the unfiltered figures, cached
        # until the data changes), the donors, their totals
        ("/api/donors/", {"page_size": 100}, 5),
        # the parent's existence, count, page
        ("/api/places/", {"page_size": 100, "parent": "counting-region"}, 4),
    ],
)
def test_list_queries_do_not_grow_with_the_results(
    client, django_assert_max_num_queries, path, params, at_most
):
    add_projects(5, offset=0)
    with django_assert_max_num_queries(at_most):
        queries_for_few, few = queries_for(client, path, params)
    add_projects(25, offset=5)
    queries_for_many, many = queries_for(client, path, params)
    assert many["count"] >= few["count"] + 25
    assert queries_for_many == queries_for_few


def test_record_queries_do_not_grow_with_the_record(client, django_assert_max_num_queries):
    add_projects(1, offset=0)
    queries_for_small, small = queries_for(client, "/api/projects/counted-0/", None)
    project = Project.objects.get(slug="counted-0")
    for number in range(30):
        make_funding(project, donor=make_organization(f"extra-donor-{number}"))
        project.places.add(make_place(f"extra-place-{number}"))
        Contact.objects.create(project=project, name_en=f"Person {number}")
    # the data version, the project, then for_detail()'s prefetches (evidence and themes),
    # and the place tree, read again since places were added (once per process and version)
    with django_assert_max_num_queries(11):
        queries_for_large, large = queries_for(client, "/api/projects/counted-0/", None)
    assert len(large["funding"]) == len(small["funding"]) + 30
    assert queries_for_large == queries_for_small


# --- The OpenAPI document -------------------------------------------------------------------


def test_the_openapi_document_is_valid_and_describes_every_operation(client):
    document = get_json(client, "/api/openapi.json")
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Grant-project registry API"
    assert document["info"]["version"]
    assert set(document["paths"]) == API_PATHS
    schemathesis.openapi.from_dict(document).validate()  # against the OpenAPI meta-schema
    for path, operations in document["paths"].items():
        assert set(operations) == {"get"}, path
        operation = operations["get"]
        assert operation["summary"] and operation["description"], path
        assert "400" in operation["responses"] or "{slug}" in path
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), (path, parameter["name"])


def test_the_documented_paths_are_the_served_ones(client, seeded_db):
    sample_slugs = {"projects": S000, "organizations": "echo", "places": "pavlodar"}
    for path in get_json(client, "/api/openapi.json")["paths"]:
        collection = path.split("/")[2]
        served = path.replace("{slug}", sample_slugs.get(collection, "{slug}"))
        assert client.get(served).status_code == 200, served


# --- Fuzzing the API against its own document -----------------------------------------------


# schemathesis calls the WSGI application in-process, as "localhost". The document is loaded
# at import: schemathesis.pytest.from_fixture() reads Node._nodeid, which pytest 9 removed.
WSGI_HOST = "localhost"
with override_settings(ALLOWED_HOSTS=[WSGI_HOST]):
    fuzzed_schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def connections_kept_open():
    """registry.wsgi.application closes "old" database connections around each request, which
    would end the test's transaction (on PostgreSQL); keep them open, as Django's test client
    does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def wsgi_host_allowed(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, WSGI_HOST]


# positive_data_acceptance is left out on purpose: a well-formed but unknown slug (place=abc)
# is a documented 400, as on the public list.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@fuzzed_schema.parametrize()
@hypothesis.settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_every_answer_matches_the_document_and_none_is_a_server_error(
    case, seeded_db, connections_kept_open, wsgi_host_allowed
):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.parametrize(
    ("path", "parameters"),
    [
        *[("/api/projects/{slug}/", {"slug": slug}) for slug in (S000, S001, S002, S003, S004)],
        ("/api/organizations/{slug}/", {"slug": "european-union"}),
        ("/api/organizations/{slug}/", {"slug": "akimat-of-nura-district"}),
        ("/api/places/{slug}/", {"slug": "pavlodar"}),
        ("/api/places/{slug}/", {"slug": "kazakhstan"}),
    ],
)
def test_real_records_match_the_document(
    seeded_db, connections_kept_open, wsgi_host_allowed, path, parameters
):
    """Random slugs only ever find nothing; the seeds' records must match the schema too."""
    case = fuzzed_schema[path]["GET"].Case(path_parameters=parameters)
    response = case.call_and_validate(checks=CHECKS)
    assert response.status_code == 200


def test_the_api_docs_page_loads_nothing_from_other_hosts(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
