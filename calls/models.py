"""Calls for projects (appels à projets), their computed status, and their laureates.

A call's status is never stored: ``calls/status.py`` defines it once, in SQL (the
``current_status`` annotation of ``CallPageQuerySet.with_status()``, which lists, filters,
ordering, feeds and the home page use) and in Python (``CallPage.status_at(now)``).

Editors enter a closing *date* and, optionally, a time: a date alone means "until midnight",
i.e. 23:59:59 Paris time that day (the way the ministry words its deadlines). ``opens_at`` and
``closing_at`` are derived from the dates when the page is cleaned and saved, and are what every
query uses.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, Min, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from calls import exports
from calls.admin_panels import LaureatesPanel
from calls.status import (
    ACCEPTING,
    BADGES,
    CLOSING_SOON,
    FINISHED,
    CallStatus,
    closing_moment,
    opening_moment,
    rank_expression,
    status_at,
    status_expression,
)
from portal.admin_forms import TaxonomyPageForm, TaxonomyPageMixin
from portal.authorities import link_authorities, linked_authority_field, linking_update_fields, store_authority_links
from portal.blocks import ContentBlocks, DocumentBlock
from portal.listing import paginate
from portal.models import BasePage
from portal.routing import handler_for
from portal.search_text import taxonomy_text
from portal.taxonomy import attach_localized_themes, localize_themes, sort_key
from portal.visibility import public


class CallPageQuerySet(PageQuerySet):
    """Calls with their status (``calls/status.py``) computed in SQL at one instant."""

    def with_status(self, now=None):
        """Annotate ``current_status`` (a ``CallStatus`` value) at ``now`` (default: now) and
        ``has_results`` (laureates are published). Idempotent."""
        if "current_status" in self.query.annotations:
            return self
        has_results = Exists(Laureate.objects.filter(page=OuterRef("pk")))
        return self.annotate(has_results=has_results).annotate(
            current_status=status_expression(now or timezone.now(), has_results)
        )

    def with_statuses(self, statuses, now=None):
        return self.with_status(now).filter(current_status__in=statuses)

    def accepting(self, now):
        """Calls accepting applications at ``now`` (open or closing soon: opened, not closed), as
        a range on the two indexed dates, without computing their status."""
        return self.filter(opens_at__lte=now, closing_at__gte=now)

    def open(self, now=None):
        """Calls accepting applications (open or closing soon), with their status."""
        now = now or timezone.now()
        return self.with_status(now).accepting(now)

    def upcoming(self, now=None):
        return self.with_statuses([CallStatus.UPCOMING], now)

    def closed(self, now=None):
        """Calls past their deadline (with or without published results)."""
        return self.with_statuses(FINISHED, now)

    def closing_within(self, days, now=None):
        """Open calls whose deadline falls within ``days`` days from now."""
        now = (now or timezone.now()).astimezone(datetime.UTC)
        return self.open(now).filter(closing_at__lte=now + datetime.timedelta(days=days))

    def by_status_order(self, now=None):
        """Open calls first (closing soonest first), then upcoming (opening soonest), then
        closed (most recently closed first). Give the ``now`` of an earlier ``with_status``."""
        now = now or timezone.now()
        return (
            self.with_status(now)
            .annotate(status_rank=rank_expression(now))
            .order_by(
                "status_rank",
                models.Case(
                    models.When(status_rank=0, then=models.F("closing_at")),
                    models.When(status_rank=1, then=models.F("opens_at")),
                    default=None,
                ).asc(nulls_last=True),
                models.F("closing_at").desc(),
                "pk",
            )
        )

    def for_cards(self, now=None):
        """With what a call card shows (status, themes) at a fixed number of queries."""
        return self.with_status(now).prefetch_related("themes")

    def next_status_change(self, now=None):
        """The next instant after ``now`` at which one of these calls changes status by itself
        (opens, starts closing soon, closes), or None. The page cache expires then."""
        now = (now or timezone.now()).astimezone(datetime.UTC)
        ahead = self.aggregate(
            opens=Min("opens_at", filter=Q(opens_at__gt=now)),
            closes=Min("closing_at", filter=Q(closing_at__gt=now)),
            soon=Min("closing_at", filter=Q(closing_at__gt=now + CLOSING_SOON)),
        )
        if ahead["soon"] is not None:
            ahead["soon"] -= CLOSING_SOON
        moments = [moment for moment in ahead.values() if moment is not None]
        return min(moments) if moments else None


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
        return public(CallPage.objects.child_of(self).live())

    @path("")
    def index_route(self, request):
        """The call list: open calls first (closing soonest), then upcoming, then closed; filters."""
        return self.render(request, context_overrides=self.listing(request).context())

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        return self.listing(request).feed("rss")

    @path("feed/ical/", name="ical")
    def ical_route(self, request):
        return exports.deadlines_ical(request, self.listing(request))

    @path("open-calls/json/", name="open_json")
    def open_json_route(self, request):
        return exports.open_calls_json(request, self.listing(request))

    def listing(self, request):
        """The call list (``calls/listings.py``: ``CallListing``)."""
        return handler_for(self, "list")(request, self)


class CallPage(TaxonomyPageMixin, RoutablePageMixin, BasePage):
    """One call for projects: who may apply, until when, how, and later who won."""

    class CallType(models.TextChoices):
        THEMATIC = "thematic", _("Thematic call")
        GENERALIST = "generalist", _("Generalist call")
        TURNKEY = "turnkey", _("Turnkey call (« clés en main »)")
        GEOGRAPHIC = "geographic", _("Geographic call")
        BILATERAL = "bilateral", _("Bilateral joint fund")

    Status = CallStatus
    LAUREATES_PER_PAGE = 50  # as the laureates page (calls/listings.py: LaureateListing)

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
    base_form_class = TaxonomyPageForm

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
        # Edited out of the page editor (calls/views.py): a count and the links to the list.
        LaureatesPanel(heading=_("Laureates")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("call_type"),
        index.FilterField("closing_at"),
        index.FilterField("opens_at"),
        index.SearchField("search_taxonomy"),
    ]

    parent_page_types = ["calls.CallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")

    def search_taxonomy(self):
        """Its themes and countries in its language, with the countries' adjectives (search)."""
        return taxonomy_text(self)

    @path("")
    def page_route(self, request):
        return self.render(request)

    @path("laureates/csv/", name="laureates_csv")
    def laureates_csv_route(self, request):
        return exports.laureates_csv(self.laureate_rows(), f"laureates-{self.slug}.csv")

    @path("laureates/json/", name="laureates_json")
    def laureates_json_route(self, request):
        return exports.laureates_json(self.laureate_rows(), request)

    def laureate_rows(self):
        return self.laureates.select_related(
            "country", "theme", "page", "linked_french_authority", "linked_partner_authority"
        ).order_by("sort_order", "pk")

    def get_context(self, request, *args, **kwargs):
        """The laureates a page at a time (``?page=``, ``LAUREATES_PER_PAGE``): a call with 500
        laureates would otherwise be a table of 4,000 cells that a phone lays out and DSFR's
        script walks row by row before the page answers (issue 15). The
        page shown is read, with the total, in one query (``paginate``); only its rows get their
        themes and authority links. The rows are this page's: they are not read with their page
        (a copy of the whole call, StreamFields included, per row was most of the page's time)."""
        context = super().get_context(request, *args, **kwargs)
        rows = self.laureates.select_related(
            "country", "theme", "linked_french_authority", "linked_partner_authority"
        ).order_by("sort_order", "pk")
        page_obj = paginate(request, rows, self.LAUREATES_PER_PAGE)
        for laureate in page_obj.object_list:
            laureate.page = self
        laureates = attach_localized_themes(page_obj.object_list, field="theme")
        if laureates:
            link_authorities(laureates)  # links to the authorities' pages when certain
        self.__dict__["has_laureates"] = page_obj.paginator.count > 0
        context["laureates"] = laureates
        context["page_obj"] = page_obj
        context["noindex"] = page_obj.number > 1  # as the lists: page 1 is the one to index
        context["themes"] = localize_themes(self.themes.all())
        context["countries"] = sorted(self.countries.all(), key=lambda country: sort_key(country.name))
        context["related_news"] = self.live_related_news()
        return context

    def live_related_news(self):
        """Live news items of this call's locale that link to it (announcement, extension, laureates)."""
        if not hasattr(self, "related_news"):  # the news app adds the relation
            return []
        return public(self.related_news.live()).filter(locale_id=self.locale_id).order_by("-first_published_at")[:10]

    def clean(self):
        super().clean()
        self.compute_datetimes()  # a preview renders the cleaned, unsaved page
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
        # The laureate rows about to be written (a revision published, an import): their links to
        # the referential in three queries for the whole table rather than two per row.
        pending = getattr(self, "_cluster_related_objects", {}).get("laureates")
        if pending:
            for row in store_authority_links(pending, **Laureate.LINKING):
                row.links_stored = True
        return super().save(*args, **kwargs)

    def compute_datetimes(self):
        """Derive the instants every query uses from the editor's dates (on clean and save)."""
        self.opens_at = opening_moment(self.opening_date) or self.opens_at
        self.closing_at = closing_moment(self.closing_date, self.closing_time) or self.closing_at

    # -- dates and status ------------------------------------------------------------------
    @property
    def listing_date(self):
        """The closing date (used by lists, facets and search)."""
        return self.closing_date

    @property
    def original_closing_at(self):
        return closing_moment(self.original_closing_date, self.closing_time)

    @property
    def is_extended(self):
        return bool(self.original_closing_date and self.original_closing_date < self.closing_date)

    @cached_property
    def has_laureates(self):
        if "has_results" in self.__dict__:
            return self.has_results
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "laureates" in cache:
            return bool(cache["laureates"])
        return self.laureates.exists()

    def status_at(self, now):
        """The status at the instant ``now`` (``calls.status.status_at``), from the instants
        derived from the dates (so that a preview shows the status of the dates being edited)."""
        return status_at(
            now,
            opens_at=opening_moment(self.opening_date),
            closing_at=closing_moment(self.closing_date, self.closing_time),
            has_results=self.has_laureates,
        )

    @property
    def status(self):
        """One of ``CallStatus``: the SQL annotation when the call was loaded ``with_status()``,
        otherwise computed now."""
        if "current_status" in self.__dict__:
            return CallStatus(self.current_status)
        return self.status_at(timezone.now())

    @property
    def status_label(self):
        return self.status.label

    @property
    def status_badge_class(self):
        return BADGES[self.status]

    @property
    def is_open(self):
        return self.status in ACCEPTING

    @property
    def is_upcoming(self):
        return self.status == CallStatus.UPCOMING

    @property
    def is_closed(self):
        return self.status in FINISHED

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
    # The authorities the typed names certainly name (``portal.authorities.store_authority_links``),
    # set on each save; empty when the match is not certain and the text stays as typed.
    linked_french_authority = linked_authority_field("french", related_name="laureate_rows")
    linked_partner_authority = linked_authority_field("partner", related_name="laureate_rows")

    LINKING = {"french": "french_authority", "partner": "partner_authority"}

    class Meta(Orderable.Meta):
        verbose_name = _("laureate")
        verbose_name_plural = _("laureates")

    def __str__(self):
        return f"{self.french_authority} – {self.partner_authority}"

    def save(self, *args, **kwargs):
        """Store the links to the referential of the names as typed (two queries, none when
        ``CallPage.save`` has just stored those of its whole table)."""
        update_fields = linking_update_fields(
            kwargs.get("update_fields"),
            ("french_authority", "partner_authority", "country"),
            ("linked_french_authority", "linked_partner_authority"),
        )
        if kwargs.get("update_fields") is None or update_fields is not None:
            if not getattr(self, "links_stored", False):  # set by CallPage.save for the whole table
                store_authority_links([self], **self.LINKING)
            self.links_stored = False
            if update_fields is not None:
                kwargs["update_fields"] = update_fields
        super().save(*args, **kwargs)


class LaureatesPage(RoutablePageMixin, BasePage):
    """All laureates of all calls of this locale, filterable by year, country, theme and call."""

    intro = models.TextField(_("lead paragraph"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["calls.CallIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    shows_pages_from_anywhere = True

    class Meta:
        verbose_name = _("laureates page")

    @path("")
    def index_route(self, request):
        """Every laureate of every call of the locale, filterable by year, country, theme and call."""
        return self.render(request, context_overrides=self.listing(request).context())

    @path("csv/", name="csv")
    def csv_route(self, request):
        return exports.laureates_csv(self.listing(request).export_objects(), "laureates.csv")

    def listing(self, request):
        """Every laureate of the locale (``calls/listings.py``: ``LaureateListing``)."""
        return handler_for(self, "list")(request, self)
