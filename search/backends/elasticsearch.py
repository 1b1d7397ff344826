"""Wagtail's Elasticsearch 9 backend, with French analysis and a safe failure mode.

Indexing happens when an editor publishes: if the engine is down, the error is logged and
swallowed so that publishing still works (``manage.py update_index`` catches up later).
Searching raises as usual; the search view then falls back to the database backend.
"""

import logging

from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

logger = logging.getLogger(__name__)

#: Errors of an unreachable or unhealthy engine (connection refused, timeout, 5xx, missing index).
ENGINE_ERRORS = (TransportError, ApiError)

#: French analysis by default (elision, stop words, light stemming, accents folded): the
#: ``default`` analyzer is used by every text field Wagtail maps.
FRENCH_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
                },
                "french_stop": {"type": "stop", "stopwords": "_french_"},
                "french_stemmer": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding", "french_stop", "french_stemmer"],
                },
            },
        }
    }
}


class SearchBackend(Elasticsearch9SearchBackend):
    """Indexing errors of an unreachable engine are logged, never raised."""

    def __init__(self, params):
        params = dict(params)
        params.setdefault("TIMEOUT", 5)
        params.setdefault("INDEX_SETTINGS", FRENCH_ANALYSIS)
        options = {"max_retries": 1, "retry_on_timeout": False, **params.pop("OPTIONS", {})}
        super().__init__({**params, "OPTIONS": options})

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
