"""The project list of the Atlas (route ``projets/`` of ``AtlasIndexPage``), declared with the
listing framework (``portal/listing.py``).

Filters, all lenient (an unknown value is dropped, the list shows as if it had not been given):
theme (slug), kind, funding source, partner country (ISO code), continent (UN M49 code),
French région and département (official codes), authority (a French or partner authority: name
words or official code / SIREN), year (projects running that year) and keywords (words of the
title, objectives or description). The same filters drive the exports (CSV, XLSX, JSON, PDF)
and the map's data.
"""

import django_filters
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Window,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from atlas import stats
from atlas.models import FundingLine, Project, ProjectFrenchAuthority, ProjectPartner, listing_prefetches
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.listing import (
    ChoiceFilter,
    CountryFilter,
    DataChoiceFilter,
    Listing,
    ListingFilterSet,
    ThemeFilter,
    paginate,
)
from portal.models import Country
from portal.taxonomy import content_language, country_choices, sort_key

MAX_KEYWORDS = 8
MAX_PAGE = 100_000


class CachedChoices:
    """The choices of a filter are those of the whole published Atlas (the unfiltered list),
    the same for every visitor of a language: cached (``atlas.stats.cached``, emptied by any
    change to the Atlas) rather than read by one query per filter and request."""

    def choices_from(self, filterset, queryset):
        key = f"choices:{self.filter_name}:{content_language()}"
        return stats.cached(key, lambda: list(self.uncached_choices(filterset, queryset)))

    def uncached_choices(self, filterset, queryset):
        return super().choices_from(filterset, queryset)


class AtlasThemeFilter(CachedChoices, ThemeFilter):
    pass


class PartnerCountryFilter(CachedChoices, CountryFilter):
    """``?country=<ISO code>``: projects with a partner in that country; choices are the
    countries of the partners of the list."""

    def uncached_choices(self, filterset, queryset):
        used = ProjectPartner.objects.filter(project__in=queryset.order_by().values("pk")).values("country")
        return country_choices(Country.objects.filter(pk__in=used))

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=ProjectPartner.objects.filter(country__iso_code=value).values("project_id"))


class FrenchPlaceFilter(CachedChoices, DataChoiceFilter):
    """``?region=53`` / ``?departement=29``: projects whose lead authority is in that région or
    département (official code); choices are those of the list's projects."""

    def uncached_choices(self, filterset, queryset):
        places = FrenchAuthority.objects.filter(pk__in=queryset.order_by().values(self.field_name))
        return sorted(((place.code, place.name) for place in places), key=lambda pair: sort_key(pair[1]))

    def filter(self, qs, value):
        return qs if not value else qs.filter(**{f"{self.field_name}__code": value})


class ActiveYearFilter(CachedChoices, DataChoiceFilter):
    """``?year=2021``: projects running that year (started then or before, not ended before)."""

    def uncached_choices(self, filterset, queryset):
        bounds = queryset.order_by().aggregate(first=Min("start_year"), last=Max("end_year"))
        if not bounds["first"]:
            return []
        last = max(bounds["last"] or 0, timezone.localdate().year)
        return [(str(year), str(year)) for year in range(last, bounds["first"] - 1, -1)]

    def filter(self, qs, value):
        if not value:
            return qs
        year = int(value)
        return qs.filter(start_year__lte=year).filter(Q(end_year__isnull=True) | Q(end_year__gte=year))


class ProjectFilterSet(ListingFilterSet):
    q = django_filters.CharFilter(label=_("Keywords"), method="filter_keywords", max_length=200)
    theme = AtlasThemeFilter(field_name="themes")
    kind = ChoiceFilter(choices=Project.Kind.choices, label=_("Kind of action"))
    funding = ChoiceFilter(
        choices=FundingLine.Source.choices, label=_("Funding source"), method="filter_funding", empty_label=_("All")
    )
    continent = ChoiceFilter(
        choices=Country.Continent.choices,
        label=_("Continent"),
        method="filter_continent",
        empty_label=_("All continents"),
    )
    country = PartnerCountryFilter()
    region = FrenchPlaceFilter(field_name="region", label=_("French region"), empty_label=_("All regions"))
    departement = FrenchPlaceFilter(field_name="departement", label=_("Département"), empty_label=_("All départements"))
    authority = django_filters.CharFilter(
        label=_("Authority (name or code)"), method="filter_authority", max_length=200
    )
    year = ActiveYearFilter(label=_("Year"), empty_label=_("All years"))

    def filter_keywords(self, queryset, name, value):
        for word in value.split()[:MAX_KEYWORDS]:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(objectives__icontains=word) | Q(description__icontains=word)
            )
        return queryset

    def filter_funding(self, queryset, name, value):
        return queryset.filter(pk__in=FundingLine.objects.filter(source=value).values("project_id"))

    def filter_continent(self, queryset, name, value):
        return queryset.filter(pk__in=ProjectPartner.objects.filter(country__continent=value).values("project_id"))

    def filter_authority(self, queryset, name, value):
        french = FrenchAuthority.objects.matching(value).values("pk")
        partners = PartnerAuthority.objects.matching(value).values("pk")
        return queryset.filter(
            Q(pk__in=ProjectFrenchAuthority.objects.filter(authority__in=french).values("project_id"))
            | Q(pk__in=ProjectPartner.objects.filter(partner__in=partners).values("project_id"))
        )


class ProjectListing(Listing):
    """The published projects of the Atlas, most recent first, filtered."""

    filterset_class = ProjectFilterSet
    per_page = 20
    context_object_name = "projects"

    def get_queryset(self):
        return Project.objects.published().order_by("-start_year", "title", "pk")

    def decorate(self, projects):
        from atlas.views import with_listing_labels

        projects = list(projects)
        prefetches = listing_prefetches()
        if projects and hasattr(projects[0], "theme_keys"):  # read with the page (page_obj)
            prefetches.remove("themes")
        prefetch_related_objects(projects, *prefetches)
        return with_listing_labels(self.page, projects)

    @cached_property
    def page_obj(self):
        """The requested page (``portal.listing.paginate``'s lenient rules) in one query for a
        page with rows: the total is a window count over the filtered list and each row's themes
        come as their keys; an empty or out-of-range page falls back to ``paginate``."""
        try:
            number = max(int(self.request.GET.get("page") or 1), 1)
        except ValueError:
            number = 1
        self.country_counts = None
        if connection.vendor == "postgresql":
            rows = read_page_and_countries(self.queryset, number, self.per_page)
            if rows:
                self.country_counts = {country: count for country, count in rows[0].country_counts or ()}
        else:
            rows = read_page(self.queryset, number, self.per_page)
        if not rows:
            page_obj = paginate(self.request, self.queryset, self.per_page)
        else:
            page_obj = page_of(self.queryset, number, self.per_page, rows)
        page_obj.object_list = self.decorate_page(page_obj.object_list)
        return page_obj


def theme_keys():
    """A project's themes' translation keys separated by commas (a subquery on ``pk``)."""
    return (
        Project.themes.through.objects.filter(project_id=OuterRef("pk"))
        .order_by()
        .values("project_id")
        .annotate(keys=KeyList("theme__translation_key"))
        .values("keys")
    )


def read_page(queryset, number, per_page):
    """The projects of page ``number`` of ``queryset`` (sorted), in one query: each with
    ``listing_total``, the number of projects of the whole list (a window count), and
    ``theme_keys``, its themes' translation keys separated by commas. Empty beyond the last page
    (the caller falls back to its paginator's rules)."""
    if not 1 <= number <= MAX_PAGE:  # beyond: no such page, and no offset too large for the database
        return []
    start = (number - 1) * per_page
    rows = queryset.annotate(listing_total=Window(Count("pk")), theme_keys=Subquery(theme_keys()))
    return list(rows[start : start + per_page])


def read_page_and_countries(queryset, number, per_page):
    """``read_page``, with each row's ``country_counts`` too: the ``[[country pk, number of
    projects], …]`` of the partners of the whole list (the map's table). PostgreSQL: one
    statement whose filtered list (``WITH … AS MATERIALIZED``) is computed once for the page,
    its total, and the counts by country, instead of once per query."""
    if not 1 <= number <= MAX_PAGE:
        return []
    ids_sql, ids_params = queryset.order_by().values(filtered_id=F("pk")).query.sql_with_params()
    filtered = RawSQL('SELECT "filtered_id" FROM "atlas_filtered"', ())  # noqa: S611 - no parameter
    counts = (
        ProjectPartner.objects.filter(project__in=filtered, country__isnull=False)
        .order_by()
        .values(counted_country=F("country"))
        .annotate(counted=Count("project", distinct=True))
    )
    counts_sql, counts_params = counts.query.sql_with_params()
    start = (number - 1) * per_page
    page = (
        Project.objects.filter(pk__in=filtered)
        .order_by(*queryset.query.order_by)
        .annotate(
            listing_total=Window(Count("pk")),
            theme_keys=Subquery(theme_keys()),
            country_counts=RawSQL(  # noqa: S611 - Django's compiled SQL, values as parameters
                "(SELECT JSON_AGG(JSON_BUILD_ARRAY(c.counted_country, c.counted)) FROM (" + counts_sql + ") AS c)",  # noqa: S608
                counts_params,
            ),
        )[start : start + per_page]
    )
    page_sql, page_params = page.query.sql_with_params()
    statement = f"WITH atlas_filtered AS MATERIALIZED ({ids_sql}) {page_sql}"
    return list(Project.objects.raw(statement, (*ids_params, *page_params)))


def page_of(queryset, number, per_page, rows):
    """A ``Page`` of ``rows`` (read by ``read_page``) whose paginator knows its count without a query."""
    paginator = Paginator(queryset, per_page)
    paginator.count = rows[0].listing_total  # the cached property, known without a query
    return Page(rows, number, paginator)


class KeyList(Aggregate):
    """The values as text separated by commas (``STRING_AGG``; ``GROUP_CONCAT`` on SQLite)."""

    function = "STRING_AGG"
    template = "%(function)s(CAST(%(expressions)s AS TEXT), ',')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)
