"""What every app of the portal shares: the base page, the taxonomy and the menus, and the records
of the task queue."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
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
        from portal.tasks import task_label

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


# The referential of authorities (French authorities from the official geographic code, foreign
# partner authorities) lives in its own module.
from portal.authorities import FrenchAuthority, PartnerAuthority  # noqa: E402, F401
