"""Pages of the intake: the two form pages, the Bourse partenariats and the labelled authorities.

Editors write the introductions and thank-you texts in each locale (wagtail-localize); the
records themselves are not pages: the index pages list them and serve a public page per record
through routes (``offres/BP-2026-00042/``, ``EX-2026-00017/``).

``forms/models.py`` imports these pages (a record knows the page that shows it); this module
imports neither the records nor what is built on them: the form of a form page
(``forms/forms.py``) and the lists of the index pages (``forms/listings.py``) declare what they
serve with ``portal.routing.serves``.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished

from forms import ratelimit
from portal.blocks import RICH_TEXT_FEATURES
from portal.i18n import active_locale
from portal.mail import split_address_list, validate_address_list
from portal.models import BasePage
from portal.routing import handler_for
from portal.taxonomy import attach_localized_themes
from portal.visibility import public

INDEX_URL_CACHE_SECONDS = 300


def localized_page(page_class):
    """The live page of ``page_class`` in the active locale, else in the default one."""
    pages = public(page_class.objects.live())
    return pages.filter(locale=active_locale()).first() or pages.filter(locale=Locale.get_default()).first()


def index_url(page_class):
    """The URL of the active locale's listing page, cached: search results link many records."""
    key = f"intake:index-url:{page_class.__name__}:{translation.get_language()}"
    url = cache.get(key)
    if url is None:
        page = localized_page(page_class)
        url = page.url if page else ""
        cache.set(key, url, INDEX_URL_CACHE_SECONDS)
    return url


def public_url(page_class, route, reference):
    """The URL of a record's public page (``route`` of the ``page_class`` page) in the active locale."""
    base = index_url(page_class)
    if not base:
        return ""
    return base + page_class.get_resolver().reverse(route, reference)


def forget_index_urls(sender, instance, **kwargs):
    if isinstance(instance, BourseIndexPage | LabelledAuthoritiesPage):
        for code, _name in settings.LANGUAGES:
            cache.delete(f"intake:index-url:{type(instance).__name__}:{code}")


class IntakeFormPage(RoutablePageMixin, BasePage):
    """A public form page; the fields come from ``form_class``, the texts from the editors."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    privacy_notice = RichTextField(
        _("notice on personal data"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Who processes the data, why, how long it is kept, how to exercise one's rights."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=RICH_TEXT_FEATURES)
    notification_emails = models.CharField(
        _("also notify"),
        max_length=500,
        blank=True,
        help_text=_('Comma-separated addresses notified of each submission, besides the "Instructeurs" group.'),
        validators=[validate_address_list],
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        FieldPanel("notification_emails"),
    ]

    subpage_types = []

    class Meta:
        abstract = True

    @property
    def form_class(self):
        """The page's form (``forms/forms.py``, declared with ``@serves(PageClass, "form")``)."""
        return handler_for(self, "form")

    def session_key(self):
        return f"intake-reference-{self.translation_key}"

    def extra_recipients(self):
        return split_address_list(self.notification_emails)

    @path("")
    def form_view(self, request):
        """GET shows the form; POST checks the rate limit, validates and saves, then redirects
        to the thank-you page (so a reload never sends twice). Accepted submissions and wrong
        captcha answers count against the limit, other refused posts do not (forms/ratelimit.py)."""
        if request.method == "POST":
            if ratelimit.is_limited(request):
                return ratelimit.too_many_requests(request, {"page": self})
            form = self.form_class(request.POST, request.FILES)
            if form.is_valid():
                record = form.save_submission(self.locale.language_code, self.extra_recipients())
                ratelimit.count(request)
                request.session[self.session_key()] = record.reference
                return redirect(self.url + self.reverse_subpage("thanks"))
            if form.has_error("captcha"):
                ratelimit.count(request)
        else:
            form = self.form_class()
        response = self.render(request, context_overrides={"form": form})
        patch_cache_control(response, private=True, no_store=True)
        return response

    @path("merci/", name="thanks")
    def thanks_view(self, request):
        reference = request.session.get(self.session_key())
        if not reference:
            return redirect(self.url)
        return self.render(request, template="forms/thanks.html", context_overrides={"reference": reference})


class OfferFormPage(IntakeFormPage):
    """The form through which embassies propose a partnership offer."""

    template = "forms/form_page.html"

    class Meta:
        verbose_name = _("partnership offer form page")


class LabelRequestFormPage(IntakeFormPage):
    """The form through which French local authorities request the EXPE-CT label."""

    template = "forms/form_page.html"

    class Meta:
        verbose_name = _("EXPE-CT request form page")


class BourseIndexPage(RoutablePageMixin, BasePage):
    """The Bourse partenariats: published offers with filters, a map and a page per offer.

    The list works without JavaScript; the map (Leaflet) reads the same filtered offers from
    the ``geojson/`` route.
    """

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["intake.OfferFormPage"]
    template = "forms/bourse_index_page.html"

    class Meta:
        verbose_name = _("Bourse partenariats page")

    def listing(self, request):
        """The published offers (``forms/listings.py``: ``OfferListing``)."""
        return handler_for(self, "list")(request, self)

    @path("")
    def list_view(self, request):
        listing = self.listing(request)
        query = listing.filters.query_string()
        return self.render(
            request,
            context_overrides=listing.context(
                geojson_url=self.url + self.reverse_subpage("geojson") + (f"?{query}" if query else ""),
                form_page=public(self.get_children().live()).type(OfferFormPage).first(),
                map_tile_url=settings.INTAKE_MAP_TILE_URL,
                map_attribution=settings.INTAKE_MAP_ATTRIBUTION,
            ),
        )

    @path("feed/rss/", name="rss")
    def rss_view(self, request):
        """RSS of the latest published offers, honouring the list's filters."""
        return self.listing(request).feed("rss")

    @path("geojson/", name="geojson")
    def geojson_view(self, request):
        """The filtered published offers that have a location, as GeoJSON points."""
        listing = self.listing(request)
        offers = listing.decorate(listing.queryset.exclude(latitude=None).exclude(longitude=None))
        base = self.url
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(offer.longitude), float(offer.latitude)]},
                "properties": {
                    "reference": offer.reference,
                    "title": offer.project_title,
                    "authority": offer.authority_name,
                    "country": offer.country.name,
                    "themes": [theme.name for theme in offer.localized_themes],
                    "url": base + self.reverse_subpage("offer", args=[offer.reference]),
                },
            }
            for offer in offers
        ]
        response = JsonResponse(
            {"type": "FeatureCollection", "features": features},
            content_type="application/geo+json",
            json_dumps_params={"ensure_ascii": False},
        )
        return response

    @re_path(r"^offres/(?P<reference>BP-\d{4}-\d{5})/$", name="offer")
    def offer_view(self, request, reference):
        offer = self.listing(request).record(reference)
        if offer is None:
            raise Http404
        attach_localized_themes([offer])
        return self.render(request, template="forms/offer_detail.html", context_overrides={"offer": offer})


class LabelledAuthoritiesPage(RoutablePageMixin, BasePage):
    """The French local authorities holding a valid EXPE-CT label, with their fields of
    expertise and the end of their label; the request form is a child page."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["intake.LabelRequestFormPage"]
    template = "forms/labelled_authorities_page.html"

    class Meta:
        verbose_name = _("EXPE-CT labelled authorities page")

    def listing(self, request):
        """The labelled authorities (``forms/listings.py``: ``AuthorityListing``)."""
        return handler_for(self, "list")(request, self)

    @path("")
    def list_view(self, request):
        form_page = public(self.get_children().live()).type(LabelRequestFormPage).first()
        return self.render(request, context_overrides=self.listing(request).context(form_page=form_page))

    @path("feed/rss/", name="rss")
    def rss_view(self, request):
        """RSS of the latest labelled authorities, honouring the list's filters."""
        return self.listing(request).feed("rss")

    @re_path(r"^(?P<reference>EX-\d{4}-\d{5})/$", name="authority")
    def authority_view(self, request, reference):
        authority = self.listing(request).record(reference)
        if authority is None:
            raise Http404
        attach_localized_themes([authority])
        return self.render(request, template="forms/authority_detail.html", context_overrides={"authority": authority})


page_published.connect(forget_index_urls)
page_unpublished.connect(forget_index_urls)
