"""The site search page and its autocomplete endpoint, in each locale."""

import logging
from collections import defaultdict

from django.core.cache import cache
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from portal import pagecache
from portal.i18n import localized_pages
from portal.page_routing import find_site
from search import counting, engine, sources
from search.forms import SearchForm
from search.highlight import highlight_title, load_streams_together, snippet

logger = logging.getLogger(__name__)

# What json_script escapes: a title such as ``</script><script>…`` stays text even if the body is
# ever read as HTML; JSON.parse gives the title back unchanged.
HTML_SAFE_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class HtmlSafeJSONEncoder(DjangoJSONEncoder):
    def encode(self, o):
        return super().encode(o).translate(HTML_SAFE_JSON)


RESULTS_PER_PAGE = 10
#: Seconds an anonymous results page is reused for the same URL (publishing invalidates it at once).
SEARCH_CACHE_SECONDS = 30


def object_urls(objects, request):
    """The public URL of each object, in order: a page's in the current site, a registered
    source's (``search.sources``, one call for all its objects), an intake record's own. The
    request's site is the one kept per process (``find_site``): no query for it."""
    find_site(request)
    objects = list(objects)
    urls = [None] * len(objects)
    by_source = defaultdict(list)
    for position, obj in enumerate(objects):
        source = sources.source_of(type(obj))
        if source is not None:
            by_source[source].append(position)
        elif hasattr(obj, "get_url"):
            urls[position] = obj.get_url(request)
        else:
            urls[position] = obj.get_absolute_url()
    for source, positions in by_source.items():
        for position, url in zip(positions, source.urls([objects[p] for p in positions]), strict=True):
            urls[position] = url
    return urls


def object_title(obj):
    """What a result is called: its title, else its name (authorities)."""
    return str(getattr(obj, "title", None) or getattr(obj, "name", None) or obj)


def promotions(query):
    """Editors' recommended results for this query, each in the active locale when translated."""
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    localized = localized_pages(pick.page for pick in picks)
    promoted = []
    for pick in picks:
        page = localized.get(pick.page_id) if pick.page_id else None
        if pick.page_id and (page is None or not page.live):
            continue
        promoted.append(
            {
                "title": page.title if page else pick.external_link_text or pick.external_link_url,
                "page": page,
                "url": None if page else pick.external_link_url,
                "description": pick.description,
            }
        )
    return promoted


def record(query):
    """Count the query for editors (Wagtail's "Promoted search results" report): a Redis
    counter, flushed to the database in batches (search/counting.py)."""
    counting.count_query(query)


def counts_for_editors(request, query):
    """A first view of the results of a query (not another page, not narrowed) counts."""
    return bool(query) and "page" not in request.GET and not any(request.GET.getlist(f) for f in engine.FACETS)


@require_GET
@cache_control(private=True)  # not for the page cache nor browsers: cached below, counted each time
def search(request):
    """The results page; identical anonymous searches are served from a short cache
    (``SEARCH_CACHE_SECONDS``), each still counted for editors."""
    query = engine.clean_query(request.GET.get("q", ""))
    cacheable = SEARCH_CACHE_SECONDS > 0 and pagecache.may_serve_from_cache(request)
    key = f"search:{pagecache.cache_key(request)}" if cacheable else None
    stored = cache.get(key) if key else None
    # Publishing or unpublishing any page moves the "site" tag (portal/pagecache.py): a results
    # page stored before is stale.
    if stored is not None and pagecache.tag_versions(stored["tags"]) == stored["tags"]:
        if counts_for_editors(request, query):
            record(query)
        return pagecache.PageCacheMiddleware.replay(request, stored)
    site_version = pagecache.tag_versions([pagecache.SITE_TAG]) if key else None
    response = render_search(request).render()
    if key and pagecache.may_store(request, response):
        stored = {
            "content": response.content,
            "status": response.status_code,
            "headers": dict(response.headers.items()),
            "nonce": str(request.csp_nonce) if hasattr(request, "csp_nonce") else "",
            "tags": site_version,
        }
        cache.set(key, stored, SEARCH_CACHE_SECONDS)
    return response


def render_search(request):
    """Results for ``q`` among live pages of the active locale and public intake records.

    Facets (content type, theme, country, year) narrow the results; counts follow the other
    facets' choices. A failing engine gives the database backend's results or a polite notice,
    never an error page.
    """
    query = engine.clean_query(request.GET.get("q", ""))
    form = SearchForm(request.GET)
    form.is_valid()
    found, fell_back, unavailable = None, False, False
    if query:
        try:
            found, fell_back = engine.with_fallback(
                engine.results, query, form.selected(), request.GET.get("page"), RESULTS_PER_PAGE
            )
        except engine.SearchUnavailable:
            unavailable = True
    if found is None:
        page_obj = Paginator([], RESULTS_PER_PAGE).get_page(1)
        found = engine.Results(engine.EMPTY_COUNTS, {}, page_obj, [], [])
    shown = engine.load(found.hits)
    load_streams_together(hit.obj for hit in shown)
    urls = object_urls((hit.obj for hit in shown), request)
    results = [
        {
            "object": hit.obj,
            "url": url,
            "type": hit.type_label,
            "date": hit.date,
            "title": highlight_title(object_title(hit.obj), query),
            "snippet": snippet(hit.obj, query),
            # Records (offers, label requests) are shown as written, in their submission's language.
            "language": getattr(hit.obj, "language", None),
        }
        for hit, url in zip(shown, urls, strict=True)
    ]
    promoted = []
    if counts_for_editors(request, query) and not unavailable:
        record(query)
        promoted = promotions(query)
    context = {
        "search_query": query,
        "form": form,
        "page_obj": found.page_obj,
        "results": results,
        "total": found.total,
        "facets": engine.build_facets(found.counts, found.selected, found.models) if found.models else {},
        "filtered": any(found.selected.values()),
        "promotions": promoted,
        "fell_back": fell_back,
        "unavailable": unavailable,
    }
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def autocomplete(request):
    """JSON suggestions for the header box: ``{"query", "results": [{title, url, type}], "status"}``."""
    query = engine.clean_query(request.GET.get("q", ""))
    found = []
    if len(query) >= 2:
        try:
            found, _fell_back = engine.with_fallback(engine.suggest, query)
        except engine.SearchUnavailable:
            found = []
    results = [
        {
            "title": object_title(obj),
            "url": url,
            "type": engine.type_label(obj.specific_class if hasattr(obj, "specific_class") else type(obj)),
        }
        for obj, url in zip(found, object_urls(found, request), strict=True)
    ]
    status = (
        ngettext("%(count)d suggestion", "%(count)d suggestions", len(results)) % {"count": len(results)}
        if results
        else _("No suggestion")
    )
    response = JsonResponse({"query": query, "results": results, "status": status}, encoder=HtmlSafeJSONEncoder)
    response["Cache-Control"] = "public, max-age=60"
    return response
