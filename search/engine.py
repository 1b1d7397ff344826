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
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError
from wagtail.search.index import class_is_indexed

from portal.i18n import active_locale
from portal.models import Theme
from portal.search_text import normalize
from portal.taxonomy import all_countries, theme_names
from search import elastic, postgres, sources
from search.backends.elasticsearch import SearchBackend as ElasticsearchBackend

try:  # PostgreSQL's results give every match as numbers, without building objects
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchResults
except ImportError:  # pragma: no cover - psycopg missing: other databases only
    PostgresSearchBackend = PostgresSearchResults = ()

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
#: The languages with an analysis of their own (the first: the default, see search/backends/).
SEARCH_LANGUAGES = ("fr", "en", "es", "ar")

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


def record_querysets():
    """The public records searched besides pages, model by model: the intake's (the intake app
    may not be installed), then those of the sources registered by other apps (``search.sources``:
    the Atlas's projects and authorities)."""
    querysets = []
    for app_label, model_name, method in INTAKE_SOURCES:
        model = _model(app_label, model_name)
        if model is not None:
            querysets.append(getattr(model.objects, method)())
    querysets += [source.public() for source in sources.registered()]
    return querysets


def page_queryset(locale=None):
    return Page.objects.live().public().filter(locale=locale or active_locale())


@dataclass
class Hit:
    """One match: its model, primary key and relevance; ``obj`` once the page of results is loaded."""

    model: type
    pk: int
    score: float
    obj: object = None

    @property
    def type_key(self):
        return type_key(self.model)

    @property
    def type_label(self):
        return type_label(self.model)

    @property
    def date(self):
        return listing_date(self.obj) if self.obj is not None else None


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


# --- what each model gives the facets (in SQL) -------------------------------------------------

#: Field of the date whose year the year facet counts, when the model's ``listing_date`` is a field.
DATE_FIELDS = {"calls.callpage": "closing_date", "news.newspage": "date"}


def date_expression(model):
    """SQL expression of the date ``listing_date`` gives (years are counted in Europe/Paris)."""
    names = {f.name for f in model._meta.get_fields()}
    name = DATE_FIELDS.get(type_key(model))
    if name:
        return F(name)
    if "published_at" in names and "created_at" in names:
        return Coalesce("published_at", "created_at")
    for name in ("first_published_at", "last_published_at", "published_at", "created_at"):
        if name in names:
            return F(name)
    return None


def taxonomy_field(model, facet):
    """The relation of ``model`` holding its themes (``facet="theme"``) or countries, or None
    (a registered source may name the path to its countries, ``Source.country_field``)."""
    source = sources.source_of(model)
    if facet == "country" and source is not None and source.country_field:
        return source.country_field
    names = {f.name for f in model._meta.get_fields()}
    candidates = ("themes", "theme") if facet == "theme" else ("countries", "country")
    return next((name for name in candidates if name in names), None)


def year_expression(model):
    """SQL expression of the year the year facet counts for ``model``, or None: the source's
    ``year_field`` (a project's start year), else the year of ``date_expression``."""
    source = sources.source_of(model)
    if source is not None and source.year_field:
        return F(source.year_field)
    expression = date_expression(model)
    return ExtractYear(expression) if expression is not None else None


def object_year(obj):
    """The year ``obj`` is counted in by the year facet (see ``year_expression``), or None."""
    source = sources.source_of(type(obj))
    if source is not None and source.year_field:
        return getattr(obj, source.year_field)
    day = listing_date(obj)
    return day.year if day else None


def _value_lookup(model, facet):
    """The lookup whose values a facet counts on ``model`` (None: the model has no such value)."""
    if facet == "type":
        return None
    if facet == "year":
        return "search_year" if year_expression(model) is not None else None
    field = taxonomy_field(model, facet)
    if field is None:
        return None
    return f"{field}__slug" if facet == "theme" else f"{field}__iso_code"


def _narrowed(model, pks, selected, skip=None):
    """``model``'s objects among ``pks`` matching every chosen facet but ``skip`` (None: no object)."""
    queryset = model._default_manager.filter(pk__in=pks)
    expression = year_expression(model)
    if expression is not None:
        queryset = queryset.annotate(search_year=expression)
    for facet in FACETS:
        values = selected.get(facet)
        if facet == skip or not values:
            continue
        if facet == "type":
            if type_key(model) not in values:
                return None
            continue
        lookup = _value_lookup(model, facet)
        if lookup is None:
            return None
        if facet == "year":
            queryset = queryset.filter(search_year__in=[int(v) for v in values if v.isdigit()])
        elif facet == "theme":
            keys = Theme.objects.filter(slug__in=values).values("translation_key")
            field = taxonomy_field(model, "theme")
            related = model._default_manager.filter(**{f"{field}__translation_key__in": keys})
            queryset = queryset.filter(pk__in=related.values("pk"))
        else:
            related = model._default_manager.filter(**{f"{lookup}__in": values})
            queryset = queryset.filter(pk__in=related.values("pk"))
    return queryset


def _count_values(model, pks, selected, facet):
    """Counter {value: number of objects} of one facet over ``model``'s matches: one query at most."""
    if facet == "type":
        if not any(selected.get(name) for name in FACETS if name != "type"):
            return Counter({type_key(model): len(pks)})
        queryset = _narrowed(model, pks, selected, skip="type")
        count = queryset.count() if queryset is not None else 0
        return Counter({type_key(model): count} if count else {})
    lookup = _value_lookup(model, facet)
    queryset = _narrowed(model, pks, selected, skip=facet) if lookup else None
    if queryset is None:
        return Counter()
    rows = queryset.order_by().values(lookup).annotate(count=Count("pk", distinct=True)).values_list(lookup, "count")
    return Counter({str(value): count for value, count in rows if value is not None})


# --- the search ----------------------------------------------------------------------------------


def _score_sign(backend):
    """+1 when a higher score is better; SQLite's bm25() is negative, lower is better."""
    return -1 if "sqlite" in type(get_search_backend(backend)).__module__ else 1


def _scored(queryset, query, backend, limit=None):
    """(pk, content type id or None, score) of every match of one source.

    On PostgreSQL this is one query returning three numbers a match (no object is built);
    other engines give their best ``MAX_HITS`` objects.
    """
    results = queryset.search(normalize(query, get_language()), operator="and", backend=backend)
    with_type = queryset.model is Page
    if isinstance(results, PostgresSearchResults):
        compiler = results.query_compiler
        matches = compiler.search(
            compiler.get_config(results.backend), None, limit, score_field="_search_score", backend=results.backend
        )
        fields = ("pk", "content_type_id", "_search_score") if with_type else ("pk", "_search_score")
        rows = matches.values_list(*fields)
        if with_type:
            return [(pk, ctype, score or 0.0) for pk, ctype, score in rows]
        return [(pk, None, score or 0.0) for pk, score in rows]
    sign = _score_sign(backend)
    results = results.annotate_score("_search_score")
    return [
        (obj.pk, obj.content_type_id if with_type else None, sign * (obj._search_score or 0.0))
        for obj in results[: limit or MAX_HITS]
    ]


@dataclass
class Matches:
    """Every match of a query: ranked hits (objects not loaded) grouped by model for the facets."""

    hits: list
    by_model: dict  # {model: [pk, ...]}

    def facets(self, selected):
        """({facet: Counter}, {facet: set of values present}) exact over every match.

        Values present are counted without any choice; counts follow the other facets' choices.
        """
        present = {facet: Counter() for facet in FACETS}
        for model, pks in self.by_model.items():
            for facet in FACETS:
                present[facet] += _count_values(model, pks, {}, facet)
        selected = {facet: values & set(present[facet]) for facet, values in selected.items()}
        if not any(selected.values()):
            return present, selected
        counts = {facet: Counter() for facet in FACETS}
        for model, pks in self.by_model.items():
            for facet in FACETS:
                counts[facet] += _count_values(model, pks, selected, facet)
        return counts, selected

    def filtered(self, selected):
        """The hits matching every chosen facet, in rank order: one query per model."""
        if not any(selected.values()):
            return self.hits
        kept = set()
        for model, pks in self.by_model.items():
            queryset = _narrowed(model, pks, selected)
            if queryset is not None:
                kept |= {(model, pk) for pk in queryset.values_list("pk", flat=True)}
        return [hit for hit in self.hits if (hit.model, hit.pk) in kept]


def _open_calls(by_model):
    found = set()
    for app_label, model_name in OPEN_CALL_MODELS:
        model = _model(app_label, model_name)
        if model is not None and by_model.get(model):
            pks = model.objects.open().filter(pk__in=by_model[model]).values_list("pk", flat=True)
            found |= {(model, pk) for pk in pks}
    return found


def find(query, backend="default"):
    """Every match of ``query`` in the active locale, ranked, from one backend (no object loaded)."""
    scored = []
    for pk, ctype, score in _scored(page_queryset(), query, backend):
        model = ContentType.objects.get_for_id(ctype).model_class()
        if model is not None:
            scored.append((model, pk, score))
    for queryset in record_querysets():
        try:
            scored += [(queryset.model, pk, score) for pk, _ctype, score in _scored(queryset, query, backend)]
        except FilterFieldError as error:  # a filter the engine cannot apply: say so in the logs
            logger.error("Cannot search %s: %s", queryset.model, error)
    by_model = defaultdict(list)
    for model, pk, _score in scored:
        by_model[model].append(pk)
    boosted = _open_calls(by_model)
    hits = [Hit(model, pk, score * OPEN_CALL_BOOST if (model, pk) in boosted else score) for model, pk, score in scored]
    hits.sort(key=lambda hit: (-hit.score, -hit.pk))
    return Matches(hits, dict(by_model))


def load(hits):
    """Attach its object to each hit of a page of results: one query per model. A page's hit
    already knows its specific type (its content type), so pages are read as such at once,
    without first reading them as plain pages (``specific()``)."""
    by_model = defaultdict(list)
    for hit in hits:
        by_model[hit.model].append(hit.pk)
    objects = {}
    for model, pks in by_model.items():
        manager = model.objects if issubclass(model, Page) else model._default_manager
        objects.update({(model, obj.pk): obj for obj in manager.filter(pk__in=pks)})
    for hit in hits:
        hit.obj = objects.get((hit.model, hit.pk))
    return [hit for hit in hits if hit.obj is not None]


@dataclass
class Results:
    """A page of results: facet counts, the facet values kept, the paginator's page and its hits
    (objects not loaded yet), the models found (for the type facet's labels)."""

    counts: dict
    selected: dict
    page_obj: object
    hits: list
    models: list

    @property
    def total(self):
        return self.page_obj.paginator.count


EMPTY_COUNTS = {facet: Counter() for facet in FACETS}


def results(query, selected, page=1, per_page=10, backend="default"):
    """The results of ``query`` narrowed by the ``selected`` facet values ({facet: set}), page
    ``page`` (as Django's ``Paginator.get_page`` reads it)."""
    search_backend = get_search_backend(backend)
    if isinstance(search_backend, ElasticsearchBackend):
        return _elastic_results(search_backend, query, selected, page, per_page, backend)
    statement = _statement(query, backend)
    if statement is None:  # not PostgreSQL: every match is listed, facets counted per model
        matches = find(query, backend=backend)
        counts, chosen = matches.facets(selected)
        page_obj = Paginator(matches.filtered(chosen), per_page).get_page(page)
        return Results(counts, chosen, page_obj, list(page_obj), list(matches.by_model))
    hits_sql, vals_sql, params, boosted, models = statement
    ctypes = {type_key(model): ctype for model, ctype in models.items()}
    keys = {ctype: key for key, ctype in ctypes.items()}
    wanted = {facet: set(values_) for facet, values_ in selected.items()}
    wanted["type"] = {str(ctypes[key]) for key in selected.get("type", ()) if key in ctypes}
    number = _page_number(page)
    rows, found = postgres.run(hits_sql, vals_sql, params, boosted, wanted, per_page, (number - 1) * per_page)
    present = {facet: Counter() for facet in FACETS}
    narrowed = {facet: Counter() for facet in FACETS}
    for facet, value, all_count, count in rows:
        if value is None:
            continue
        if facet == "type":
            value = keys.get(int(value), value)
        present[facet][value] = all_count
        narrowed[facet][value] = count
    chosen = {facet: set(selected.get(facet, ())) & set(present[facet]) for facet in FACETS}
    counts = narrowed if any(chosen.values()) else present
    total = sum(count for key, count in counts["type"].items() if not chosen["type"] or key in chosen["type"])
    page_obj = Paginator(range(total), per_page).get_page(page)
    if page_obj.number != number:  # out of range: the last page
        wanted["type"] = {str(ctypes[key]) for key in chosen["type"]}
        offset = (page_obj.number - 1) * per_page
        _rows, found = postgres.run(hits_sql, vals_sql, params, boosted, wanted, per_page, offset)
    models_found = [model for model in models if present["type"].get(type_key(model))]
    hits = []
    for ctype, pk, score in found:
        model = ContentType.objects.get_for_id(ctype).model_class()
        if model is not None:
            hits.append(Hit(model, pk, score))
    return Results(counts, chosen, page_obj, hits, models_found)


def elastic_request(query, selected, per_page, offset, backend="default"):
    """(indices, body) of the Elasticsearch request of a page of results and its facets
    (``search.elastic``); nothing is sent. ``selected``: {facet: set of values}."""
    search_backend = get_search_backend(backend)
    queries, indices = [], []
    for queryset in [page_queryset(), *record_querysets()]:
        try:
            compiled = queryset.search(query, operator="and", backend=backend).query_compiler.get_query()
        except FilterFieldError as error:  # a filter the engine cannot apply: say so in the logs
            logger.error("Cannot search %s: %s", queryset.model, error)
            continue
        queries.append(compiled)
        indices.append(search_backend.get_index_for_model(queryset.model).name)
    boosts = []
    for app_label, model_name in OPEN_CALL_MODELS:
        model = _model(app_label, model_name)
        if model is not None:
            boosts.append((type_key(model), list(model.objects.open().values_list("pk", flat=True)), OPEN_CALL_BOOST))
    body = elastic.search_body(queries, boosts, selected, per_page, offset)
    return ",".join(dict.fromkeys(indices)), body


def _elastic_results(search_backend, query, selected, page, per_page, backend):
    """``results`` on Elasticsearch: one request (two when a ticked value matches nothing or the
    page asked for is past the last one)."""
    number = _page_number(page)

    def send(chosen, number):
        indices, body = elastic_request(query, chosen, per_page, (number - 1) * per_page, backend)
        response = search_backend.es.search(index=indices, ignore_unavailable=True, **body)
        return elastic.read(response)

    chosen = {facet: set(selected.get(facet, ())) for facet in FACETS}
    present, narrowed, total, found = send(chosen, number)
    kept = {facet: values & set(present[facet]) for facet, values in chosen.items()}
    if kept != chosen:  # a ticked value matches nothing: ignored, as on the database
        chosen = kept
        present, narrowed, total, found = send(chosen, number)
    page_obj = Paginator(range(total), per_page).get_page(page)
    if page_obj.number != number:  # out of range: the last page
        _present, _narrowed, _total, found = send(chosen, page_obj.number)
    counts = narrowed if any(chosen.values()) else present
    counts = {facet: Counter(counts[facet]) for facet in FACETS}
    models_found = [model for model in (_model(*key.split(".")) for key in present["type"]) if model is not None]
    hits = []
    for key, pk, score in found:
        model = _model(*key.split("."))
        if model is not None:
            hits.append(Hit(model, pk, score))
    return Results(counts, chosen, page_obj, hits, models_found)


def language_parts(queryset):
    """[(language, queryset)] of records, each to be matched with its language's analysis.

    A record is indexed with the analysis of its ``language`` (``search.backends.database``) and
    is shown in every locale as written: a query typed on the Arabic site must be stemmed the
    French way to find a French record. Records of an unknown language were indexed with the
    default (French) analysis; a model without ``language`` (authorities' proper names) too.
    """
    if "language" not in {f.name for f in queryset.model._meta.get_fields()}:
        return [(SEARCH_LANGUAGES[0], queryset)]
    others = list(SEARCH_LANGUAGES[1:])
    parts = [(SEARCH_LANGUAGES[0], queryset.exclude(language__in=others))]
    return parts + [(language, queryset.filter(language=language)) for language in others]


def _page_number(page):
    try:
        number = int(page)
    except (TypeError, ValueError):
        return 1
    return number if number >= 1 else 1


def _statement(query, backend):
    """What ``postgres.run`` needs for ``query``, or None when the backend is not PostgreSQL's (or
    the query keeps no word to match): (hits, vals, named parameters, boosted sources,
    {model: content type id}). The text is built once per process (``postgres.statement``)."""
    search_backend = get_search_backend(backend)
    if not isinstance(search_backend, PostgresSearchBackend) or not hasattr(search_backend, "config_for"):
        return None
    language = get_language()
    languages = list(dict.fromkeys([language, *SEARCH_LANGUAGES]))
    texts = [postgres.tsquery_text(normalize(query, code)) for code in languages]
    if None in texts:
        return None
    page_models, records, models = _sources()
    configs = tuple((code, search_backend.config_for(code)) for code in languages)
    hits, vals = postgres.statement(
        configs,
        tuple(models[model] for model in page_models),
        tuple((with_language, models[model]) for model, with_language, _pks in records),
        _value_sources(tuple(models.items())),
        SEARCH_LANGUAGES,
    )
    params = {f"q{position}": text for position, text in enumerate(texts)}
    params["locale"] = active_locale().pk
    boosted = []
    for app_label, model_name in OPEN_CALL_MODELS:
        model = _model(app_label, model_name)
        if model is not None and model in models:
            sql = postgres.literal(*model.objects.open().order_by().values("pk").query.sql_with_params())
            boosted.append((sql, models[model], OPEN_CALL_BOOST))
    return hits, vals, params, boosted, models


def _sources():
    """(page models, today's ``_record_sources`` for the sources registered now, {model: content
    type id}) of what the search reads."""
    page_models = _page_models()
    records = _record_sources(timezone.localdate(), tuple(sources.registered()))
    types = ContentType.objects.get_for_models(*page_models, *(model for model, _with_language, _pks in records))
    return page_models, records, {model: ctype.pk for model, ctype in types.items()}


@lru_cache(maxsize=4)
def _record_sources(day, registered):
    """[(model, SQL of the public (pk, language), SQL of the public pks)] of each kind of
    indexed record, values written in: compiled once per process and per day (``day``: what is
    public may depend on the date, as a label's validity does, not on the time of day;
    ``registered``: the sources registered by other apps, ``search.sources``)."""
    found = []
    for queryset in record_querysets():
        model = queryset.model
        if not class_is_indexed(model):
            continue
        queryset = queryset.order_by()
        pks = postgres.literal(*queryset.values_list("pk").query.sql_with_params())
        if "language" not in {f.name for f in model._meta.get_fields()}:
            queryset = queryset.annotate(search_language=Value(SEARCH_LANGUAGES[0]))
            queryset = queryset.values_list("pk", "search_language")
        else:
            queryset = queryset.values_list("pk", "language")
        found.append((model, postgres.literal(*queryset.query.sql_with_params()), pks))
    return tuple(found)


def _page_models():
    return [model for model in get_page_models() if not model._meta.abstract]


@lru_cache(maxsize=8)
def _value_sources(models):
    """The SQL of the facet values (year, theme, country) of every kind of hit, values written
    in: built once per process (``models``: ((model, content type id), …))."""
    models = dict(models)
    values = []
    # Years: one source for the page types dated by their publication, one per other date.
    by_expression = defaultdict(list)
    for model in models:
        if year_expression(model) is None:
            continue
        if issubclass(model, Page) and type_key(model) not in DATE_FIELDS:
            by_expression[(Page, "first_published_at")].append(models[model])
        else:
            by_expression[(model, None)].append(models[model])
    for (model, _name), ctypes in by_expression.items():
        values.append(postgres.values_sql(model, ctypes, "year", expression=year_expression(model)))
    for facet in ("theme", "country"):
        for model in models:
            lookup = _value_lookup(model, facet)
            if lookup:
                values.append(postgres.values_sql(model, [models[model]], facet, lookup=lookup))
    return tuple(postgres.literal(sql, params) for sql, params in values)


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


def facet_labels(counts, models):
    """Readable label of every facet value counted, in the active language, from the themes and
    countries kept per process (no query)."""
    labels = {"type": {type_key(model): type_label(model) for model in models}, "year": {}}
    labels["theme"] = theme_names(set(counts["theme"]))
    labels["country"] = {c.iso_code: c.name for c in all_countries().values() if c.iso_code in counts["country"]}
    return labels


def build_facets(counts, selected, models):
    """{facet: [FacetOption]} sorted by count (years: most recent first)."""
    labels = facet_labels(counts, models)
    facets = {}
    for facet in FACETS:
        options = [
            FacetOption(value, labels[facet].get(value, value), count, value in selected.get(facet, set()))
            for value, count in counts[facet].items()
            if count
        ]
        if facet == "year":
            options.sort(key=lambda option: option.value, reverse=True)
        else:
            options.sort(key=lambda option: (-option.count, option.label.lower()))
        facets[facet] = options
    return facets


def suggest(query, backend="default"):
    """Autocomplete: the best titles starting with what was typed, pages then intake records
    (on PostgreSQL in one statement, ``_suggest_postgres``)."""
    query = normalize(query, get_language())
    search_backend = get_search_backend(backend)
    if isinstance(search_backend, PostgresSearchBackend) and hasattr(search_backend, "autocomplete_config"):
        found = _suggest_postgres(query, search_backend)
        if found is not None:
            return found
    found = list(page_queryset().autocomplete(query, backend=backend)[:AUTOCOMPLETE_SIZE])
    for queryset in record_querysets():
        if len(found) >= AUTOCOMPLETE_SIZE:
            break
        try:
            found += list(queryset.autocomplete(query, backend=backend)[: AUTOCOMPLETE_SIZE - len(found)])
        except (FilterFieldError, NotImplementedError, ValueError) as error:  # no AutocompleteField on that model
            logger.debug("No autocomplete on %s: %s", queryset.model, error)
    return found


def _suggest_postgres(query, search_backend):
    """``suggest`` in one statement (``postgres.suggestions``): the pages come with their
    columns; records (when fewer pages than wanted match) are then read, one query per kind.
    None when no word is left to match (the backend's own path says what it does then)."""
    text = postgres.tsquery_text(query, prefix=True)
    if text is None:
        return None
    page_models, records, models = _sources()
    record_models = [model for model, _with_language, _pks in records]
    sql = postgres.suggestions(
        search_backend.autocomplete_config,
        tuple(models[model] for model in page_models),
        tuple((pks, models[model]) for model, _with_language, pks in records),
        AUTOCOMPLETE_SIZE,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"q": text, "locale": active_locale().pk})
        rows = cursor.fetchall()
    names = [field.attname for field in Page._meta.concrete_fields]
    db = connection.alias
    found, wanted = [], defaultdict(list)
    for source, pk, *columns in rows:
        if source == 0:
            found.append(Page.from_db(db, names, columns))
        else:
            found.append((record_models[source - 1], pk))
            wanted[record_models[source - 1]].append(pk)
    loaded = {}
    for model, pks in wanted.items():
        loaded.update({(model, obj.pk): obj for obj in model._default_manager.filter(pk__in=pks)})
    return [
        item if isinstance(item, Page) else loaded[item] for item in found if isinstance(item, Page) or item in loaded
    ]
