"""Elasticsearch as in production, without a server: one analyzer per language, the documents'
facet fields, and the exact body of the request a search sends (``search.elastic``). The
relevance suite runs against a server when ELASTICSEARCH_URL is set (test_search_relevance.py)."""

import pytest
from django.utils import translation
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from calls.models import CallPage
from search import elastic, engine
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.calls import CallIndexPageFactory, CallPageFactory
from tests.test_search import closed_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(settings):
    """Elasticsearch on a port nobody listens to: building requests never contacts it."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX_PREFIX": "portal_",
        },
        "database": {"BACKEND": "search.backends.database"},
    }
    return get_search_backend("default")


def test_each_language_has_its_own_analyzer(backend):
    def analyzer(language):
        return backend.settings_for(language)["settings"]["analysis"]["analyzer"]

    assert analyzer("fr")["default"]["filter"] == [
        "french_elision",
        "lowercase",
        "french_stop",
        "asciifolding",
        "french_stemmer",
    ]
    assert analyzer("en")["default"]["filter"] == [
        "english_possessive_stemmer",
        "lowercase",
        "english_stop",
        "asciifolding",
        "english_stemmer",
    ]
    assert analyzer("es")["default"]["filter"] == ["lowercase", "spanish_stop", "asciifolding", "spanish_stemmer"]
    assert analyzer("ar")["default"]["filter"] == [
        "lowercase",
        "decimal_digit",
        "arabic_stop",
        "arabic_normalization",
        "arabic_stemmer",
    ]
    filters = backend.settings_for("es")["settings"]["analysis"]["filter"]
    assert filters["spanish_stemmer"] == {"type": "stemmer", "language": "light_spanish"}
    assert "french_stemmer" not in filters
    # Wagtail's autocomplete analysis stays in every language's index.
    assert analyzer("ar")["edgengram_analyzer"]["filter"] == ["asciifolding", "lowercase", "edgengram"]


def test_one_index_per_language_and_each_object_in_its_language(backend, site_tree):
    indexes = backend.get_index_for_model(CallPage)
    assert (
        indexes.name
        == "portal_fr_wagtailcore_page,portal_en_wagtailcore_page,portal_es_wagtailcore_page,portal_ar_wagtailcore_page"
    )
    arabic_home = Page.objects.get(depth=2, locale__language_code="ar")
    assert indexes.for_object(arabic_home).name == "portal_ar_wagtailcore_page"
    from tests.factories.intake import OfferFactory

    offer = OfferFactory(published=True, language="es")
    assert backend.get_index_for_model(type(offer)).for_object(offer).name == "portal_es_intake_partnershipoffer"


def test_documents_carry_their_facets(backend, site_tree):
    senegal = CountryFactory(name="Sénégal", iso_code="SN")
    water = ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    call = CallPageFactory(parent=CallIndexPageFactory(), title="Fonds Sénégal", countries=[senegal], themes=[water])
    document = backend.mapping_class(CallPage).get_document(call)
    assert {key: document[key] for key in elastic.FIELDS.values()} == {
        "search_type": "calls.callpage",
        "search_theme": ["eau-assainissement"],
        "search_country": ["SN"],
        "search_year": call.closing_date.year,
    }
    mapping = backend.mapping_class(CallPage).get_mapping()["properties"]
    assert mapping["search_type"] == {"type": "keyword", "store": True}
    assert mapping["search_year"] == {"type": "integer"}


def test_the_request_of_a_faceted_search(backend, site_tree):
    open_call = CallPageFactory(parent=CallIndexPageFactory(), title="Appel ouvert")
    with translation.override("fr"):
        indices, body = engine.elastic_request("eau", {"theme": {"eau-assainissement"}, "year": {"2024"}}, 10, 20)
        sources = [
            queryset.search("eau", operator="and").query_compiler.get_query()
            for queryset in [engine.page_queryset(), *engine.record_querysets()]
        ]
    assert indices.split(",")[:4] == [
        "portal_fr_wagtailcore_page",
        "portal_en_wagtailcore_page",
        "portal_es_wagtailcore_page",
        "portal_ar_wagtailcore_page",
    ]
    assert "portal_ar_atlas_project" in indices.split(",")
    terms = {"terms": {"field": "search_type", "size": 500}}
    theme = {"terms": {"search_theme": ["eau-assainissement"]}}
    year = {"terms": {"search_year": [2024]}}
    assert body == {
        "query": {
            "function_score": {
                "query": {"bool": {"should": sources, "minimum_should_match": 1}},
                "functions": [
                    {
                        "filter": {
                            "bool": {
                                "filter": [
                                    {"term": {"search_type": "calls.callpage"}},
                                    {"terms": {"pk": [str(open_call.pk)]}},
                                ]
                            }
                        },
                        "weight": 1.5,
                    }
                ],
                "score_mode": "first",
                "boost_mode": "multiply",
            }
        },
        "post_filter": {"bool": {"filter": [theme, year]}},
        "aggs": {
            "all_type": terms,
            "type": {"filter": {"bool": {"filter": [theme, year]}}, "aggs": {"values": terms}},
            "all_theme": {"terms": {"field": "search_theme", "size": 500}},
            "theme": {
                "filter": {"bool": {"filter": [year]}},
                "aggs": {"values": {"terms": {"field": "search_theme", "size": 500}}},
            },
            "all_country": {"terms": {"field": "search_country", "size": 500}},
            "country": {
                "filter": {"bool": {"filter": [theme, year]}},
                "aggs": {"values": {"terms": {"field": "search_country", "size": 500}}},
            },
            "all_year": {"terms": {"field": "search_year", "size": 500}},
            "year": {
                "filter": {"bool": {"filter": [theme]}},
                "aggs": {"values": {"terms": {"field": "search_year", "size": 500}}},
            },
        },
        "sort": [{"_score": {"order": "desc"}}, {"pk": {"order": "desc"}}],
        "from": 20,
        "size": 10,
        "track_total_hits": True,
        "_source": False,
        "stored_fields": ["pk", "search_type"],
    }


def test_the_answer_gives_counts_and_hits():
    answer = {
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
                {"_score": 3.5, "fields": {"pk": ["12"], "search_type": ["calls.callpage"]}},
                {"_score": 1.2, "fields": {"pk": ["7"], "search_type": ["atlas.project"]}},
            ],
        },
        "aggregations": {
            "all_type": {
                "buckets": [{"key": "calls.callpage", "doc_count": 4}, {"key": "atlas.project", "doc_count": 3}]
            },
            "type": {"doc_count": 2, "values": {"buckets": [{"key": "calls.callpage", "doc_count": 1}]}},
            "all_year": {"buckets": [{"key": 2024, "doc_count": 7}]},
            "year": {"doc_count": 7, "values": {"buckets": [{"key": 2024, "doc_count": 2}]}},
        },
    }
    present, narrowed, total, hits = elastic.read(answer)
    assert present["type"] == {"calls.callpage": 4, "atlas.project": 3}
    assert narrowed["type"] == {"calls.callpage": 1}
    assert present["year"] == {"2024": 7} and narrowed["year"] == {"2024": 2}
    assert present["theme"] == {} and total == 2
    assert hits == [("calls.callpage", 12, 3.5), ("atlas.project", 7, 1.2)]
