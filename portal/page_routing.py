"""Find the page of a URL in one query, instead of Wagtail's two queries per level of the path.

Wagtail routes ``/fr/actualites/un-article/`` by walking the tree: the site's root page in the
active language (``site.root_page.localized.specific``), then, for each slug, the child with that
slug and its specific object (``Page.route``) — six or seven queries for a news item before the
page does anything. Here one query reads every candidate at once (the root's translations, and
the pages at the depth and with the slug of each component of the path), the walk happens in
Python on those rows, and only the page found is loaded in its specific form (one more query).

The walk follows Wagtail's rules exactly: a page whose class routes as ``Page.route`` (every page
of the portal but the routable ones) hands the rest of the path to its child of that slug; a
routable page (``RoutablePageMixin``) answers when one of its routes matches the rest of the path
and it is live, otherwise its children are tried (``RoutablePageMixin.route``); a page of any other
class that overrides ``route`` gets the rest of the path as Wagtail would give it (its own
``route``, which may query). A page found that is not live, or a missing child, is a 404.

``serve`` is Wagtail's serve view with the route found here put where Wagtail keeps it
(``request._wagtail_route_for_request``), so that Wagtail's own code (``Page.route_for_request``,
the ``before_serve_page`` hooks, view restrictions) sees the same route.
"""

import copy

from django.db import connections
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from portal.i18n import active_locale
from portal.pagecache import per_content_version


def _plain(cls):
    """The class routes as ``Page.route``: the rest of the path goes to the child of that slug."""
    return cls.route is Page.route


def _routable(cls):
    return cls.route is RoutablePageMixin.route


def _answers(page, cls, components):
    """A routable page answers the rest of the path itself (``RoutablePageMixin.route``)."""
    if not page.live:
        return False
    try:
        cls.get_resolver().resolve("/" + "".join(f"{c}/" for c in components))
    except Resolver404:
        return False
    return True


def find_site(request):
    """Wagtail's ``Site.find_for_request`` and what routing needs of the site's root page
    (``(pk, translation_key, depth)``), kept in the process per content version (saving a site
    bumps it, portal/apps.py; ``portal.pagecache.per_content_version``) instead of a query on
    every request. Each request gets its own copy of the site, without its root page
    (``site.root_page`` reads it when something asks)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def build():
        site = Site._find_for_request(request)
        if site is None:
            return None, None
        root = site.root_page
        return site, (root.pk, root.translation_key, root.depth)

    site, root = per_content_version("routing-site", (hostname, port), build)
    if site is None:
        return None, None
    site = copy.copy(site)
    site._state = copy.copy(site._state)
    site._state.fields_cache = {}
    request._wagtail_site = site
    return site, root


def candidates(root_key, root_depth, components):
    """The pages routing may walk through: the root's translations, and at each depth below it
    the pages with that component's slug. One query, written as SQL: every request that serves a
    page runs it, and building and compiling its ``OR`` of conditions through the ORM cost more
    than the database takes to answer."""
    connection = connections[Page.objects.db]
    key = Page._meta.get_field("translation_key").get_db_prep_value(root_key, connection)
    conditions, params = ["(translation_key = %s AND depth = %s)"], [key, root_depth]
    for level, slug in enumerate(components, start=1):
        conditions.append("(depth = %s AND slug = %s)")
        params += [root_depth + level, slug]
    table = connection.ops.quote_name(Page._meta.db_table)
    sql = f"SELECT * FROM {table} WHERE {' OR '.join(conditions)} ORDER BY path"  # noqa: S608 - values as parameters
    return list(Page.objects.raw(sql, params))


def route(request, path):
    """``(page, args, kwargs)`` of the path as Wagtail's ``Page.route_for_request`` finds it, or
    ``None`` (no site, or no page there)."""
    site, root = find_site(request)
    if site is None:
        return None
    root_pk, root_key, root_depth = root
    components = [component for component in path.split("/") if component]
    locale = active_locale()
    rows = candidates(root_key, root_depth, components)
    # The root in the active language when it is live there (Wagtail's ``Page.localized``).
    page = next((p for p in rows if p.translation_key == root_key and p.locale_id == locale.pk and p.live), None)
    page = page or next((p for p in rows if p.pk == root_pk), None)
    if page is None:
        raise Http404
    request._portal_route_pages = rows
    by_path = {p.url_path: p for p in rows}
    for level, slug in enumerate(components):
        cls = page.specific_class
        remaining = components[level:]
        if cls is None or not (_plain(cls) or (_routable(cls) and not _answers(page, cls, remaining))):
            return _finish(request, page, remaining)
        child = by_path.get(f"{page.url_path}{slug}/")
        if child is None:
            raise Http404
        child._cached_parent_obj = page
        page = child
    return _finish(request, page, [])


def _finish(request, page, remaining):
    """The page found (in its specific form) routes the rest of the path itself, as in Wagtail."""
    parent = getattr(page, "_cached_parent_obj", None)
    specific = page.specific
    if parent is not None:
        specific._cached_parent_obj = parent
    return specific.route(request, remaining)


def ancestors(request, page):
    """``page.get_ancestors()`` below the tree's root (depth > 1), without a query when the
    router read them for this request (the breadcrumb of the page served)."""
    rows = {p.path: p for p in getattr(request, "_portal_route_pages", ())}
    paths = [page.path[:end] for end in range(2 * page.steplen, len(page.path), page.steplen)]
    if rows and all(path in rows for path in paths):
        return [rows[path] for path in paths]
    return [ancestor for ancestor in page.get_ancestors() if ancestor.depth > 1]


def serve(request, path):
    """Wagtail's serve view, on the route found by ``route``."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
