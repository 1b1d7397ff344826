"""The site search page and its autocomplete endpoint, in each locale."""

import logging

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query

from portal.i18n import localized_pages
from search import engine
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


def object_url(obj, request):
    """A page's URL in the current site, or an intake record's public URL."""
    if hasattr(obj, "get_url"):
        return obj.get_url(request)
    return obj.get_absolute_url()


def promotions(query):
    """Editors' recommended results for this query, each in the active locale when translated."""
    picks = list(Query.get(query).editors_picks.select_related("page"))
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
    """Count the query for editors (Wagtail's "Promoted search results" report)."""
    Query.get(query).add_hit()


@require_GET
@cache_control(private=True)  # every search is counted for editors: not for the page cache
def search(request):
    """Results for ``q`` among live pages of the active locale and public intake records.

    Facets (content type, theme, country, year) narrow the results; counts follow the other
    facets' choices. A failing engine gives the database backend's results or a polite notice,
    never an error page.
    """
    query = engine.clean_query(request.GET.get("q", ""))
    hits, fell_back, unavailable = [], False, False
    if query:
        try:
            hits, fell_back = engine.with_fallback(engine.find, query)
        except engine.SearchUnavailable:
            unavailable = True
    present = {facet: set().union(*(hit.facet_values(facet) for hit in hits)) for facet in engine.FACETS}
    form = SearchForm(request.GET, allowed=present)
    form.is_valid()
    selected = form.selected()
    filtered = engine.apply_facets(hits, selected)
    page_obj = Paginator(filtered, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    load_streams_together(hit.obj for hit in page_obj)
    results = [
        {
            "object": hit.obj,
            "url": object_url(hit.obj, request),
            "type": hit.type_label,
            "date": hit.date,
            "title": highlight_title(str(getattr(hit.obj, "title", hit.obj)), query),
            "snippet": snippet(hit.obj, query),
        }
        for hit in page_obj
    ]
    is_first_view = "page" not in request.GET and not any(selected.values())
    promoted = []
    if query and is_first_view and not unavailable:
        record(query)
        promoted = promotions(query)
    context = {
        "search_query": query,
        "form": form,
        "page_obj": page_obj,
        "results": results,
        "total": len(filtered),
        "facets": engine.build_facets(hits, selected) if hits else {},
        "filtered": any(selected.values()),
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
            "title": str(getattr(obj, "title", obj)),
            "url": object_url(obj, request),
            "type": engine.type_label(obj.specific_class if hasattr(obj, "specific_class") else type(obj)),
        }
        for obj in found
    ]
    status = (
        ngettext("%(count)d suggestion", "%(count)d suggestions", len(results)) % {"count": len(results)}
        if results
        else _("No suggestion")
    )
    response = JsonResponse({"query": query, "results": results, "status": status}, encoder=HtmlSafeJSONEncoder)
    response["Cache-Control"] = "public, max-age=60"
    return response
