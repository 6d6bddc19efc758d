"""What operators of several app servers rely on, in one process: a Redis that does not answer
costs no page, /readyz says what each dependency does, every response and log line carries a
request id, and the client's address is read through the trusted proxies only.

The same with real servers (a replica, Redis, two app processes): test_several_machines.py."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory

from registry.client_ip import client_address
from registry.request_log import RequestIdFilter, json_formatter

from .factories import make_project

pytestmark = pytest.mark.django_db

SLUG = "us-support-civil-society-human-rights-kazakhstan"


@pytest.fixture
def unreachable_redis(settings, tmp_path):
    """The shared cache configured as in production, on a Redis that is not running."""
    settings.CACHES = {
        "default": {
            "BACKEND": "registry.cache.ResilientRedisCache",
            "LOCATION": f"unix://{tmp_path / 'no-redis.sock'}",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    yield caches["default"]


@pytest.fixture
def json_log():
    """What the app logs, as the JSON lines production writes."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


def test_pages_render_when_redis_does_not_answer(client, seeded_db, unreachable_redis, json_log):
    for path in ("/ru/", "/ru/projects/", f"/en/projects/{SLUG}/", "/kk/projects/?q=құқық"):
        assert client.get(path).status_code == 200, path
    assert unreachable_redis.get("anything", "missing") == "missing"
    warnings = [line for line in json_log() if line["logger"] == "registry.cache"]
    # Logged once for the outage, not once per request: the cache is left alone for a while.
    assert len(warnings) == 1 and "Redis cache unavailable" in warnings[0]["message"]


def test_the_corrections_form_still_works_when_redis_does_not_answer(
    client, seeded_db, unreachable_redis
):
    url = f"/ru/corrections/new/?project={SLUG}"
    sent = client.post(url, {"message": "В описании неверно указан год начала проекта."})
    assert sent.status_code == 302


def test_readyz_reports_each_dependency_with_timings(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"]["status"] == "ok" and report["database"]["ms"] >= 0
    assert report["cache"] == report["cache"] | {"status": "ok", "backend": "LocMemCache"}
    assert report["open_data"]["built_at"] is None  # no build yet
    assert "replicas" not in report  # none configured


def test_readyz_is_503_on_a_database_without_the_registrys_tables(client):
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute("ALTER TABLE projects_registrystate RENAME TO registrystate_elsewhere")
    response = client.get("/readyz")
    assert response.status_code == 503 and response["Retry-After"]
    report = response.json()
    assert report["status"] == "unavailable" and report["database"]["status"] == "down"


def test_readyz_is_degraded_not_down_without_redis(client, unreachable_redis):
    response = client.get("/readyz")
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["cache"]["status"] == "down" and report["cache"]["error"] == "ConnectionError"


def test_readyz_says_when_the_open_data_were_built_and_whether_they_are_current(client, seeded_db):
    call_command("build_open_data", "--base-url", "http://testserver", stdout=io.StringIO(),
                 stderr=io.StringIO())  # fmt: skip
    built = client.get("/readyz").json()["open_data"]
    assert built["status"] == "ok" and built["built_at"] and built["current"] is True
    make_project("published-after-the-build")
    assert client.get("/readyz").json()["open_data"]["current"] is False


def test_every_response_and_log_line_carries_a_request_id(client, unreachable_redis, json_log):
    first = client.get("/ru/projects/")
    second = client.get("/ru/projects/")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    logged = [line for line in json_log() if line["logger"] == "registry.cache"]
    assert logged[0]["request_id"] == first["X-Request-ID"]
    assert set(logged[0]) >= {"time", "level", "logger", "message", "request_id"}


def test_djangos_line_about_a_refused_request_carries_its_id(client, json_log):
    response = client.get("/ru/projects/no-such-project/")
    assert response.status_code == 404
    logged = [line for line in json_log() if line["logger"] == "django.request"]
    assert logged and logged[-1]["request_id"] == response["X-Request-ID"]


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("3f1c6a0e-8a4b-4c1e-9d2f-6b7a8c9d0e1f", True),  # a balancer's uuid
        ("Root=1-67891233-abcdef012345678912345678", True),
        ("short", False),
        ("<script>alert(1)</script>", False),
        ("x" * 200, False),
    ],
)
def test_a_load_balancers_request_id_is_kept_when_it_is_sane(client, given, kept):
    sent_back = client.get("/healthz", HTTP_X_REQUEST_ID=given)["X-Request-ID"]
    assert (sent_back == given) is kept
    assert len(sent_back) >= 8


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "10.0.0.1"),  # no proxy trusted: the header is the client's word
        (1, "203.0.113.7", "203.0.113.7"),  # nginx appended the client's address
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the first entry is forged
        (2, "203.0.113.7, 10.0.0.9", "203.0.113.7"),  # a load balancer, then nginx
        (2, "203.0.113.7", "10.0.0.1"),  # fewer entries than proxies: not through them
        (1, "not-an-address", "10.0.0.1"),
        (1, "2001:db8::7", "2001:db8::7"),
    ],
)
def test_the_client_address_is_read_through_the_trusted_proxies_only(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_behind_a_proxy_one_clients_reports_do_not_use_up_anothers(client, settings, seeded_db):
    settings.TRUSTED_PROXY_COUNT = 1
    url = f"/ru/corrections/new/?project={SLUG}"
    report = {"message": "Сумма гранта в описании не совпадает с пресс-релизом."}
    for _ in range(5):
        client.post(url, report, HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="10.0.0.1")
    refused = client.post(url, report, HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    other = client.post(url, report, HTTP_X_FORWARDED_FOR="198.51.100.4", REMOTE_ADDR="10.0.0.1")
    assert other.status_code == 302
