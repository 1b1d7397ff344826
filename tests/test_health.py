"""The health endpoint a load balancer polls."""

import pytest

pytestmark = pytest.mark.django_db


def test_health_reports_every_service(client):
    response = client.get("/health/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert {name: check["status"] for name, check in data["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "search": "ok",
        "queue": "ok",
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_is_503_when_the_database_fails(client, monkeypatch):
    from portal import health

    def broken():
        raise ConnectionError("database down")

    monkeypatch.setitem(health.CHECKS, "database", (broken, True))
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["checks"]["database"]["error"] == "ConnectionError"


def test_a_stopped_cache_is_reported_but_not_fatal(client, settings):
    # Nothing listens on port 1: the Redis cache is unreachable.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["checks"]["cache"]["status"] == "error"
