"""A request id on every response and every log line, and one JSON log line per request.

The id comes from the load balancer's X-Request-ID header when it sends a sane one (so a
request can be followed from the balancer's log to the app's), else a new random one; it is
sent back in X-Request-ID. With LOG_FORMAT=json (the default when DEBUG is off) each log line
is one JSON object (python-json-logger) with the time, level, logger, message and request_id;
the access log ("registry.access") adds the method, path, status and duration.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar

from pythonjsonlogger.json import JsonFormatter

REQUEST_ID_HEADER = "X-Request-ID"
# What a balancer may hand us: a uuid, a hex or base64 token, ids with dots or colons.
SANE_ID = re.compile(r"^[A-Za-z0-9._:+/=-]{8,128}$")

_request_id: ContextVar[str] = ContextVar("registry_request_id", default="-")
access_log = logging.getLogger("registry.access")


def current_request_id() -> str:
    return _request_id.get()


class RequestIdFilter(logging.Filter):
    """Adds the request id (or "-" outside a request) to every record a handler writes.
    Django logs a response of 4xx or 5xx after the middleware is done, with the request
    attached: its id is taken from there."""

    def filter(self, record: logging.LogRecord) -> bool:
        attached = getattr(getattr(record, "request", None), "id", None)
        record.request_id = attached if isinstance(attached, str) else _request_id.get()
        return True


def json_formatter() -> JsonFormatter:
    return JsonFormatter(
        "{levelname}{name}{message}{request_id}",
        style="{",
        rename_fields={"levelname": "level", "name": "logger"},
        timestamp="time",  # ISO 8601 in UTC
    )


class RequestIdMiddleware:
    """First in the chain, so every later log line of the request carries its id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = given if SANE_ID.match(given) else uuid.uuid4().hex
        request.id = request_id
        token = _request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            if access_log.isEnabledFor(logging.INFO):
                access_log.info(
                    "%s %s %s",
                    request.method,
                    request.path,
                    response.status_code,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    },
                )
            return response
        finally:
            _request_id.reset(token)
