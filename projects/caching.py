"""Caching of aggregates, keyed by the data version.

Whenever published data may have changed, indexing.data_changed() stores a new random token in
RegistryState. Every cache key here carries the token current when the request started, so a
change makes all older entries unreachable at once, on every app server, with any cache backend
(local memory by default; Redis or Memcached from settings). Entries are never invalidated one
by one, so no writer can forget one.
"""

import contextvars
import functools
import hashlib
import secrets
from pathlib import Path

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from .models import RegistryState

AGGREGATE_TIMEOUT = 60 * 60  # an hour; a change of data makes entries unreachable before that


# The version a request read first: the rest of the request uses the same one (one query, and
# every cached piece of a page from the same state of the data).
_request_version: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "registry_data_version", default=None
)


def data_version() -> str:
    """The current data version (one indexed query, once per public page)."""
    version = _request_version.get()
    if version is not None:
        return version
    version = RegistryState.objects.filter(pk=1).values_list("data_version", flat=True).first()
    return version or new_data_version()


def new_data_version() -> str:
    """Mark the data as changed: a new token, so every cached aggregate is recomputed."""
    token = secrets.token_hex(8)
    values = {"data_version": token, "changed_at": timezone.now()}
    if not RegistryState.objects.filter(pk=1).update(**values):
        RegistryState.objects.update_or_create(pk=1, defaults=values)
    return token


@functools.cache
def code_version() -> str:
    """A digest of the app's code and templates. Cached values are pickled objects and rendered
    pages whose shape is the code's: a shared cache (Redis) outlives a deploy, and a new
    release must not read the old one's entries (a figures object without a new field)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=6)
    for folder, pattern in (("projects", "*.py"), ("templates", "*.html")):
        for path in sorted((root / folder).rglob(pattern)):
            if "tests" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(version: str, key: str) -> str:
    """The key of `key` as of `version` and of this release's code: hashed, so that any
    search or address fits every backend's limits (Memcached's 250 characters, no spaces)."""
    digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    return f"registry:{code_version()}:{version}:{digest}"


def fragment_key(version: str, *parts: str) -> str:
    """The vary-on value of a template fragment cached with {% cache %} (the charts): the
    code's digest and the data version come first, as in cache_key."""
    return ":".join((code_version(), version, *parts))


def cached(version: str, key: str, compute, timeout: int = AGGREGATE_TIMEOUT):
    """compute() as of `version`, from the cache when another request already computed it."""
    full_key = cache_key(version, key)
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value


class CachedPublicPage:
    """What anonymous visitors get of a public page is kept in the cache under the data
    version, the host and the full address (language and query string included), so a page
    asked again costs one indexed query. Editors (signed in) always get a fresh page: they
    preview drafts and check their edits. A request saying `Cache-Control: no-cache` is built
    afresh too (and refreshes the cache), as HTTP has clients ask for it."""

    page_timeout = AGGREGATE_TIMEOUT

    def cache_variant(self) -> str:
        """What else than the data version and the address the page shows (kept apart)."""
        return ""

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return super().get(request, *args, **kwargs)
        key = f"page:{request.get_host()}:{request.get_full_path()}:{self.cache_variant()}"
        version = data_version()
        fresh = "no-cache" in request.headers.get("Cache-Control", "")
        full_key = cache_key(version, key)
        kept = None if fresh else cache.get(full_key)
        if kept is not None:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        token = _request_version.set(version)
        try:
            response = super().get(request, *args, **kwargs)
            response.render()
        finally:
            _request_version.reset(token)
        if response.status_code == 200:
            value = (response.content, response["Content-Type"])
            cache.set(full_key, value, self.page_timeout)
        return response


def cached_for_visitors(view):
    """The same for a function that returns data (the API's operations): its result for the
    host and the full address is kept under the data version; `Cache-Control: no-cache`
    computes it afresh. Errors are raised as usual and never kept."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        version = data_version()
        full_key = cache_key(version, f"data:{request.get_host()}:{request.get_full_path()}")
        fresh = "no-cache" in request.headers.get("Cache-Control", "")
        kept = None if fresh else cache.get(full_key)
        if kept is not None:
            return kept
        token = _request_version.set(version)
        try:
            result = view(request, *args, **kwargs)
        finally:
            _request_version.reset(token)
        cache.set(full_key, result, AGGREGATE_TIMEOUT)
        return result

    return wrapped


def cached_response(view):
    """cached_for_visitors for a view that returns a whole response (the Atom feed): its
    content and type are kept for anonymous visitors."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        version = data_version()
        full_key = cache_key(version, f"response:{request.get_host()}:{request.get_full_path()}")
        fresh = "no-cache" in request.headers.get("Cache-Control", "")
        kept = None if fresh else cache.get(full_key)
        if kept is not None:
            return HttpResponse(kept[0], content_type=kept[1])
        token = _request_version.set(version)
        try:
            response = view(request, *args, **kwargs)
        finally:
            _request_version.reset(token)
        if response.status_code == 200 and not response.streaming:
            cache.set(full_key, (response.content, response["Content-Type"]), AGGREGATE_TIMEOUT)
        return response

    return wrapped
