"""The shared cache on Redis, which degrades to misses when Redis does not answer.

Everything the registry keeps in the cache can be computed again (pages and aggregates keyed by
the data version, rate-limit counters, copies of sessions that are also in the database), so a
Redis that is down, restarting or unreachable must cost speed, never a page: each operation that
fails is logged and answers as a miss (get: the default; add/set/touch: False; incr: no such
key). After a failure the backend stops asking Redis for RETRY_SECONDS, so that a dead server
does not cost every request a connection timeout; then it tries again.
"""

from __future__ import annotations

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0


class RedisUnavailable(Exception):
    """Redis is taken as down for a few seconds after a failure."""


class _Breaker:
    """Shared by the threads of one process: when Redis last failed."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0

    def check(self) -> None:
        if time.monotonic() < self.down_until:
            raise RedisUnavailable

    def trip(self, operation: str, error: Exception) -> None:
        with self.lock:
            first = time.monotonic() >= self.down_until
            self.down_until = time.monotonic() + RETRY_SECONDS
        if first:  # one line per outage window, not one per request
            log.warning(
                "Redis cache unavailable (%s: %s); serving without it for %.0f s",
                operation,
                error,
                RETRY_SECONDS,
            )


def _degrading(miss):
    """Run the operation unless Redis is down; on a Redis error, note it and return miss(args)."""

    def decorate(method):
        @functools.wraps(method)
        def wrapped(self, *args, **kwargs):
            try:
                self._breaker.check()
                return method(self, *args, **kwargs)
            except RedisUnavailable:
                return miss(*args, **kwargs)
            except RedisError as error:
                self._breaker.trip(method.__name__, error)
                return miss(*args, **kwargs)

        return wrapped

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


def _false(*args, **kwargs):
    return False


def _nothing(*args, **kwargs):
    return None


def _no_keys(*args, **kwargs):
    return {}


def _not_stored(data, *args, **kwargs):
    return list(data)  # set_many's answer: the keys that were not stored


def _no_such_key(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (the cache is unavailable)")


class ResilientRedisCache(RedisCache):
    """Django's RedisCache whose reads and writes degrade to misses when Redis fails."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._breaker = _Breaker()

    get = _degrading(_default)(RedisCache.get)
    get_many = _degrading(_no_keys)(RedisCache.get_many)
    has_key = _degrading(_false)(RedisCache.has_key)
    add = _degrading(_false)(RedisCache.add)
    set = _degrading(_nothing)(RedisCache.set)
    set_many = _degrading(_not_stored)(RedisCache.set_many)
    touch = _degrading(_false)(RedisCache.touch)
    delete = _degrading(_false)(RedisCache.delete)
    delete_many = _degrading(_nothing)(RedisCache.delete_many)
    incr = _degrading(_no_such_key)(RedisCache.incr)
    clear = _degrading(_false)(RedisCache.clear)

    def ping(self) -> None:
        """Ask Redis itself, past the breaker (for /readyz); raises RedisError when it fails."""
        self._cache.get_client(write=True).ping()
        self._breaker.down_until = 0.0
