"""The site search: live pages of the active locale plus published intake records.

One search runs per source (pages, then each intake model); the best ``MAX_HITS`` hits are
loaded with a bounded number of queries (one per page type, two per taxonomy field), ranked
together, counted into facets (content type, theme, country, year) and filtered by them. The
number of queries never depends on the number of results.

Ranking: the engine's relevance (titles are weighted above body text), then open calls for
projects get ``OPEN_CALL_BOOST`` so that, for the same terms, they come before closed ones.

When the default engine fails (Elasticsearch unreachable), the search runs again on the
``database`` backend if one is configured (it is when ``ELASTICSEARCH_URL`` is set); otherwise
the result says the search is unavailable. Nothing here raises on odd input.
"""

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from django.utils.text import capfirst
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError

from portal.i18n import active_locale
from portal.models import Country
from portal.taxonomy import theme_names

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
#: Hits loaded per search (ranked, faceted): beyond that, results are not worth reading.
MAX_HITS = 300
AUTOCOMPLETE_SIZE = 8
#: Multiplier of the relevance of an open call for projects.
OPEN_CALL_BOOST = 1.5
FALLBACK_BACKEND = "database"
#: What a failing engine raises: database errors, Elasticsearch transport and API errors.
ENGINE_ERRORS = (DatabaseError, TransportError, ApiError, ConnectionError, TimeoutError)

FACETS = ("type", "theme", "country", "year")

#: Intake models searched besides pages: (app label, model name, queryset method of what is public).
INTAKE_SOURCES = [
    ("intake", "PartnershipOffer", "published"),
    ("intake", "ExpertiseLabelRequest", "labelled"),
]
#: Page models whose ``objects.open()`` lists the open calls (boosted).
OPEN_CALL_MODELS = [("calls", "CallPage")]


class SearchUnavailable(Exception):
    """Neither the engine nor its fallback answered."""


def clean_query(raw):
    """The query as searched: control characters removed, whitespace collapsed, cut to a sane length."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def _model(app_label, model_name):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def intake_querysets():
    """The public intake records, model by model (the intake app may not be installed)."""
    querysets = []
    for app_label, model_name, method in INTAKE_SOURCES:
        model = _model(app_label, model_name)
        if model is not None:
            querysets.append(getattr(model.objects, method)())
    return querysets


def page_queryset(locale=None):
    return Page.objects.live().public().filter(locale=locale or active_locale())


@dataclass
class Hit:
    """One result: the specific object, its relevance and what the facets count."""

    obj: object
    score: float
    type_key: str
    type_label: str
    date: date | None
    themes: set = field(default_factory=set)
    countries: set = field(default_factory=set)

    @property
    def year(self):
        return str(self.date.year) if self.date else None

    def facet_values(self, facet):
        if facet == "type":
            return {self.type_key}
        if facet == "theme":
            return self.themes
        if facet == "country":
            return self.countries
        return {self.year} if self.year else set()


def type_key(model):
    return model._meta.label_lower


def type_label(model):
    return capfirst(str(model._meta.verbose_name))


def listing_date(obj):
    """The date shown and counted for a result: its ``listing_date``, else its publication date."""
    value = getattr(obj, "listing_date", None)
    if value is None:
        value = getattr(obj, "first_published_at", None) or getattr(obj, "last_published_at", None)
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value if isinstance(value, date) else None


def _score_sign(backend):
    """+1 when a higher score is better; SQLite's bm25() is negative, lower is better."""
    return -1 if "sqlite" in type(get_search_backend(backend)).__module__ else 1


def _search(queryset, query, backend):
    """(object, score) pairs of the best hits of one source, higher scores first."""
    results = queryset.search(query, operator="and", backend=backend).annotate_score("_search_score")
    sign = _score_sign(backend)
    return [(obj, sign * (obj._search_score or 0.0)) for obj in results[:MAX_HITS]]


def _taxonomy(model, pks):
    """{pk: (theme slugs, country ISO codes)} for objects of ``model``: two queries at most."""
    found = defaultdict(lambda: (set(), set()))
    names = {f.name for f in model._meta.get_fields()}
    for position, (field_name, attribute) in enumerate(
        (("themes", "slug"), ("countries", "iso_code"), ("theme", "slug"), ("country", "iso_code"))
    ):
        if field_name not in names:
            continue
        lookup = f"{field_name}__{attribute}"
        for pk, value in model._default_manager.filter(pk__in=pks).values_list("pk", lookup):
            if value:
                found[pk][position % 2].add(value)
    return found


def _load_hits(scored_pages, scored_records):
    """Hits for the pages (made specific, one query per type) and intake records."""
    hits = []
    by_type = defaultdict(list)
    specific = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p, _ in scored_pages]).specific()}
    for page, score in scored_pages:
        obj = specific.get(page.pk)
        if obj is not None:
            by_type[type(obj)].append((obj, score))
    for obj, score in scored_records:
        by_type[type(obj)].append((obj, score))
    open_calls = set()
    for app_label, model_name in OPEN_CALL_MODELS:
        model = _model(app_label, model_name)
        if model is not None and model in by_type:
            pks = model.objects.open().filter(pk__in=[obj.pk for obj, _ in by_type[model]]).values_list("pk", flat=True)
            open_calls |= {(model, pk) for pk in pks}
    for model, items in by_type.items():
        taxonomy = _taxonomy(model, [obj.pk for obj, _ in items])
        for obj, score in items:
            themes, countries = taxonomy[obj.pk]
            if (model, obj.pk) in open_calls:
                score *= OPEN_CALL_BOOST
            hits.append(Hit(obj, score, type_key(model), type_label(model), listing_date(obj), themes, countries))
    hits.sort(key=lambda hit: (-hit.score, -(hit.date.toordinal() if hit.date else 0)))
    return hits


def find(query, backend="default"):
    """Ranked hits for ``query`` in the active locale, from one backend."""
    scored_pages = _search(page_queryset(), query, backend)
    scored_records = []
    for queryset in intake_querysets():
        try:
            scored_records += _search(queryset, query, backend)
        except FilterFieldError as error:  # a filter the engine cannot apply: say so in the logs
            logger.error("Cannot search %s: %s", queryset.model, error)
    return _load_hits(scored_pages, scored_records)


def with_fallback(function, *args):
    """Run ``function(*args, backend=…)`` on the default backend, then on the fallback if it fails.

    Returns (value, fell_back). Raises SearchUnavailable when no backend answered.
    """
    backends = ["default"]
    if FALLBACK_BACKEND in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}):
        backends.append(FALLBACK_BACKEND)
    for position, backend in enumerate(backends):
        try:
            return function(*args, backend=backend), position > 0
        except ENGINE_ERRORS:
            logger.exception("Search backend %r failed", backend)
    raise SearchUnavailable


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def facet_counts(hits, selected):
    """Counts per facet value; each facet counts the hits that match the *other* facets' choices."""
    counts = {}
    for facet in FACETS:
        others = {name: values for name, values in selected.items() if name != facet and values}
        counter = Counter()
        for hit in hits:
            if all(hit.facet_values(name) & values for name, values in others.items()):
                counter.update(hit.facet_values(facet))
        counts[facet] = counter
    return counts


def apply_facets(hits, selected):
    return [hit for hit in hits if all(hit.facet_values(name) & values for name, values in selected.items() if values)]


def facet_labels(hits):
    """Readable label of every facet value present in ``hits``, in the active language."""
    theme_slugs = set().union(*(hit.themes for hit in hits)) if hits else set()
    country_codes = set().union(*(hit.countries for hit in hits)) if hits else set()
    labels = {"type": {hit.type_key: hit.type_label for hit in hits}, "year": {}, "theme": {}, "country": {}}
    labels["theme"] = theme_names(theme_slugs)
    if country_codes:
        labels["country"] = {c.iso_code: c.name for c in Country.objects.filter(iso_code__in=country_codes)}
    return labels


def build_facets(hits, selected):
    """{facet: [FacetOption]} sorted by count (years: most recent first)."""
    counts = facet_counts(hits, selected)
    labels = facet_labels(hits)
    facets = {}
    for facet in FACETS:
        options = [
            FacetOption(value, labels[facet].get(value, value), count, value in selected.get(facet, set()))
            for value, count in counts[facet].items()
        ]
        if facet == "year":
            options.sort(key=lambda option: option.value, reverse=True)
        else:
            options.sort(key=lambda option: (-option.count, option.label.lower()))
        facets[facet] = options
    return facets


def suggest(query, backend="default"):
    """Autocomplete: the best titles starting with what was typed, pages then intake records."""
    found = list(page_queryset().autocomplete(query, backend=backend)[:AUTOCOMPLETE_SIZE])
    for queryset in intake_querysets():
        if len(found) >= AUTOCOMPLETE_SIZE:
            break
        try:
            found += list(queryset.autocomplete(query, backend=backend)[: AUTOCOMPLETE_SIZE - len(found)])
        except (FilterFieldError, NotImplementedError, ValueError) as error:  # no AutocompleteField on that model
            logger.debug("No autocomplete on %s: %s", queryset.model, error)
    return found
