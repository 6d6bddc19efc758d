"""sitemap.xml: an index of section files, each within the protocol's limits, listing every
public page once per language with its alternates, in a fixed number of queries."""

import xml.etree.ElementTree as ET  # noqa: S405 (our own XML, in tests)
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects import sitemaps
from projects.models import Organization, Participation

from .factories import make_organization, make_place, make_project

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGUAGES = ("ru", "kk", "en")
S000 = "human-rights-communication-information-governance"


def get_xml(client, path: str) -> ET.Element:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return ET.fromstring(body)  # noqa: S314 (our own XML, in tests)


def section_files(client) -> list[str]:
    index = get_xml(client, "/sitemap.xml")
    assert index.tag == f"{SITEMAP}sitemapindex"
    return [loc.text for loc in index.iter(f"{SITEMAP}loc")]


def urls(client, path: str) -> list[dict]:
    """Each <url> of a section file: its address, lastmod, priority and alternates."""
    urlset = get_xml(client, path.removeprefix("http://testserver"))
    assert urlset.tag == f"{SITEMAP}urlset"
    found = []
    for url in urlset.findall(f"{SITEMAP}url"):
        found.append(
            {
                "loc": url.findtext(f"{SITEMAP}loc"),
                "lastmod": url.findtext(f"{SITEMAP}lastmod"),
                "priority": url.findtext(f"{SITEMAP}priority"),
                "alternates": {
                    link.get("hreflang"): link.get("href")
                    for link in url.findall(f"{XHTML}link")
                    if link.get("rel") == "alternate"
                },
            }
        )
    return found


def make_projects(count: int, *, drafts: int = 0) -> None:
    country = make_place("kazakhstan", kind="country")
    town = make_place("pavlodar", parent=make_place("pavlodar-region", "region", country))
    make_place("bishkek")  # no project there
    echo = make_organization("echo")
    idle = make_organization("idle")  # only in a draft
    for index in range(count + drafts):
        published = index < count
        project = make_project(f"project-{index:03d}", published=published)
        project.places.set([town])
        organization = echo if published else idle
        Participation.objects.create(project=project, organization=organization, role="partner")


# --- The index -----------------------------------------------------------------------------------


def test_the_index_lists_one_file_per_section_when_each_fits(client):
    make_projects(3)
    assert section_files(client) == [
        "http://testserver/sitemap-pages-1.xml",
        "http://testserver/sitemap-projects-1.xml",
        "http://testserver/sitemap-organizations-1.xml",
        "http://testserver/sitemap-places-1.xml",
    ]


def test_a_large_section_is_split_into_files_within_the_limit(client, monkeypatch):
    monkeypatch.setattr(sitemaps, "URLS_PER_FILE", 9)  # three projects per file
    make_projects(10, drafts=2)
    files = [name for name in section_files(client) if "-projects-" in name]
    assert files == [f"http://testserver/sitemap-projects-{page}.xml" for page in (1, 2, 3, 4)]
    listed = []
    for name in files:
        entries = urls(client, name)
        assert 0 < len(entries) <= 9
        listed += entries
    expected = {
        f"http://testserver/{language}/projects/project-{index:03d}/"
        for index in range(10)
        for language in LANGUAGES
    }
    assert Counter(entry["loc"] for entry in listed) == Counter(expected)  # each once
    for entry in listed:
        slug = entry["loc"].rsplit("/", 2)[-2]
        assert entry["alternates"] == {
            "ru": f"http://testserver/ru/projects/{slug}/",
            "kk": f"http://testserver/kk/projects/{slug}/",
            "en": f"http://testserver/en/projects/{slug}/",
            "x-default": f"http://testserver/projects/{slug}/",
        }
        assert entry["priority"] == "0.9"
        assert len(entry["lastmod"]) == 10  # YYYY-MM-DD
    assert client.get("/sitemap-projects-5.xml").status_code == 404


def test_a_full_file_of_the_longest_slugs_stays_under_50_megabytes():
    section = sitemaps.SECTIONS["organizations"]  # the longest path
    longest = [("x" * 120, timezone.now())]
    [entry, *_] = sitemaps._item_entries("https://registry.example.org", section, longest)
    assert len(entry.encode()) * sitemaps.URLS_PER_FILE < 50_000_000


@pytest.mark.parametrize(
    "path", ["/sitemap-drafts-1.xml", "/sitemap-pages-2.xml", "/sitemap-projects-0.xml"]
)
def test_unknown_section_files_are_not_found(client, path):
    make_projects(1)
    assert client.get(path).status_code == 404


# --- What the sections list ----------------------------------------------------------------------


def test_drafts_and_what_only_drafts_involve_are_left_out(client):
    make_projects(2, drafts=1)
    projects = {entry["loc"] for entry in urls(client, "/sitemap-projects-1.xml")}
    assert "http://testserver/ru/projects/project-002/" not in projects
    assert len(projects) == 2 * 3
    organizations = {entry["loc"] for entry in urls(client, "/sitemap-organizations-1.xml")}
    assert organizations == {f"http://testserver/{lang}/organizations/echo/" for lang in LANGUAGES}
    places = {entry["loc"] for entry in urls(client, "/sitemap-places-1.xml")}
    # A place with a project in it, and every place it lies in; not Bishkek.
    assert places == {
        f"http://testserver/{lang}/places/{slug}/"
        for lang in LANGUAGES
        for slug in ("kazakhstan", "pavlodar-region", "pavlodar")
    }


# --- Queries -------------------------------------------------------------------------------------


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    return len(captured)


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap.xml",
        "/sitemap-projects-1.xml",
        "/sitemap-organizations-1.xml",
        "/sitemap-places-1.xml",
    ],
)
def test_queries_do_not_grow_with_the_items(client, path, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    make_projects(3)
    few = queries(client, path)
    for index in range(40):
        make_project(f"more-{index:02d}")
    assert queries(client, path) == few <= 4


def test_the_index_counts_once_until_the_data_changes(client):
    make_projects(3)
    section_files(client)
    assert queries(client, "/sitemap.xml") == 1  # the data version
    make_project("one-more")
    assert "http://testserver/sitemap-projects-1.xml" in section_files(client)
    assert queries(client, "/sitemap.xml") == 1


# --- The real seeds (the module-scoped seeds stay loaded until the module ends: keep last) ---


def test_the_seeds_are_listed_in_three_languages_with_alternates(client, seeded_db):
    listed = {entry["loc"]: entry for entry in urls(client, "/sitemap-projects-1.xml")}
    for language in LANGUAGES:
        entry = listed[f"http://testserver/{language}/projects/{S000}/"]
        assert set(entry["alternates"]) == {"ru", "kk", "en", "x-default"}
    organizations = [entry["loc"] for entry in urls(client, "/sitemap-organizations-1.xml")]
    assert "http://testserver/ru/organizations/european-union/" in organizations
    places = [entry["loc"] for entry in urls(client, "/sitemap-places-1.xml")]
    assert "http://testserver/ru/places/pavlodar/" in places
    assert "http://testserver/ru/places/bishkek/" not in places
    pages = {entry["loc"]: entry for entry in urls(client, "/sitemap-pages-1.xml")}
    assert set(pages) == {
        f"http://testserver/{lang}/{path}"
        for lang in LANGUAGES
        for path in (
            "",
            "projects/",
            "donors/",
            "organizations/",
            "places/",
            "open-data/",
            "about/",
        )
    }
    assert pages["http://testserver/kk/projects/"]["alternates"]["x-default"] == (
        "http://testserver/projects/"
    )


def test_every_organisation_page_the_public_sees_is_listed_and_no_other(client, seeded_db):
    """One rule for an organisation's page (selectors.directory.organizations_with_public_pages):
    the page answers, the sitemap lists it, the API describes it and a correction can name
    it, for the same organisations. The EU Delegation is only the organisation to contact for
    seed 000: it takes part in no project, and was missing from the sitemap and the API."""
    listed = {entry["loc"].split("/")[-2] for entry in urls(client, "/sitemap-organizations-1.xml")}
    delegation = "delegation-of-the-european-union-to-kazakhstan"
    assert delegation in listed
    assert not Participation.objects.filter(organization__slug=delegation).exists()
    for organization in Organization.objects.all():
        slug = organization.slug
        page = client.get(f"/en/organizations/{slug}/").status_code
        api = client.get(f"/api/organizations/{slug}/").status_code
        correction = client.get("/en/corrections/new/", {"organization": slug}).status_code
        assert (page, api, correction) == ((200,) * 3 if slug in listed else (404,) * 3), slug
