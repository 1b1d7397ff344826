"""A stopped Redis degrades the portal instead of breaking it (portal/cache.py): pages, search,
health, the intake forms and the admin login keep working, the cache answering as an empty one;
the login lock-out, kept in the database, still applies."""

import logging
import os
import socket
import time
import uuid

import pytest
from django.core.cache import cache

from forms.models import PartnershipOffer
from portal.cache import ResilientRedisCache
from tests.factories.intake import build_intake_site
from tests.factories.news import NewsIndexPageFactory
from tests.test_intake_forms import offer_data

pytestmark = pytest.mark.django_db

BACKEND = "portal.cache.ResilientRedisCache"


@pytest.fixture
def redis_down(settings, monkeypatch):
    # Every cache call tries Redis (no pause after a failure), so that each one is shown to degrade.
    monkeypatch.setattr(ResilientRedisCache, "RETRY_AFTER", 0)
    # Nothing listens on port 1. Changing CACHES resets Django's cache handler.
    settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": "redis://127.0.0.1:1/0", "KEY_PREFIX": "portal"}}
    return settings


def test_pages_and_search_are_served_when_redis_is_down(client, redis_down, site_tree, caplog):
    redis_down.PAGE_CACHE_SECONDS = 300  # the page cache is on in production
    news_index = NewsIndexPageFactory(parent=site_tree["homes"]["fr"])
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        for url in ("/fr/", site_tree["content"].url, news_index.url, "/fr/recherche/?q=coop%C3%A9ration"):
            response = client.get(url)
            assert response.status_code == 200, url
    assert "Redis cache unavailable" in caplog.text


def test_health_reports_the_cache_error_when_redis_is_down(client, redis_down):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"]["cache"]["status"] == "error"
    assert response.json()["checks"]["database"]["status"] == "ok"


def test_intake_submissions_go_through_without_rate_limit_when_redis_is_down(client, redis_down):
    # Fail open: without the shared counter every submission is accepted, none is lost.
    redis_down.INTAKE_RATE_LIMIT = 1
    page = build_intake_site()["offer_form"]
    for attempt in range(2):
        response = client.post(page.url, offer_data(project_title=f"Projet {attempt}"))
        assert response.status_code == 302, response.content.decode()[:500]
    assert sorted(PartnershipOffer.objects.values_list("project_title", flat=True)) == ["Projet 0", "Projet 1"]
    assert client.get(response["Location"]).status_code == 200


def test_admin_login_and_its_lockout_work_when_redis_is_down(client, redis_down, django_user_model):
    # The lock-out (django-axes) counts in the database: Redis being away neither locks staff out
    # nor lets guesses through.
    django_user_model.objects.create_user("editrice", password="un-bon-mot-de-passe", is_superuser=True)
    assert client.get("/admin/login/").status_code == 200
    for _ in range(5):
        response = client.post("/admin/login/", {"username": "editrice", "password": "mauvais"})
        assert "_auth_user_id" not in client.session
    assert response.status_code == 429
    response = client.post("/admin/login/", {"username": "editrice", "password": "un-bon-mot-de-passe"})
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    # From her own desk, the account owner signs in.
    response = client.post(
        "/admin/login/", {"username": "editrice", "password": "un-bon-mot-de-passe"}, REMOTE_ADDR="10.0.0.7"
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_unreachable_redis_answers_like_an_empty_cache(redis_down):
    assert cache.get("key") is None and cache.get("key", "default") == "default"
    assert cache.set("key", "value") is None
    assert cache.add("key", "value") is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.has_key("key") is False and cache.delete("key") is False and cache.touch("key") is False
    assert cache.get_or_set("key", "computed") == "computed"
    with pytest.raises(ValueError):
        cache.incr("key")
    cache.delete_many(["a", "b"])
    assert cache.clear() is False


def test_redis_is_left_alone_for_a_pause_after_a_failure(redis_down, monkeypatch, caplog):
    monkeypatch.setattr(ResilientRedisCache, "RETRY_AFTER", 0.3)
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        cache.get("key")
        cache.set("key", "value")
        assert caplog.text.count("Redis cache unavailable") == 1  # the second call did not try
        time.sleep(0.35)
        cache.get("key")
    assert caplog.text.count("Redis cache unavailable") == 2


def test_a_hanging_redis_costs_one_short_timeout(settings):
    # A server that accepts connections and never answers, like a Redis stuck on a dead host.
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        port = server.getsockname()[1]
        settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": f"redis://127.0.0.1:{port}/0"}}
        started = time.monotonic()
        assert cache.get("key", "default") == "default"
        assert time.monotonic() - started < 3
        started = time.monotonic()
        for _ in range(20):
            assert cache.get("key") is None
        assert time.monotonic() - started < 0.1  # left alone for RETRY_AFTER seconds


def test_the_backend_works_normally_with_a_real_redis(settings):
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        pytest.skip("needs a Redis server: set REDIS_TEST_URL=redis://127.0.0.1:6379/1 (CI does)")
    settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": url, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}
    try:
        cache.set("greeting", {"fr": "bonjour"}, 30)
        assert cache.get("greeting") == {"fr": "bonjour"}
        assert cache.add("counter", 0, 30) is True and cache.add("counter", 5, 30) is False
        assert cache.incr("counter") == 1 and cache.incr("counter", 2) == 3
        with pytest.raises(ValueError):
            cache.incr("missing")
        assert cache.get_many(["greeting", "counter", "missing"]) == {"greeting": {"fr": "bonjour"}, "counter": 3}
        assert cache.delete("greeting") is True and cache.get("greeting") is None
    finally:
        cache.delete_many(["greeting", "counter"])
