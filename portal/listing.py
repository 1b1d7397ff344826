"""The listing framework: how every public list of the portal is declared and served.

News, the agenda, calls for projects, laureates, the Bourse partenariats and the labelled
authorities are lists of the same kind, and so will be the Atlas' projects, applications and
declarations. Each is a ``Listing`` subclass in its app's ``listings.py``; this module gives what
they share, after cfgov's ``FilterableListMixin``:

- **filters** declared as a django-filter ``FilterSet`` (``ListingFilterSet``), from the query
  string, *lenient*: a value that is unknown or malformed is dropped and the list shows as if it
  had not been given (never an error page, never a 500). Values are stable codes (slugs, ISO
  codes, years), so a filtered URL works under every language prefix;
- **choices from the data** (``DataChoiceFilter``, ``ThemeFilter``, ``CountryFilter``,
  ``YearFilter``): a select offers what the unfiltered list contains, computed on first use
  (one query for every filter of the list: the distinct values of their fields, named from the
  themes and countries kept per process), so a feed that is not filtered pays nothing for them;
- **one query for a page and its total** (``paginate``: a window count over the list);
- **one pagination rule** (``paginate``): a bad page number gives the first page, one past the
  end the last page;
- **one noindex rule**: a filtered list or a page after the first asks search engines not to
  index it (``noindex`` in the context; ``base.html`` writes the ``<meta name="robots">``);
- **feeds and exports honouring the same filters**: ``Listing.feed("rss"|"atom")`` for a
  syndication feed, ``Listing.feed_objects()`` and ``Listing.export_objects()`` for the app's
  own formats (iCal, CSV, JSON, GeoJSON);
- **one filter bar**, ``templates/includes/filter_bar.html`` (DSFR), for every list.

Declaring a list
----------------
In ``myapp/listings.py``::

    class ProjectFilterSet(ListingFilterSet):
        theme = ThemeFilter(field_name="themes")                  # ?theme=<slug>
        country = CountryFilter(field_name="country")             # ?country=<ISO code>
        year = YearFilter(field_name="start_date")                # ?year=2024 (years present)
        kind = ChoiceFilter(choices=Project.Kind.choices, label=_("Kind"), empty_label=_("All"))
        region = DataChoiceFilter(label=_("Region"))              # choices from the regions used

        def region_values(self):                                  # what the rows hold: read with
            return ["region"]                                     # the other filters' values

        def region_labels(self, regions):                         # the set of values found
            return [(region, region) for region in sorted(regions - {""})]

    class ProjectListing(Listing):
        filterset_class = ProjectFilterSet
        per_page = 20
        context_object_name = "projects"                          # besides "object_list"

        def get_queryset(self):                                   # everything the list may show, in order
            return Project.objects.public().order_by("-start_date", "pk")

        def decorate(self, projects):                             # labels for a page of results,
            return attach_localized_themes(projects)              # a bounded number of queries

        def feed_item(self, project):                             # only for lists with a feed
            return FeedItem(title=project.title, link=self.absolute(project.get_absolute_url()),
                            description=project.summary, pubdate=project.published_at)

On the (routable) page that shows it::

    @path("")
    def list_view(self, request):
        return self.render(request, context_overrides=ProjectListing(request, self).context())

    @path("feed/rss/", name="rss")
    def rss_view(self, request):
        return ProjectListing(request, self).feed("rss")

    @path("csv/", name="csv")
    def csv_view(self, request):
        return exports.projects_csv(ProjectListing(request, self).export_objects())

and in its template::

    {% translate "Filter the projects" as title %}
    {% include "includes/filter_bar.html" with filters=filters action=page.url title=title %}
    … {% for project in projects %} … {% endfor %}
    {% include "includes/pagination.html" %}
    <a href="{% routablepageurl page 'rss' %}{% if filter_query %}?{{ filter_query }}{% endif %}">RSS</a>

The context holds ``filters`` (the bound FilterSet: ``filters.form``, ``filters.is_filtered``,
``filters.active``), ``page_obj``, ``object_list`` (and ``context_object_name``), ``noindex``
and ``filter_query`` (the valid filters as a query string, for feed and export links).

Filter values are matched by the rules of ``portal.taxonomy`` (themes by translation key,
countries by ISO code). Which lists have which feed: see the README ("How the portal is
organised").
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

import django_filters
from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, F, Q, QuerySet, TextField, Value, Window
from django.db.models.functions import Cast, ExtractYear
from django.db.models.query import ModelIterable
from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters.utils import get_model_field

from portal.taxonomy import country_choices_of, filter_by_country, filter_by_theme, theme_choices_of

EMPTY_VALUES = (None, "", [], ())


# --- Filters ------------------------------------------------------------------------------------


class LazyChoices(BaseChoiceIterator):
    """Choices computed on first use, then kept (one query for validation and rendering)."""

    def __init__(self, compute):
        self.compute = compute
        self.choices = None

    def __iter__(self):
        if self.choices is None:
            self.choices = list(self.compute())
        return iter(self.choices)

    def __len__(self):
        return len(list(iter(self)))

    def __deepcopy__(self, memo):
        # Form fields are deep-copied per form: share the computed choices, not the queryset.
        return self


class ChoiceFilter(django_filters.ChoiceFilter):
    """A choice among fixed ``choices`` (``empty_label`` is the "all" option)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(*args, **kwargs)


class DataChoiceFilter(ChoiceFilter):
    """A choice among what the list contains.

    Either from the values the list's rows hold: the FilterSet's ``<name>_values()`` names them
    (field names or expressions of the list's model) and ``<name>_labels(values)`` turns the set
    of values found (as text) into the ``(value, label)`` pairs, and every such filter of the
    FilterSet is read in one query; or the FilterSet's ``<name>_choices(queryset)`` gives the
    pairs from the unfiltered queryset (a query of its own), or ``choices_from(filterset,
    queryset)`` in a subclass.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", ())
        super().__init__(*args, **kwargs)

    def value_expressions(self, filterset):
        """The field names or expressions whose values (in the unfiltered list) make the choices,
        or None when the choices come from ``<name>_choices(queryset)``."""
        method = getattr(filterset, f"{self.filter_name}_values", None)
        return method() if method else None

    def choices_of_values(self, filterset, values):
        """The ``(value, label)`` pairs of the set of values found (as text, NULL left out)."""
        return getattr(filterset, f"{self.filter_name}_labels")(values)

    def reads_values(self, filterset):
        """Whether the choices come from the rows' values (then read with the other filters')."""
        inherited = type(self).choices_from is DataChoiceFilter.choices_from
        return inherited and self.value_expressions(filterset) is not None

    def choices_from(self, filterset, queryset):
        expressions = self.value_expressions(filterset)
        if expressions is None:
            return getattr(filterset, f"{self.filter_name}_choices")(queryset)
        values = used_values(queryset, {self.filter_name: expressions})[self.filter_name]
        return self.choices_of_values(filterset, values)

    def field_names(self):
        return self.field_name if isinstance(self.field_name, tuple) else (self.field_name,)

    def used_by(self, queryset):
        """A condition on the related model: the rows ``queryset`` points at through this
        filter's field (or fields, for a tuple)."""
        condition = Q()
        for name in self.field_names():
            condition |= Q(pk__in=queryset.order_by().values(name))
        return condition


def used_values(queryset, expressions):
    """``{name: set of values as text}`` of what the rows of ``queryset`` hold, for each
    ``{name: [field names or expressions]}``, in one query (a ``UNION`` of one ``SELECT`` per
    expression: a filter's choices are the distinct values of its fields). NULLs are left out."""
    base = queryset.order_by().prefetch_related(None)
    names = list(expressions)
    parts = [
        base.values_list(Value(number), Cast(expression, output_field=TextField()))
        for number, name in enumerate(names)
        for expression in expressions[name]
    ]
    found = {name: set() for name in names}
    if not parts:
        return found
    query = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0].distinct()
    for number, value in query:
        if value is not None:
            found[names[number]].add(value)
    return found


def ids(values):
    return {int(value) for value in values}


class ThemeFilter(DataChoiceFilter):
    """``?theme=<slug>``: items whose theme (``field_name``: one relation, or a tuple of them) is
    that theme in any language; choices are the themes the list uses, named in the active
    language (from the themes kept per process: ``portal.taxonomy.theme_choices_of``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Theme"))
        kwargs.setdefault("empty_label", _("All themes"))
        super().__init__(*args, **kwargs)

    def value_expressions(self, filterset):
        return list(self.field_names())

    def choices_of_values(self, filterset, values):
        return theme_choices_of(ids(values))

    def filter(self, qs, value):
        return qs if value in EMPTY_VALUES else filter_by_theme(qs, self.field_name, value)


class CountryFilter(DataChoiceFilter):
    """``?country=<ISO code>``: items related to that country through ``field_name`` (one
    relation, or a tuple of them, OR-ed); choices are the countries the list uses (named from
    the countries kept per process: ``portal.taxonomy.country_choices_of``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Country"))
        kwargs.setdefault("empty_label", _("All countries"))
        super().__init__(*args, **kwargs)

    def value_expressions(self, filterset):
        return list(self.field_names())

    def choices_of_values(self, filterset, values):
        return country_choices_of(ids(values))

    def filter(self, qs, value):
        return qs if value in EMPTY_VALUES else filter_by_country(qs, self.field_name, value)


class YearFilter(DataChoiceFilter):
    """``?year=2024``: items of that year of ``field_name`` (a date or a year number); choices
    are the years present, most recent first."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("empty_label", _("All years"))
        super().__init__(*args, **kwargs)

    def is_date(self):
        return get_model_field(self.model, self.field_name).get_internal_type() in ("DateField", "DateTimeField")

    def value_expressions(self, filterset):
        return [ExtractYear(self.field_name) if self.is_date() else F(self.field_name)]

    def choices_of_values(self, filterset, values):
        return [(str(year), str(year)) for year in sorted(ids(values), reverse=True)]

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        lookup = f"{self.field_name}__year" if self.is_date() else self.field_name
        return qs.filter(**{lookup: int(value)})


class ListingFilterSet(django_filters.FilterSet):
    """The filters of a list, bound to the query string, lenient (see the module docstring).

    ``qs`` is the filtered queryset (only the valid values apply), ``active`` the valid non-empty
    values, ``is_filtered`` whether there are any, ``query_string()`` them as ``a=1&b=2``.
    """

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        for name, filter_ in self.filters.items():
            if isinstance(filter_, DataChoiceFilter):
                filter_.filter_name = name
                filter_.extra["choices"] = LazyChoices(lambda f=filter_: self.choices_of(f))

    def choices_of(self, filter_):
        """The choices of a ``DataChoiceFilter``: those made from the rows' values come from one
        query for every such filter (``data_choices``), the others from their own."""
        if filter_.reads_values(self):
            return self.data_choices[filter_.filter_name]
        return filter_.choices_from(self, self.queryset)

    @cached_property
    def data_choices(self):
        """``{name: choices}`` of the filters whose choices are made from the values the
        unfiltered list holds, read together in one query (``used_values``)."""
        filters = [f for f in self.filters.values() if isinstance(f, DataChoiceFilter) and f.reads_values(self)]
        values = used_values(self.queryset, {f.filter_name: f.value_expressions(self) for f in filters})
        return {f.filter_name: f.choices_of_values(self, values[f.filter_name]) for f in filters}

    @cached_property
    def active(self):
        """``{name: value}`` of the filters given with a valid value (the others are ignored)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()  # fills cleaned_data with the valid fields only
        return {name: value for name, value in self.form.cleaned_data.items() if value not in EMPTY_VALUES}

    @property
    def is_filtered(self):
        return bool(self.active)

    def filter_queryset(self, queryset):
        for name, value in self.active.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def query_string(self):
        """The valid filters as a query string, sorted by name (feed and export links)."""
        pairs = []
        for name, value in sorted(self.active.items()):
            pairs += [(name, str(item)) for item in (value if isinstance(value, list | tuple) else [value])]
        return urlencode(pairs)


# --- Pagination ---------------------------------------------------------------------------------


# Beyond this page number a list is not read (no such page on the portal's lists, and no offset
# large enough to make the database walk millions of rows): the plain rule answers (last page).
MAX_PAGE = 10_000


def paginate(request, items, per_page, parameter="page"):
    """The requested page of ``items`` (``?page=``), its objects as a list.

    A page number that is not a number or is below 1 gives the first page, one past the end the
    last page: a hand-edited or outdated link never gives an error.

    When ``items`` is a queryset of model rows, the page's rows and the list's total come from one
    query (a window count over the list, ``listing_total`` on each row) instead of a ``COUNT``
    then the page: a page past the end (no rows) falls back to the count and the last page.
    """
    if isinstance(items, QuerySet) and items._iterable_class is ModelIterable and not items.query.distinct:
        number = requested_page(request, parameter)
        rows = []
        if number <= MAX_PAGE:
            start = (number - 1) * per_page
            rows = list(items.annotate(listing_total=Window(Count("*")))[start : start + per_page])
        if rows or number == 1:
            paginator = Paginator(items, per_page)
            paginator.count = rows[0].listing_total if rows else 0  # the cached property, without a query
            return Page(rows, number, paginator)
    paginator = Paginator(items, per_page)
    try:
        page_obj = paginator.page(request.GET.get(parameter) or 1)
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        below = int(request.GET[parameter]) < 1  # a number, since it was not PageNotAnInteger
        page_obj = paginator.page(1 if below else paginator.num_pages)
    page_obj.object_list = list(page_obj.object_list)
    return page_obj


def requested_page(request, parameter="page"):
    """The page number asked for, 1 when it is missing, not a whole number or below 1 (the rule
    of ``paginate``)."""
    try:
        return max(int(request.GET.get(parameter) or 1), 1)
    except ValueError:
        return 1


# --- Feeds --------------------------------------------------------------------------------------


@dataclass
class FeedItem:
    """One entry of an RSS or Atom feed."""

    title: str
    link: str
    description: str
    pubdate: datetime.datetime | None = None
    updateddate: datetime.datetime | None = None
    categories: list = field(default_factory=list)
    unique_id: str = ""


FEED_CLASSES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}


# --- The list -----------------------------------------------------------------------------------


class Listing:
    """One public list: what it shows, its filters, its pages, its feed and its export.

    Subclasses set ``filterset_class`` (None: a list without filters), ``per_page``,
    ``feed_size``, ``context_object_name``, and define ``get_queryset()``; optionally
    ``decorate()`` and ``decorate_page()``, ``get_feed_queryset()``, ``feed_item()``,
    ``feed_title()`` and ``feed_description()`` (see the module docstring).
    """

    filterset_class = None
    per_page = 20
    feed_size = 30
    context_object_name = None

    def __init__(self, request, page=None):
        self.request = request
        self.page = page

    # What subclasses define -------------------------------------------------------------------
    def get_queryset(self):
        """Everything the list may show, unfiltered, in the list's order."""
        raise NotImplementedError

    def decorate(self, objects):
        """Attach what the page, the feed and the export show to a list of objects (labels in the
        visitor's language…), in a bounded number of queries. Returns a list."""
        return list(objects)

    def decorate_page(self, objects):
        """``decorate`` plus what only the HTML page shows (images…)."""
        return self.decorate(objects)

    def get_feed_queryset(self, queryset):
        """The filtered items in the feed's order (the list's own by default)."""
        return queryset

    def feed_item(self, obj):
        """The ``FeedItem`` of one object (lists with a syndication feed)."""
        raise NotImplementedError

    def feed_title(self):
        return f"{self.page.title} — {settings.PORTAL_SERVICE_NAME}"

    def feed_description(self):
        return getattr(self.page, "search_description", "") or self.page.title

    # What the framework does ------------------------------------------------------------------
    @cached_property
    def filters(self):
        if self.filterset_class is None:
            return ListingFilterSet(self.request.GET, queryset=self.get_queryset(), request=self.request)
        return self.filterset_class(self.request.GET, queryset=self.get_queryset(), request=self.request)

    @cached_property
    def queryset(self):
        """The filtered items, in the list's order."""
        return self.filters.qs

    @property
    def noindex(self):
        """The one noindex rule: filtered lists and pages after the first are not indexed."""
        return self.filters.is_filtered or self.page_obj.number > 1

    @cached_property
    def page_obj(self):
        page_obj = paginate(self.request, self.queryset, self.per_page)
        page_obj.object_list = self.decorate_page(page_obj.object_list)
        return page_obj

    def context(self, **extra):
        """The template context of the list (see the module docstring)."""
        context = {
            "filters": self.filters,
            "page_obj": self.page_obj,
            "object_list": self.page_obj.object_list,
            "is_filtered": self.filters.is_filtered,
            "filter_query": self.filters.query_string(),
            "noindex": self.noindex,
        }
        if self.context_object_name:
            context[self.context_object_name] = self.page_obj.object_list
        return context | extra

    def feed_objects(self):
        """The first ``feed_size`` filtered items in the feed's order, decorated."""
        return self.decorate(self.get_feed_queryset(self.queryset)[: self.feed_size])

    def export_objects(self):
        """Every filtered item, decorated (exports are not paginated)."""
        return self.decorate(self.queryset)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def feed(self, kind="rss"):
        """The filtered list as an RSS 2.0 (``"rss"``) or Atom (``"atom"``) feed."""
        feed_url = self.request.build_absolute_uri()
        feed = FEED_CLASSES[kind](
            title=self.feed_title(),
            link=self.page.get_full_url(self.request),
            description=self.feed_description(),
            language=get_language(),
            feed_url=feed_url,
            feed_guid=feed_url,
        )
        for item in map(self.feed_item, self.feed_objects()):
            feed.add_item(
                title=item.title,
                link=item.link,
                description=item.description,
                unique_id=item.unique_id or item.link,
                unique_id_is_permalink=not item.unique_id,
                pubdate=item.pubdate,
                updateddate=item.updateddate,
                categories=item.categories,
            )
        response = HttpResponse(content_type=feed.content_type)
        feed.write(response, "utf-8")
        return response


def midnight(day):
    """A date as an aware datetime at midnight Paris time (feeds need datetimes)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
