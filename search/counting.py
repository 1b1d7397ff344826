"""Counting searched queries for editors without a database write on the request path.

Wagtail's "Promoted search results" report reads ``Query``/``QueryDailyHits`` rows. Writing them
on every search (``Query.get(q).add_hit()``: an upsert and an update) made each search a write
and kept it out of any cache. With Redis as the cache, a search only increments a counter in a
Redis hash per day (``HINCRBY``); ``flush_search_counts`` (search/tasks.py, every five minutes)
moves the counts to the database in one batch. Without Redis (development with the local-memory
cache), or while Redis is down, the hit is written to the database as before.
"""

import logging
import uuid

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from portal.cache import UNAVAILABLE

logger = logging.getLogger(__name__)

PREFIX = "search-hits:"


def _redis():
    """The raw Redis client of the cache, or None when the cache is not Redis."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return backend._cache.get_client(None, write=True)
    return None


def _key(day):
    return cache.make_key(f"{PREFIX}{day.isoformat()}")


def count_query(query):
    """Count one search of ``query`` today (Europe/Paris)."""
    normalised = normalise_query_string(query)
    if not normalised:
        return
    client = _redis()
    if client is not None:
        try:
            client.hincrby(_key(timezone.localdate()), normalised, 1)
            return
        except UNAVAILABLE as error:
            logger.warning("Redis unavailable, search counted in the database: %s", error)
    Query.get(normalised).add_hit()


def pending_counts():
    """{(date, query): hits} counted in Redis and not flushed yet (for tests and checks)."""
    client = _redis()
    found = {}
    if client is None:
        return found
    for key in client.scan_iter(match=cache.make_key(PREFIX) + "*"):
        day = key.decode().rsplit(":", 1)[-1] if b":flushing" not in key else None
        if day:
            for query, hits in client.hgetall(key).items():
                found[(day, query.decode())] = int(hits)
    return found


def flush():
    """Move the counts kept in Redis to Wagtail's tables; returns the number of hits moved.

    Each day's hash is renamed before it is read, so counts made meanwhile go to a new hash and
    none is lost or counted twice; if the database fails, the counts go back to Redis.
    """
    client = _redis()
    if client is None:
        return 0
    moved = 0
    for key in list(client.scan_iter(match=cache.make_key(PREFIX) + "*")):
        name = key.decode()
        if ":flushing" in name:
            continue
        day = name.rsplit(":", 1)[-1]
        taken = f"{name}:flushing:{uuid.uuid4().hex}"
        try:
            client.rename(key, taken)
        except Exception as error:  # noqa: BLE001 - the key went away meanwhile (another flush)
            logger.info("Search counts %s already taken: %s", name, error)
            continue
        counts = {query.decode(): int(hits) for query, hits in client.hgetall(taken).items()}
        try:
            with transaction.atomic():
                for query_string, hits in counts.items():
                    query = Query.get(query_string)
                    daily, _created = QueryDailyHits.objects.get_or_create(query=query, date=day)
                    QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
                    moved += hits
        except Exception:
            for query_string, hits in counts.items():
                client.hincrby(key, query_string, hits)
            client.delete(taken)
            raise
        client.delete(taken)
    return moved
