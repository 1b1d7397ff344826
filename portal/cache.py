"""The Redis cache, made to degrade instead of failing when Redis is unreachable.

Django's RedisCache raises on every call when Redis is down, and every page uses the cache (the
intake forms' rate limit, image renditions, the page and menu caches):
one stopped Redis would turn the whole site into 500 errors. This backend answers like an empty
cache instead: reads miss, writes are dropped, ``incr`` raises ValueError as for a missing key.
What that means for the callers:

- the intake rate limit (forms/ratelimit.py) fails open: every submission goes through;
- the login lock-out does not depend on it: django-axes counts failures in the database
  (portal/login.py), so it holds during an outage;
- the health check (portal/health.py) still reports the cache as "error": nothing is kept.

After a failure Redis is left alone for ``RETRY_AFTER`` seconds (each call answers at once as a
miss), and the short socket timeouts bound what a Redis that hangs can cost a request. A warning
is logged each time Redis is found unreachable, so at most once per ``RETRY_AFTER`` seconds per
process.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import InvalidResponse
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Unreachable, hanging, or something else than Redis answering on the port (a wrong REDIS_URL).
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, InvalidResponse)


class ResilientRedisCache(RedisCache):
    """RedisCache whose calls behave like cache misses while Redis cannot be reached."""

    # Seconds; OPTIONS given in CACHES take precedence.
    DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    RETRY_AFTER = 5.0

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**self.DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._unavailable_until = 0.0

    def _call(self, operation, fallback, *args, **kwargs):
        """Run RedisCache's ``operation``; on a connection failure return ``fallback()``."""
        if time.monotonic() < self._unavailable_until:
            return fallback()
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except UNAVAILABLE as error:
            self._unavailable_until = time.monotonic() + self.RETRY_AFTER
            logger.warning(
                "Redis cache unavailable (%s: %s) during %s: answering as an empty cache for %s seconds",
                error.__class__.__name__,
                error,
                operation,
                self.RETRY_AFTER,
            )
            return fallback()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", lambda: False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            # What RedisCache raises for a missing key: the callers already handle it.
            raise ValueError(f"Key '{key}' not found (Redis cache unavailable).")

        return self._call("incr", missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # set_many returns the keys that could not be stored.
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version)

    def clear(self):
        return self._call("clear", lambda: False)
