"""Record pages (project, organisation, place) are kept in the cache for visitors until the
data changes; editors always get them afresh."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import make_funding, make_organization, make_place, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(db):
    project = make_project("cached", title_en="Cached water project", title_ru="Вода")
    project.places.add(make_place("cached-town", kind="town", en="Cached Town"))
    make_funding(project, donor=make_organization("cached-donor", en="Cached Donor"))
    return project


@pytest.mark.parametrize(
    "url",
    ["/en/projects/cached/", "/en/organizations/cached-donor/", "/en/places/cached-town/"],
)
def test_a_record_page_asked_again_costs_one_query(client, project, url):
    first = client.get(url)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as again:
        second = client.get(url)
    assert second.status_code == 200 and second.content == first.content
    assert len(again) == 1  # the data version
    assert second["Content-Language"] == "en"


def test_a_change_shows_at_once(client, project):
    assert b"Cached water project" in client.get("/en/projects/cached/").content
    project.title_en = "Clean water for Cached Town"
    project.save()
    assert b"Clean water for Cached Town" in client.get("/en/projects/cached/").content


def test_languages_and_query_strings_are_kept_apart(client, project):
    assert b"Cached water project" in client.get("/en/projects/cached/").content
    assert "Вода" in client.get("/ru/projects/cached/").content.decode()
    with_rates = client.get("/en/projects/cached/?display=USD").content
    assert with_rates != client.get("/en/projects/cached/").content


def test_editors_get_a_fresh_page_and_drafts_are_not_kept(client, project):
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    draft = make_project("secret", published=False, title_en="Secret draft")
    assert client.get("/en/projects/secret/").status_code == 404
    client.force_login(editor)
    assert client.get("/en/projects/secret/").status_code == 200  # a preview
    client.logout()
    assert client.get("/en/projects/secret/").status_code == 404
    client.force_login(editor)
    with CaptureQueriesContext(connection) as fresh:
        assert client.get("/en/projects/cached/").status_code == 200
    assert len(fresh) > 3  # built afresh: the project and its rows are read
    assert draft.slug == "secret"


def test_the_list_and_home_are_kept_too_and_no_cache_builds_them_afresh(client, project):
    for url in ("/en/", "/en/projects/?q=water"):
        first = client.get(url)
        with CaptureQueriesContext(connection) as again:
            assert client.get(url).content == first.content
        assert len(again) == 1
        with CaptureQueriesContext(connection) as built:
            fresh = client.get(url, headers={"Cache-Control": "no-cache"})
        assert fresh.status_code == 200 and len(built) > 1


def test_a_new_release_does_not_read_what_the_old_one_cached(client, project, monkeypatch):
    """A shared cache outlives a deploy: pages and figures cached by other code are not
    served (their shape may differ), while the same code reads them back."""
    from projects import caching

    monkeypatch.setattr(caching, "code_version", lambda: "release-1")
    client.get("/en/projects/cached/")
    with CaptureQueriesContext(connection) as same_release:
        client.get("/en/projects/cached/")
    monkeypatch.setattr(caching, "code_version", lambda: "release-2")
    with CaptureQueriesContext(connection) as next_release:
        assert "Cached water project" in client.get("/en/projects/cached/").content.decode()
    assert len(same_release) == 1
    assert len(next_release) > 1  # built afresh
