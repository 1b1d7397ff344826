"""Health endpoint for the load balancer: database, cache and search, each checked for real.

The database is essential (503 when it fails); the cache and the search engine are reported but
degrade gracefully (the site keeps serving pages), so they never turn the answer into a 503.
"""

import time

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = "health-check"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not keep a value")


def check_search():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    ping = getattr(getattr(backend, "es", None), "ping", None)
    if ping is not None and not ping():
        raise RuntimeError("the search engine does not answer")


CHECKS = {"database": (check_database, True), "cache": (check_cache, False), "search": (check_search, False)}


@require_GET
@never_cache
def health(request):
    report, healthy = {}, True
    for name, (check, essential) in CHECKS.items():
        started = time.monotonic()
        try:
            check()
            report[name] = {"status": "ok"}
        except Exception as error:  # noqa: BLE001 - any failure is what we report
            report[name] = {"status": "error", "error": error.__class__.__name__}
            healthy = healthy and not essential
        report[name]["ms"] = round((time.monotonic() - started) * 1000, 1)
    return JsonResponse({"status": "ok" if healthy else "error", "checks": report}, status=200 if healthy else 503)
