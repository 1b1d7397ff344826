"""What every app of the portal shares: the base page, the taxonomy and the menus."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.blocks import MenuItemBlock


class BasePage(Page):
    """Abstract base of every public page: SEO fields, sharing image, sitemap opt-out.

    Wagtail's own ``seo_title`` and ``search_description`` serve as the HTML title and
    meta description; the OpenGraph tags reuse them.
    """

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sharing image"),
        help_text=_("Image shown when the page is shared on social networks (1200×630 recommended)."),
    )
    exclude_from_sitemap = models.BooleanField(
        _("exclude from the sitemap"),
        default=False,
        help_text=_("Hide this page from sitemap.xml and the site map page."),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("og_image"),
            ],
            _("For search engines"),
        ),
        MultiFieldPanel(
            [FieldPanel("show_in_menus"), FieldPanel("exclude_from_sitemap")],
            _("For site menus"),
        ),
    ]

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        if self.exclude_from_sitemap:
            return []
        return super().get_sitemap_urls(request)


@register_snippet
class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A field of cooperation (youth, water and sanitation, culture…), shared by news, calls
    and intake. Translated with wagtail-localize; the French one is the source."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Stable identifier used in filter URLs; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


@register_snippet
class Country(TranslatableMixin, index.Indexed, models.Model):
    """A country (partner country of a call, country of an offer), with its ISO code."""

    class Zone(models.TextChoices):
        AFRICA = "africa", _("Sub-Saharan Africa")
        MENA = "mena", _("North Africa and Middle East")
        EUROPE = "europe", _("Europe")
        AMERICAS = "americas", _("Americas and Caribbean")
        ASIA = "asia", _("Asia and Pacific")

    name = models.CharField(_("name"), max_length=120)
    iso_code = models.CharField(
        _("ISO code"), max_length=2, help_text=_("Two-letter ISO 3166 code, e.g. SN for Senegal.")
    )
    zone = models.CharField(_("zone"), max_length=20, choices=Zone.choices)

    panels = [FieldPanel("name"), FieldPanel("iso_code"), FieldPanel("zone")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("iso_code", "locale")]

    def __str__(self):
        return self.name


@register_snippet
class NavigationMenu(TranslatableMixin, models.Model):
    """The main menu or the footer links of one locale, managed by editors.

    Translating the French menu with wagtail-localize gives each locale its own menu, whose
    links point at that locale's pages.
    """

    class Placement(models.TextChoices):
        MAIN = "main", _("Main menu (header)")
        FOOTER = "footer", _("Footer links")

    placement = models.CharField(_("placement"), max_length=10, choices=Placement.choices)
    items = StreamField([("link", MenuItemBlock())], verbose_name=_("links"), blank=True)

    panels = [FieldPanel("placement"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        unique_together = [("translation_key", "locale"), ("placement", "locale")]

    def __str__(self):
        return f"{self.get_placement_display()} ({self.locale})"


@register_setting(icon="cog")
class PortalSettings(BaseGenericSetting):
    """Site-wide settings: the legal pages of the footer and the accessibility status.

    Pages are chosen in French; every locale links to its own translation when one is live.
    """

    class AccessibilityStatus(models.TextChoices):
        NON = "non", _("non compliant")
        PARTIAL = "partial", _("partially compliant")
        FULL = "full", _("fully compliant")

    accessibility_status = models.CharField(
        _("RGAA compliance status"),
        max_length=10,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NON,
        help_text=_('Without a full RGAA audit the law requires "non compliant".'),
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("legal notice page"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement page"),
    )
    personal_data_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("personal data page"),
    )
    site_map_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("site map page"),
    )

    panels = [
        FieldPanel("accessibility_status"),
        FieldPanel("legal_notice_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("personal_data_page"),
        FieldPanel("site_map_page"),
    ]

    class Meta:
        verbose_name = _("portal settings")


# The referential of authorities (French authorities from the official geographic code, foreign
# partner authorities) lives in its own module.
from portal.authorities import FrenchAuthority, PartnerAuthority  # noqa: E402, F401
