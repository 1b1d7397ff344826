"""Wagtail's database search backend, language-aware on PostgreSQL.

PostgreSQL stems words with a *text search configuration*. Wagtail's backend uses one for the
whole index; here each object is indexed with the configuration of its own language (a page's
locale) and each query is parsed with the configuration of the active language, so French pages
get French stemming, English pages English stemming, and so on. The configurations
(``portal_fr``, ``portal_en``, ``portal_es``, ``portal_ar`` and ``portal_simple`` for
autocomplete) fold accents with ``unaccent``; migration ``site_search.0001`` creates them.

On SQLite (and MySQL) the backend is Wagtail's own: no stemming, no accent folding.
"""

import copy
from collections import defaultdict
from functools import cache

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as default_database_backend
from wagtail.models import Locale

#: Text search configuration of each language (see the migration that creates them).
LANGUAGE_CONFIGS = {"fr": "portal_fr", "en": "portal_en", "es": "portal_es", "ar": "portal_ar"}
DEFAULT_CONFIG = "portal_fr"
AUTOCOMPLETE_CONFIG = "portal_simple"


def language_of(obj, locale_codes):
    """The language code of an indexed object: its ``locale`` (pages, snippets, intake) if any."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is not None:
        return locale_codes.get(locale_id)
    language = getattr(obj, "language_code", None) or getattr(obj, "language", None)
    return language if isinstance(language, str) else None


def SearchBackend(params):  # noqa: N802 - Wagtail looks up this name in the module
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    return default_database_backend(params)


@cache
def _postgres_backend_class():
    """Built lazily: the PostgreSQL backend module needs django.contrib.postgres and psycopg."""
    from modelsearch.backends.database.postgres import postgres
    from modelsearch.backends.database.postgres.postgres import (
        ObjectIndexer,
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    from portal.search_text import normalize

    class LanguageObjectIndexer(ObjectIndexer):
        """Text folded for the object's language (see ``portal.search_text.normalize``) before PostgreSQL
        stems it; the queries are folded the same way (``search.engine``)."""

        def __init__(self, obj, backend):
            super().__init__(obj, backend)
            self.language = getattr(backend, "language", None)

        def prepare_value(self, value):
            return normalize(super().prepare_value(value), self.language)

    # PostgresIndex.add_items builds its indexers by this module-level name: the subclass only
    # adds the folding, objects of other backends (language None) are indexed as before.
    postgres.ObjectIndexer = LanguageObjectIndexer

    class LanguagePostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index each language's objects with that language's configuration."""
            locale_codes = dict(Locale.objects.values_list("pk", "language_code"))
            by_language = defaultdict(list)
            for obj in objs:
                by_language[language_of(obj, locale_codes)].append(obj)
            for language, group in by_language.items():
                backend = copy.copy(self.backend)
                backend.config = self.backend.config_for(language)
                backend.language = language
                PostgresIndex.add_items(PostgresIndex(backend), model, group)

    class LanguageSearchQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.config_for(get_language())

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguagePostgresIndex
        query_compiler_class = LanguageSearchQueryCompiler
        autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler

        def __init__(self, params):
            params = {"SEARCH_CONFIG": DEFAULT_CONFIG, **params}
            self.language_configs = {**LANGUAGE_CONFIGS, **params.pop("LANGUAGE_CONFIGS", {})}
            autocomplete_config = params.pop("AUTOCOMPLETE_CONFIG", AUTOCOMPLETE_CONFIG)
            super().__init__(params)
            self.autocomplete_config = autocomplete_config

        def config_for(self, language):
            if not language:
                return self.config
            return self.language_configs.get(language.split("-")[0], self.config)

    return LanguagePostgresSearchBackend
