"""Running on several machines, for real: a PostgreSQL primary with a streaming replica
(pg_basebackup -R), a Redis, and two gunicorn app processes sharing them (registry/cluster.py),
driven over HTTP like browsers. Checks that public reads hit the replica and writes the primary,
that an editor sees their change at once while the replica lags, that a lagging replica is
skipped, that the two processes share sessions, rate limits and lockouts, and that a stopped
Redis or replica costs no error.

The cluster has servers of its own whatever database the suite runs on, so it runs once, in
the PostgreSQL run of `make test`. Skipped where PostgreSQL or redis-server is not installed,
unless REQUIRE_POSTGRES / REQUIRE_REDIS is set (as CI does).
"""

from __future__ import annotations

import http.cookiejar
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import lxml.html
import pytest

from registry.pgserver import find_postgres_bindir
from registry.redisserver import redis_server_installed

SLUG = "human-rights-communication-information-governance"  # a seed record
MAX_LAG = 4  # seconds a replica may lag before it is skipped
PASSWORD = "a-long-editor-password-1"  # noqa: S105 - a throwaway account on a throwaway server


def _missing() -> str:
    if find_postgres_bindir() is None:
        return "PostgreSQL is not installed" if not os.environ.get("REQUIRE_POSTGRES") else ""
    if not redis_server_installed():
        return "redis-server is not installed" if not os.environ.get("REQUIRE_REDIS") else ""
    return ""


pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="servers of its own: runs once, in the PostgreSQL run",
    ),
    pytest.mark.skipif(bool(_missing()), reason=_missing() or "-"),
]


@dataclass
class Page:
    status: int
    text: str
    url: str
    headers: dict


class Browser:
    """Cookies (shared by both app processes, as by one site), a client address of its own
    (X-Forwarded-For, trusted by the apps as from one proxy), and forms filled as shown."""

    def __init__(self, address: str):
        self.address = address
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open(self, url: str, data: dict | None = None, headers: dict | None = None) -> Page:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
        request.add_header("X-Forwarded-For", self.address)
        try:
            with self.opener.open(request, timeout=30) as response:
                text = response.read().decode()
                return Page(response.status, text, response.url, dict(response.headers))
        except urllib.error.HTTPError as error:
            return Page(error.code, error.read().decode(), url, dict(error.headers))

    def submit(self, url: str, changes: dict) -> Page:
        """Open the page, fill its form that has the fields of `changes` as a browser would
        send it, with `changes`, and send it."""
        page = self.open(url)
        assert page.status == 200, (url, page.status)
        forms = lxml.html.fromstring(page.text, base_url=page.url).forms
        form = next(form for form in forms if set(changes) <= set(form.fields.keys()))
        values = dict(form.form_values()) | changes
        return self.open(urllib.parse.urljoin(page.url, form.action or page.url), values)

    def log_in(self, app_url: str, username: str, password: str = PASSWORD) -> Page:
        return self.submit(
            f"{app_url}/ru/admin/login/?next=/ru/admin/",
            {"username": username, "password": password},
        )

    def signed_in(self, app_url: str) -> bool:
        """Whether the admin's home page opens (rather than the sign-in form)."""
        page = self.open(f"{app_url}/ru/admin/")
        return page.status == 200 and 'name="password"' not in page.text


@pytest.fixture(scope="module")
def cluster():
    from registry.cluster import LocalCluster

    settings = {
        "DATABASE_REPLICA_MAX_LAG": str(MAX_LAG),
        "DATABASE_REPLICA_CHECK_SECONDS": "1",
        "TRUSTED_PROXY_COUNT": "1",
        "LOGIN_FAILURE_LIMIT": "3",
        "REGISTRY_WARM_UP": "0",
    }
    with LocalCluster(apps_count=2, log_statements=True, extra_env=settings) as local:
        local.manage("migrate", "--noinput")
        local.manage("load_seeds")
        for username in ("chief", "second"):
            local.manage("shell", "-c", _create_superuser(username))
        local.start_replica()
        local.start_apps()
        yield local


def _create_superuser(username: str) -> str:
    return (
        "from django.contrib.auth.models import User; "
        f"User.objects.create_superuser({username!r}, '', {PASSWORD!r})"
    )


class ServerLog:
    """What a server logged from now on (log_statement=all: every statement it ran)."""

    def __init__(self, server):
        self.path = server.folder / "server.log"
        self.start = self.path.stat().st_size

    def since(self) -> str:
        with open(self.path, "rb") as handle:
            handle.seek(self.start)
            return handle.read().decode(errors="replace")


def test_public_reads_go_to_the_replica(cluster):
    primary, replica = ServerLog(cluster.primary), ServerLog(cluster.replica)
    for app in cluster.apps:
        page = Browser("10.0.0.1").open(
            f"{app.url}/ru/projects/{SLUG}/", headers={"Cache-Control": "no-cache"}
        )
        assert page.status == 200
    assert replica.since().count(f"'{SLUG}'") >= 2  # the project was read there, by each app
    assert f"'{SLUG}'" not in primary.since()


def test_an_editor_sees_their_change_at_once_while_the_replica_lags(cluster):
    editor, visitor = Browser("10.0.0.2"), Browser("10.0.0.3")
    first, second = (app.url for app in cluster.apps)
    editor.log_in(first, "chief")
    assert editor.signed_in(first)
    query = f"SELECT id FROM projects_project WHERE slug = '{SLUG}'"  # noqa: S608 - a constant
    (project_id,) = cluster.sql(cluster.primary, query)[0]
    public_page = f"/ru/projects/{SLUG}/"
    old_title = _title(visitor.open(second + public_page).text)
    # A transaction replayed just now, so that the lag counts from here; then the replica
    # stops applying what it receives.
    cluster.sql(cluster.primary, "UPDATE projects_registrystate SET changed_at = changed_at")
    cluster.wait_for_replica()
    cluster.pause_replay()
    primary = ServerLog(cluster.primary)
    try:
        saved = editor.submit(
            f"{first}/ru/admin/projects/project/{project_id}/change/",
            {"title_ru": old_title + " (исправлено)"},
        )
        assert saved.status == 200 and "/change/" not in saved.url, saved.text[-2000:]
        assert 'UPDATE "projects_project"' in primary.since()
        # The editor, on either app process, at once: from the primary.
        for app_url in (first, second):
            assert _title(editor.open(app_url + public_page).text) == old_title + " (исправлено)"
        # A visitor is still served by the replica, which has not applied the change yet.
        assert _title(visitor.open(second + public_page).text) == old_title
        # Once the replica lags by more than the limit, it is skipped: the visitor gets the
        # primary's page.
        time.sleep(MAX_LAG + 1.5)
        assert _title(visitor.open(second + public_page).text) == old_title + " (исправлено)"
        readiness = visitor.open(second + "/readyz")
        assert '"replica1": {"status": "lagging"' in readiness.text
    finally:
        cluster.resume_replay()
    cluster.wait_for_replica()


def _title(html: str) -> str:
    return lxml.html.fromstring(html).findtext(".//h1").strip()


def test_two_app_processes_share_sessions(cluster):
    editor = Browser("10.0.0.4")
    first, second = (app.url for app in cluster.apps)
    assert not editor.signed_in(second)
    editor.log_in(first, "chief")
    assert editor.signed_in(second)  # the session the first process began


def test_the_corrections_limit_holds_across_app_processes(cluster):
    reader = Browser("10.0.0.5")
    form = f"/ru/corrections/new/?project={SLUG}"
    statuses = []
    for number in range(6):
        app = cluster.apps[number % 2]
        sent = reader.submit(app.url + form, {"message": f"Опечатка в названии, номер {number}."})
        statuses.append(sent.status)
    assert statuses == [200] * 5 + [429]  # five reports, then refused, wherever they land


def test_a_login_lockout_holds_across_app_processes(cluster):
    intruder, owner = Browser("10.0.0.6"), Browser("10.0.0.7")
    first, second = (app.url for app in cluster.apps)
    for _attempt in range(2):
        refused = intruder.log_in(first, "second", password="wrong-password")
        assert refused.status == 200 and 'name="password"' in refused.text
    assert intruder.log_in(first, "second", password="wrong-password").status == 429  # the 3rd
    # The account is locked on the other process too, even for the right password.
    locked = owner.log_in(second, "second")
    assert locked.status == 429 and not owner.signed_in(second)
    # Another client's failures do not lock this one out of its own account.
    Browser("10.0.0.11").log_in(first, "chief", password="wrong-password")
    editor = Browser("10.0.0.12")
    editor.log_in(second, "chief")
    assert editor.signed_in(second)


def test_a_stopped_redis_costs_no_error(cluster):
    editor = Browser("10.0.0.8")
    first, second = (app.url for app in cluster.apps)
    editor.log_in(first, "chief")
    assert editor.signed_in(first)
    cluster.stop_redis()
    for app_url in (first, second):
        for path in (
            "/ru/",
            "/ru/projects/",
            f"/en/projects/{SLUG}/",
            "/ru/projects/?q=%D0%BF%D1%80%D0%B0%D0%B2%D0%B0",
        ):
            assert Browser("10.0.0.9").open(app_url + path).status == 200, path
        assert editor.signed_in(app_url)  # sessions are in the database too
    readiness = Browser("10.0.0.9").open(first + "/readyz")
    assert readiness.status == 200
    assert (
        '"status": "degraded"' in readiness.text and '"cache": {"status": "down"' in readiness.text
    )


def test_a_stopped_replica_costs_no_error(cluster):
    logs = {app.port: app.log_path.stat().st_size for app in cluster.apps}
    cluster.stop_replica()
    for app in cluster.apps:
        for path in (
            "/healthz",
            "/ru/",
            "/ru/projects/",
            f"/ru/projects/{SLUG}/",
            "/kk/projects/?year=2024",
        ):
            page = Browser("10.0.0.10").open(app.url + path, headers={"Cache-Control": "no-cache"})
            assert page.status == 200, (path, page.status)
    readiness = Browser("10.0.0.10").open(cluster.apps[0].url + "/readyz")
    assert readiness.status == 200 and '"replica1": {"status": "down"' in readiness.text
    # Operators read a warning that the replica is skipped, not a server error.
    for app in cluster.apps:
        with open(app.log_path, "rb") as log:
            log.seek(logs[app.port])
            logged = log.read().decode()
        assert '"logger": "registry.replicas"' in logged
        assert '"level": "ERROR"' not in logged
