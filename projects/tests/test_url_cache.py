"""Addresses worked out once (url_cache.py) are the addresses reverse(), static() and
translate_url() give, in every language, under a script prefix, and after settings change."""

import pytest
from django.templatetags.static import static
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix, translate_url
from django.utils import translation

from projects.models import Organization, Place, Project
from projects.url_cache import slug_url, static_url, view_url

LANGUAGES = ("ru", "kk", "en")
SECTIONS = (
    "projects:home",
    "projects:project-list",
    "projects:project-map",
    "projects:donor-index",
    "projects:organization-index",
    "projects:place-index",
    "projects:about",
    "projects:open-data",
    "projects:correction-new",
)
RECORDS = {
    "projects:project-detail": Project,
    "projects:organization-detail": Organization,
    "projects:place-detail": Place,
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_sections_have_the_address_reverse_gives(language):
    with translation.override(language):
        for name in SECTIONS:
            assert view_url(name) == reverse(name)
            assert view_url(name).startswith(f"/{language}/")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_records_have_the_address_reverse_gives(seeded_db, language):
    with translation.override(language):
        for name, model in RECORDS.items():
            record = model.objects.order_by("pk").first()
            expected = reverse(name, kwargs={"slug": record.slug})
            assert slug_url(name, record.slug) == expected
            assert record.get_absolute_url() == expected


def test_a_slug_the_address_cannot_hold_fails_as_reverse_does():
    with translation.override("en"), pytest.raises(NoReverseMatch):
        slug_url("projects:place-detail", "almaty/../admin")


def test_a_site_under_a_path_prefix_gets_prefixed_addresses():
    with translation.override("en"):
        plain = slug_url("projects:place-detail", "almaty")
        set_script_prefix("/registry/")
        try:
            assert slug_url("projects:place-detail", "almaty") == "/registry/en/places/almaty/"
            assert view_url("projects:home") == "/registry/en/"
        finally:
            set_script_prefix("/")
        assert slug_url("projects:place-detail", "almaty") == plain == "/en/places/almaty/"


def test_static_addresses_follow_the_settings():
    assert static_url("css/site.css") == static("css/site.css")
    with override_settings(STATIC_URL="/assets/"):
        assert static_url("css/site.css") == static("css/site.css")
        assert static_url("css/site.css").startswith("/assets/")
    assert static_url("css/site.css") == static("css/site.css")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/ru/projects/?q=%D1%84%D0%BE%D0%BD%D0%B4&page=2",  # ?q=фонд as a browser sends it
        "/kk/places/",
        "/en/projects/human-rights-communication-information-governance/?display=USD",
        "/ru/no-such-page/",  # no view: translate_url's own answer, the path unchanged
    ],
)
def test_language_switcher_links_are_translate_url(client, seeded_db, path):
    html = client.get(path).content.decode()
    for language in LANGUAGES:
        expected = translate_url(path, language).replace("&", "&amp;")
        assert f'href="{expected}" hreflang="{language}"' in html
