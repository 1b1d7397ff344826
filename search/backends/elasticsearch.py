"""Wagtail's Elasticsearch 9 backend, one analyzer per language, with a safe failure mode.

**One index per language.** Every object is written in one language (a page's locale, a
record's ``language``): it is indexed in the index of that language, whose ``default`` analyzer
is that language's (``LANGUAGE_ANALYSIS``: French, English, Spanish, Arabic; elision, stop words,
stemming, accents folded; Arabic normalisation folds the alef forms, taa marbuta, alef maqsura
and diacritics). Index names are ``<INDEX_PREFIX><language>_<app>_<model>``
(``portal_fr_wagtailcore_page``, ``portal_ar_intake_partnershipoffer``…). A search runs on the
indices of every language at once: each index analyses the query with its own analyzer, the
locale filter of pages keeps the visitor's language, records are found whatever their language
(as on the database backend). This is the layout Elastic recommends for "one language per
document" (separate indices, same fields, different analyzers); Wagtail's ``INDEX_SETTINGS``
(deep-merged into each index's settings) can still add to every language's settings.

**Facets.** Each document also carries ``search_type`` (its model, ``app.model``), ``search_theme``
(theme slugs, the same in every language), ``search_country`` (ISO codes) and ``search_year``
(the year of the date listed): the site search counts them with aggregations
(``search.elastic``), never in Python.

Indexing happens when an editor publishes: if the engine is down, the error is logged and
swallowed so that publishing still works (``manage.py update_index`` catches up later).
Searching raises as usual; the search view then falls back to the database backend.
"""

import copy
import logging
from collections import defaultdict

from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.base import get_model_root
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from modelsearch.backends.elasticsearchbase import deep_update

logger = logging.getLogger(__name__)

#: Errors of an unreachable or unhealthy engine (connection refused, timeout, 5xx, missing index).
ENGINE_ERRORS = (TransportError, ApiError)

LANGUAGES = ("fr", "en", "es", "ar")
DEFAULT_LANGUAGE = "fr"


def _analysis(filters, analyzer_filters):
    return {"settings": {"analysis": {"filter": filters, "analyzer": {"default": {
        "type": "custom",
        "tokenizer": "standard",
        "filter": analyzer_filters,
    }}}}}  # fmt: skip


#: The ``default`` analyzer of each language's indices: Elasticsearch's language analyzers
#: (https://www.elastic.co/guide/en/elasticsearch/reference/current/analysis-lang-analyzer.html)
#: rebuilt as custom analyzers to fold accents (``asciifolding``) like the database backend.
LANGUAGE_ANALYSIS = {
    "fr": _analysis(
        {
            "french_elision": {
                "type": "elision",
                "articles_case": True,
                "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
            },
            "french_stop": {"type": "stop", "stopwords": "_french_"},
            "french_stemmer": {"type": "stemmer", "language": "light_french"},
        },
        ["french_elision", "lowercase", "french_stop", "asciifolding", "french_stemmer"],
    ),
    "en": _analysis(
        {
            "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
            "english_stop": {"type": "stop", "stopwords": "_english_"},
            "english_stemmer": {"type": "stemmer", "language": "english"},
        },
        ["english_possessive_stemmer", "lowercase", "english_stop", "asciifolding", "english_stemmer"],
    ),
    "es": _analysis(
        {
            "spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
            "spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
        },
        ["lowercase", "spanish_stop", "asciifolding", "spanish_stemmer"],
    ),
    "ar": _analysis(
        {
            "arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
            "arabic_stemmer": {"type": "stemmer", "language": "arabic"},
        },
        ["lowercase", "decimal_digit", "arabic_stop", "arabic_normalization", "arabic_stemmer"],
    ),
}

#: Fields every document carries for the site search's facets (filled by ``facet_values``).
FACET_MAPPING = {
    "search_type": {"type": "keyword", "store": True},
    "search_theme": {"type": "keyword"},
    "search_country": {"type": "keyword"},
    "search_year": {"type": "integer"},
}


def facet_values(obj):
    """{field: value} of ``obj``'s facets (see ``FACET_MAPPING``)."""
    from search.engine import object_year, taxonomy_field, type_key  # lazy: the engine imports this module

    values = {"search_type": type_key(type(obj)), "search_theme": [], "search_country": [], "search_year": None}
    for facet, attribute in (("theme", "slug"), ("country", "iso_code")):
        field = taxonomy_field(type(obj), facet)
        if field is None:
            continue
        if "__" in field:  # a path (a registered source's countries): one query
            found = type(obj)._default_manager.filter(pk=obj.pk).values_list(f"{field}__{attribute}", flat=True)
            values[f"search_{facet}"] = sorted({value for value in found if value})
            continue
        value = getattr(obj, field)
        related = list(value.all()) if hasattr(value, "all") else [value] if value else []
        values[f"search_{facet}"] = sorted({getattr(item, attribute) for item in related})
    values["search_year"] = object_year(obj)
    return values


class PortalMapping(Elasticsearch9Mapping):
    """Wagtail's mapping plus the facet fields."""

    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"].update(copy.deepcopy(FACET_MAPPING))
        return mapping

    def get_document(self, obj):
        return {**super().get_document(obj), **facet_values(obj)}


class LanguageIndex(Elasticsearch9Index):
    """The index of one language: created with that language's analysis."""

    def __init__(self, backend, name, language):
        super().__init__(backend, name)
        self.language = language

    def put(self):
        self.es.indices.create(index=self.name, **self.backend.settings_for(self.language))


class LanguageIndexes:
    """The indices of one root model, one per language, used as one index.

    ``name`` (what a search is sent to) lists them all; writes go to the object's language.
    """

    def __init__(self, backend, base_name):
        self.backend = backend
        self.base_name = base_name
        self.indexes = {
            language: LanguageIndex(backend, f"{backend.index_prefix}{language}_{base_name}", language)
            for language in backend.languages
        }

    @property
    def name(self):
        return ",".join(index.name for index in self.indexes.values())

    def get_key(self):
        return self.name

    def __str__(self):
        return self.name

    def for_object(self, obj, locale_codes=None):
        language = self.backend.language_of(obj, locale_codes)
        return self.indexes.get(language) or self.indexes[self.backend.default_language]

    def put(self):
        for index in self.indexes.values():
            index.put()

    def delete(self):
        for index in self.indexes.values():
            index.delete()

    def reset(self):
        for index in self.indexes.values():
            index.reset()

    def refresh(self):
        for index in self.indexes.values():
            index.refresh()

    def add_model(self, model):
        for index in self.indexes.values():
            index.add_model(model)

    def add_item(self, item):
        self.for_object(item).add_item(item)

    def add_items(self, model, items):
        locale_codes = self.backend.locale_codes()
        by_index = defaultdict(list)
        for item in items:
            by_index[self.for_object(item, locale_codes)].append(item)
        for index, group in by_index.items():
            index.add_items(model, group)

    def delete_item(self, item):
        """Out of every language's index (the object may have changed language)."""
        for index in self.indexes.values():
            index.delete_item(item)


class PortalSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = PortalMapping


class PortalAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = PortalMapping


class SearchBackend(Elasticsearch9SearchBackend):
    """Per-language indices; indexing errors of an unreachable engine are logged, never raised."""

    mapping_class = PortalMapping
    query_compiler_class = PortalSearchQueryCompiler
    autocomplete_query_compiler_class = PortalAutocompleteQueryCompiler
    results_class = Elasticsearch9SearchResults
    language_analysis = LANGUAGE_ANALYSIS

    def __init__(self, params):
        params = dict(params)
        params.setdefault("TIMEOUT", 5)
        # Atomic rebuilds swap one alias per index; here a model has one index per language.
        params.setdefault("ATOMIC_REBUILD", False)
        self.languages = tuple(params.pop("LANGUAGES", LANGUAGES))
        self.default_language = params.pop("DEFAULT_LANGUAGE", DEFAULT_LANGUAGE)
        options = {"max_retries": 1, "retry_on_timeout": False, **params.pop("OPTIONS", {})}
        super().__init__({**params, "OPTIONS": options})

    def settings_for(self, language):
        """The settings an index of ``language`` is created with: Wagtail's (edge n-grams for
        autocomplete, ``INDEX_SETTINGS``) and the language's analysis."""
        analysis = self.language_analysis.get(language, self.language_analysis[self.default_language])
        return deep_update(copy.deepcopy(self.settings), copy.deepcopy(analysis))

    def get_index_for_model(self, model):
        root = get_model_root(model)
        return LanguageIndexes(self, f"{root._meta.app_label.lower()}_{root.__name__.lower()}")

    @staticmethod
    def locale_codes():
        from wagtail.models import Locale

        return dict(Locale.objects.values_list("pk", "language_code"))

    def language_of(self, obj, locale_codes=None):
        from search.backends.database import language_of

        if locale_codes is None and getattr(obj, "locale_id", None) is not None:
            locale_codes = self.locale_codes()
        language = language_of(obj, locale_codes or {})
        return (language or self.default_language).split("-")[0]

    def _safely(self, action, *args):
        try:
            return action(*args)
        except ENGINE_ERRORS as error:
            logger.warning("Search engine unavailable, index not updated (run update_index later): %s", error)
            return None

    def add(self, obj):
        return self._safely(super().add, obj)

    def add_bulk(self, model, obj_list):
        return self._safely(super().add_bulk, model, obj_list)

    def delete(self, obj):
        return self._safely(super().delete, obj)
