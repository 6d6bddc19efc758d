"""The map of a search (projects/maps.py): map.json, the no-JavaScript table of the map include
on the list, organisation and place pages, and the vendored country outlines."""

import html
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from projects import maps
from projects.models import Organization, Participation, Place
from projects.selectors import ProjectSearch

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "static"
KARAGANDA_RURAL_DISTRICTS = {
    "akmeshit-rural-district",
    "izendy-rural-district",
    "k-mynbayev-rural-district",
    "zharaspai-rural-district",
}


def map_url(language="en") -> str:
    with translation.override(language):
        return reverse("projects:project-map")


def get_map(client, params=None, language="en"):
    response = client.get(map_url(language), params or {})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def counts_of(entries) -> dict[str, int]:
    return {entry["slug"]: entry["project_count"] for entry in entries}


# --- map.json on the seeds --------------------------------------------------------------------


def test_the_public_address_is_stable():
    assert map_url("kk") == "/kk/projects/map.json"


def test_a_donor_search_maps_the_places_of_its_projects(client, seeded_db):
    data = get_map(client, {"donor": "usaid"})  # seed 003 works in Kazakhstan as a whole
    assert data["unmapped"] == []
    [kazakhstan] = data["places"]
    assert kazakhstan == {
        "slug": "kazakhstan",
        "name": "Kazakhstan",
        "kind": "country",
        "kind_label": "country",
        "area": "",
        "lat": 48.0,
        "lon": 68.0,
        "project_count": 1,
        "count_label": "1 project",
        "url": "/en/places/kazakhstan/",
        "list_url": "/en/projects/?donor=usaid&place=kazakhstan",
        "outline": "KZ",  # a country-wide project: the map fills Kazakhstan's outline
    }


def test_a_place_search_maps_the_places_inside_it(client, seeded_db):
    # Seed 000 works in Karaganda (among 15 other cities), seed 004 in Nura District.
    data = get_map(client, {"place": "karaganda-region"})
    assert counts_of(data["places"]) == {"karaganda": 1, "nura": 1}
    # Rural districts have no coordinates in the gazetteer: listed, without a marker.
    assert counts_of(data["unmapped"]) == dict.fromkeys(KARAGANDA_RURAL_DISTRICTS, 1)
    assert all("lat" not in entry for entry in data["unmapped"])
    nura = next(entry for entry in data["places"] if entry["slug"] == "nura")
    assert nura["area"] == "Nura District, Karaganda Region"
    # Seed 004 also works in East Kazakhstan: outside the search, so not on its map.
    assert "glubokoye" not in counts_of(data["places"])


@pytest.mark.parametrize("sort", ["", "budget", "title", "start"])
def test_the_whole_registry_counts_projects_per_place(client, seeded_db, sort):
    data = get_map(client, {"sort": sort})
    places = counts_of(data["places"])
    assert places["kazakhstan"] == 2  # seeds 001 and 003
    assert places["pavlodar"] == 2  # seeds 000 and 002
    assert places["pavlodar-region"] == 1
    assert {"tajikistan", "turkmenistan", "glubokoye", "belousovka"} <= set(places)
    assert len(places) == 23
    assert set(counts_of(data["unmapped"])) == KARAGANDA_RURAL_DISTRICTS | {
        "kozhokhovo-rural-district",
        "pervomaisky-rural-district",
        "volchansky-rural-district",
    }
    # The most projects first.
    assert [entry["project_count"] for entry in data["places"]][:2] == [2, 2]
    assert all(isinstance(entry["lat"], float) for entry in data["places"])


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_names_links_and_counts_follow_the_page_language(client, seeded_db, language):
    data = get_map(client, {"place": "pavlodar", "sort": "title", "page": "3"}, language)
    [pavlodar] = data["places"]
    assert pavlodar["name"] == getattr(Place.objects.get(slug="pavlodar"), f"name_{language}")
    assert pavlodar["url"] == f"/{language}/places/pavlodar/"
    # The same search narrowed to the place; the page number is dropped.
    assert pavlodar["list_url"] == f"/{language}/projects/?place=pavlodar&sort=title"
    with translation.override(language):
        expected = ngettext("%(count)d project", "%(count)d projects", 2) % {"count": 2}
    assert pavlodar["count_label"] == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"donor": "no-such-donor"}, "donor"),
        ({"place": "atlantis"}, "place"),
        ({"year": "soon"}, "year"),
        ({"budget_min": "1000"}, "currency"),
        ({"status": "lost"}, "status"),
    ],
)
def test_bad_filters_give_400_with_the_errors(client, seeded_db, params, field):
    response = client.get(map_url(), params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert field in response.json()["errors"]


def test_only_reads_are_allowed(client):
    assert client.post(map_url()).status_code == 405


# --- Queries ------------------------------------------------------------------------------------


def add_projects(count: int, offset: int) -> None:
    """Projects of one donor, each in a place of its own (with coordinates) and in a shared
    region."""
    region = Place.objects.filter(slug="mapped-region").first()
    region = region or make_place("mapped-region", kind="region")
    donor = Organization.objects.filter(slug="mapped-donor").first()
    donor = donor or make_organization("mapped-donor")
    for number in range(offset, offset + count):
        project = make_project(f"mapped-{number}")
        make_funding(project, donor=donor)
        partner = make_organization(f"mapped-partner-{number}")
        Participation.objects.create(project=project, organization=partner, role="partner")
        town = make_place(f"mapped-town-{number}", kind="town", parent=region)
        town.latitude, town.longitude = Decimal("45.1") + number, Decimal("70.2")
        town.save()
        project.places.add(town, region)


@pytest.mark.parametrize(
    ("params", "at_most"),
    [
        # the place tree, the counts per place, the places
        ({}, 3),
        # and the checks that the donor and the place exist, and (once per data version
        # and process) the names a query may name: organisations, theirs and places' aliases
        ({"donor": "mapped-donor", "place": "mapped-region", "q": "Project"}, 8),
    ],
)
def test_queries_do_not_grow_with_the_projects(
    client, django_assert_max_num_queries, params, at_most
):
    add_projects(5, offset=0)
    with django_assert_max_num_queries(at_most), CaptureQueriesContext(connection) as few:
        few_places = mapped_entries(get_map(client, params))
    add_projects(25, offset=5)
    with CaptureQueriesContext(connection) as many:
        many_places = mapped_entries(get_map(client, params))
    assert len(few_places) == 5 + 1 and len(many_places) == 30 + 1  # the towns and the region
    assert many_places["mapped-region"] == 30
    assert len(many) == len(few)


def test_the_list_builds_its_map_from_its_search_without_a_query(django_assert_num_queries):
    add_projects(3, offset=0)
    search = ProjectSearch.run(QueryDict("place=mapped-region"))
    with django_assert_num_queries(0):  # the search's figures hold the counts per place
        project_map = search.map()
    assert len(project_map.places) == 3


def mapped_entries(data) -> dict[str, int]:
    """The test's own places (the module's seeds may be loaded too)."""
    entries = counts_of(data["places"] + data["unmapped"])
    return {slug: count for slug, count in entries.items() if slug.startswith("mapped-")}


@pytest.mark.parametrize(
    ("page", "slug", "list_query"),
    [
        ("organization-detail", "usaid", {"donor": "usaid"}),
        ("organization-detail", "argo", {"organization": "argo"}),
        ("place-detail", "karaganda-region", {"place": "karaganda-region"}),
    ],
)
def test_the_map_of_an_organisation_or_a_place_is_that_of_its_list_query(
    client, seeded_db, page, slug, list_query
):
    with translation.override("en"):
        html = client.get(reverse(f"projects:{page}", args=[slug])).content.decode()
    section = map_section(html)
    listed = get_map(client, list_query)
    assert set(table_rows(section)) == set(counts_of(listed["places"] + listed["unmapped"]))
    assert 'data-map-url="/en/projects/map.json?' + next(iter(list_query)) in section


# --- The include: the table without JavaScript, the script's data attributes -----------------


def map_section(html: str) -> str:
    match = re.search(r'<section class="project-map".*?</section>', html, re.S)
    assert match, "no map on the page"
    return match.group(0)


def canvas_attribute(section: str, name: str) -> str:
    """An attribute of the map's canvas, as the browser reads it (entities decoded)."""
    match = re.search(rf'<div class="map-canvas"[^>]*?\s{name}="([^"]*)"', section, re.S)
    assert match, f"no {name} on the map"
    return html.unescape(match.group(1))


def table_rows(section: str) -> list[str]:
    return re.findall(r'<tr data-place="([^"]+)"', section)


def test_the_list_shows_the_places_as_a_table_for_visitors_without_javascript(
    client, seeded_db, settings
):
    settings.MAP_TILE_URL = ""
    html = client.get("/en/projects/", {"place": "karaganda-region", "page": "1"}).content.decode()
    section = map_section(html)
    assert set(table_rows(section)) == {"karaganda", "nura"} | KARAGANDA_RURAL_DISTRICTS
    assert "Nura District, Karaganda Region" in section
    assert 'href="/en/places/nura/"' in section
    assert 'href="/en/projects/?place=nura"' in section
    assert section.count("(not on the map)") == 4
    # The script reads the same search's map.json; tiles are off in this configuration.
    assert 'data-map-url="/en/projects/map.json?place=karaganda-region"' in section
    assert 'data-tile-url=""' in section
    assert 'aria-label="Map: where the projects of this search work"' in section
    include = html[html.index("vendor/leaflet/leaflet.css") : html.index("js/map.js") + 30]
    assert include.count("<script src=") == 3
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", include), "inline scripts break a CSP"


def test_the_tile_server_and_its_attribution_come_from_the_settings(client, seeded_db, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = '&copy; <a href="https://example.org/">Example</a>'
    section = map_section(client.get("/en/projects/").content.decode())
    assert canvas_attribute(section, "data-tile-url") == "https://tiles.example.org/{z}/{x}/{y}.png"
    # The script puts the credit in the map as HTML; the attribute holds it escaped.
    credit = canvas_attribute(section, "data-tile-attribution")
    assert credit == '&copy; <a href="https://example.org/">Example</a>'


@pytest.mark.parametrize(
    ("language", "credit"),
    [
        ("ru", 'участники <a href="https://www.openstreetmap.org/copyright">'),
        ("kk", "OpenStreetMap</a> қатысушылары"),
        ("en", "OpenStreetMap</a> contributors"),
    ],
)
def test_the_default_tile_credit_is_in_the_page_language(client, seeded_db, language, credit):
    with translation.override(language):
        html = client.get(reverse("projects:project-list")).content.decode()
    section = map_section(html)
    assert credit in canvas_attribute(section, "data-tile-attribution")
    if language != "en":
        assert "contributors" not in section


def test_no_map_when_nothing_matches_or_the_filters_are_bad(client, seeded_db):
    assert 'class="project-map"' not in client.get("/en/projects/?q=zzzzzz").content.decode()
    assert 'class="project-map"' not in client.get("/en/projects/?year=soon").content.decode()


@pytest.mark.parametrize(
    ("path", "query", "rows"),
    [
        ("/en/organizations/usaid/", "donor=usaid", ["kazakhstan"]),
        ("/en/organizations/argo/", "organization=argo", None),
        ("/en/places/karaganda-region/", "place=karaganda-region", ["karaganda", "nura"]),
    ],
)
def test_organisation_and_place_pages_map_their_projects(client, seeded_db, path, query, rows):
    section = map_section(client.get(path).content.decode())
    assert f'data-map-url="/en/projects/map.json?{query}"' in section
    data = get_map(client, dict([query.split("=")]))
    assert set(table_rows(section)) == set(counts_of(data["places"] + data["unmapped"]))
    if rows is not None:
        assert [place["slug"] for place in data["places"]][: len(rows)] == rows


# --- Areas to outline, points to mark ---------------------------------------------------------


def test_countries_are_outlined_and_cities_and_regions_are_points(client, seeded_db):
    places = {place["slug"]: place for place in get_map(client)["places"]}
    outlined = {slug: place["outline"] for slug, place in places.items() if "outline" in place}
    # Seeds 001 and 003 work in whole countries; seed 001's Tajikistan and Turkmenistan too.
    assert outlined == {"kazakhstan": "KZ", "tajikistan": "TJ", "turkmenistan": "TM"}
    assert places["pavlodar"]["kind"] == "city"  # a city is a dot at its coordinates
    assert places["pavlodar-region"]["kind"] == "region"  # no outline of regions: a dot too


def test_the_outlined_countries_are_those_of_the_vendored_outlines():
    path = STATIC / "vendor" / "geo" / "central-asia-countries.geojson"
    outlines = json.loads(path.read_text(encoding="utf-8"))
    assert {f["properties"]["iso_a2"] for f in outlines["features"]} == maps.OUTLINED_COUNTRIES


def test_a_country_outside_the_outlines_stays_a_point():
    afghanistan = Place(slug="afghanistan", kind="country", country_code="AF")
    assert maps.outline_of(afghanistan) == ""
    assert maps.outline_of(Place(slug="kz", kind="country", country_code="KZ")) == "KZ"
    assert maps.outline_of(Place(slug="astana", kind="city", country_code="KZ")) == ""


def test_the_page_names_the_areas_it_can_only_show_as_dots(client, seeded_db):
    response = client.get("/en/projects/?place=pavlodar-region")
    note = re.search(r'<p class="map-area-dots muted">(.*?)</p>', response.text, re.S)
    assert note is not None
    assert "Pavlodar Region" in note.group(1) and "no outlines" in note.group(1)
    # A country the map outlines is not in that note.
    usaid = client.get("/en/projects/?donor=usaid").text
    assert "map-area-dots" not in usaid


def test_a_project_page_maps_its_places_in_the_page_itself(client, seeded_db):
    response = client.get("/en/projects/us-support-civil-society-human-rights-kazakhstan/")
    assert response.status_code == 200
    found = re.search(r'data-map-places="([^"]*)"', response.text)
    assert found is not None
    data = json.loads(html.unescape(found.group(1)))
    assert [(place["slug"], place.get("outline")) for place in data["places"]] == [
        ("kazakhstan", "KZ")
    ]
    # Its list of places, above the map, is the text alternative: no second table.
    assert 'class="map-table"' not in response.text
    assert "<script>" not in response.text  # the data are an attribute, not an inline script


# --- Vendored files -----------------------------------------------------------------------------


def test_the_country_outlines_are_the_five_central_asian_countries():
    path = STATIC / "vendor" / "geo" / "central-asia-countries.geojson"
    assert path.stat().st_size < 300_000
    outlines = json.loads(path.read_text(encoding="utf-8"))
    assert outlines["type"] == "FeatureCollection"
    codes = {feature["properties"]["iso_a2"] for feature in outlines["features"]}
    assert codes == {"KZ", "KG", "TJ", "TM", "UZ"}
    for feature in outlines["features"]:
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


@pytest.mark.parametrize(
    "name",
    [
        "vendor/leaflet/leaflet.js",
        "vendor/leaflet/leaflet.css",
        "vendor/leaflet/images/layers.png",
        "vendor/leaflet/LICENSE",
        "vendor/leaflet.markercluster/leaflet.markercluster.js",
        "vendor/leaflet.markercluster/MarkerCluster.css",
        "vendor/leaflet.markercluster/MIT-LICENCE.txt",
        "vendor/geo/README.md",
        "js/map.js",
        "css/map.css",
    ],
)
def test_the_map_needs_nothing_from_the_internet(name):
    assert (STATIC / name).is_file()


def test_the_vendored_libraries_are_recorded_with_their_versions():
    readme = (STATIC / "vendor" / "README.md").read_text(encoding="utf-8")
    assert "| `leaflet/` | leaflet" in readme and "1.9.4" in readme
    assert "| `leaflet.markercluster/` | leaflet.markercluster" in readme and "1.5.3" in readme
    assert 't.version="1.9.4"' in (STATIC / "vendor" / "leaflet" / "leaflet.js").read_text()
