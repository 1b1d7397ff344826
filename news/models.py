"""News items and events of the portal, their index page per locale, and its feeds.

An event is a news item with a start date-time: webinars, seminars and CNCD meetings are news
like any other (they appear in the list and the feeds) and also in the agenda and the iCal feed.
The publication date shown (``date``) is chosen by the editor; Wagtail's ``go_live_at`` and
``expire_at`` schedule when the page itself goes online and offline.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Left, Length
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from news import feeds
from portal.admin_forms import TaxonomyPageForm, TaxonomyPageMixin
from portal.blocks import ContentBlocks, DocumentBlock
from portal.models import BasePage
from portal.routing import handler_for
from portal.search_text import taxonomy_text
from portal.taxonomy import localize_themes, sort_key


class NewsPageQuerySet(PageQuerySet):
    """Queries of news items; ``visible()`` is what the public may see right now."""

    def visible(self):
        """Live, public items, also hiding an expired item before the scheduler has run."""
        # Pages under a view restriction (on themselves or an ancestor) are private; one
        # correlated subquery rather than Wagtail's public(), which costs a query of its own.
        restricted = PageViewRestriction.objects.filter(page__path=Left(OuterRef("path"), Length("page__path")))
        return (
            self.filter(live=True)
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .exclude(Exists(restricted))
        )

    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def events(self):
        return self.filter(event_start__isnull=False)

    def upcoming_events(self, now=None):
        """Events not over yet (an event without an end is over once it has started), soonest first."""
        now = now or timezone.now()
        return (
            self.events()
            .filter(Q(event_end__gte=now) | Q(event_end__isnull=True, event_start__gte=now))
            .order_by("event_start", "pk")
        )

    def past_events(self, now=None):
        """Events that are over, latest first (the agenda's archive)."""
        now = now or timezone.now()
        return (
            self.events()
            .exclude(Q(event_end__gte=now) | Q(event_end__isnull=True, event_start__gte=now))
            .order_by("-event_start", "-pk")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news list of a locale (child of its home page), with its agenda and feeds.

    Routes: the filtered list (``""``), ``rss/`` and ``atom/`` (same filters), ``agenda/``
    (upcoming events, then the archive of past ones) and ``agenda/ics/`` (iCal feed of the
    upcoming events). Wagtail only serves paths made of letters, digits and dashes, hence
    ``agenda/ics/`` rather than ``agenda.ics``; the file is sent as ``agenda.ics``.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    PAGE_SIZE = 10
    FEED_SIZE = 30

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        """The index's visible news items, newest first (this index lives in one locale)."""
        return NewsPage.objects.child_of(self).visible().filter(locale_id=self.locale_id).newest_first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(handler_for(self, "news")(request, self).context())
        return context

    @path("rss/")
    def rss_feed(self, request):
        return handler_for(self, "news")(request, self).feed("rss")

    @path("atom/")
    def atom_feed(self, request):
        return handler_for(self, "news")(request, self).feed("atom")

    @path("agenda/")
    def agenda(self, request):
        context = Page.get_context(self, request) | handler_for(self, "agenda")(request, self).context()
        return TemplateResponse(request, "news/news_agenda.html", context)

    @path("agenda/ics/")
    def agenda_ics(self, request):
        return feeds.agenda_ics(request, self)


class NewsPage(TaxonomyPageMixin, RoutablePageMixin, BasePage):
    """A news item (actualité); with a start date-time it is also an event of the agenda."""

    class Category(models.TextChoices):
        CALL = "call", _("Call announcement")
        LAUREATES = "laureates", _("Laureates")
        EVENT = "event", _("Event / webinar")
        PUBLICATION = "publication", _("Publication / report")
        INSTITUTIONAL = "institutional", _("Institutional")

    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("The date shown to readers; the list is sorted by it."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.INSTITUTIONAL)
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three sentences shown in lists and feeds.")
    )
    body = StreamField(ContentBlocks(), verbose_name=_("content"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("Illustration shown on the item and its card; give it a description in the image library."),
    )
    related_call = models.ForeignKey(
        "calls.CallPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="related_news",
        verbose_name=_("related call for projects"),
        help_text=_("The call this item announces, extends or gives the results of."),
    )
    themes = ParentalManyToManyField("portal.Theme", blank=True, verbose_name=_("themes"))
    countries = ParentalManyToManyField("portal.Country", blank=True, verbose_name=_("countries"))
    documents = StreamField(
        [("document", DocumentBlock())], verbose_name=_("attached documents"), blank=True, use_json_field=True
    )

    event_start = models.DateTimeField(
        _("event start"), null=True, blank=True, help_text=_("Fill in for an event, webinar or meeting (Paris time).")
    )
    event_end = models.DateTimeField(_("event end"), null=True, blank=True)
    event_place = models.CharField(_("place"), max_length=255, blank=True)
    event_online = models.BooleanField(_("online event"), default=False)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)

    objects = NewsPageManager()
    base_form_class = TaxonomyPageForm

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("related_call"),
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("countries")], _("Themes and countries")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_start"), FieldPanel("event_end")]),
                FieldRowPanel([FieldPanel("event_place"), FieldPanel("event_online")]),
                FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_deadline")]),
            ],
            _("Event"),
            classname="collapsed",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
        index.FilterField("event_start"),
        index.SearchField("search_taxonomy"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def search_taxonomy(self):
        """Its themes and countries in its language, with the countries' adjectives (search)."""
        return taxonomy_text(self)

    @property
    def listing_date(self):
        """The date lists and search facets show: the publication date."""
        return self.date

    @property
    def is_event(self):
        return self.event_start is not None

    @property
    def is_past_event(self):
        if not self.is_event:
            return False
        return (self.event_end or self.event_start) < timezone.now()

    @property
    def registration_open(self):
        if not self.registration_url or self.is_past_event:
            return False
        return self.registration_deadline is None or self.registration_deadline >= timezone.now()

    def clean(self):
        super().clean()
        errors = {}
        if self.category == self.Category.EVENT and not self.event_start:
            errors["event_start"] = _("An event needs a start date and time.")
        if self.event_end and not self.event_start:
            errors["event_start"] = _("Give the start of the event as well as its end.")
        if self.event_start and self.event_end and self.event_end < self.event_start:
            errors["event_end"] = _("The event cannot end before it starts.")
        if self.registration_deadline and not self.event_start:
            errors["registration_deadline"] = _("A registration deadline only makes sense for an event.")
        elif self.registration_deadline and self.registration_deadline > (self.event_end or self.event_start):
            errors["registration_deadline"] = _("Registration must close before the event is over.")
        if errors:
            raise ValidationError(errors)

    def related_items(self, limit=3, themes=None):
        """Other visible items of the same index sharing a theme (``themes``: the item's, when
        already read), else the same category."""
        siblings = NewsPage.objects.sibling_of(self, inclusive=False).visible().filter(locale_id=self.locale_id)
        theme_keys = [theme.translation_key for theme in (self.themes.all() if themes is None else themes)]
        condition = Q(category=self.category)
        if theme_keys:
            condition |= Q(themes__translation_key__in=theme_keys)
        ids = siblings.filter(condition).values("pk")
        return list(NewsPage.objects.filter(pk__in=ids).newest_first()[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(self.themes.all())
        context["themes"] = localize_themes(themes)
        context["countries"] = sorted(self.countries.all(), key=lambda country: sort_key(country.name))
        context["related_items"] = self.related_items(themes=themes)
        # Its list, for links only (its URL and routes): no query for the list's own fields.
        context["news_index"] = self.get_parent().specific_deferred
        return context

    @path("ics/")
    def ics(self, request):
        """The "add to calendar" file of an event (404 for a news item that is not one)."""
        return feeds.event_ics(request, self)
