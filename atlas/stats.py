"""The state of cooperation at each level of the Atlas (World, continent, country, French région
or département): French authorities engaged, partner authorities, projects by theme, APD of the
French authorities engaged by year; and the live figures of the Atlas home and the home page.

Every function takes a queryset of projects and reads in a fixed number of queries, whatever the
number of projects (aggregates in the database, only the first rows of each list fetched).
"""

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from atlas.models import ApdFigure, ApdFlowFigure, Project, ProjectFrenchAuthority, ProjectPartner
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.models import Country, Theme
from portal.taxonomy import localize_themes, sort_key
from portal.visibility import public

TOP = 12
FIGURES_CACHE_KEY = "atlas:figures"
FIGURES_CACHE_SECONDS = 300


def figures(projects=None):
    """Projects, French authorities engaged, partner authorities and countries of ``projects``
    (the published projects by default). Four counting queries."""
    projects = Project.objects.published() if projects is None else projects
    ids = projects.order_by().values("pk")
    return {
        "projects": projects.count(),
        "french_authorities": ProjectFrenchAuthority.objects.filter(project__in=ids, authority__isnull=False)
        .values("authority")
        .distinct()
        .count(),
        "partner_authorities": ProjectPartner.objects.filter(project__in=ids, partner__isnull=False)
        .values("partner")
        .distinct()
        .count(),
        "countries": ProjectPartner.objects.filter(project__in=ids, country__isnull=False)
        .values("country")
        .distinct()
        .count(),
    }


def live_figures():
    """The figures of the whole Atlas, cached a few minutes (the home page shows them); cleared
    when a project is saved or deleted (``atlas.apps``)."""
    result = cache.get(FIGURES_CACHE_KEY)
    if result is None:
        result = figures()
        cache.set(FIGURES_CACHE_KEY, result, FIGURES_CACHE_SECONDS)
    return result


def forget_figures(**kwargs):
    cache.delete(FIGURES_CACHE_KEY)


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
    counts = dict(
        Project.themes.through.objects.filter(project__in=ids)
        .values_list("theme_id")
        .annotate(count=Count("project_id", distinct=True))
    )
    themes = localize_themes(Theme.objects.filter(pk__in=list(counts)).order_by("pk"))
    by_theme = {}
    for original_id, theme in zip(sorted(counts), themes, strict=True):
        by_theme[theme.name] = by_theme.get(theme.name, 0) + counts[original_id]
    engaged = ProjectFrenchAuthority.objects.filter(project__in=ids, authority__isnull=False).values("authority")
    apd = list(
        ApdFigure.objects.filter(authority__in=engaged).values("year").annotate(total=Sum("amount")).order_by("year")
    )
    highest = max((row["total"] for row in apd), default=0) or 1
    for row in apd:
        row["percent"] = round(float(row["total"]) * 100 / float(highest), 1)
    return {
        "figures": figures(projects),
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
    """The APD declared (validated declarations, ``ApdFlowFigure``) towards a place, by year:
    ``[{"year", "total", "percent"}]``. ``filters`` select the flows: ``country=…``,
    ``country__continent=…``, nothing for the world. One query."""
    return with_percent(
        list(ApdFlowFigure.objects.filter(**filters).values("year").annotate(total=Sum("amount")).order_by("year"))
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
    latest year first. One query."""
    names = dict(Country.Continent.choices)
    years = {}
    rows = ApdFlowFigure.objects.values("year", "country__continent").annotate(total=Sum("amount")).order_by()
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


def continents(projects):
    """``(code, name, project count)`` of the continents of the partners of ``projects``."""
    rows = (
        ProjectPartner.objects.filter(project__in=projects.order_by().values("pk"), country__continent__gt="")
        .values("country__continent")
        .annotate(count=Count("project", distinct=True))
    )
    names = dict(Country.Continent.choices)
    return sorted(
        ((row["country__continent"], names.get(row["country__continent"], ""), row["count"]) for row in rows),
        key=lambda row: sort_key(str(row[1])),
    )


def countries(projects, continent=None):
    """The countries of the partners of ``projects`` (of ``continent``), each with its
    ``project_count``, sorted by name. Two queries."""
    links = ProjectPartner.objects.filter(project__in=projects.order_by().values("pk"), country__isnull=False)
    if continent:
        links = links.filter(country__continent=continent)
    counts = dict(links.values_list("country").annotate(count=Count("project", distinct=True)))
    result = list(Country.objects.filter(pk__in=list(counts)))
    for country in result:
        country.project_count = counts[country.pk]
    return sorted(result, key=lambda country: sort_key(country.name))


def home_figures(locale_id):
    """The live figures and the address of the Atlas of a locale, for the home page; None when
    the Atlas has no published project yet (the home page then shows its own key figures).
    The figures are cached; one query for the Atlas page."""
    from atlas.models import AtlasIndexPage

    result = live_figures()
    if not result["projects"]:
        return None
    atlas = public(AtlasIndexPage.objects.live()).filter(locale_id=locale_id).first()
    return result | {"url": atlas.url if atlas else ""}
