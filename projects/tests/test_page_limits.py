"""Pages stay small however many projects match: long facets, map tables and the project lists
of organisations and places show a bounded number of rows and say how many more there are."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from projects import indexing
from projects.facets import ORGANIZATION_FACET_LIMIT
from projects.maps import TABLE_LIMIT
from projects.models import Participation
from projects.selectors.pages import ROLE_LIST_LENGTH

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db


def get(client, name, *args, params=None, language="en"):
    with translation.override(language):
        url = reverse(f"projects:{name}", args=args)
    response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return lxml.html.fromstring(response.content)


def test_the_organisation_facet_offers_the_busiest_and_counts_the_rest(client):
    extra = 7
    with indexing.batch():
        for number in range(ORGANIZATION_FACET_LIMIT + extra):
            organization = make_organization(f"ngo-{number:02d}")
            # ngo-00 has the most projects, ngo-56 the fewest.
            for index in range(1 + (ORGANIZATION_FACET_LIMIT + extra - number) // 20):
                project = make_project(f"project-{number:02d}-{index}")
                Participation.objects.create(
                    project=project, organization=organization, role="partner"
                )
    page = get(client, "project-list")
    options = page.xpath("//select[@id='f-organization']/option[@value!='']/@value")
    assert len(options) == ORGANIZATION_FACET_LIMIT
    assert "ngo-00" in options and f"ngo-{ORGANIZATION_FACET_LIMIT + extra - 1}" not in options
    hint = page.xpath("//select[@id='f-organization']/following-sibling::p")[0].text_content()
    assert f"{extra} more" in hint
    # A chosen organisation is offered (and selected) even when it is not among the busiest.
    chosen = f"ngo-{ORGANIZATION_FACET_LIMIT + extra - 1}"
    page = get(client, "project-list", params={"organization": chosen})
    assert page.xpath(f"//select[@id='f-organization']/option[@value='{chosen}']/@selected")


def test_the_map_table_lists_the_places_with_most_projects(client):
    region = make_place("wide-region", kind="region")
    extra = 5
    with indexing.batch():
        for number in range(TABLE_LIMIT + extra):
            town = make_place(f"town-{number:02d}", kind="town", parent=region)
            for index in range(1 + (number == 0)):
                make_project(f"in-town-{number:02d}-{index}").places.add(town)
    page = get(client, "project-list")
    rows = page.xpath("//table[.//caption[@id='project-map-caption']]/tbody/tr/@data-place")
    assert len(rows) == TABLE_LIMIT
    assert rows[0] == "town-00"  # two projects: first
    caption = page.xpath("//caption[@id='project-map-caption']")[0].text_content()
    assert f"{TABLE_LIMIT + extra} places" in caption
    assert f"the {TABLE_LIMIT} with most projects" in caption
    data = client.get(reverse("projects:project-map")).json()
    assert len(data["places"]) + len(data["unmapped"]) == TABLE_LIMIT + extra


def test_a_place_page_lists_its_projects_a_page_at_a_time(client):
    place = make_place("busy-town", kind="town")
    with indexing.batch():
        for index in range(25):
            make_project(f"busy-{index:02d}").places.add(place)
    first = get(client, "place-detail", "busy-town")
    assert len(first.xpath("//article[@class='project-card']")) == 20
    assert "25 projects" in first.xpath("//h2[@id='projects-heading']")[0].text_content()
    assert first.xpath("//nav[@class='pagination']//a[@rel='next']")
    second = get(client, "place-detail", "busy-town", params={"page": 2})
    assert len(second.xpath("//article[@class='project-card']")) == 5
    with translation.override("en"):
        url = reverse("projects:place-detail", args=["busy-town"])
    assert client.get(url, {"page": 3}).status_code == 404
    assert client.get(url, {"page": "last"}).status_code == 404


def test_an_organisation_page_lists_the_latest_projects_of_each_role(client):
    donor = make_organization("big-donor", kind="donor_agency")
    total = ROLE_LIST_LENGTH + 6
    with indexing.batch():
        for index in range(total):
            make_funding(make_project(f"given-{index:02d}"), donor=donor, amount="10")
    page = get(client, "organization-detail", "big-donor")
    role_items = page.xpath("//section[.//h2[@id='projects-heading']]//ul[@class='link-list']/li")
    assert len(role_items) == ROLE_LIST_LENGTH
    text = page.text_content()
    assert f"The latest {ROLE_LIST_LENGTH} of {total}." in text
    given_rows = page.xpath("//section[.//h2[@id='given-heading']]//tbody/tr")
    assert len(given_rows) == 20
    assert f"of the {total} this organisation gives" in text
    total_amount = page.xpath("//section[.//h2[@id='given-heading']]//ul[@class='totals-list']")
    assert "260" in total_amount[0].text_content()  # every figure is in the total


def test_facet_choices_are_escaped(client):
    organization = make_organization("tricky", en='<script>alert("x")</script> & Co')
    Participation.objects.create(
        project=make_project("tricky-project"), organization=organization, role="partner"
    )
    with translation.override("en"):
        html = client.get(reverse("projects:project-list")).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co (1)" in html


def test_the_place_facet_offers_every_region_and_city_and_the_busiest_small_places(client):
    from projects.facets import SMALL_PLACE_FACET_LIMIT

    region = make_place("facet-region", kind="region")
    city = make_place("facet-city", kind="city", parent=region)
    extra = 4
    with indexing.batch():
        make_project("in-the-city").places.add(city)
        for number in range(SMALL_PLACE_FACET_LIMIT + extra):
            village = make_place(f"village-{number:02d}", kind="village", parent=region)
            for index in range(1 + (number < 3)):  # the first three have two projects
                make_project(f"in-village-{number:02d}-{index}").places.add(village)
    page = get(client, "project-list")
    options = page.xpath("//select[@id='f-place']//option[@value!='']/@value")
    assert {"facet-region", "facet-city", "village-00", "village-02"} <= set(options)
    assert len([slug for slug in options if slug.startswith("village-")]) == SMALL_PLACE_FACET_LIMIT
    hint = page.xpath("//select[@id='f-place']/following-sibling::p")[0].text_content()
    assert f"{extra} more" in hint
    chosen = f"village-{SMALL_PLACE_FACET_LIMIT + extra - 1}"
    page = get(client, "project-list", params={"place": chosen})
    assert page.xpath(f"//select[@id='f-place']//option[@value='{chosen}']/@selected")
