"""The state of cooperation at each level of the Atlas (World, continent, country, French région
or département): French authorities engaged, partner authorities, projects by theme, APD of the
French authorities engaged by year; and the live figures of the Atlas home and the home page.

Every function takes a queryset of projects and reads in a fixed number of queries, whatever the
number of projects (aggregates in the database, only the first rows of each list fetched).
"""

import copy
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from atlas.models import ApdCountryTotal, ApdFigure, Project, ProjectFrenchAuthority, ProjectPartner
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.models import Country, Theme
from portal.pagecache import content_version, per_content_version
from portal.taxonomy import content_language, sort_key
from portal.visibility import public

TOP = 12
FIGURES_CACHE_SECONDS = 300


def cached(name, compute):
    """``compute()``, kept in the cache for a few minutes under the content version of the
    portal (``portal.pagecache``: any change to the Atlas's projects, links or authorities
    starts a new version, so nothing stale is read after a save). No query when cached."""
    key = f"atlas:{name}:{content_version()}"
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.set(key, result, FIGURES_CACHE_SECONDS)
    return result


def figures(projects=None, themes=False):
    """Projects, French authorities engaged, partner authorities and countries of ``projects``
    (the published projects by default), and with ``themes`` the number of projects by theme
    (``{translation key: count}``). One query: counting subqueries in one statement."""
    projects = Project.objects.published() if projects is None else projects
    ids = projects.order_by().values("pk")
    parts = {
        "projects": projects.order_by().values("pk"),
        "french_authorities": ProjectFrenchAuthority.objects.filter(project__in=ids, authority__isnull=False)
        .order_by()
        .values("authority")
        .distinct(),
        "partner_authorities": ProjectPartner.objects.filter(project__in=ids, partner__isnull=False)
        .order_by()
        .values("partner")
        .distinct(),
        "countries": ProjectPartner.objects.filter(project__in=ids, country__isnull=False)
        .order_by()
        .values("country")
        .distinct(),
    }
    # The SQL is Django's (compiled querysets), the values travel as parameters.
    selects, params = [], []
    for queryset in parts.values():
        sql, part_params = queryset.query.sql_with_params()
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted)")  # noqa: S608
        params.extend(part_params)
    if themes:
        by_theme = (
            Project.themes.through.objects.filter(project__in=ids)
            .order_by()
            .values("theme__translation_key")
            .annotate(count=Count("project_id", distinct=True))
        )
        sql, part_params = by_theme.query.sql_with_params()
        pairs = """CAST(t."theme__translation_key" AS TEXT) || ':' || CAST(t."count" AS TEXT)"""
        aggregate = f"GROUP_CONCAT({pairs}, ',')" if connection.vendor == "sqlite" else f"STRING_AGG({pairs}, ',')"
        selects.append(f"(SELECT {aggregate} FROM ({sql}) AS t)")  # noqa: S608
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        row = cursor.fetchone()
    result = dict(zip(parts, row, strict=False))
    if themes:
        result["themes"] = {}
        for pair in (row[-1] or "").split(","):
            if pair:
                key, count = pair.rsplit(":", 1)
                result["themes"][uuid.UUID(key)] = int(count)
    return result


def live_figures():
    """The figures of the whole Atlas, cached a few minutes (the home page shows them); a new
    content version (any save of a project or its links) or ``forget_figures`` empties them."""
    return whole_atlas()["figures"]


def forget_figures(**kwargs):
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


def cooperation_state(projects, page):
    """What every level of the navigation shows about ``projects`` (published)."""
    ids = projects.order_by().values("pk")
    french = (
        FrenchAuthority.objects.filter(project_links__project__in=ids)
        .annotate(project_count=Count("project_links__project", distinct=True))
        .order_by("-project_count", "name")[:TOP]
    )
    french = list(french)
    for authority in french:
        authority.public_url = page.french_authority_url(authority)
    partners = list(
        PartnerAuthority.objects.filter(project_links__project__in=ids)
        .select_related("country")
        .annotate(project_count=Count("project_links__project", distinct=True))
        .order_by("-project_count", "name")[:TOP]
    )
    for partner in partners:
        partner.public_url = page.partner_authority_url(partner)
    counted = figures(projects, themes=True)
    names = theme_names()
    by_theme = {}
    for key, count in counted.pop("themes").items():
        name = names.get(key, "")
        by_theme[name] = by_theme.get(name, 0) + count
    engaged = ProjectFrenchAuthority.objects.filter(project__in=ids, authority__isnull=False).values("authority")
    apd = list(
        ApdFigure.objects.filter(authority__in=engaged).values("year").annotate(total=Sum("amount")).order_by("year")
    )
    highest = max((row["total"] for row in apd), default=0) or 1
    for row in apd:
        row["percent"] = round(float(row["total"]) * 100 / float(highest), 1)
    return {
        "figures": counted,
        "french_authorities": french,
        "partner_authorities": partners,
        "themes": sorted(by_theme.items(), key=lambda pair: (-pair[1], sort_key(pair[0]))),
        "apd": apd,
    }


def with_percent(rows):
    highest = max((row["total"] for row in rows), default=0) or 1
    for row in rows:
        row["percent"] = round(float(row["total"]) * 100 / float(highest), 1)
    return rows


def declared_apd(**filters):
    """The APD declared (validated declarations) towards a place, by year:
    ``[{"year", "total", "percent"}]``. ``filters`` select the countries: ``country=…``,
    ``country__continent=…``. One query on the yearly summary (``ApdCountryTotal``: a row per
    year and country), whatever the number of declarations."""
    return with_percent(
        list(ApdCountryTotal.objects.filter(**filters).values("year").annotate(total=Sum("amount")).order_by("year"))
    )


def territory_apd(field, authority):
    """The APD of the French authorities of a région or département (``field`` "region" or
    "departement"), by year, from the authorities' yearly figures. One query."""
    return with_percent(
        list(
            ApdFigure.objects.filter(**{f"authority__{field}": authority})
            .values("year")
            .annotate(total=Sum("amount"))
            .order_by("year")
        )
    )


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


def countries(projects=None, continent=None):
    """The countries of the partners of ``projects`` (of ``continent``; the whole Atlas, cached,
    by default), each with its ``project_count``, sorted by name. One query (none cached): the
    countries come from the cached referential."""
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
