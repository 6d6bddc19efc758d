"""Caching of aggregates, keyed by the data version.

Whenever published data may have changed, indexing.data_changed() stores a new random token in
RegistryState. Every cache key here carries the token current when the request started, so a
change makes all older entries unreachable at once, on every app server, with any cache backend
(local memory by default; Redis or Memcached from settings). Entries are never invalidated one
by one, so no writer can forget one.
"""

import secrets

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from .models import RegistryState

AGGREGATE_TIMEOUT = 60 * 60  # an hour; a change of data makes entries unreachable before that


def data_version() -> str:
    """The current data version (one indexed query)."""
    version = RegistryState.objects.filter(pk=1).values_list("data_version", flat=True).first()
    return version or new_data_version()


def new_data_version() -> str:
    """Mark the data as changed: a new token, so every cached aggregate is recomputed."""
    token = secrets.token_hex(8)
    values = {"data_version": token, "changed_at": timezone.now()}
    if not RegistryState.objects.filter(pk=1).update(**values):
        RegistryState.objects.update_or_create(pk=1, defaults=values)
    return token


def cached(version: str, key: str, compute, timeout: int = AGGREGATE_TIMEOUT):
    """compute() as of `version`, from the cache when another request already computed it."""
    full_key = f"registry:{version}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value


class CachedPublicPage:
    """For the pages of a record (a project, an organisation, a place): what anonymous
    visitors get is kept in the cache under the data version, the host and the full address
    (language and query string included), so a page asked again costs one indexed query.
    Editors (signed in) always get a fresh page: they preview drafts and check their edits."""

    page_timeout = AGGREGATE_TIMEOUT

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return super().get(request, *args, **kwargs)
        key = f"page:{request.get_host()}:{request.get_full_path()}"
        version = data_version()
        kept = cache.get(f"registry:{version}:{key}")
        if kept is not None:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        response = super().get(request, *args, **kwargs)
        response.render()
        if response.status_code == 200:
            value = (response.content, response["Content-Type"])
            cache.set(f"registry:{version}:{key}", value, self.page_timeout)
        return response
