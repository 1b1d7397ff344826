"""The public lists of the intake, declared with the listing framework (``portal/listing.py``).

- The Bourse partenariats: published offers, latest first, filtered by country (ISO code),
  field of cooperation (theme slug), region and type of authority; the same filters drive its
  map (``geojson/``) and its RSS feed of new offers (``feed/rss/``).
- The labelled authorities: authorities holding a valid EXPE-CT label, by name, filtered by field
  of expertise; RSS feed of the latest labels (``feed/rss/``).
"""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from forms.models import BourseIndexPage, ExpertiseLabelRequest, LabelledAuthoritiesPage, PartnershipOffer
from portal.listing import (
    ChoiceFilter,
    CountryFilter,
    DataChoiceFilter,
    FeedItem,
    Listing,
    ListingFilterSet,
    ThemeFilter,
)
from portal.routing import serves
from portal.taxonomy import attach_localized_themes, sort_key


class OfferFilterSet(ListingFilterSet):
    country = CountryFilter(field_name="country", empty_label=_("All"))
    theme = ThemeFilter(field_name="themes", label=_("Field of cooperation"), empty_label=_("All"))
    region = DataChoiceFilter(label=_("Region"))
    authority_type = ChoiceFilter(label=_("Type of authority"), choices=PartnershipOffer.AuthorityType.choices)

    def region_values(self):
        return ["region"]

    def region_labels(self, regions):
        return [(region, region) for region in sorted(regions - {""}, key=sort_key)]


class IntakeListing(Listing):
    """What both intake lists share: records with their themes in the visitor's language, and a
    feed of the latest published ones."""

    feed_size = 30

    def decorate(self, records):
        return attach_localized_themes(records)

    def get_feed_queryset(self, queryset):
        return queryset.order_by("-published_at", "-pk")

    def record(self, reference):
        """The record of that reference if the list may show it (whatever the filters), else None."""
        return self.get_queryset().filter(reference=reference).first()

    def record_url(self, record):
        route = "offer" if isinstance(record, PartnershipOffer) else "authority"
        return self.absolute(self.page.url + self.page.reverse_subpage(route, args=[record.reference]))


@serves(BourseIndexPage, "list")
class OfferListing(IntakeListing):
    """The published offers of the Bourse, latest first."""

    filterset_class = OfferFilterSet
    per_page = 12
    context_object_name = "offers"

    def get_queryset(self):
        return PartnershipOffer.objects.published().for_listing().order_by("-published_at", "-pk")

    def feed_item(self, offer):
        return FeedItem(
            title=offer.project_title,
            link=self.record_url(offer),
            description=f"{offer.authority_name} — {offer.country.name}. {Truncator(offer.description).words(60)}",
            pubdate=offer.published_at,
            categories=[theme.name for theme in offer.localized_themes],
        )


class AuthorityFilterSet(ListingFilterSet):
    theme = ThemeFilter(field_name="themes", label=_("Field of expertise"), empty_label=_("All"))


@serves(LabelledAuthoritiesPage, "list")
class AuthorityListing(IntakeListing):
    """The authorities holding a valid EXPE-CT label, by name."""

    filterset_class = AuthorityFilterSet
    per_page = 20
    context_object_name = "authorities"

    def get_queryset(self):
        return ExpertiseLabelRequest.objects.labelled().for_listing().order_by("authority_name", "pk")

    def feed_item(self, authority):
        return FeedItem(
            title=authority.authority_name,
            link=self.record_url(authority),
            description=Truncator(authority.competences).words(60),
            pubdate=authority.published_at,
            categories=[theme.name for theme in authority.localized_themes],
        )
