"""Read replicas: public reads go to a PostgreSQL streaming replica, everything else to the
primary.

With DATABASE_REPLICA_URLS set, settings add one database alias per replica ("replica1", ...)
and this module's router and middleware:

- A request may read from a replica only when it is a public read: GET or HEAD, not under
  /admin/, and not from a browser that wrote in the last REPLICA_PIN_SECONDS. Any other request
  (a form sent, the admin), any query inside a transaction, and everything outside a request
  (management commands, imports, cron) use the primary.
- Read-your-writes: a request that writes (POST, PUT, PATCH, DELETE) sets a short cookie that
  pins its browser to the primary, so an editor who has just saved sees their change at once
  on the public pages, however far the replicas lag.
- A replica that does not answer, or lags behind the primary by more than
  DATABASE_REPLICA_MAX_LAG seconds, is skipped. Each process checks each replica at most every
  DATABASE_REPLICA_CHECK_SECONDS. A query that fails on a replica during a request marks the
  replica down, and the page (a GET or HEAD: safe to build again) is built again from the
  primary, so the visitor gets the page, not an error, and the log no error either.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import random
import re
import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import connections
from django.db.utils import DatabaseError, InterfaceError, OperationalError

log = logging.getLogger(__name__)

PRIMARY = "default"
PIN_COOKIE = "registry_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ADMIN_PATH = re.compile(r"^/(?:[a-z]{2}/)?admin/")
# Lag in seconds: 0 when the replica has applied everything it received (an idle primary
# writes nothing, and the last applied transaction then looks old without any lag); else the
# age of the last transaction it applied, or of the server itself when it has applied none
# since it started. The age overstates a lag that begins after a quiet spell, which errs on
# the side of reading from the primary.
LAG_SQL = """
    SELECT CASE
        WHEN NOT pg_is_in_recovery() THEN 0
        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
        ELSE EXTRACT(EPOCH FROM now() - COALESCE(
            pg_last_xact_replay_timestamp(), pg_postmaster_start_time()))
    END
"""


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


# --- Each replica's health, per process -------------------------------------------------


@dataclasses.dataclass
class ReplicaHealth:
    alias: str
    usable: bool = True
    checked_at: float = float("-inf")
    lag_seconds: float | None = None
    error: str = ""
    check_ms: float | None = None

    def as_json(self) -> dict:
        if self.error:
            status = "down"
        elif not self.usable:
            status = "lagging"
        else:
            status = "ok"
        figures = {"status": status, "lag_seconds": self.lag_seconds, "ms": self.check_ms}
        return figures | ({"error": self.error} if self.error else {})


_health: dict[str, ReplicaHealth] = {}
_checking = threading.Lock()


def check(alias: str) -> ReplicaHealth:
    """Ask the replica for its lag now, on this thread's connection to it."""
    started = time.perf_counter()
    health = ReplicaHealth(alias, checked_at=time.monotonic())
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(LAG_SQL)
            health.lag_seconds = round(float(cursor.fetchone()[0]), 3)
        health.usable = health.lag_seconds <= settings.DATABASE_REPLICA_MAX_LAG
    except DatabaseError as error:
        health.usable, health.error = False, type(error).__name__
        _close_quietly(alias)
    health.check_ms = round((time.perf_counter() - started) * 1000, 2)
    if _health.get(alias, health).usable != health.usable:
        state = "usable again" if health.usable else f"skipped ({health.error or 'lagging'})"
        log.warning("Replica %s is %s; lag %s s", alias, state, health.lag_seconds)
    _health[alias] = health
    return health


def usable_replicas() -> list[str]:
    """The replicas to read from: each checked again when its last check is older than the
    interval (by one thread at a time; the others go on with the last answer)."""
    now = time.monotonic()
    stale = [
        alias
        for alias in replica_aliases()
        if now - _health.get(alias, ReplicaHealth(alias)).checked_at
        >= settings.DATABASE_REPLICA_CHECK_SECONDS
    ]
    if stale and _checking.acquire(blocking=False):
        try:
            for alias in stale:
                check(alias)
        finally:
            _checking.release()
    return [alias for alias in replica_aliases() if _health.get(alias, ReplicaHealth(alias)).usable]


def mark_down(alias: str, reason: str) -> None:
    log.warning("Replica %s failed during a request (%s); using the primary", alias, reason)
    _health[alias] = ReplicaHealth(alias, usable=False, checked_at=time.monotonic(), error=reason)
    _close_quietly(alias)


def _close_quietly(alias: str) -> None:
    with contextlib.suppress(DatabaseError):  # a connection to a server that went away
        connections[alias].close()


# --- Which database a query goes to -----------------------------------------------------


@dataclasses.dataclass
class RequestRouting:
    may_use_replica: bool
    replica: str | None = None  # the replica this request reads from, chosen at its first read


_routing: ContextVar[RequestRouting | None] = ContextVar("registry_routing", default=None)


class ReplicaRouter:
    """Reads of a public request to one replica (the same for the whole request); everything
    else to the primary. Only the primary is migrated."""

    def db_for_read(self, model, **hints):
        routing = _routing.get()
        if routing is None or not routing.may_use_replica:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        if routing.replica is None:
            usable = usable_replicas()
            routing.replica = random.choice(usable) if usable else PRIMARY  # noqa: S311
        return routing.replica

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replicas hold the primary's data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReplicaMiddleware:
    """Decides per request whether it may read from a replica, pins a browser that wrote to
    the primary for a while, and runs a public read again on the primary when its replica
    failed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public_read = (
            request.method in SAFE_METHODS
            and not ADMIN_PATH.match(request.path_info)
            and PIN_COOKIE not in request.COOKIES
        )
        token = _routing.set(RequestRouting(may_use_replica=public_read))
        try:
            response = self.get_response(request)
        finally:
            _routing.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_exception(self, request, exception):
        """A public read whose replica failed (while building the page or rendering it) is
        built again from the primary, and the replica is skipped until it answers again."""
        routing = _routing.get()
        if (
            routing is None
            or routing.replica in (None, PRIMARY)
            or not isinstance(exception, (OperationalError, InterfaceError))
        ):
            return None  # not a replica's failure: the usual error page
        mark_down(routing.replica, type(exception).__name__)
        routing.replica = PRIMARY
        match = request.resolver_match
        response = match.func(request, *match.args, **match.kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()
        return response
