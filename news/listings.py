"""The news list and the agenda (routes of ``NewsIndexPage``), declared with the listing
framework (``portal/listing.py``).

News filters: category, theme (slug), country (ISO code) and year, each offering what the
index's items use; the RSS and Atom feeds honour them. The agenda lists the upcoming events,
then the past ones page by page; its iCal feed is ``news.feeds.agenda_ics``.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from news.models import NewsIndexPage, NewsPage
from portal.listing import (
    CountryFilter,
    DataChoiceFilter,
    FeedItem,
    Listing,
    ListingFilterSet,
    ThemeFilter,
    YearFilter,
    midnight,
)
from portal.routing import serves
from portal.taxonomy import attach_localized_themes

CARD_IMAGE_SPEC = "fill-600x338"


class NewsFilterSet(ListingFilterSet):
    category = DataChoiceFilter(label=_("Category"))
    theme = ThemeFilter(field_name="themes")
    country = CountryFilter(field_name="countries")
    year = YearFilter(field_name="date")

    def category_values(self):
        return ["category"]

    def category_labels(self, used):
        return [choice for choice in NewsPage.Category.choices if choice[0] in used]


class NewsCards(Listing):
    """What news lists share: the items of one index, shown as cards."""

    def decorate(self, items):
        items = list(items)
        prefetch_related_objects(items, "themes")
        return attach_localized_themes(items)

    def decorate_page(self, items):
        """The cards' images come with the items (``select_related`` in ``get_queryset``); their
        renditions in one query, where Wagtail's ``prefetch_renditions`` looks for them."""
        items = list(items)
        renditions = Prefetch(
            "renditions",
            queryset=get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_IMAGE_SPEC),
            to_attr="prefetched_renditions",
        )
        prefetch_related_objects([item.image for item in items if item.image is not None], renditions)
        return self.decorate(items)


@serves(NewsIndexPage, "news")
class NewsListing(NewsCards):
    """The news of an index, newest first, filtered; its RSS and Atom feeds."""

    filterset_class = NewsFilterSet
    context_object_name = "items"

    def __init__(self, request, page):
        super().__init__(request, page)
        self.per_page, self.feed_size = page.PAGE_SIZE, page.FEED_SIZE

    def get_queryset(self):
        return self.page.news_items().select_related("image")

    def feed_description(self):
        return self.page.intro or _("The latest news of the decentralised-cooperation portal.")

    def feed_item(self, item):
        return FeedItem(
            title=item.title,
            link=item.get_full_url(self.request),
            description=item.summary,
            pubdate=midnight(item.date),
            updateddate=item.last_published_at,
            categories=[item.get_category_display()] + [theme.name for theme in item.localized_themes],
        )


@serves(NewsIndexPage, "agenda")
class AgendaListing(NewsCards):
    """Past events of an index, latest first, page by page (the upcoming ones come first, whole)."""

    def __init__(self, request, page):
        super().__init__(request, page)
        self.per_page = page.PAGE_SIZE

    def get_queryset(self):
        return self.page.news_items().past_events().select_related("image")

    @cached_property
    def upcoming_events(self):
        return list(self.page.news_items().upcoming_events().select_related("image"))

    def decorate_page(self, items):
        """The upcoming events decorated with the page of past ones: one query for the
        renditions and one for the themes of both."""
        upcoming = self.upcoming_events
        return super().decorate_page(upcoming + list(items))[len(upcoming) :]

    def context(self, **extra):
        context = super().context(**extra)
        context["upcoming_events"] = self.upcoming_events
        context["past_events"] = context["object_list"]
        return context
