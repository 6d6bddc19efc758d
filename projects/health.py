"""/healthz: whether this app server can answer, for load balancers and monitors; /readyz:
whether it should get traffic, with the state of each thing it depends on."""

import time

from django.core.cache import caches
from django.core.files.storage import storages
from django.db import DEFAULT_DB_ALIAS, DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from registry import replicas

from .models import RegistryState
from .opendata import prebuilt


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers one indexed query, 503 when it does not; JSON either way,
    with how long the query took."""
    started = time.perf_counter()
    try:
        _ask_primary()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "unavailable", "database": type(error).__name__},
            status=503,
            headers={"Retry-After": "10"},
        )
    elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
    return JsonResponse({"status": "ok", "database": "ok", "database_ms": elapsed_ms})


@never_cache
@require_safe
def readyz(request):
    """Whether this app server should get traffic, and the state of what it depends on, with
    timings: the primary database (503 when it does not answer: nothing can be served), each
    read replica, the cache and the open-data storage (each of those degrades the service, and
    the status says "degraded", but pages are still served: 200)."""
    checks = {"database": _check_primary()}
    replica_checks = {
        alias: replicas.check(alias).as_json() for alias in replicas.replica_aliases()
    }
    if replica_checks:
        checks["replicas"] = replica_checks
    checks["cache"] = _check_cache()
    checks["open_data"] = _check_open_data()
    degrading = [checks["cache"], *replica_checks.values()]
    if checks["database"]["status"] != "ok":
        status, code = "unavailable", 503
    elif any(check["status"] != "ok" for check in degrading):
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    headers = {"Retry-After": "10"} if code == 503 else None
    return JsonResponse({"status": status, **checks}, status=code, headers=headers)


def _timed(probe) -> dict:
    """probe() with its time in milliseconds; "ok", or "down" with the error's kind."""
    started = time.perf_counter()
    try:
        figures = probe() or {}
        result = {"status": "ok", **figures}
    except Exception as error:  # a check reports what failed; it never fails itself
        result = {"status": "down", "error": type(error).__name__}
    return result | {"ms": round((time.perf_counter() - started) * 1000, 2)}


def _ask_primary() -> None:
    """One indexed query on the registry's own table, on the primary, which every write needs
    whatever the replicas do (a database that answers but was never migrated fails it)."""
    RegistryState.objects.using(DEFAULT_DB_ALIAS).filter(pk=1).exists()


def _check_primary() -> dict:
    return _timed(_ask_primary)


def _check_cache() -> dict:
    backend = caches["default"]

    def probe():
        if hasattr(backend, "ping"):  # the shared Redis: ask the server itself
            backend.ping()
        else:  # a cache in this process answers as long as the process does
            backend.get("readyz")
        return {"backend": type(backend).__name__}

    return _timed(probe)


def _check_open_data() -> dict:
    """The storage of the prebuilt files answers, and when the current files were built and
    whether they are still current (a publish since makes them stale)."""

    def probe():
        manifest = prebuilt.Manifest.read()
        if manifest is None:
            storages[prebuilt.STORAGE].exists(prebuilt.MANIFEST)  # the storage itself answers
            return {"built_at": None}
        now = RegistryState.objects.using(DEFAULT_DB_ALIAS).values_list("data_version")
        current = (manifest.data_version,) == now.filter(pk=1).first()
        return {"built_at": manifest.built_at.isoformat(), "current": current}

    return _timed(probe)
