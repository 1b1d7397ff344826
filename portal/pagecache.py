"""Full-page cache for anonymous visitors, and the content version that invalidates it.

A page is served from the cache only to a visitor without a session or messages cookie (editors
are logged in, so they always see fresh pages), for GET and HEAD. A response is stored only when
it is a 200 that sets no cookie, is not marked private/no-cache/no-store, and did not use a CSRF
token (so pages holding a form, like the intake forms, are never stored). The key holds the
language, the host and the full path with its query string (filtered lists are cached too).

Every key also holds the *content version*: publishing, unpublishing, moving or deleting a page,
and saving menus, settings, taxonomy, images and documents bump it (portal/apps.py connects the
signals), and so does saving the models each app registers (``register_content_models``, in the
app's ``AppConfig.ready``: laureates, intake records), so the next request renders afresh.
Entries also expire after ``PAGE_CACHE_SECONDS`` and never outlive the next *boundary*: the
next instant at which a page changes by itself, such as a call opening or closing; each app
registers a function that tells its next one (``register_boundary``). The menu and footer cache
(portal_tags) follows the same version. The portal app itself knows no other app.

The cache is Redis when ``REDIS_URL`` is set, local memory otherwise; while Redis is down it
answers like an empty cache (portal/cache.py), so pages are simply rendered. The CSP nonce written
in a stored page is replaced with the current request's on the way out.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

VERSION_KEY = "content-version"
BOUNDARY_KEY = "content-next-boundary"
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/captcha/", "/health/")
HIT_HEADER = "X-Page-Cache"


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:  # first request, or the cache was emptied: agree on one version
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY, "unavailable")
    return version


def bump_content_version(**_kwargs) -> None:
    """Signal receiver: published content changed, every cached page and menu is stale."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    cache.delete(BOUNDARY_KEY)


_boundaries = []


def register_boundary(next_boundary):
    """Register ``next_boundary(now) -> datetime | None``: the next instant after ``now`` at which
    some public page changes without anything being saved (a call opens, closes…). Apps call it
    from their ``AppConfig.ready``; cached pages never outlive the earliest boundary."""
    if next_boundary not in _boundaries:
        _boundaries.append(next_boundary)
    return next_boundary


def register_content_models(*models):
    """Saving or deleting an instance of one of ``models`` changes what visitors see: bump the
    content version. Apps call it from their ``AppConfig.ready`` for their public records."""
    for model in models:
        post_save.connect(bump_content_version, sender=model, dispatch_uid="portal-content-version")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid="portal-content-version")


def seconds_until_next_boundary() -> float | None:
    """Seconds until the next registered boundary (``None`` if none is ahead)."""
    now = time.time()
    boundary = cache.get(BOUNDARY_KEY)
    if boundary is None:
        moment = timezone.now()
        upcoming = [value for value in (function(moment) for function in _boundaries) if value is not None]
        boundary = min(upcoming).timestamp() if upcoming else 0
        cache.set(BOUNDARY_KEY, boundary, timeout=max(1, int(boundary - now)) if boundary else 3600)
    return boundary - now if boundary else None


def cache_key(request) -> str:
    raw = "|".join([get_language() or "", request.get_host(), request.get_full_path()])
    return f"page:{content_version()}:{hashlib.sha256(raw.encode()).hexdigest()}"


def may_serve_from_cache(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path_info.startswith(EXCLUDED_PREFIXES)
    )


def may_store(request, response) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not getattr(response, "streaming", False)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store", "max-age=0"))
    )


class PageCacheMiddleware:
    """Serves and stores anonymous pages (see the module docstring). Sits after the locale
    middleware (the language is in the key) and before CSRF, authentication and messages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_serve_from_cache(request):
            return self.get_response(request)
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            return self.replay(request, stored)
        response = self.get_response(request)
        if may_store(request, response):
            self.store(request, key, response)
        return response

    @staticmethod
    def store(request, key, response):
        timeout = settings.PAGE_CACHE_SECONDS
        until_boundary = seconds_until_next_boundary()
        if until_boundary is not None:
            timeout = max(1, min(timeout, int(until_boundary)))
        stored = {
            "content": response.content,
            "status": response.status_code,
            "headers": dict(response.headers.items()),
            "nonce": str(request.csp_nonce) if hasattr(request, "csp_nonce") else "",
        }
        cache.set(key, stored, timeout)
        response[HIT_HEADER] = "miss"

    @staticmethod
    def replay(request, stored):

        content = stored["content"]
        # Using the current request's nonce makes django-csp put it in this response's header.
        nonce = str(request.csp_nonce) if hasattr(request, "csp_nonce") else ""
        if stored["nonce"] and nonce:
            content = content.replace(stored["nonce"].encode(), nonce.encode())
        response = HttpResponse(content, status=stored["status"])
        for name, value in stored["headers"].items():
            if name.lower() not in ("content-length", "expires", "last-modified"):
                response[name] = value
        response[HIT_HEADER] = "hit"
        return response
