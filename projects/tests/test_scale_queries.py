"""No page's number of queries grows with the number of projects: every public page, the API,
the feed, the sitemap and the admin are counted with a handful of projects and with a few
hundred (the same generator that makes the 100,000 of `make bench-scale`), and must be equal,
and under a pinned ceiling. Counts are taken once a data version's cached aggregates exist (the
first request after a change computes them: two or three queries more)."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from projects.models import Organization, Project
from projects.synthetic import synthetic_projects_generate

pytestmark = pytest.mark.django_db

FEW, MANY = 20, 300
GENERATOR = {"seed": 7, "donors": 5, "organizations": 30}


def urls(project: Project, donor: str, organization: str) -> dict[str, tuple[str, int]]:
    """Each page with the queries it takes to build (with the seeds and the generated
    projects). A page asked again without no-cache comes from the cache: one query."""
    return {
        "home": ("/ru/", 6),
        # (Each list reads the names of the themes its facet offers: one query.)
        "list": ("/ru/projects/", 8),
        "list, place": ("/ru/projects/?place=kazakhstan", 9),
        "list, donor": (f"/ru/projects/?donor={donor}", 9),
        "list, organisation": (f"/ru/projects/?organization={organization}", 9),
        "list, status and year": ("/ru/projects/?status=completed&year=2015", 8),
        "list, budget": ("/ru/projects/?budget_min=1000&currency=USD&sort=budget", 8),
        # A search reads the texts of the page's projects once more, for the snippets; on
        # PostgreSQL its first page is read from title matches, confirmed (one query more).
        "list, words": ("/ru/projects/?q=права", 10),
        "list, everything": (
            f"/kk/projects/?q=права&donor={donor}&place=kazakhstan&language=ru&sort=title",
            11,
        ),
        "list, page 2": ("/en/projects/?page=2&sort=start", 8),
        "list, year range": ("/ru/projects/?year_from=2015&year_to=2018", 8),
        "donors": ("/kk/donors/", 5),
        "organisations": ("/kk/organizations/", 4),
        "organisations, most projects": ("/ru/organizations/?sort=projects&role=partner", 3),
        "organisations, words": ("/ru/organizations/?q=фонд", 4),
        "places": ("/kk/places/", 1),
        "places, words": ("/kk/places/?q=обл", 2),
        "open data": ("/en/open-data/", 4),
        "about": ("/ru/about/", 4),
        "map.json": ("/ru/projects/map.json?place=kazakhstan", 2),
        # (Its places' regions come from the place tree: not three queries up their parents.)
        "project": (project.get_absolute_url(), 10),
        "organisation": (f"/ru/organizations/{organization}/", 9),
        "donor": (f"/ru/organizations/{donor}/", 9),
        "place": ("/ru/places/kazakhstan/", 7),
        "feed": ("/ru/feed/", 5),
        "api, projects": ("/api/projects/?page_size=50", 7),
        "api, project": (f"/api/projects/{project.slug}/", 10),
        "api, organisations": ("/api/organizations/?page_size=50", 5),
        "api, donors": ("/api/donors/", 3),
        "api, place": ("/api/places/kazakhstan/", 2),
        "embed list": (f"/ru/embed/projects/?donor={donor}", 6),
        # Signed in: the record pages are built afresh (visitors get them from the cache).
        # (+1: the map of its places reads the data version, which the visitors' page cache
        # has read already.)
        "project, editor": (project.get_absolute_url(), 12),
        "organisation, editor": (f"/ru/organizations/{organization}/", 11),
        "place, editor": ("/ru/places/kazakhstan/", 9),
        # The list counts the drafts waiting for review in its "publishing" filter; the
        # history (reversion) opens a transaction around admin views: SAVEPOINT and RELEASE.
        "admin list": ("/ru/admin/projects/project/", 10),
        # The inlines' organisations are read with their rows (admin_autocomplete); the
        # project's own places and keywords once each. (+1: the admin log's latest entry, the
        # version the conflict check compares.)
        "admin change": (f"/ru/admin/projects/project/{project.pk}/change/", 29),
    }


def busiest(role_filter) -> str:
    return (
        Organization.objects.filter(**role_filter)
        .annotate(taking_part=Count("participations"))
        .order_by("-taking_part", "slug")
        .values_list("slug", flat=True)
        .first()
    )


def queries_of(client, admin, name: str, url: str) -> int:
    """Queries of a page, signed in for the editors' pages and anonymous for the others; asked
    with `Cache-Control: no-cache`, so the page is built (its aggregates come from the cache,
    as they would for every request until the data changes)."""
    if "admin" in name or "editor" in name:
        client.force_login(admin)
    else:
        client.logout()
    assert client.get(url).status_code == 200, url  # computes what a data version caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers={"Cache-Control": "no-cache"})
    assert response.status_code == 200, url
    return len(captured)


def test_no_page_takes_more_queries_with_more_projects(client, seeded_db):
    admin = User.objects.create_superuser("scale-admin", "admin@example.org", "x")
    synthetic_projects_generate(count=FEW, **GENERATOR)
    project = Project.objects.filter(is_synthetic=True).order_by("slug").first()
    donor = busiest({"participations__role": "donor", "is_synthetic": True})
    organization = busiest({"participations__role": "lead_implementer", "is_synthetic": True})
    pages = urls(project, donor, organization)
    few = {name: queries_of(client, admin, name, url) for name, (url, _ceiling) in pages.items()}

    synthetic_projects_generate(count=MANY, **GENERATOR)
    assert Project.objects.filter(is_synthetic=True).count() == MANY
    many = {name: queries_of(client, admin, name, url) for name, (url, _ceiling) in pages.items()}

    grew = {name: (few[name], many[name]) for name in pages if many[name] != few[name]}
    assert not grew, f"queries (with {FEW}, with {MANY} projects): {grew}"
    over = {name: many[name] for name, (_url, ceiling) in pages.items() if many[name] > ceiling}
    assert not over, f"over the pinned ceiling: {over}"
