"""Searches are counted for editors in Redis and flushed to the database in batches; identical
anonymous searches are served from a short cache, and still counted."""

import os
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query

from search import counting
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings):
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        pytest.skip("needs a Redis server: set REDIS_TEST_URL=redis://127.0.0.1:6379/1 (CI does)")
    settings.CACHES = {
        "default": {"BACKEND": "portal.cache.ResilientRedisCache", "LOCATION": url, "KEY_PREFIX": uuid.uuid4().hex}
    }
    settings.PAGE_CACHE_SECONDS = 300
    yield
    from django.core.cache import cache

    cache.clear()


def writes(captured):
    return [q["sql"] for q in captured if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_search_is_counted_in_redis_then_flushed_in_one_batch(client, site_tree, redis_cache):
    ContentPageFactory(title="Eau et assainissement", intro="La loi Oudin-Santini.")
    with CaptureQueriesContext(connection) as first:
        response = client.get("/fr/recherche/", {"q": "Oudin"})
    assert response.status_code == 200 and "Eau et assainissement" in response.content.decode()
    assert writes(first) == []
    with CaptureQueriesContext(connection) as again:
        repeated = client.get("/fr/recherche/", {"q": "Oudin"})
    assert "Eau et assainissement" in repeated.content.decode()
    assert len(again) <= 2, [q["sql"] for q in again]  # served from the cache: no search runs
    assert "private" in repeated["Cache-Control"]  # never kept by browsers or shared caches
    client.get("/fr/recherche/", {"q": "oudin", "page": "2"})  # paging does not count
    assert not Query.objects.filter(query_string="oudin").exists()
    assert sum(hits for (_day, query), hits in counting.pending_counts().items() if query == "oudin") == 2

    from search.tasks import flush_search_counts

    flush_search_counts.enqueue()  # the immediate backend of the tests runs it now
    assert Query.get("oudin").hits == 2
    assert counting.pending_counts() == {}
    counting.flush()  # nothing left: nothing counted twice
    assert Query.get("oudin").hits == 2


def test_publishing_invalidates_the_cached_results(client, site_tree, redis_cache):
    page = ContentPageFactory(title="Patrimoine et sites remarquables", live=False)
    assert "et sites remarquables" not in client.get("/fr/recherche/", {"q": "patrimoine"}).content.decode()
    page.save_revision().publish()
    assert "et sites remarquables" in client.get("/fr/recherche/", {"q": "patrimoine"}).content.decode()
