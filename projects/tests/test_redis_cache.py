"""The shared cache that several app servers use (settings: CACHE_BACKEND with Django's
RedisCache), against a real redis-server this test starts: pages and aggregates go through it,
are served from it, and a change of data shows at once. Skipped where redis-server is not
installed, unless REQUIRE_REDIS=1 (set by CI)."""

import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.redisserver import REDIS_SERVER, TemporaryRedis, redis_server_installed

from .factories import make_funding, make_organization, make_project


@pytest.fixture(scope="session")
def redis_location(tmp_path_factory):
    if not redis_server_installed():
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail(f"redis-server not found at {REDIS_SERVER} (REQUIRE_REDIS is set)")
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    server = TemporaryRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server.url
    server.stop()


@pytest.fixture
def redis_cache(settings, redis_location):
    import redis

    client = redis.Redis(unix_socket_path=redis_location.removeprefix("unix://"))
    client.flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_location,
        }
    }
    return client


@pytest.mark.django_db
def test_pages_are_kept_in_redis_and_a_change_shows_at_once(client, redis_cache):
    project = make_project("shared", title_en="Water for the steppe", title_ru="Вода")
    make_funding(project, donor=make_organization("shared-donor", en="Shared Donor"))
    for url in ("/en/projects/shared/", "/en/projects/?q=water", "/en/"):
        first = client.get(url)
        assert first.status_code == 200
        with CaptureQueriesContext(connection) as again:
            assert client.get(url).content == first.content
        assert len(again) == 1, url  # the data version; the page came from Redis
    assert redis_cache.dbsize() >= 3
    project.title_en = "Clean water for the steppe"
    project.save()
    assert b"Clean water for the steppe" in client.get("/en/projects/shared/").content
