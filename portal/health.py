"""Health endpoint for the load balancer: database, cache, search and task queue, each checked
for real.

The database is essential (503 when it fails); the cache, the search engine and the task queue
are reported but degrade gracefully (the site keeps serving pages and storing submissions), so
they never turn the answer into a 503. The queue is "late" when a due task has waited longer than
TASK_QUEUE_MAX_DELAY seconds: no worker is running, or it cannot keep up.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.search.backends import get_search_backend

from portal.tasks import queue_report


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

    backend = get_search_backend()
    ping = getattr(getattr(backend, "es", None), "ping", None)
    if ping is not None and not ping():
        raise RuntimeError("the search engine does not answer")


def check_queue():

    report = queue_report()
    if report.get("oldest_due_seconds", 0) > settings.TASK_QUEUE_MAX_DELAY:
        report["status"] = "late"
    return report


CHECKS = {
    "database": (check_database, True),
    "cache": (check_cache, False),
    "search": (check_search, False),
    "queue": (check_queue, False),
}


@require_GET
@never_cache
def health(request):
    report, healthy = {}, True
    for name, (check, essential) in CHECKS.items():
        started = time.monotonic()
        try:
            report[name] = {"status": "ok", **(check() or {})}
        except Exception as error:  # noqa: BLE001 - any failure is what we report
            report[name] = {"status": "error", "error": error.__class__.__name__}
            healthy = healthy and not essential
        report[name]["ms"] = round((time.monotonic() - started) * 1000, 1)
    return JsonResponse({"status": "ok" if healthy else "error", "checks": report}, status=200 if healthy else 503)
