"""The home page of each locale and the generic pages (reference, legal, site map)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from atlas.stats import home_figures
from calls.models import CallPage
from calls.status import status_at
from news.models import NewsPage
from portal.blocks import RICH_TEXT_FEATURES, ContentBlocks
from portal.i18n import active_locale, localized_pages
from portal.models import BasePage, in_sitemaps
from portal.taxonomy import attach_localized_themes
from portal.visibility import public


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_('As it should read, e.g. "13 000".'))
    label = blocks.CharBlock(label=_("What it counts"), max_length=80)

    class Meta:
        icon = "order"


class EntryPointBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"))

    class Meta:
        icon = "link"


class HomePage(BasePage):
    """The home page of a locale: hero, key figures, entry points, closing calls, latest news."""

    hero_title = models.CharField(_("hero title"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
        help_text=_("Decorative: it is shown without alternative text."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    key_figures = StreamField(
        [("figure", KeyFigureBlock(label=_("Key figure")))], verbose_name=_("key figures"), blank=True, max_num=6
    )
    entry_points = StreamField(
        [("entry_point", EntryPointBlock(label=_("Entry point")))],
        verbose_name=_("entry points"),
        blank=True,
        max_num=6,
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], _("Hero")),
        FieldPanel("key_figures"),
        FieldPanel("entry_points"),
        FieldPanel("intro"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def latest_news(self):
        """The latest news items of this locale (filled in by the news app)."""
        return list(NewsPage.objects.visible().filter(locale_id=self.locale_id).newest_first()[:4])

    def closing_calls(self):
        """The open calls of this locale that close soonest, each with its status at one instant.

        ``CallPageQuerySet.accepting`` rather than ``open()``: no status computed in SQL (with
        its laureates) for the calls found; the status of a call accepting applications never
        depends on its laureates, so it is given here in Python at the same instant."""
        now = timezone.now()
        calls = attach_localized_themes(
            public(CallPage.objects.live())
            .filter(locale_id=self.locale_id)
            .accepting(now)
            .prefetch_related("themes")
            .order_by("closing_at", "pk")[:4]
        )
        for call in calls:
            call.current_status = status_at(now, opens_at=call.opens_at, closing_at=call.closing_at, has_results=False)
        return calls

    def localized_entry_points(self):
        """The entry points as ``{title, text, page}``, each page in the active locale when it is
        translated: pages already in that locale are kept, the others cost one query together
        (``Page.localized`` costs one or two per entry point)."""
        locale = active_locale()
        entries = [entry.value for entry in self.entry_points if entry.value["page"] is not None]
        localized = localized_pages(e["page"] for e in entries if e["page"].locale_id != locale.pk)
        return [
            {"title": e["title"], "text": e["text"], "page": localized.get(e["page"].pk, e["page"])} for e in entries
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entry_points"] = self.localized_entry_points()
        context["latest_news"] = self.latest_news()
        context["closing_calls"] = self.closing_calls()
        context["atlas_figures"] = self.atlas_figures()
        return context

    def atlas_figures(self):
        """The live figures of the Atlas (they replace the key figures typed by editors)."""
        return home_figures(self.locale_id)


class ContentPage(BasePage):
    """A reference page (what AECT is, legal framework, CNCD, guide, contacts, legal notices)."""

    intro = models.TextField(_("lead paragraph"), blank=True)
    body = StreamField(ContentBlocks(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Plain rows: the title, the description and the URL are Page fields.
        context["subpages"] = public(self.get_children().live())
        return context


class SitemapPage(BasePage):
    """The readable HTML site map of a locale (RGAA asks for one)."""

    max_count_per_parent = 1
    subpage_types = []
    shows_pages_from_anywhere = True

    class Meta:
        verbose_name = _("site map page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The pages under the home (this page's parent, known by its path): one query for the
        # whole tree, as plain rows (titles and URLs are all it shows, portal.models.in_sitemaps).
        pages = (
            in_sitemaps(public(Page.objects.live()))
            .filter(path__startswith=self.path[: -self.steplen], depth__gt=self.depth - 1, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .order_by("path")
        )
        context["site_map"] = page_tree(pages)
        return context


def page_tree(pages):
    """Nest pages given in tree order (by ``path``) into ``{"page", "children"}`` nodes."""
    roots, stack = [], []
    for page in pages:
        node = {"page": page, "children": []}
        while stack and stack[-1]["page"].depth >= page.depth:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(node)
        stack.append(node)
    return roots
