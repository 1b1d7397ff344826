"""What every app of the portal shares: the base page, the taxonomy (themes, countries), the menus,
and the records of the task queue."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.admin_forms import EditorPageForm

# The referential of authorities (French authorities from the official geographic code, foreign
# partner authorities) lives in its own module; importing it here registers its models.
from portal.authorities import FrenchAuthority, PartnerAuthority  # noqa: F401
from portal.blocks import MenuItemBlock
from portal.task_labels import task_label
from portal.visibility import no_restriction_anywhere


class BasePage(Page):
    """Abstract base of every public page: SEO fields, sharing image, sitemap opt-out.

    Wagtail's own ``seo_title`` and ``search_description`` serve as the HTML title and
    meta description; the OpenGraph tags reuse them.

    ``shows_pages_from_anywhere``: the page lists pages from other parts of the tree (the site
    map, the laureates of every call), so any publication refreshes it (portal/pagecache.py).
    """

    shows_pages_from_anywhere = False

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

    base_form_class = EditorPageForm

    class Meta:
        abstract = True

    def add_child(self, **kwargs):
        """Treebeard's ``add_child``, one addition at a time under this page: the parent's row
        is locked and its number of children read again, so that two requests adding a child at
        once (a double click in the admin) do not compute the same tree path (an
        ``IntegrityError``); the second one then sees the first one's page when it checks the
        slug (portal/admin_pages.py)."""
        with transaction.atomic():
            self.numchild = Page.objects.select_for_update().values_list("numchild", flat=True).get(pk=self.pk)
            return super().add_child(**kwargs)

    def get_view_restrictions(self):
        """Wagtail's check, which costs two queries on every page served, only when some page
        of the site is restricted at all (portal/visibility.py)."""
        if no_restriction_anywhere():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def in_sitemaps(pages):
    """``pages`` (a queryset of plain ``Page`` rows) without those an editor excluded from the
    site maps (``BasePage.exclude_from_sitemap``), in the same query.

    The flag lives in the table of each page type: asking every page in its specific form costs a
    query per type (sitemap.xml read six to ten of them); here one subquery per type that has the
    flag goes into the query of the tree, whose plain rows are all the site maps show (title,
    URL, last publication). A page type that overrides ``get_sitemap_urls`` would be ignored by
    sitemap.xml, which calls ``Page.get_sitemap_urls`` on plain rows: none does.
    """
    excluded = Q()
    for model in apps.get_models():
        if issubclass(model, BasePage) and model._meta.get_field("exclude_from_sitemap").model is model:
            excluded |= Q(pk__in=model.objects.filter(exclude_from_sitemap=True).values("pk"))
    return pages.exclude(excluded) if excluded else pages


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
class Country(index.Indexed, models.Model):
    """A country or territory: one row per ISO 3166-1 code, shared by every language.

    A reference table, not a translated snippet: the names in the portal's four languages are
    columns, seeded from the Unicode CLDR through Babel by ``manage.py seed_taxonomy`` (which
    never overwrites a name an editor corrected); ``name`` is the one of the active language.
    The continent and sub-region are UN M49 codes (see ``portal/data/country_regions.json``),
    which the Atlas navigates: World → continent → country. Every relation to a country and
    every filter uses the ISO code, the same in every language.
    """

    class Continent(models.TextChoices):
        AFRICA = "002", _("Africa")
        AMERICAS = "019", _("Americas")
        ASIA = "142", _("Asia")
        EUROPE = "150", _("Europe")
        OCEANIA = "009", _("Oceania")

    class SubRegion(models.TextChoices):
        NORTHERN_AFRICA = "015", _("Northern Africa")
        SUB_SAHARAN_AFRICA = "202", _("Sub-Saharan Africa")
        NORTHERN_AMERICA = "021", _("Northern America")
        LATIN_AMERICA = "419", _("Latin America and the Caribbean")
        CENTRAL_ASIA = "143", _("Central Asia")
        EASTERN_ASIA = "030", _("Eastern Asia")
        SOUTH_EASTERN_ASIA = "035", _("South-eastern Asia")
        SOUTHERN_ASIA = "034", _("Southern Asia")
        WESTERN_ASIA = "145", _("Western Asia")
        EASTERN_EUROPE = "151", _("Eastern Europe")
        NORTHERN_EUROPE = "154", _("Northern Europe")
        SOUTHERN_EUROPE = "039", _("Southern Europe")
        WESTERN_EUROPE = "155", _("Western Europe")
        AUSTRALIA_NEW_ZEALAND = "053", _("Australia and New Zealand")
        MELANESIA = "054", _("Melanesia")
        MICRONESIA = "057", _("Micronesia")
        POLYNESIA = "061", _("Polynesia")

    #: The sub-regions of each continent, in the order the Atlas lists them.
    SUB_REGIONS = {
        Continent.AFRICA: [SubRegion.NORTHERN_AFRICA, SubRegion.SUB_SAHARAN_AFRICA],
        Continent.AMERICAS: [SubRegion.NORTHERN_AMERICA, SubRegion.LATIN_AMERICA],
        Continent.ASIA: [
            SubRegion.CENTRAL_ASIA,
            SubRegion.EASTERN_ASIA,
            SubRegion.SOUTH_EASTERN_ASIA,
            SubRegion.SOUTHERN_ASIA,
            SubRegion.WESTERN_ASIA,
        ],
        Continent.EUROPE: [
            SubRegion.EASTERN_EUROPE,
            SubRegion.NORTHERN_EUROPE,
            SubRegion.SOUTHERN_EUROPE,
            SubRegion.WESTERN_EUROPE,
        ],
        Continent.OCEANIA: [
            SubRegion.AUSTRALIA_NEW_ZEALAND,
            SubRegion.MELANESIA,
            SubRegion.MICRONESIA,
            SubRegion.POLYNESIA,
        ],
    }

    iso_code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. SN."))],
        help_text=_("Two-letter ISO 3166-1 code, e.g. SN for Senegal."),
    )
    name_fr = models.CharField(_("name in French"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    name_es = models.CharField(_("name in Spanish"), max_length=120, blank=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=120, blank=True)
    continent = models.CharField(_("continent"), max_length=3, choices=Continent.choices, blank=True)
    sub_region = models.CharField(_("sub-region"), max_length=3, choices=SubRegion.choices, blank=True)

    panels = [
        FieldPanel("iso_code"),
        MultiFieldPanel(
            [FieldPanel("name_fr"), FieldPanel("name_en"), FieldPanel("name_es"), FieldPanel("name_ar")],
            _("Names"),
            help_text=_("From the Unicode CLDR; correct a name here, the seeding command keeps corrections."),
        ),
        FieldRowPanel([FieldPanel("continent"), FieldPanel("sub_region")]),
    ]
    search_fields = [
        index.SearchField("name_fr"),
        index.SearchField("name_en"),
        index.SearchField("name_es"),
        index.SearchField("name_ar"),
        index.AutocompleteField("name_fr"),
        index.AutocompleteField("name_en"),
        index.FilterField("iso_code"),
    ]

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_fr"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.sub_region and self.sub_region not in self.SUB_REGIONS.get(self.continent, []):
            raise ValidationError({"sub_region": _("This sub-region is not part of the chosen continent.")})

    @property
    def name(self):
        """The name in the active language, else the French one."""
        return self.name_in(get_language())

    def name_in(self, language_code):
        code = (language_code or "").split("-")[0]
        return getattr(self, f"name_{code}", "") or self.name_fr or self.iso_code

    def names(self):
        """Every name it has (search finds a country by its name in any language)."""
        return [name for name in (self.name_fr, self.name_en, self.name_es, self.name_ar) if name]


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


# --- Background tasks (portal/tasks.py, portal/mail.py, portal/scheduler.py) ----------------------
class BackgroundTask(DBTaskResult):
    """A task of the queue (django-tasks' database backend), as staff see it in the admin.

    A proxy of the backend's own table, for its permissions: ``view_backgroundtask`` lists the
    tasks (their arguments may hold personal data, e.g. an e-mail's recipients and text) and
    ``retry_backgroundtask`` runs a failed or late one again.
    """

    class Meta:
        proxy = True
        default_permissions = ("view",)
        permissions = [("retry_backgroundtask", "Can retry background tasks")]
        verbose_name = _("background task")
        verbose_name_plural = _("background tasks")

    def __str__(self):
        return f"{self.label} ({self.reference})" if self.reference else str(self.label)

    @property
    def kwargs(self):
        return (self.args_kwargs or {}).get("kwargs") or {}

    @property
    def reference(self):
        """The record a task is about: tasks about a record take a ``reference`` keyword."""
        return str(self.kwargs.get("reference") or "")

    @property
    def label(self):
        return task_label(self.task_path, self.kwargs)

    @property
    def attempts(self):
        return len(self.worker_ids or [])

    @property
    def next_try(self):
        """When a task waiting after a failed try runs again (None otherwise)."""
        if self.status == TaskResultStatus.READY and self.run_after != get_date_max():
            return self.run_after
        return None

    @property
    def last_error(self):
        """The last line of the last error: the exception and its message."""
        lines = [line for line in (self.traceback or "").splitlines() if line.strip()]
        if not lines:
            return ""
        return lines[-1].removeprefix("portal.tasks.RetryLater: ")[:300]

    def display_status(self, now):
        """queued, waiting (for a new try), running, stale (running too long), failed or done."""
        if self.status == TaskResultStatus.READY:
            return "waiting" if self.next_try and self.next_try > now else "queued"
        if self.status == TaskResultStatus.RUNNING:
            stale = self.started_at and (now - self.started_at).total_seconds() > settings.TASK_STALE_AFTER
            return "stale" if stale else "running"
        return "failed" if self.status == TaskResultStatus.FAILED else "done"


class SentEmail(models.Model):
    """One e-mail handed to the mail server: the idempotency record of ``portal.mail``.

    Written in the same transaction as the sending, keyed by the message's key: a second run of
    the same task (a retry, a duplicate worker) finds it and sends nothing. No personal data here.
    """

    key = models.UUIDField(primary_key=True)
    reference = models.CharField(_("reference"), max_length=40, blank=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=40, blank=True)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")

    def __str__(self):
        return f"{self.kind} {self.reference} {self.key}"


class ScheduledJob(models.Model):
    """When the scheduler last queued one periodic job (``portal/scheduler.py``).

    The row is locked while the scheduler decides, so two schedulers never queue a job twice.
    """

    name = models.CharField(max_length=100, primary_key=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.name
