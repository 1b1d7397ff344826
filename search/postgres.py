"""A results page on PostgreSQL in one SQL statement: exact facets and the ten hits shown.

The matches of every source (the pages of the locale, each kind of public record) are the
search backend's own queries, used as subqueries of one ``UNION ALL`` (``hits``, computed once:
content type, primary key, relevance). The facet values of the matches (``vals``: type, year,
theme slugs, country codes) come from joins on the models' tables, never from lists of primary
keys. One ``GROUP BY`` then counts every facet value twice: over every match (what is
*present*: a ticked value that matches nothing is ignored) and within the other facets' choices
(what ticking it gives). The same statement returns the page of hits asked for, ranked; only
these are then loaded as objects (``engine.load``).

The match uses the GIN index ``site_search_indexentry_search_gin`` on ``title || body`` (the
vector Wagtail's database backend searches; migration ``site_search.0002``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.translation import get_language

from portal.search_text import normalize

#: The facets, in the order of the flags computed for each hit.
FACETS = ("type", "theme", "country", "year")


def match_sql(queryset, query, backend):
    """(sql, params) of ``SELECT pk, content type id, score`` of every match of one source, or
    None when the backend is not PostgreSQL's."""
    from modelsearch.backends.database.postgres.postgres import PostgresSearchResults

    results = queryset.search(normalize(query, get_language()), operator="and", backend=backend)
    if not isinstance(results, PostgresSearchResults):
        return None
    compiler = results.query_compiler
    matches = compiler.search(
        compiler.get_config(results.backend), None, None, score_field="_search_score", backend=results.backend
    ).order_by()
    if "content_type_id" in {f.attname for f in queryset.model._meta.concrete_fields}:
        sql, params = matches.values_list("pk", "content_type_id", "_search_score").query.sql_with_params()
        return sql, params
    ctype = ContentType.objects.get_for_model(queryset.model).pk
    sql, params = matches.values_list("pk", "_search_score").query.sql_with_params()
    return f"SELECT m.pk, %s, m.score FROM ({sql}) AS m(pk, score)", [ctype, *params]  # noqa: S608 - Django's SQL


def values_sql(model, ctypes, facet, expression=None, lookup=None):
    """(sql, params) of the rows (content type, pk, facet, value) of ``model``'s hits for one facet
    (years: ``expression`` is the SQL expression of the year)."""
    manager = model._base_manager
    if facet == "year":
        queryset = manager.annotate(search_year=expression).values_list("pk", "search_year")
    else:
        queryset = manager.filter(**{f"{lookup}__isnull": False}).values_list("pk", lookup)
    sql, params = queryset.order_by().query.sql_with_params()
    join = f"JOIN ({sql}) AS v(pk, value) ON v.pk = h.pk"
    statement = f"SELECT h.ctype, h.pk, %s, v.value::text FROM hits h {join} WHERE h.ctype = ANY(%s)"  # noqa: S608
    return statement, [facet, *params, list(ctypes)]


def run(sources, value_sources, boosted, selected, limit, offset):
    """Facet rows and a page of hits of one search.

    ``sources``: (sql, params) of each source's matches; ``value_sources``: (sql, params) of the
    facet values; ``boosted``: [(sql of the pks, params, content type id, factor)];
    ``selected``: {facet: [values]} (types as content type ids). Returns (facet rows
    [(facet, value, present, count)], hits [(ctype, pk, score)]).
    """
    params = []  # in the order of the placeholders in the statement
    score = "m.score"
    for sql, boost_params, ctype, factor in boosted:
        score = f"CASE WHEN m.ctype = %s AND m.pk IN ({sql}) THEN {float(factor)} * m.score ELSE {score} END"
        params = [ctype, *boost_params, *params]
    union = []
    for sql, source_params in sources:
        union.append(f"SELECT * FROM ({sql}) AS s(pk, ctype, score)")  # noqa: S608 - Django's SQL
        params += source_params
    hits = f"SELECT m.ctype, m.pk, COALESCE({score}, 0) AS score FROM ({' UNION ALL '.join(union)}) AS m"  # noqa: S608
    vals = ["SELECT ctype, pk, 'type', ctype::text FROM hits"]
    for sql, value_params in value_sources:
        vals.append(sql)
        params += value_params
    chosen_facets, chosen_values = [], []
    for facet in FACETS:
        for value in selected.get(facet, ()):
            chosen_facets.append(facet)
            chosen_values.append(str(value))
    params += [chosen_facets, chosen_values, limit, offset]
    flags = ", ".join(f"bool_or(c.facet = '{facet}') AS has_{facet}" for facet in FACETS)
    wanted = ", ".join(f"COALESCE(bool_or(facet = '{facet}'), false) AS {facet}" for facet in FACETS)
    ok = ", ".join(f"(NOT w.{facet} OR COALESCE(f.has_{facet}, false)) AS ok_{facet}" for facet in FACETS)
    others = " AND ".join(f"(v.facet = '{facet}' OR ok.ok_{facet})" for facet in FACETS)
    every = " AND ".join(f"ok.ok_{facet}" for facet in FACETS)
    statement = f"""
        WITH hits AS MATERIALIZED ({hits}),
        vals(ctype, pk, facet, value) AS MATERIALIZED ({" UNION ALL ".join(vals)}),
        chosen AS (
            SELECT DISTINCT v.facet, v.value FROM vals v
            JOIN unnest(%s::text[], %s::text[]) AS c(facet, value) ON c.facet = v.facet AND c.value = v.value
        ),
        wanted AS (SELECT {wanted} FROM chosen),
        flags AS (
            SELECT v.ctype, v.pk, {flags} FROM vals v
            LEFT JOIN chosen c ON c.facet = v.facet AND c.value = v.value GROUP BY v.ctype, v.pk
        ),
        ok AS MATERIALIZED (SELECT f.ctype, f.pk, {ok} FROM flags f CROSS JOIN wanted w)
        SELECT 'facet', v.facet, v.value, count(*), count(*) FILTER (WHERE {others}), NULL::float8
        FROM vals v JOIN ok ON ok.ctype = v.ctype AND ok.pk = v.pk GROUP BY v.facet, v.value
        UNION ALL (
            SELECT 'hit', h.ctype::text, h.pk::text, NULL, NULL, h.score
            FROM hits h JOIN ok ON ok.ctype = h.ctype AND ok.pk = h.pk WHERE {every}
            ORDER BY h.score DESC, h.pk DESC, h.ctype LIMIT %s OFFSET %s
        )
    """  # noqa: S608 - every value is a parameter; names and factors are the code's own
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    facets = [(facet, value, present, count) for kind, facet, value, present, count, _score in rows if kind == "facet"]
    found = [(int(ctype), int(pk), score) for kind, ctype, pk, _p, _c, score in rows if kind == "hit"]
    return facets, found
