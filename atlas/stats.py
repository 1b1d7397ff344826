"""The state of cooperation at each level of the Atlas (World, continent, country, French région
or département): French authorities engaged, partner authorities, projects by theme, APD of the
French authorities engaged by year; and the live figures of the Atlas home and the home page.

Every function takes a queryset of projects and reads in a fixed number of queries, whatever the
number of projects (aggregates in the database, only the first rows of each list fetched).
"""

import copy
import json
import time
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import CharField, Count, F, Sum
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from atlas.models import ApdCountryTotal, ApdFigure, Project, ProjectFrenchAuthority, ProjectPartner
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.models import Country, Theme
from portal.pagecache import content_version, per_content_version
from portal.taxonomy import content_language, sort_key
from portal.visibility import public

TOP = 12
FIGURES_CACHE_SECONDS = 300


# What this process read last of each cached value: ``{name: (content version, monotonic time,
# value)}``, for as long as the shared cache keeps it.
in_process = {}


def cached(name, compute):
    """``compute()``, kept in the cache for a few minutes under the content version of the
    portal (``portal.pagecache``: any change to the Atlas's projects, links or authorities
    starts a new version, so nothing stale is read after a save). No query when cached; and
    kept in the process too for as long (the version is read from the shared cache each time,
    the value is not: one round trip and no unpickling, e.g. of the country referential).
    Callers must not change what they get (copy before decorating)."""
    version = content_version()
    now = time.monotonic()
    kept = in_process.get(name)
    if kept is not None and kept[0] == version and now - kept[1] < FIGURES_CACHE_SECONDS:
        return kept[2]
    key = f"atlas:{name}:{version}"
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.set(key, result, FIGURES_CACHE_SECONDS)
    in_process[name] = (version, now, result)
    return result


def figures(projects=None, themes=False):
    """Projects, French authorities engaged, partner authorities and countries of ``projects``
    (the published projects by default), and with ``themes`` the number of projects by theme
    (``{translation key: count}``). One query: counting subqueries in one statement."""
    projects = Project.objects.published() if projects is None else projects
    return read_together(figure_parts(projects, themes=themes))


def figure_parts(projects, themes=False):
    """The parts of ``figures`` (``read_together``), to read with others in the same statement."""
    ids = projects.order_by().values("pk")
    parts = {
        "projects": count_part(projects.order_by().values("pk")),
        "french_authorities": count_part(
            ProjectFrenchAuthority.objects.filter(project__in=ids, authority__isnull=False)
            .order_by()
            .values("authority")
            .distinct()
        ),
        "partner_authorities": count_part(
            ProjectPartner.objects.filter(project__in=ids, partner__isnull=False)
            .order_by()
            .values("partner")
            .distinct()
        ),
        "countries": count_part(
            ProjectPartner.objects.filter(project__in=ids, country__isnull=False)
            .order_by()
            .values("country")
            .distinct()
        ),
    }
    if themes:
        by_theme = (
            Project.themes.through.objects.filter(project__in=ids)
            .order_by()
            .values("theme__translation_key")
            .annotate(count=Count("project_id", distinct=True))
        )
        sql, params = by_theme.query.sql_with_params()
        pairs = """CAST(t."theme__translation_key" AS TEXT) || ':' || CAST(t."count" AS TEXT)"""
        aggregate = f"GROUP_CONCAT({pairs}, ',')" if connection.vendor == "sqlite" else f"STRING_AGG({pairs}, ',')"
        parts["themes"] = (f"(SELECT {aggregate} FROM ({sql}) AS t)", params, theme_counts)  # noqa: S608
    return parts


def theme_counts(text):
    """``{translation key: count}`` from the ``key:count,…`` text of ``figure_parts``."""
    counts = {}
    for pair in (text or "").split(","):
        if pair:
            key, count = pair.rsplit(":", 1)
            counts[uuid.UUID(key)] = int(count)
    return counts


def count_part(queryset):
    """A part of ``read_together``: the number of rows of ``queryset``."""
    sql, params = queryset.query.sql_with_params()
    return f"(SELECT COUNT(*) FROM ({sql}) AS counted)", params, int  # noqa: S608


def rows_part(sql, params, columns, order, decode=tuple):
    """A part of ``read_together``: the rows of the statement ``sql`` (its ``columns``, named
    as in its select list, read in the ``order`` it sorts them by, e.g. ``c.n DESC, c.name``
    with ``c`` the statement) as a JSON array of arrays, each row given to ``decode``."""
    if connection.vendor == "postgresql":
        values = ", ".join(f"c.{connection.ops.quote_name(column)}" for column in columns)
        aggregate = f"JSON_AGG(JSON_BUILD_ARRAY({values}) ORDER BY {order})"
    else:  # SQLite: rows are aggregated in the order the subquery gives them
        values = ", ".join(f"c.{connection.ops.quote_name(column)}" for column in columns)
        aggregate = f"JSON_GROUP_ARRAY(JSON_ARRAY({values}))"

    def rows(value):
        if isinstance(value, str):
            value = json.loads(value)
        return [decode(row) for row in value or ()]

    return f"(SELECT {aggregate} FROM ({sql}) AS c)", params, rows  # noqa: S608


def read_together(parts):
    """``{name: value}`` of ``parts`` (``{name: (SQL of a scalar subquery, its parameters,
    decode)}``, e.g. ``count_part``, ``rows_part``) read in one statement: a level of the Atlas
    reads its figures, its lists and its APD by year in one round trip. The SQL is Django's
    (compiled querysets) or written here with quoted names; the values travel as parameters."""
    selects, params = [], []
    for sql, part_params, _decode in parts.values():
        selects.append(sql)
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        row = cursor.fetchone()
    return {name: decode(value) for (name, (_sql, _params, decode)), value in zip(parts.items(), row, strict=True)}


def ranked(links, field, model, columns):
    """The ``TOP`` rows of ``model`` most linked by ``links`` (a queryset of project links whose
    ``field`` points at ``model``), each with ``n``, its number of distinct projects: most projects
    first, then by name. The distinct (row, project) pairs are counted, then only the ``TOP``
    rows are joined to the referential (cheaper than counting distinct projects per row of the
    joined referential). SQL and the ``columns`` to read, for ``rows_part``."""
    pairs = (
        links.filter(**{f"{field}__isnull": False})
        .order_by()
        .values(ranked_target=F(field), ranked_project=F("project"))
        .distinct()
    )
    sql, params = pairs.query.sql_with_params()
    quote = connection.ops.quote_name
    target = quote("ranked_target")
    selected = ", ".join(f"r.{quote(column)} AS {quote(column)}" for column in columns)
    statement = (
        f"SELECT {selected}, p.n AS n FROM (SELECT pairs.{target} AS target, COUNT(*) AS n FROM ({sql}) AS pairs"  # noqa: S608
        f" GROUP BY pairs.{target}) AS p INNER JOIN {quote(model._meta.db_table)} AS r ON r.{quote('id')} = p.target"
        f" ORDER BY p.n DESC, r.{quote('name')} LIMIT {TOP}"
    )
    return statement, params, [*columns, "n"], f"c.n DESC, c.{quote('name')}"


def apd_by_year_part(figures):
    """A part of ``read_together``: ``figures`` (``ApdFigure`` rows) summed by year, as
    ``[{"year", "total"}]`` (amounts read as text: decimals, never floats)."""
    sums = figures.order_by().values("year").annotate(total=Cast(Sum("amount"), CharField())).order_by("year")
    sql, params = sums.query.sql_with_params()
    return rows_part(sql, params, ["year", "total"], "c.year", lambda row: {"year": row[0], "total": Decimal(row[1])})


def live_figures():
    """The figures of the whole Atlas, cached a few minutes (the home page shows them); a new
    content version (any save of a project or its links) or ``forget_figures`` empties them."""
    return whole_atlas()["figures"]


def forget_figures(**kwargs):
    in_process.pop("whole", None)
    cache.delete(f"atlas:whole:{content_version()}")


def all_countries():
    """``{pk: Country}`` of the whole country referential (a few hundred rows), cached: lists
    of countries read their counts in one query and take the countries from here."""
    return cached("countries", lambda: {country.pk: country for country in Country.objects.all()})


def country_by_iso(iso):
    """The country of an ISO code (from the cached referential), or None."""
    return next((country for country in all_countries().values() if country.iso_code == iso), None)


def theme_names():
    """``{translation key: name in the active language}`` of every theme (the French copy when
    untranslated), cached per language."""
    language = content_language()

    def compute():
        preferred = [language, content_language(settings.LANGUAGE_CODE)]
        best = {}
        for key, code, name in Theme.objects.values_list("translation_key", "locale__language_code", "name"):
            rank = preferred.index(code) if code in preferred else 2
            if key not in best or rank < best[key][0]:
                best[key] = (rank, name)
        return {key: name for key, (_rank, name) in best.items()}

    return cached(f"themes:{language}", compute)


def cooperation_state(projects, page, declared=None, key=None):
    """What every level of the navigation shows about ``projects`` (published), in one statement
    (``read_together``): figures, counts by theme, the first French and partner authorities, the
    APD of the French authorities engaged by year and, with ``declared`` (rows with a year and an
    amount: ``ApdFigure`` of a territory's authorities, ``ApdCountryTotal`` of a place), their sums
    by year as ``declared_apd``. The same for every visitor: with ``key`` (naming the
    level), kept under the content version (``cached``; any save of a project, a link, an
    authority or an APD figure starts a new one): no query once cached."""
    ids = projects.order_by().values("pk")
    parts = figure_parts(projects, themes=True)
    french_columns = ["id", "kind", "code", "name"]
    parts["french_authorities_ranked"] = rows_part(
        *ranked(ProjectFrenchAuthority.objects.filter(project__in=ids), "authority", FrenchAuthority, french_columns),
        decode=lambda row: with_count(FrenchAuthority(**dict(zip(french_columns, row[:-1], strict=True))), row[-1]),
    )
    partner_columns = ["id", "name", "country_id"]
    parts["partner_authorities_ranked"] = rows_part(
        *ranked(ProjectPartner.objects.filter(project__in=ids), "partner", PartnerAuthority, partner_columns),
        decode=lambda row: with_count(PartnerAuthority(**dict(zip(partner_columns, row[:-1], strict=True))), row[-1]),
    )
    engaged = ProjectFrenchAuthority.objects.filter(project__in=ids, authority__isnull=False).values("authority")
    parts["apd"] = apd_by_year_part(ApdFigure.objects.filter(authority__in=engaged))
    if declared is not None:
        parts["declared_apd"] = apd_by_year_part(declared)
    counted = dict(read_together(parts) if key is None else cached(f"state:{key}", lambda: read_together(parts)))
    # Copies: the cached rows are shared by the requests of the process.
    french = [copy.copy(authority) for authority in counted.pop("french_authorities_ranked")]
    for authority in french:
        authority.public_url = page.french_authority_url(authority)
    partners = [copy.copy(partner) for partner in counted.pop("partner_authorities_ranked")]
    referential = all_countries()
    for partner in partners:
        partner.public_url = page.partner_authority_url(partner)
        if partner.country_id in referential:
            partner.country = referential[partner.country_id]
    names = theme_names()
    by_theme = {}
    for key, count in counted.pop("themes").items():
        name = names.get(key, "")
        by_theme[name] = by_theme.get(name, 0) + count
    apd = with_percent([dict(row) for row in counted.pop("apd")])
    declared_apd = [dict(row) for row in counted.pop("declared_apd", ())]
    state = {
        "figures": counted,
        "french_authorities": french,
        "partner_authorities": partners,
        "themes": sorted(by_theme.items(), key=lambda pair: (-pair[1], sort_key(pair[0]))),
        "apd": apd,
    }
    if declared is not None:
        state["declared_apd"] = with_percent(declared_apd)
    return state


def with_count(row, count):
    row.project_count = count
    return row


def with_percent(rows):
    highest = max((row["total"] for row in rows), default=0) or 1
    for row in rows:
        row["percent"] = round(float(row["total"]) * 100 / float(highest), 1)
    return rows


def apd_by_continent():
    """Each year's declared APD with its share per continent (the flows to several countries or
    unallocated apart): ``[{"year", "total", "continents": [(name, amount, percent)]}]``, the
    latest year first. One query on the yearly summary (``ApdCountryTotal``)."""
    names = dict(Country.Continent.choices)
    years = {}
    rows = ApdCountryTotal.objects.values("year", "country__continent").annotate(total=Sum("amount")).order_by()
    for row in rows:
        years.setdefault(row["year"], {})[row["country__continent"] or ""] = row["total"]
    result = []
    for year in sorted(years, reverse=True):
        amounts = years[year]
        total = sum(amounts.values())
        parts = [
            (
                names.get(code) or _("Several countries / unallocated"),
                amount,
                round(float(amount) * 100 / float(total or 1), 1),
            )
            for code, amount in amounts.items()
        ]
        parts.sort(key=lambda part: (-part[1], sort_key(str(part[0]))))
        result.append({"year": year, "total": total, "continents": parts})
    return result


def continents(projects=None):
    """``(code, name, project count)`` of the continents of the partners of ``projects`` (the
    whole Atlas, cached, by default)."""
    if projects is None:
        counts = whole_atlas()["continents"]
    else:
        counts = dict(
            ProjectPartner.objects.filter(project__in=projects.order_by().values("pk"), country__continent__gt="")
            .values_list("country__continent")
            .annotate(count=Count("project", distinct=True))
        )
    names = dict(Country.Continent.choices)
    return sorted(
        ((code, names.get(code, ""), count) for code, count in counts.items()),
        key=lambda row: sort_key(str(row[1])),
    )


def country_counts(projects, continent=None):
    """``{country pk: number of projects}`` of the partners of ``projects`` (of ``continent``). One query."""
    links = ProjectPartner.objects.filter(project__in=projects.order_by().values("pk"), country__isnull=False)
    if continent:
        links = links.filter(country__continent=continent)
    return dict(links.values_list("country").annotate(count=Count("project", distinct=True)))


def countries(projects=None, continent=None, counts=None):
    """The countries of the partners of ``projects`` (of ``continent``; the whole Atlas, cached,
    by default; or those of ``counts``, ``country_counts`` already read), each with its
    ``project_count``, sorted by name. One query (none cached): the countries come from the
    cached referential."""
    if counts is None:
        counts = whole_atlas()["countries"] if projects is None else country_counts(projects, continent)
    referential = all_countries()
    missing = [pk for pk in counts if pk not in referential]
    if missing:  # added since the referential was cached
        referential = referential | {country.pk: country for country in Country.objects.filter(pk__in=missing)}
    result = []
    for pk, count in counts.items():
        country = copy.copy(referential[pk])
        country.project_count = count
        result.append(country)
    return sorted(result, key=lambda country: sort_key(country.name))


def whole_atlas():
    """The figures, continents and countries of every published project, cached."""

    def compute():
        projects = Project.objects.published()
        return {
            "figures": figures(projects),
            "continents": dict(
                ProjectPartner.objects.filter(project__in=projects.values("pk"), country__continent__gt="")
                .values_list("country__continent")
                .annotate(count=Count("project", distinct=True))
            ),
            "countries": country_counts(projects),
        }

    return cached("whole", compute)


def home_figures(locale_id):
    """The live figures and the address of the Atlas of a locale, for the home page; None when
    the Atlas has no published project yet (the home page then shows its own key figures).
    The figures are cached, and the Atlas page's address is kept in the process per content
    version (a top-level section: publishing or moving it bumps the version): no query."""
    from atlas.models import AtlasIndexPage

    result = live_figures()
    if not result["projects"]:
        return None

    def atlas_url():
        atlas = public(AtlasIndexPage.objects.live()).filter(locale_id=locale_id).first()
        return atlas.url if atlas else ""

    return result | {"url": per_content_version("atlas-home-url", locale_id, atlas_url)}
