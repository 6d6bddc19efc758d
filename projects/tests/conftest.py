import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

# registry.wsgi readies the process as it is imported (projects/warmup.py), which a test module
# importing it would do before any test database exists; test_warmup.py calls it itself.
os.environ.setdefault("REGISTRY_WARM_UP", "0")


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

    from projects import extraction_resources, search_names

    cache.clear()
    search_names.forget()
    extraction_resources.forget()
    yield


@pytest.fixture(autouse=True)
def open_data_storage(settings, tmp_path):
    """Each test has open-data files of its own (none until it builds them), never those a
    developer built into var/open-data."""
    storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    storage["OPTIONS"] = {"location": str(tmp_path / "open-data")}
    settings.STORAGES = {**settings.STORAGES, "opendata": storage}


@pytest.fixture(autouse=True)
def no_map_tiles(settings):
    """Tests never fetch map tiles from the internet: the maps draw their vendored outlines."""
    settings.MAP_TILE_URL = ""


# Chromium fixtures (browser, page, seeds) for the browser tests.
from .browser_support import browser, page, seeds  # noqa: E402, F401

# `make test` runs the suite on SQLite and on PostgreSQL side by side on one machine. The
# browser tests check pages, whose behaviour does not depend on the database (the database's
# part is tested without a browser in both runs), so each run takes its share of them instead
# of both running all of them: about two minutes less for each. A run on its own (make
# test-sqlite, plain pytest) or a machine without PostgreSQL runs them all.
BROWSER_TESTS_ON_POSTGRES = {
    "test_browser_charts.py",
    "test_browser_csp.py",
    "test_browser_embeds.py",
    "test_browser_list.py",
    "test_browser_map.py",
    "test_browser_search.py",
}


def pytest_collection_modifyitems(config, items):
    if not os.environ.get("REGISTRY_SHARE_BROWSER_TESTS"):
        return
    from registry.pgserver import find_postgres_bindir

    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    if not on_postgres and find_postgres_bindir() is None:
        return  # no PostgreSQL run will take its share
    kept, left = [], []
    for item in items:
        name = item.path.name
        ours = (
            not name.startswith("test_browser")
            or (name in BROWSER_TESTS_ON_POSTGRES) == on_postgres
        )
        (kept if ours else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
