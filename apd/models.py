"""The yearly declaration of official development aid (APD) by French authorities (e-APD,
article L. 1115-6 CGCT).

- A ``Campaign`` is the year declared and its window (opening and closing times, Paris time) and
  the days the authorities that have not declared are reminded. A ``Reopening`` lets one
  authority declare (or correct) after the close, until a date the ministry sets.
- A ``Declaration`` is one authority's declaration for a campaign; each submission (the first and
  every correction) is a ``DeclarationVersion`` that is never changed afterwards, with its
  ``Flow`` rows (country, project, amount, DAC purpose code, channel, co-financing received) or
  the statement "no APD this year". The declaration points at its current version.
- The ministry validates the current version or sends a question back (``Review``); validating
  publishes the Atlas's APD figures (``atlas.ApdFigure`` by authority and year,
  ``atlas.ApdFlowFigure`` by country, and the yearly summary the Atlas pages read,
  ``atlas.ApdCountryTotal`` / ``ApdYearTotal``) from the validated version, in the same
  transaction. A declaration that stops being validated (a correction submitted, a question sent
  after the validation) has its figures withdrawn in the transaction that changes its status:
  the published figures are always those of the current versions of the validated
  declarations, which ``manage.py rebuild_apd_figures`` recomputes from scratch.

Amounts are ``Decimal`` euros with two places, never floats.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apd.purpose_codes import label as purpose_label
from apd.purpose_codes import label_language, purpose_codes
from atlas.models import ApdFlowFigure

ZERO = Decimal("0.00")


def validate_purpose_code(value):
    if value not in purpose_codes():
        raise ValidationError(_("Choose a purpose code from the OECD DAC list."))


class CampaignQuerySet(models.QuerySet):
    def current(self, now=None):
        """The campaign whose window is open now, else the last one opened."""
        now = now or timezone.now()
        return self.filter(opens_at__lte=now).order_by("-opens_at").first()


class Campaign(models.Model):
    year = models.PositiveSmallIntegerField(_("year declared"), unique=True)
    opens_at = models.DateTimeField(_("opens at (Paris time)"))
    closes_at = models.DateTimeField(_("closes at (Paris time)"))
    reminder_dates = models.JSONField(
        _("reminder dates"),
        default=list,
        blank=True,
        help_text=_("Days (YYYY-MM-DD) when the authorities that have not declared receive a reminder."),
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("APD campaign")
        verbose_name_plural = _("APD campaigns")
        ordering = ["-year"]
        permissions = [("review_declaration", "Can follow up, validate and export APD declarations")]

    def __str__(self):
        return str(_("APD campaign %(year)s") % {"year": self.year})

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The campaign must close after it opens.")})
        dates = []
        for value in self.reminder_dates or []:
            try:
                dates.append(datetime.date.fromisoformat(str(value)).isoformat())
            except ValueError:
                raise ValidationError({"reminder_dates": _("Give the reminder dates as YYYY-MM-DD.")}) from None
        self.reminder_dates = sorted(set(dates))

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_open_for(self, authority, now=None):
        """Open for ``authority``: in the window, or reopened for it by the ministry."""
        now = now or timezone.now()
        if self.is_open(now):
            return True
        return self.reopenings.filter(authority=authority, until__gt=now).exists()


class Reopening(models.Model):
    """The ministry lets one authority declare or correct after the campaign closed."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reopenings")
    authority = models.ForeignKey(
        "portal.FrenchAuthority", on_delete=models.CASCADE, related_name="+", verbose_name=_("French authority")
    )
    until = models.DateTimeField(_("open until (Paris time)"))
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reopening")
        verbose_name_plural = _("reopenings")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.campaign.year} — {self.authority}"


class DeclarationQuerySet(models.QuerySet):
    def has_declared(self, authority, year):
        """Whether ``authority`` has submitted its declaration of ``year`` (any status): what a
        call's application shows (the declaration is a condition of the ministry's
        co-financing). Public, for the apps above (``apd.models``)."""
        return self.filter(authority=authority, campaign__year=year, current_version__isnull=False).exists()


class Declaration(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        QUESTION = "question", _("question sent to the authority")
        VALIDATED = "validated", _("validated")

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="declarations")
    authority = models.ForeignKey(
        "portal.FrenchAuthority",
        on_delete=models.PROTECT,
        related_name="apd_declarations",
        verbose_name=_("French authority"),
    )
    reference = models.CharField(_("reference"), max_length=40, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    current_version = models.ForeignKey(
        "DeclarationVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        verbose_name = _("APD declaration")
        verbose_name_plural = _("APD declarations")
        ordering = ["-campaign__year", "authority__name"]
        constraints = [models.UniqueConstraint(fields=["campaign", "authority"], name="apd_one_declaration")]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = f"APD-{self.campaign.year}-{self.authority.kind[:3].upper()}-{self.authority.code}"
        super().save(*args, **kwargs)

    @transaction.atomic
    def validate(self, user):
        """Validate the current version and publish it in the Atlas's figures."""
        version = self.current_version
        self.status = self.Status.VALIDATED
        self.save(update_fields=["status", "updated_at"])
        Review.objects.create(declaration=self, version=version, action=Review.Action.VALIDATED, by=user)
        publish_figures(self.authority_id, self.campaign.year, version)

    @transaction.atomic
    def ask(self, user, message):
        if self.status == self.Status.VALIDATED:
            withdraw_figures(self)
        self.status = self.Status.QUESTION
        self.save(update_fields=["status", "updated_at"])
        return Review.objects.create(
            declaration=self, version=self.current_version, action=Review.Action.QUESTION, message=message, by=user
        )


class DeclarationVersion(models.Model):
    """One submission of a declaration; never changed once written (a correction is a new one)."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    nothing_to_declare = models.BooleanField(_("no APD this year"), default=False)
    total = models.DecimalField(_("total (€)"), max_digits=14, decimal_places=2, default=ZERO)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(max_length=8, default="fr")

    class Meta:
        verbose_name = _("declaration version")
        ordering = ["declaration", "number"]
        constraints = [models.UniqueConstraint(fields=["declaration", "number"], name="apd_unique_version")]

    def __str__(self):
        return f"{self.declaration.reference} v{self.number}"

    @property
    def reference(self):
        return f"{self.declaration.reference}-V{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("a declaration version is never changed: submit a new one")
        super().save(*args, **kwargs)

    def totals_by_country(self):
        return totals(self.flows.all(), "country")

    def totals_by_sector(self):
        return totals(self.flows.all(), "purpose_code")


class Flow(models.Model):
    class Channel(models.TextChoices):
        DIRECT = "direct", _("direct")
        ASSOCIATION = "association", _("through an association")
        MULTILATERAL = "multilateral", _("through a multilateral fund")
        EMERGENCY = "emergency", _("emergency aid")

    version = models.ForeignKey(DeclarationVersion, on_delete=models.CASCADE, related_name="flows")
    country = models.ForeignKey(
        "portal.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("beneficiary country"),
    )
    project = models.ForeignKey(
        "atlas.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("project")
    )
    proposed_project = models.CharField(_("new project (title)"), max_length=255, blank=True)
    amount = models.DecimalField(
        _("amount (€)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    purpose_code = models.CharField(_("sector (DAC purpose code)"), max_length=5, validators=[validate_purpose_code])
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices, default=Channel.DIRECT)
    cofinancing = models.DecimalField(
        _("co-financing received (€)"),
        max_digits=14,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(Decimal("0"))],
    )

    class Meta:
        verbose_name = _("aid flow")
        ordering = ["version", "pk"]

    def __str__(self):
        return f"{self.country_id or '-'} {self.amount} €"

    @property
    def purpose_label(self):
        return purpose_label(self.purpose_code)

    @property
    def purpose_label_language(self):
        return label_language(self.purpose_code)


class Review(models.Model):
    class Action(models.TextChoices):
        VALIDATED = "validated", _("validated")
        QUESTION = "question", _("question")

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="reviews")
    version = models.ForeignKey(DeclarationVersion, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=12, choices=Action.choices)
    message = models.TextField(_("message"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.declaration_id} {self.action}"


class Receipt(models.Model):
    """The PDF receipt of a version, made by the task queue after the submission."""

    version = models.OneToOneField(DeclarationVersion, on_delete=models.CASCADE, related_name="receipt")
    pdf = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"receipt {self.version_id}"


def totals(flows, field):
    """``[(value, total)]`` of ``flows`` grouped by ``field``, largest first (one query)."""
    rows = flows.order_by().values(field).annotate(total=Sum("amount"))
    return sorted(((row[field], row["total"]) for row in rows), key=lambda pair: (-pair[1], str(pair[0])))


def publish_figures(authority_id, year, version):
    """Publish ``version`` (validated) in the Atlas's figures of ``authority_id`` for ``year``:
    its total, its amounts by country and the yearly summary, replacing what an earlier
    validated version published (``ApdFlowFigure.objects.publish``)."""
    by_country = version.flows.order_by().values_list("country").annotate(total=Sum("amount"))
    ApdFlowFigure.objects.publish(authority_id, year, dict(by_country), total=version.total, note=version.reference)


def withdraw_figures(declaration):
    """Take the figures of ``declaration`` back from the Atlas when it stops being validated
    (a correction submitted, a question sent after the validation): the published figures are
    always those of the validated declarations' current versions."""
    ApdFlowFigure.objects.withdraw(declaration.authority_id, declaration.campaign.year)
