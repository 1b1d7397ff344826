"""Calls for projects (appels à projets), their computed status, and their laureates.

A call's status is never stored: it is computed from its opening and closing date-times
(aware, Europe/Paris) and from the presence of laureates, both in Python (``CallPage.status``)
and in SQL (``CallPageQuerySet.open()`` etc.), so that lists, the home page and feeds agree.

Editors enter a closing *date* and, optionally, a time: a date alone means "until midnight",
i.e. 23:59:59 Paris time that day (the way the ministry words its deadlines). ``closing_at``
is derived on save and is what every query uses.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import ContentBlocks, DocumentBlock
from portal.models import BasePage

CLOSING_SOON_DAYS = 14
END_OF_DAY = datetime.time(23, 59, 59)


def paris_tz():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def aware(day, time):
    """The aware datetime of ``day`` at ``time`` in Paris (DST handled by zoneinfo)."""
    return datetime.datetime.combine(day, time).replace(tzinfo=paris_tz())


class CallPageQuerySet(PageQuerySet):
    """Status filters computed from the stored date-times at the current instant."""

    def open(self):
        now = timezone.now()
        return self.filter(opens_at__lte=now, closing_at__gte=now)

    def upcoming(self):
        return self.filter(opens_at__gt=timezone.now())

    def closed(self):
        return self.filter(closing_at__lt=timezone.now())

    def closing_within(self, days):
        """Open calls whose deadline falls within ``days`` days from now."""
        now = timezone.now()
        return self.open().filter(closing_at__lte=now + datetime.timedelta(days=days))

    def with_results(self):
        """Calls whose laureates are published."""
        return self.filter(models.Exists(Laureate.objects.filter(page=models.OuterRef("pk"))))

    def without_results(self):
        return self.exclude(models.Exists(Laureate.objects.filter(page=models.OuterRef("pk"))))

    def with_results_flag(self):
        """Annotate ``results_published`` so that ``status`` needs no query per call."""
        return self.annotate(results_published=models.Exists(Laureate.objects.filter(page=models.OuterRef("pk"))))

    def by_status_order(self):
        """Open calls first (closing soonest first), then upcoming (opening soonest), then
        closed (most recently closed first)."""
        now = timezone.now()
        return self.annotate(
            status_rank=models.Case(
                models.When(opens_at__lte=now, closing_at__gte=now, then=models.Value(0)),
                models.When(opens_at__gt=now, then=models.Value(1)),
                default=models.Value(2),
                output_field=models.IntegerField(),
            )
        ).order_by(
            "status_rank",
            models.Case(
                models.When(status_rank=0, then=models.F("closing_at")),
                models.When(status_rank=1, then=models.F("opens_at")),
                default=None,
            ).asc(nulls_last=True),
            models.F("closing_at").desc(),
            "pk",
        )


CallPageManager = PageManager.from_queryset(CallPageQuerySet)


class CallIndexPage(RoutablePageMixin, BasePage):
    """The list of calls for projects of one locale (filters, feeds, exports)."""

    intro = models.TextField(_("lead paragraph"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["calls.CallPage", "calls.LaureatesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("call list")

    def calls(self):
        """Live calls of this list (the list is per locale, so are its children)."""
        return CallPage.objects.child_of(self).live().public()

    @path("")
    def index_route(self, request):
        from calls import views

        return views.call_index(request, self)

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        from calls import exports

        return exports.calls_rss(request, self)

    @path("feed/ical/", name="ical")
    def ical_route(self, request):
        from calls import exports

        return exports.deadlines_ical(request, self)

    @path("open-calls/json/", name="open_json")
    def open_json_route(self, request):
        from calls import exports

        return exports.open_calls_json(request, self)


class CallPage(RoutablePageMixin, BasePage):
    """One call for projects: who may apply, until when, how, and later who won."""

    class CallType(models.TextChoices):
        THEMATIC = "thematic", _("Thematic call")
        GENERALIST = "generalist", _("Generalist call")
        TURNKEY = "turnkey", _("Turnkey call (« clés en main »)")
        GEOGRAPHIC = "geographic", _("Geographic call")
        BILATERAL = "bilateral", _("Bilateral joint fund")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSING_SOON = "closing-soon", _("Closing soon")
        CLOSED = "closed", _("Closed")
        RESULTS = "results", _("Results published")

    class ApplicationMethod(models.TextChoices):
        ONLINE = "online", _("Online platform")
        NOT_ONLINE = "not-online", _("Not submitted online")

    call_type = models.CharField(_("type of call"), max_length=20, choices=CallType.choices)
    partner_country = models.ForeignKey(
        "portal.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("partner country"),
        help_text=_("For a bilateral joint fund: the partner state."),
    )
    themes = ParentalManyToManyField("portal.Theme", blank=True, verbose_name=_("themes"))
    countries = ParentalManyToManyField(
        "portal.Country",
        blank=True,
        related_name="+",
        verbose_name=_("eligible countries"),
        help_text=_("Leave empty when every country is eligible, or describe a zone below."),
    )
    eligible_zone = models.CharField(
        _("eligible zone"),
        max_length=200,
        blank=True,
        help_text=_("Free text, e.g. “Latin America and the Caribbean”."),
    )
    edition_year = models.PositiveSmallIntegerField(_("year"), help_text=_("The year of the edition, e.g. 2024."))
    programme = models.CharField(
        _("triennial programme"), max_length=20, blank=True, help_text=_("For a multi-year programme, e.g. 2019-2021.")
    )
    tranche = models.PositiveSmallIntegerField(
        _("tranche"), null=True, blank=True, help_text=_("Number of the yearly tranche of the programme, e.g. 3.")
    )
    opening_date = models.DateField(_("opening date"), help_text=_("Applications open at 00:00 Paris time."))
    closing_date = models.DateField(
        _("closing date"),
        help_text=_(
            "Deadline, Paris time. A date alone means “until midnight”: applications close at 23:59:59 "
            "Paris time that day. If the deadline is extended, enter the new date here and the former one below."
        ),
    )
    closing_time = models.TimeField(
        _("closing time"),
        null=True,
        blank=True,
        help_text=_("Only if the deadline is not midnight, e.g. 12:00 (Paris time). Leave empty for 23:59:59."),
    )
    original_closing_date = models.DateField(
        _("original closing date"),
        null=True,
        blank=True,
        help_text=_("When the deadline has been extended: the former date, shown with a “deadline extended” notice."),
    )
    # Derived from the dates above in save(); what every status query uses.
    opens_at = models.DateTimeField(_("opens at"), editable=False, db_index=True)
    closing_at = models.DateTimeField(_("closes at"), editable=False, db_index=True)
    committee_date = models.DateField(_("selection committee date"), null=True, blank=True)
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences shown in lists and feeds."))
    body = StreamField(ContentBlocks(), verbose_name=_("content"), blank=True)
    rules_documents = StreamField([("document", DocumentBlock())], verbose_name=_("rules documents"), blank=True)
    application_method = models.CharField(
        _("how to apply"), max_length=20, choices=ApplicationMethod.choices, default=ApplicationMethod.ONLINE
    )
    application_url = models.URLField(
        _("application platform address"), blank=True, help_text=_("Address of the online application platform.")
    )
    application_instructions = models.TextField(
        _("application instructions"),
        blank=True,
        help_text=_("E.g. where to send the file for a call not submitted online."),
    )
    contact_name = models.CharField(_("contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    objects = CallPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("call_type"),
                FieldPanel("partner_country"),
                FieldRowPanel([FieldPanel("edition_year"), FieldPanel("programme"), FieldPanel("tranche")]),
                FieldPanel("themes"),
                FieldPanel("countries"),
                FieldPanel("eligible_zone"),
            ],
            _("Scope"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_date"),
                FieldRowPanel([FieldPanel("closing_date"), FieldPanel("closing_time")]),
                FieldPanel("original_closing_date"),
                FieldPanel("committee_date"),
            ],
            _("Dates (Paris time)"),
            help_text=_("The status (upcoming, open, closed) is computed from these dates; it is never entered."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("application_method"),
                FieldPanel("application_url"),
                FieldPanel("application_instructions"),
                FieldPanel("rules_documents"),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
            ],
            _("How to apply"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "laureates",
            heading=_("Laureates"),
            label=_("Laureate"),
            help_text=_("To add many at once, use “Import laureates” in the page's action menu."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("call_type"),
        index.FilterField("closing_at"),
        index.FilterField("opens_at"),
    ]

    parent_page_types = ["calls.CallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")

    @path("")
    def page_route(self, request):
        return self.render(request)

    @path("laureates/csv/", name="laureates_csv")
    def laureates_csv_route(self, request):
        from calls import exports

        return exports.laureates_csv(self.laureate_rows(), f"laureates-{self.slug}.csv")

    @path("laureates/json/", name="laureates_json")
    def laureates_json_route(self, request):
        from calls import exports

        return exports.laureates_json(self.laureate_rows(), request)

    def laureate_rows(self):
        return self.laureates.select_related("country", "theme", "page").order_by("sort_order", "pk")

    def get_context(self, request, *args, **kwargs):
        from calls.views import localized_names

        context = super().get_context(request, *args, **kwargs)
        laureates = list(self.laureate_rows())
        self.__dict__["has_laureates"] = bool(laureates)
        names = localized_names(self.locale_id)
        for laureate in laureates:
            laureate.country_label = names.country(laureate.country)
            laureate.theme_label = names.theme(laureate.theme)
        context["laureates"] = laureates
        context["theme_labels"] = [names.theme(theme) for theme in self.themes.all()]
        context["country_labels"] = [names.country(country) for country in self.countries.all()]
        context["partner_country_label"] = names.country(self.partner_country)
        context["related_news"] = self.live_related_news()
        return context

    def live_related_news(self):
        """Live news items of this call's locale that link to it (announcement, extension, laureates)."""
        if not hasattr(self, "related_news"):  # the news app adds the relation
            return []
        return self.related_news.live().public().filter(locale_id=self.locale_id).order_by("-first_published_at")[:10]

    def clean(self):
        super().clean()
        errors = {}
        if self.opening_date and self.closing_date and self.closing_date < self.opening_date:
            errors["closing_date"] = _("The closing date must not be before the opening date.")
        if self.original_closing_date and self.closing_date and self.original_closing_date >= self.closing_date:
            errors["original_closing_date"] = _("An extended deadline must be later than the original one.")
        if self.application_method == self.ApplicationMethod.ONLINE and not self.application_url:
            errors["application_url"] = _("Give the address of the platform for a call submitted online.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.compute_datetimes()
        return super().save(*args, **kwargs)

    def compute_datetimes(self):
        if self.opening_date:
            self.opens_at = aware(self.opening_date, datetime.time(0, 0))
        if self.closing_date:
            self.closing_at = aware(self.closing_date, self.closing_time or END_OF_DAY)

    # -- dates and status ------------------------------------------------------------------
    @property
    def listing_date(self):
        """The closing date (used by lists, facets and search)."""
        return self.closing_date

    @property
    def original_closing_at(self):
        if self.original_closing_date:
            return aware(self.original_closing_date, self.closing_time or END_OF_DAY)
        return None

    @property
    def is_extended(self):
        return bool(self.original_closing_date and self.original_closing_date < self.closing_date)

    def _now(self):
        return timezone.now()

    @property
    def is_open(self):
        self.compute_datetimes()
        return self.opens_at <= self._now() <= self.closing_at

    @property
    def is_upcoming(self):
        self.compute_datetimes()
        return self._now() < self.opens_at

    @property
    def is_closed(self):
        self.compute_datetimes()
        return self.closing_at < self._now()

    @cached_property
    def has_laureates(self):
        if "results_published" in self.__dict__:
            return self.results_published
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "laureates" in cache:
            return bool(cache["laureates"])
        return self.laureates.exists()

    @property
    def status(self):
        """One of ``CallPage.Status``: computed now, never stored."""
        if self.is_upcoming:
            return self.Status.UPCOMING
        if self.is_open:
            if self.closing_at - self._now() <= datetime.timedelta(days=CLOSING_SOON_DAYS):
                return self.Status.CLOSING_SOON
            return self.Status.OPEN
        if self.has_laureates:
            return self.Status.RESULTS
        return self.Status.CLOSED

    @property
    def status_label(self):
        return self.Status(self.status).label

    @property
    def days_left(self):
        """Whole calendar days (Paris) until the closing day, for an open call; else None."""
        if not self.is_open:
            return None
        today = timezone.localdate()
        return (timezone.localtime(self.closing_at).date() - today).days

    @property
    def edition_label(self):
        if self.tranche and self.programme:
            return _("tranche %(tranche)s of the %(programme)s programme") % {
                "tranche": self.tranche,
                "programme": self.programme,
            }
        if self.programme:
            return _("%(programme)s programme") % {"programme": self.programme}
        return str(self.edition_year)


class Laureate(Orderable):
    """One winning project of a call: the French lead authority and its partner."""

    page = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="laureates")
    french_authority = models.CharField(_("French lead authority"), max_length=255)
    partner_authority = models.CharField(_("partner authority"), max_length=255, blank=True)
    country = models.ForeignKey(
        "portal.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("country"),
    )
    project_title = models.CharField(_("project title"), max_length=400, blank=True)
    theme = models.ForeignKey(
        "portal.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("theme")
    )
    amount = models.DecimalField(_("amount granted (€)"), max_digits=12, decimal_places=2, null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("french_authority"), FieldPanel("partner_authority")]),
        FieldRowPanel([FieldPanel("country"), FieldPanel("theme"), FieldPanel("amount")]),
        FieldPanel("project_title"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("laureate")
        verbose_name_plural = _("laureates")

    def __str__(self):
        return f"{self.french_authority} – {self.partner_authority}"


class LaureatesPage(RoutablePageMixin, BasePage):
    """All laureates of all calls of this locale, filterable by year, country, theme and call."""

    intro = models.TextField(_("lead paragraph"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["calls.CallIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("laureates page")

    @path("")
    def index_route(self, request):
        from calls import views

        return views.laureates_index(request, self)

    @path("csv/", name="csv")
    def csv_route(self, request):
        from calls import exports, views

        return exports.laureates_csv(views.filtered_laureates(request, self)[1], "laureates.csv")
