"""Caching of aggregates, keyed by the data version.

Whenever published data may have changed, indexing.data_changed() stores a new random token in
RegistryState. Every cache key here carries the token current when the request started, so a
change makes all older entries unreachable at once, on every app server, with any cache backend
(local memory by default; Redis or Memcached from settings). Entries are never invalidated one
by one, so no writer can forget one.
"""

import secrets

from django.core.cache import cache
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
