"""The call list and the laureates page, declared with the listing framework
(``portal/listing.py``).

Calls: filters by status (``calls/status.py``), type, theme, country (eligible or partner) and
year; open calls first. Feeds: RSS of the calls (newest first) and iCal of the deadlines of open
and upcoming calls, both honouring the filters; open calls as JSON. Laureates of every call of
the locale: filters by year, country, theme and call; CSV export honouring them.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from calls.models import CallIndexPage, CallPage, Laureate, LaureatesPage
from calls.status import FILTERS, CallStatus
from portal.authorities import link_authorities
from portal.listing import (
    ChoiceFilter,
    CountryFilter,
    DataChoiceFilter,
    FeedItem,
    Listing,
    ListingFilterSet,
    ThemeFilter,
    YearFilter,
)
from portal.routing import serves
from portal.taxonomy import attach_localized_themes
from portal.visibility import public

STATUS_CHOICES = [(status, status.label) for status in FILTERS]


class CallFilterSet(ListingFilterSet):
    status = ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=STATUS_CHOICES,
        empty_label=gettext_lazy("All statuses"),
        method="filter_status",
    )
    type = ChoiceFilter(
        field_name="call_type",
        label=gettext_lazy("Type of call"),
        choices=CallPage.CallType.choices,
        empty_label=gettext_lazy("All types"),
    )
    theme = ThemeFilter(field_name="themes")
    country = CountryFilter(field_name=("countries", "partner_country"))
    year = YearFilter(field_name="edition_year")

    def filter_status(self, queryset, name, value):
        return queryset.with_statuses(FILTERS[CallStatus(value)])


@serves(CallIndexPage, "list")
class CallListing(Listing):
    """The calls of a call list (one locale), open ones first."""

    filterset_class = CallFilterSet
    per_page = 12
    feed_size = 50
    context_object_name = "calls"

    def get_queryset(self):
        now = timezone.now()  # one instant for the statuses and their order
        return self.page.calls().for_cards(now).by_status_order(now)

    def decorate(self, calls):
        return attach_localized_themes(calls)

    def get_feed_queryset(self, queryset):
        return queryset.order_by("-first_published_at", "-pk")

    def feed_description(self):
        return self.page.intro or self.page.title

    def feed_item(self, call):
        return FeedItem(
            title=call.title,
            link=call.get_full_url(self.request),
            description=_("%(summary)s Deadline: %(date)s (Paris time).")
            % {"summary": call.summary, "date": timezone.localtime(call.closing_at).strftime("%d/%m/%Y %H:%M")},
            pubdate=call.first_published_at,
            categories=[theme.name for theme in call.localized_themes],
        )

    def deadlines(self):
        """The filtered calls whose deadline is ahead (open and upcoming), closing soonest first."""
        statuses = [CallStatus.UPCOMING, CallStatus.OPEN, CallStatus.CLOSING_SOON]
        return self.queryset.with_statuses(statuses).order_by("closing_at", "pk")

    def context(self, **extra):
        laureates_page = public(LaureatesPage.objects.child_of(self.page).live()).first()
        return super().context(laureates_page=laureates_page, **extra)


class LaureateFilterSet(ListingFilterSet):
    year = YearFilter(field_name="page__edition_year")
    country = CountryFilter(field_name="country")
    theme = ThemeFilter(field_name="theme")
    call = DataChoiceFilter(
        field_name="page", label=gettext_lazy("Call for projects"), empty_label=gettext_lazy("All calls")
    )

    def call_choices(self, queryset):
        calls = CallPage.objects.filter(pk__in=queryset.order_by().values("page")).order_by("-edition_year", "title")
        return [(str(pk), title) for pk, title in calls.values_list("pk", "title")]


@serves(LaureatesPage, "list")
class LaureateListing(Listing):
    """Every laureate of every call of the locale, latest edition first."""

    filterset_class = LaureateFilterSet
    per_page = 50
    context_object_name = "laureates"

    def get_queryset(self):
        calls = self.page.get_parent().specific.calls()
        return (
            Laureate.objects.filter(page__in=calls)
            .select_related("page", "country", "theme", "linked_french_authority", "linked_partner_authority")
            .order_by("-page__edition_year", "page__title", "sort_order", "pk")
        )

    def decorate(self, laureates):
        return attach_localized_themes(laureates, field="theme")

    def decorate_page(self, laureates):
        return link_authorities(self.decorate(laureates))
