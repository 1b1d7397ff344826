"""A results page on PostgreSQL in one SQL statement: exact facets and the ten hits shown.

The index (``wagtailsearch_indexentry``) is matched once per text search configuration
(``matched``: the query folded and parsed for each search language, one GIN index scan each,
with the relevance Wagtail's backend computes). Each source (the live public pages of the
locale, each kind of public record) joins those matches: a page with its locale's language, a
record with its own language's configuration. Their ``UNION ALL`` is ``hits`` (content type,
primary key, relevance; open calls for applications boosted in it). The facet values of the
matches (``vals``: type, year, theme slugs, country codes) come from joins on the models' tables,
never from lists of primary keys. Without a ticked facet one plain ``GROUP BY`` counts them;
with one, each value is counted twice: over every match (what is *present*: a ticked value that
matches nothing is ignored) and within the other facets' choices (what ticking it gives). The
same statement returns the page of hits asked for, ranked; only these are then loaded as objects
(``engine.load``).

What does not depend on the query (the text of the sources and of the facet values) is built
once per process (``statement``); a request only passes the query's text, the locale, the ticked
values and the open calls of the day. The match uses the GIN index
``site_search_indexentry_search_gin`` on ``title || body`` (migration ``site_search.0002``).
"""

import re
from functools import lru_cache

from django.db import connection
from wagtail.search.models import IndexEntry

#: The facets, in the order of the flags computed for each hit.
FACETS = ("type", "theme", "country", "year")


def literal(sql, params):
    """Django's ``sql`` with its ``params`` written in, ``%`` doubled: a fragment of a statement
    whose own parameters are named (``%(name)s``)."""
    return connection.ops.compose_sql(sql, list(params)).replace("%", "%%")


_SPLIT = re.compile(r"[\s\-]+")


def tsquery_text(query_string, prefix=False):
    """The text given to ``to_tsquery`` by the database backend for ``query_string`` with every
    term required (``operator="and"``), or None when no term is left: the lexemes, escaping and
    nesting of ``PostgresSearchQueryCompiler.build_tsquery_content`` (``prefix``: the last term
    is the beginning of a word, as the autocomplete compiler makes it)."""
    terms = [term for term in _SPLIT.split(query_string) if term]
    if not terms:
        return None

    def lexeme(term):
        return "'{}'".format(term.replace("'", "''").replace("\\", "\\\\"))

    text = lexeme(terms.pop()) + (":*" if prefix else "")
    for term in terms:
        text = f"({text} & {lexeme(term)})"
    return text


#: Where the open calls' boost goes in the cached text (it depends on the time of the request).
BOOST_MARK = "/*boost*/"

#: Pages outside every private section, as ``PageQuerySet.public()`` (read in the statement).
PUBLIC_PAGE = (
    "NOT EXISTS (SELECT 1 FROM wagtailcore_pageviewrestriction r JOIN wagtailcore_page rp ON rp.id = r.page_id"
    " WHERE starts_with(p.path, rp.path) AND p.depth >= rp.depth)"
)


@lru_cache(maxsize=64)
def statement(configs, page_ctypes, records, values, record_languages):
    """(hits, vals): the text of the two first parts of the statement, built once per process for
    the same sources.

    ``configs``: ((language, text search configuration), …), the active language first;
    ``page_ctypes``: the content types of pages; ``records``: ((SQL of the public (pk, language)
    of a kind of record, its content type), …); ``values``: the SQL of each facet value source;
    ``record_languages``: the languages a record is matched in (the first for any other language).
    Named parameters left: ``q0``… (the query's tsquery text per configuration), ``locale``.
    """
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    table = IndexEntry._meta.db_table
    weights = literal("%s::float4[]", [get_sql_weights()])
    parts = []
    for position, (language, config) in enumerate(configs):
        language, config = literal("%s", [language]), literal("%s::regconfig", [config])
        rank = f"(ts_rank({weights}, e.title, q.query) * e.title_norm) + (ts_rank({weights}, e.body, q.query) * 1.0)"
        parts.append(
            f"SELECT e.content_type_id AS ctype, e.object_id, {language} AS language, ({rank}) AS score "  # noqa: S608
            f"FROM {table} e, to_tsquery({config}, %(q{position})s) AS q(query) WHERE (e.title || e.body) @@ q.query"
        )
    matched = " UNION ALL ".join(parts)
    default = literal("%s", [record_languages[0]])
    others = literal("%s", [list(record_languages[1:])])
    sources = [
        "SELECT p.id, p.content_type_id, m.score FROM wagtailcore_page p JOIN matched m "  # noqa: S608
        f"ON m.object_id = p.id::text AND m.ctype = ANY({literal('%s', [list(page_ctypes)])}) "
        f"AND m.language = {literal('%s', [configs[0][0]])} "
        f"WHERE p.live AND p.locale_id = %(locale)s AND {PUBLIC_PAGE}"
    ]
    for sql, ctype in records:
        sources.append(
            f"SELECT r.pk, {int(ctype)}, m.score FROM ({sql}) AS r(pk, language) JOIN matched m "  # noqa: S608
            f"ON m.object_id = r.pk::text AND m.ctype = {int(ctype)} "
            f"AND m.language = CASE WHEN r.language = ANY({others}) THEN r.language ELSE {default} END"
        )
    union = " UNION ALL ".join(f"SELECT * FROM ({sql}) AS s(pk, ctype, score)" for sql in sources)  # noqa: S608
    hits = (
        f"WITH matched AS MATERIALIZED ({matched}), "  # noqa: S608
        f"hits AS MATERIALIZED (SELECT m.ctype, m.pk, COALESCE({BOOST_MARK}, 0) AS score FROM ({union}) AS m)"
    )
    vals = " UNION ALL ".join(["SELECT ctype, pk, 'type', ctype::text FROM hits", *values])
    return hits, vals


@lru_cache(maxsize=64)
def suggestions(config, page_ctypes, records, limit):
    """The text of the autocomplete statement, built once per process for the same sources: the
    best ``limit`` titles starting with what was typed, pages first, then each kind of record
    (``records``: ((SQL of its public pks, content type), …)) in order, each ranked as the
    backend's autocomplete ranks it. Returns (source position, pk, then every column of the page
    for a page: ``Page.from_db`` builds it). Named parameters: ``q``, ``locale``."""
    from modelsearch.backends.database.postgres.weights import get_sql_weights
    from wagtail.models import Page

    table = IndexEntry._meta.db_table
    weights = literal("%s::float4[]", [get_sql_weights()])
    rank = f"ts_rank({weights}, e.autocomplete, q.query) * 1.0"
    query = f"to_tsquery({literal('%s::regconfig', [config])}, %(q)s)"
    page_types = literal("%s", [list(page_ctypes)])
    parts = [
        f"(SELECT 0 AS source, p.id AS pk, {rank} AS score FROM wagtailcore_page p "  # noqa: S608
        f"JOIN {table} e ON e.content_type_id = ANY({page_types}) AND e.object_id = p.id::text, "
        f"{query} AS q(query) WHERE p.live AND p.locale_id = %(locale)s AND {PUBLIC_PAGE} "
        f"AND e.autocomplete @@ q.query ORDER BY score DESC, p.id DESC LIMIT {int(limit)})"
    ]
    for position, (sql, ctype) in enumerate(records, start=1):
        parts.append(
            f"(SELECT {position}, r.pk, {rank} AS score FROM ({sql}) AS r(pk) "  # noqa: S608
            f"JOIN {table} e ON e.content_type_id = {int(ctype)} AND e.object_id = r.pk::text, {query} AS q(query) "
            f"WHERE e.autocomplete @@ q.query ORDER BY score DESC, r.pk DESC LIMIT {int(limit)})"
        )
    columns = ", ".join(f"p.{connection.ops.quote_name(field.column)}" for field in Page._meta.concrete_fields)
    return (
        f"WITH found AS ({' UNION ALL '.join(parts)}) "  # noqa: S608
        f"SELECT f.source, f.pk, {columns} FROM found f LEFT JOIN wagtailcore_page p ON f.source = 0 AND p.id = f.pk "
        f"ORDER BY f.source, f.score DESC, f.pk DESC LIMIT {int(limit)}"
    )


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


def run(hits, vals, params, boosted, selected, limit, offset):
    """Facet rows and a page of hits of one search.

    ``hits``, ``vals``: the text of ``statement``; ``params``: its named parameters;
    ``boosted``: [(SQL of the boosted pks with its values written in, content type id, factor)];
    ``selected``: {facet: [values]} (types as content type ids). Returns (facet rows
    [(facet, value, present, count)], hits [(ctype, pk, score)]).
    """
    score = "m.score"
    for sql, ctype, factor in boosted:
        score = f"CASE WHEN m.ctype = {int(ctype)} AND m.pk IN ({sql}) THEN {float(factor)} * m.score ELSE {score} END"
    params = {**params, "limit": limit, "offset": offset}
    head = f"{hits.replace(BOOST_MARK, score)}, vals(ctype, pk, facet, value) AS MATERIALIZED ({vals})"
    page = "ORDER BY h.score DESC, h.pk DESC, h.ctype LIMIT %(limit)s OFFSET %(offset)s"
    chosen_facets, chosen_values = [], []
    for facet in FACETS:
        for value in selected.get(facet, ()):
            chosen_facets.append(facet)
            chosen_values.append(str(value))
    if not chosen_values:  # nothing ticked: each value counted once, the same count twice
        statement = f"""
            {head}
            SELECT 'facet', v.facet, v.value, count(*), count(*), NULL::float8 FROM vals v GROUP BY v.facet, v.value
            UNION ALL (SELECT 'hit', h.ctype::text, h.pk::text, NULL, NULL, h.score FROM hits h {page})
        """  # noqa: S608 - every value is a parameter; names and factors are the code's own
    else:
        params.update(facets=chosen_facets, values=chosen_values)
        flags = ", ".join(f"bool_or(c.facet = '{facet}') AS has_{facet}" for facet in FACETS)
        wanted = ", ".join(f"COALESCE(bool_or(facet = '{facet}'), false) AS {facet}" for facet in FACETS)
        ok = ", ".join(f"(NOT w.{facet} OR COALESCE(f.has_{facet}, false)) AS ok_{facet}" for facet in FACETS)
        others = " AND ".join(f"(v.facet = '{facet}' OR ok.ok_{facet})" for facet in FACETS)
        every = " AND ".join(f"ok.ok_{facet}" for facet in FACETS)
        statement = f"""
            {head},
            chosen AS (
                SELECT DISTINCT v.facet, v.value FROM vals v
                JOIN unnest(%(facets)s::text[], %(values)s::text[]) AS c(facet, value)
                ON c.facet = v.facet AND c.value = v.value
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
                FROM hits h JOIN ok ON ok.ctype = h.ctype AND ok.pk = h.pk WHERE {every} {page}
            )
        """  # noqa: S608 - every value is a parameter; names and factors are the code's own
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    facets = [(facet, value, present, count) for kind, facet, value, present, count, _score in rows if kind == "facet"]
    found = [(int(ctype), int(pk), score) for kind, ctype, pk, _p, _c, score in rows if kind == "hit"]
    return facets, found
