"""The site search's request to Elasticsearch: one ``_search`` for a page of results and every
facet count (``search.engine`` builds the sources' queries; this module only shapes the body and
reads the answer, so that tests compare the body to what it must be without a server).

- ``query``: the sources' queries (pages of the visitor's locale, the public records of each
  source, each compiled by Wagtail's backend with its own filters) joined by ``should``; open
  calls for projects multiplied by their boost (``function_score``).
- Facets: the fields ``search_type``, ``search_theme``, ``search_country``, ``search_year`` of
  each document (``search.backends.elasticsearch.FACET_MAPPING``). ``all_<facet>`` counts every
  match (what is present); ``<facet>`` counts within the other facets' choices (what ticking a
  value gives); ``post_filter`` keeps the hits matching every choice, so the aggregations see
  all matches.
- Hits: ``pk`` and ``search_type`` only (stored fields, no ``_source``); the page of objects is
  then loaded from the database.
"""

#: The field of each facet in the indexed documents.
FIELDS = {"type": "search_type", "theme": "search_theme", "country": "search_country", "year": "search_year"}
FACETS = tuple(FIELDS)
#: Values counted per facet at most (there are about 30 themes, 200 countries, 50 years).
FACET_SIZE = 500


def facet_filter(facet, values):
    """The filter keeping documents with one of ``values`` for ``facet``."""
    if facet == "year":
        return {"terms": {FIELDS[facet]: sorted(int(value) for value in values if str(value).isdigit())}}
    return {"terms": {FIELDS[facet]: sorted(str(value) for value in values)}}


def _filters(selected, skip=None):
    return [facet_filter(facet, selected[facet]) for facet in FACETS if facet != skip and selected.get(facet)]


def search_body(queries, boosts, selected, size, offset):
    """The body of the ``_search`` request.

    ``queries``: the sources' compiled queries; ``boosts``: [(type key, [pk, …], factor)];
    ``selected``: {facet: set of values} already kept (values present only).
    """
    query = {"bool": {"should": list(queries), "minimum_should_match": 1}}
    functions = [
        {
            "filter": {
                "bool": {"filter": [{"term": {FIELDS["type"]: key}}, {"terms": {"pk": [str(pk) for pk in pks]}}]}
            },
            "weight": factor,
        }
        for key, pks, factor in boosts
        if pks
    ]
    if functions:
        query = {
            "function_score": {"query": query, "functions": functions, "score_mode": "first", "boost_mode": "multiply"}
        }
    aggregations = {}
    for facet in FACETS:
        terms = {"terms": {"field": FIELDS[facet], "size": FACET_SIZE}}
        aggregations[f"all_{facet}"] = terms
        aggregations[facet] = {
            "filter": {"bool": {"filter": _filters(selected, skip=facet)}},
            "aggs": {"values": terms},
        }
    return {
        "query": query,
        "post_filter": {"bool": {"filter": _filters(selected)}},
        "aggs": aggregations,
        "sort": [{"_score": {"order": "desc"}}, {"pk": {"order": "desc"}}],
        "from": offset,
        "size": size,
        "track_total_hits": True,
        "_source": False,
        "stored_fields": ["pk", FIELDS["type"]],
    }


def read(response):
    """(present {facet: {value: count}}, narrowed {facet: {value: count}}, total, hits [(type key, pk, score)])."""
    aggregations = response.get("aggregations", {})
    present, narrowed = {}, {}
    for facet in FACETS:
        present[facet] = {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in aggregations.get(f"all_{facet}", {}).get("buckets", [])
        }
        buckets = aggregations.get(facet, {}).get("values", {}).get("buckets", [])
        narrowed[facet] = {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}
    total = response["hits"]["total"]["value"]
    hits = [
        (hit["fields"][FIELDS["type"]][0], int(hit["fields"]["pk"][0]), hit.get("_score") or 0.0)
        for hit in response["hits"]["hits"]
    ]
    return present, narrowed, total, hits
