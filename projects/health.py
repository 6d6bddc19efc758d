"""/healthz: whether this app server can answer, for load balancers and monitors."""

import time

from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .models import RegistryState


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers one indexed query, 503 when it does not; JSON either way,
    with how long the query took."""
    started = time.perf_counter()
    try:
        RegistryState.objects.filter(pk=1).exists()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "unavailable", "database": type(error).__name__},
            status=503,
            headers={"Retry-After": "10"},
        )
    elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
    return JsonResponse({"status": "ok", "database": "ok", "database_ms": elapsed_ms})
