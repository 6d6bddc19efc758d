"""Error pages people understand: in the visitor's language, with the site's header and a way
back; JSON for the API, the open data and /healthz. A database that does not answer is a 503
with Retry-After, not a 500 (the pages cannot be built, but nothing is broken).

The 500 and 503 pages are rendered without the request's context processors and touch no
database: they must show when the database is what failed."""

from __future__ import annotations

import logging
import sys

from django.core.exceptions import RequestDataTooBig
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = "30"
MACHINE_PATHS = ("/api/", "/open-data/", "/healthz", "/readyz")
# What each page says; the API says it in English, as the rest of its errors.
PAGES = {
    400: (
        _("The request could not be understood"),
        _(
            "Something in the address or in the form sent is not valid. Go back and check it, "
            "or start again from the home page."
        ),
    ),
    403: (_("Access denied"), _("You do not have permission to open this page.")),
    404: (
        _("Page not found"),
        _("There is no page at this address. It may have moved, or the address may be mistyped."),
    ),
    500: (
        _("Something went wrong on our side"),
        _(
            "The page could not be built because of an error in the registry. It has been "
            "logged; please try again later."
        ),
    ),
    503: (
        _("The registry is briefly unavailable"),
        _("Its database does not answer at the moment. Please try again in a minute."),
    ),
}
TOO_BIG = _(
    "What the form sent is too large for the registry. A press release is a few pages: send "
    "the release alone, or upload it as a file."
)
CSRF_REASON = _(
    "The form had expired or was sent from another page. Reload the page and send it again."
)


def bad_request(request, exception=None):
    detail = TOO_BIG if isinstance(exception, RequestDataTooBig) else None
    return error_response(request, 400, detail=detail)


def permission_denied(request, exception=None):
    return error_response(request, 403)


def page_not_found(request, exception=None):
    return error_response(request, 404)


def server_error(request):
    """A 500, or a 503 when what failed is the connection to the database."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        logger.warning("database unavailable: %s", error)
        return error_response(request, 503, headers={"Retry-After": RETRY_AFTER_SECONDS})
    return error_response(request, 500)


def csrf_failure(request, reason=""):
    """Django's CSRF check refused a form (CSRF_FAILURE_VIEW): say what to do about it."""
    return error_response(request, 403, detail=CSRF_REASON)


def error_response(request, status: int, *, headers=None, detail=None) -> HttpResponse:
    title, text = PAGES[status]
    if request.path.startswith(MACHINE_PATHS):
        with translation.override("en"):
            body = {"status": status, "error": str(title)}
        return JsonResponse(body, status=status, headers=headers)
    context = {"status": status, "title": title, "text": detail or text}
    if status >= 500:
        context["stylesheet"] = _stylesheet()
        html = render_to_string("errors/plain.html", context)  # no request: no database
    else:
        html = render_to_string("errors/page.html", context, request=request)
    return HttpResponse(html, status=status, headers=headers)


def _stylesheet() -> str:
    """The site's stylesheet, if its address can be had: a page about an error must not
    fail on a missing static file manifest."""
    try:
        return static("css/site.css")
    except ValueError:
        return ""
