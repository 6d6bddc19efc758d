import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="module")
def seeded_db(django_db_setup, django_db_blocker):
    """The real seeds (gazetteer and the five reviewed records), loaded once per module."""
    with django_db_blocker.unblock():
        call_command("load_seeds", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, stdout=io.StringIO())


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs a second per password; tests check behaviour, not hash strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A request to /kk/ leaves Kazakh active in the thread; the next test starts afresh."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached aggregates are keyed by the data version, which a rolled-back test restores:
    each test starts with an empty cache, so none can see another's."""
    from django.core.cache import cache

    from projects import search_names

    cache.clear()
    search_names.forget()
    yield


@pytest.fixture(autouse=True)
def no_map_tiles(settings):
    """Tests never fetch map tiles from the internet: the maps draw their vendored outlines."""
    settings.MAP_TILE_URL = ""


# Chromium fixtures (browser, page, seeds) for the browser tests.
from .browser_support import browser, page, seeds  # noqa: E402, F401
