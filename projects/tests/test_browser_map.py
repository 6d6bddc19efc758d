"""The map of a search in a real headless Chromium: markers per place of the current search
(a country's filled outline for a country-wide project), popups with the place's links,
keyboard use, accessibility. Tiles are off (MAP_TILE_URL = ""), so only the vendored country
outlines are drawn and no request leaves the machine."""

# The browser fixtures are imported by name: pytest passes them as arguments of the same name.

import pytest
from django.http import QueryDict

from projects.selectors import ProjectSearch

from .browser_support import serious_violations

READY = "[data-project-map][data-map-state=ready]"


@pytest.fixture(autouse=True)
def no_tiles(settings):
    settings.MAP_TILE_URL = ""


def open_map(page, path: str):
    """Open a page with a map and wait for its data request and for the markers."""
    with page.expect_response(lambda response: "/projects/map.json" in response.url) as answer:
        page.goto(path)
    assert answer.value.status == 200
    page.wait_for_selector(READY)
    return answer.value.json()


def places_on_the_map(page) -> int:
    """Markers and outlined countries count one place each, clusters the places inside them."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll(
                   '.leaflet-marker-icon [data-places], path.map-area[data-places]'))
                 .reduce((sum, element) => sum + Number(element.dataset.places), 0)"""
    )


@pytest.mark.parametrize(
    ("query", "places"),
    [
        ("", 23),  # every place with coordinates of the five seeds
        ("donor=usaid", 1),  # Kazakhstan, as its outline
        ("place=pavlodar", 1),  # Pavlodar, with the two projects of seeds 000 and 002
        ("place=karaganda-region", 2),  # Karaganda and Nura; four rural districts lack points
    ],
)
def test_the_list_map_shows_the_places_of_the_current_search(page, seeds, query, places):
    data = open_map(page, f"/en/projects/?{query}")
    assert len(data["places"]) == places
    assert places_on_the_map(page) == places
    drawn = page.locator(".leaflet-marker-icon, path.map-area")
    assert 1 <= drawn.count() <= places  # close places may share a cluster
    # The five countries' borders under them.
    assert page.locator(".map-canvas .leaflet-overlay-pane path:not(.map-area)").count() == 5
    # The map shows the places; the table is one click away.
    assert page.locator("details.map-table").get_attribute("open") is None
    assert page.outside_requests == []
    assert page.console_errors == []


def test_the_map_follows_the_filters_of_the_form(page, seeds):
    open_map(page, "/en/projects/")
    assert places_on_the_map(page) == 23
    assert page.locator(".map-cluster").count() >= 1  # Pavlodar and its region share a point
    with page.expect_response(lambda r: "/map.json?" in r.url and "donor=usaid" in r.url):
        page.select_option("#f-donor", "usaid")
        page.click(".filters button[type=submit]")
    page.wait_for_selector(READY)
    assert page.locator(".leaflet-marker-icon").count() == 0
    assert page.locator("path.map-area").get_attribute("data-place") == "kazakhstan"
    assert page.outside_requests == []


def test_a_country_outline_opens_a_popup_that_links_to_the_place(page, seeds):
    open_map(page, "/en/projects/?donor=usaid")
    page.click("path.map-area")
    popup = page.locator(".leaflet-popup")
    popup.wait_for(state="visible")
    assert popup.locator(".map-popup-place").inner_text() == "Kazakhstan"
    assert popup.locator(".map-popup-place").get_attribute("href") == "/en/places/kazakhstan/"
    assert "1 project" in popup.inner_text()
    list_link = popup.locator(".map-popup-list")
    assert list_link.get_attribute("href") == "/en/projects/?donor=usaid&place=kazakhstan"
    list_link.click()
    page.wait_for_url("**/en/projects/?donor=usaid&place=kazakhstan")
    assert page.locator(".project-card").count() == 1
    assert page.outside_requests == []
    assert page.console_errors == []


def test_markers_work_with_the_keyboard(page, seeds):
    open_map(page, "/ru/projects/?place=pavlodar")
    marker = page.locator(".map-marker")
    assert marker.get_attribute("role") == "button"
    assert marker.get_attribute("tabindex") == "0"
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").wait_for(state="visible")
    # The keyboard user lands on the place link in the popup.
    assert page.evaluate("document.activeElement.className") == "map-popup-place"
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/ru/places/pavlodar/"
    close = page.locator(".leaflet-popup-close-button")
    assert close.get_attribute("aria-label") != "Close popup"  # in the page's language
    close.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert page.evaluate("document.activeElement.classList.contains('map-marker')")


def test_organisation_and_place_pages_have_their_map(page, seeds):
    usaid = open_map(page, "/en/organizations/usaid/")
    assert [place["slug"] for place in usaid["places"]] == ["kazakhstan"]
    assert places_on_the_map(page) == 1
    karaganda = open_map(page, "/en/places/karaganda-region/")
    assert places_on_the_map(page) == len(karaganda["places"]) == 2
    assert page.outside_requests == []
    assert page.console_errors == []


def test_without_javascript_the_places_are_a_table(browser, live_server, seeds):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/projects/?place=karaganda-region")
    assert not page.locator(".map-canvas").is_visible()
    table = page.locator("details.map-table table")
    assert table.is_visible()
    expected = ProjectSearch.run(QueryDict("place=karaganda-region")).map().all_places
    assert table.locator("tbody tr").count() == len(expected) == 6
    context.close()


def map_violations(page) -> list[str]:
    """Serious or critical axe violations inside the map section (map, popup, table)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=".project-map")
    return [
        f"{violation['id']} ({violation['impact']}): " + violation["nodes"][0]["target"][0]
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_axe_finds_no_serious_violation_on_the_list_with_its_map(page, seeds, language):
    from playwright.sync_api import expect

    open_map(page, f"/{language}/projects/")
    page.click(".map-marker >> nth=0")  # with a popup open, once it has faded in
    # (A locator assertion: wait_for_function's string would be eval'd, which the page's
    # Content-Security-Policy forbids.)
    expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")
    assert map_violations(page) == []
    page.click("details.map-table summary")  # and with the table shown
    assert map_violations(page) == []
    assert serious_violations(page) == []  # the whole page
    assert page.outside_requests == []
    assert page.console_errors == []


# A 1×1 transparent PNG: tiles that never leave the page (outside_requests ignores data: URLs).
BLANK_TILE = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAj"
    "CB0C8AAAAASUVORK5CYII="
)


def map_zoom(page) -> int:
    return int(page.locator(READY).get_attribute("data-map-zoom"))


def test_a_project_in_one_city_is_shown_close_up_and_a_country_wide_one_as_the_country(
    page, seeds, settings
):
    from django.core.cache import cache

    from projects.models import Place

    from .factories import make_project

    project = make_project("one-city", title_en="In Pavlodar only")
    project.places.add(Place.objects.get(slug="pavlodar"))
    page.goto("/en/projects/one-city/")
    page.wait_for_selector(READY)
    # Close to the city, with the nearest border in view (no tiles), not Central Asia's view.
    assert map_zoom(page) >= 7
    assert page.locator(".map-marker").count() == 1
    assert page.locator("path.map-area").count() == 0
    settings.MAP_TILE_URL = BLANK_TILE
    cache.clear()  # the page as drawn without tiles is cached
    page.goto("/en/projects/one-city/")
    page.wait_for_selector(READY)
    assert map_zoom(page) == 10  # with tiles: the city and its surroundings

    settings.MAP_TILE_URL = ""
    cache.clear()
    page.goto("/en/projects/us-support-civil-society-human-rights-kazakhstan/")
    page.wait_for_selector(READY)
    area = page.locator("path.map-area")
    assert area.count() == 1 and area.get_attribute("data-place") == "kazakhstan"
    assert area.get_attribute("aria-label") == "Kazakhstan: 1 project"
    assert page.locator(".leaflet-marker-icon").count() == 0  # no dot at its centre
    box = area.bounding_box()
    assert box["width"] > 300  # the country's outline, not a circle
    area.focus()
    page.keyboard.press("Enter")  # an outline works with the keyboard, like a marker
    page.locator(".leaflet-popup").wait_for(state="visible")
    assert page.evaluate("document.activeElement.className") == "map-popup-place"
    assert page.outside_requests == []
    assert page.console_errors == []
