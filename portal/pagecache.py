"""Full-page cache for anonymous visitors, and the content version that invalidates it.

A page is served from the cache only to a visitor without a session or messages cookie (editors
are logged in, so they always see fresh pages), for GET and HEAD. A response is stored only when
it is a 200 that sets no cookie, is not marked private/no-cache/no-store, and did not use a CSRF
token (so pages holding a form, like the intake forms, are never stored). The key holds the
language, the host and the full path with its query string (filtered lists are cached too).

Every key also holds the *content version*: moving or deleting a page, and saving menus,
settings, taxonomy, images and documents bump it (portal/apps.py connects the signals), and so
does saving the models each app registers (``register_content_models``, in the app's
``AppConfig.ready``: laureates, intake records), so the next request renders afresh.

Publishing or unpublishing a page does not empty the whole cache: it bumps the *tags* of the
pages that show it (``pages_showing``): the page itself, its ancestors (the lists and the home
page above it), its translations (their language switcher), the pages that reference it or that
it references (Wagtail's reference index: a call page listing its news, a news item pointing at
a call), the pages that list pages from anywhere (``BasePage.shows_pages_from_anywhere``: the
site map page, the laureates of every call), and the ``site`` tag that every response not served
by a page carries (sitemaps, feeds served outside page routes). A stored entry remembers the
version of its tag as it was *before* the page was rendered (read by ``note_served_page``, the
``before_serve_page`` hook), and a hit whose tag moved since is a miss. A page that menus or
settings show (top-level sections, or referenced by a menu or a setting) still bumps the content
version, since menus and footers are cached on it.

Entries also expire after ``PAGE_CACHE_SECONDS`` and never outlive the next *boundary*: the
next instant at which a page changes by itself, such as a call opening or closing; each app
registers a function that tells its next one (``register_boundary``). The menu and footer cache
(portal_tags) follows the same version. The portal app itself knows no other app.

**Read once per request.** The content version is read from the cache once per request, at
its first use (``PageCacheMiddleware`` gives each request a place to keep it), and every part of
the request (routing's site, the restricted paths, menus, footer, theme copies) uses that value:
one Redis read instead of one per part. What only changes with the version is kept in the
process itself (``per_content_version``) rather than read back from Redis and unpickled on every
request.

The cache is Redis when ``REDIS_URL`` is set, local memory otherwise; while Redis is down it
answers like an empty cache (portal/cache.py), so pages are simply rendered. The CSP nonce written
in a stored page is replaced with the current request's on the way out.
"""

import hashlib
import time
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page, ReferenceIndex, get_page_models

VERSION_KEY = "content-version"
UNKNOWN_VERSION = "unavailable"  # the cache cannot be read (Redis down): nothing is kept
TAG_PREFIX = "page-tag:"
SITE_TAG = "site"
BOUNDARY_KEY = "content-next-boundary"
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/captcha/", "/health/")
HIT_HEADER = "X-Page-Cache"


# The current request's version, read at its first use (``PageCacheMiddleware`` gives each
# request an empty holder: a request that needs no version, such as /health/, reads nothing);
# None outside a request (tasks, commands, shell), where every call reads the cache.
_request_version: ContextVar[dict | None] = ContextVar("content_version", default=None)


def read_content_version() -> str:
    """The content version as the cache holds it now."""
    version = cache.get(VERSION_KEY)
    if version is None:  # first request, or the cache was emptied: agree on one version
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY, UNKNOWN_VERSION)
    return version


def content_version() -> str:
    """The content version of the current request (read once), or the cache's outside requests."""
    holder = _request_version.get()
    if holder is None:
        return read_content_version()
    if "version" not in holder:
        holder["version"] = read_content_version()
    return holder["version"]


def bump_content_version(**_kwargs) -> None:
    """Signal receiver: published content changed, every cached page and menu is stale. The rest
    of the request that changed it already uses the new version."""
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    cache.delete(BOUNDARY_KEY)
    holder = _request_version.get()
    if holder is not None:
        holder["version"] = version


# Values that change only with the content version, kept in the process: (version, {key: value}).
_per_version = (None, {})


def per_content_version(name, key, build):
    """``build()`` once per process and content version for ``(name, key)``: the site of a host,
    the restricted paths, a locale's menus and footer links. Values are shared by the requests of
    the process: never change them. The values of older versions are dropped when the version
    moves, so the memory held is that of one version's few entries. While the version cannot be
    read (Redis down), nothing is kept: a change would go unnoticed."""
    global _per_version
    version = content_version()
    if version == UNKNOWN_VERSION:
        return build()
    known, values = _per_version
    if known != version:  # two threads may both start a new dict: each builds what it reads
        values = {}
        _per_version = (version, values)
    try:
        return values[(name, key)]
    except KeyError:
        value = values[(name, key)] = build()
        return value


def page_tag(page_id) -> str:
    return f"page:{page_id}"


def tag_versions(tags) -> dict:
    """The current version of each tag (created when missing, e.g. evicted: entries stored
    under an older version are then stale)."""
    keys = {TAG_PREFIX + tag: tag for tag in tags}
    versions = {keys[key]: value for key, value in cache.get_many(list(keys)).items()}
    for tag in set(keys.values()) - set(versions):
        cache.add(TAG_PREFIX + tag, uuid.uuid4().hex, timeout=None)
        versions[tag] = cache.get(TAG_PREFIX + tag, "unavailable")
    return versions


def bump_tags(tags) -> None:
    cache.set_many({TAG_PREFIX + tag: uuid.uuid4().hex for tag in tags}, timeout=None)


def pages_showing(page) -> tuple[set[int], bool]:
    """The ids of the pages whose rendering shows ``page`` (see the module docstring), and
    whether menus or settings show it too (then the whole content version must move)."""
    translations = set(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))
    ids = {page.pk} | translations | set(page.get_ancestors().values_list("pk", flat=True))
    page_type = ContentType.objects.get_for_model(Page)
    shown_elsewhere = page.depth <= 3  # a locale's home page or a top-level section: the menus
    references_to = ReferenceIndex.objects.filter(
        to_content_type=page_type, to_object_id__in=[str(pk) for pk in translations]
    )
    for reference in references_to:
        if reference.base_content_type_id == page_type.pk:
            ids.add(int(reference.object_id))
        else:
            shown_elsewhere = True  # a menu, a setting, a snippet rendered in pages
    for reference in ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type):
        ids.add(int(reference.to_object_id))
    overviews = [model for model in get_page_models() if getattr(model, "shows_pages_from_anywhere", False)]
    ids |= set(Page.objects.type(*overviews).values_list("pk", flat=True)) if overviews else set()
    return ids, shown_elsewhere


def page_changed(sender=None, instance=None, **_kwargs) -> None:
    """Signal receiver for ``page_published`` / ``page_unpublished``: refresh what shows the page."""
    ids, shown_elsewhere = pages_showing(instance)
    if shown_elsewhere:
        bump_content_version()
    else:
        bump_tags([page_tag(pk) for pk in ids] + [SITE_TAG])


def note_served_page(page, request, *_args, **_kwargs) -> None:
    """``before_serve_page`` hook: the response depends on this page; remember its tag's version
    before rendering, so that a publication during the render makes the entry stale."""
    tag = page_tag(page.pk)
    request.page_cache_tags = tag_versions([tag])


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
        token = _request_version.set({})
        try:
            return self.serve(request)
        finally:
            _request_version.reset(token)

    def serve(self, request):
        if not may_serve_from_cache(request):
            return self.get_response(request)
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None and tag_versions(stored["tags"]) == stored["tags"]:
            return self.replay(request, stored)
        site_version = tag_versions([SITE_TAG])  # for a response that no page serves
        response = self.get_response(request)
        if may_store(request, response):
            self.store(request, key, response, getattr(request, "page_cache_tags", site_version))
        return response

    @staticmethod
    def store(request, key, response, tags):
        timeout = settings.PAGE_CACHE_SECONDS
        until_boundary = seconds_until_next_boundary()
        if until_boundary is not None:
            timeout = max(1, min(timeout, int(until_boundary)))
        stored = {
            "content": response.content,
            "status": response.status_code,
            "headers": dict(response.headers.items()),
            "nonce": str(request.csp_nonce) if hasattr(request, "csp_nonce") else "",
            "tags": tags,
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
