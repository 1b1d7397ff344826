"""Online applications to calls for projects (e-appels à projets) and their instruction.

- ``OnlineCall`` says that a call (``calls.CallPage``) takes applications on the portal, and
  holds what the call adds to the common form: the extra questions (a StreamField, edited without
  a migration), the date by which prefectures and embassies give their opinion, and the scoring
  grid of the ministry's instructors. It is a model of this app linked to the call rather than
  fields of ``CallPage``: the calls app knows nothing of the space, and a call without online
  applications (a « clés en main » call) simply has none.
- ``Application`` is one authority's file for one call: a draft edited by the members of the
  authority (``version`` detects concurrent saves), then submitted with a reference
  ``AAP-YYYY-NNNNN``. The answers to the extra questions are stored with the question's label
  as it was asked ("content is sacred": editing the questions never changes an application).
- The instruction: ``Opinion`` (prefecture, embassies), ``Score`` (ministry, by the grid),
  ``Note`` (private to the ministry), ``Message`` (ministry ↔ applicant), ``StatusChange`` (the
  history: who, when, what).
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from calls.status import ACCEPTING, closing_moment, opening_moment, status_at
from portal.private_media import private_storage


class QuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("question"), max_length=300)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("answer required"), required=False, default=True)
    long_answer = blocks.BooleanBlock(label=_("long answer (several paragraphs)"), required=False, default=True)

    class Meta:
        icon = "help"
        label = _("Question")


class CriterionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("criterion"), max_length=200)
    max_points = blocks.IntegerBlock(label=_("maximum points"), min_value=1, max_value=100, default=10)

    class Meta:
        icon = "list-ol"
        label = _("Criterion")


class AttachmentBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("document"), max_length=200)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("required to submit"), required=False, default=True)

    class Meta:
        icon = "doc-full"
        label = _("Attachment")


class OnlineCall(models.Model):
    """A call for projects that takes applications on the portal, with its own questions."""

    call = models.OneToOneField(
        "calls.CallPage", on_delete=models.CASCADE, related_name="online", verbose_name=_("call for projects")
    )
    accepts_applications = models.BooleanField(
        _("accepts online applications"),
        default=True,
        help_text=_("A « clés en main » call, for instance, is not submitted online."),
    )
    questions = StreamField(
        [("question", QuestionBlock())],
        blank=True,
        verbose_name=_("extra questions"),
        help_text=_("Asked after the common form. Changing them never changes applications already written."),
    )
    opinion_deadline = models.DateField(
        _("deadline of the opinions"),
        null=True,
        blank=True,
        help_text=_("Prefectures and embassies give their opinion until 23:59:59 Paris time that day."),
    )
    scoring_grid = StreamField([("criterion", CriterionBlock())], blank=True, verbose_name=_("scoring grid"))
    attachments = StreamField(
        [("attachment", AttachmentBlock())],
        blank=True,
        verbose_name=_("attachments"),
        help_text=_("The documents the applicant uploads (PDF, ODT, DOCX, JPEG or PNG); a required one is needed."),
    )

    panels = [
        FieldPanel("call"),
        FieldPanel("accepts_applications"),
        FieldPanel("opinion_deadline"),
        FieldPanel("questions"),
        FieldPanel("attachments"),
        FieldPanel("scoring_grid"),
    ]

    class Meta:
        verbose_name = _("call with online applications")
        verbose_name_plural = _("calls with online applications")

    def __str__(self):
        return str(self.call)

    def is_accepting(self, now=None):
        """Whether a submission at ``now`` is in time: the call's status, judged on the server in
        Paris time (``calls.status``), with an extended deadline taken into account."""
        call = self.call
        moment = status_at(
            now or timezone.now(),
            opens_at=opening_moment(call.opening_date),
            closing_at=closing_moment(call.closing_date, call.closing_time),
            has_results=False,
        )
        return self.accepts_applications and moment in ACCEPTING

    def opinions_open(self, now=None):
        if not self.opinion_deadline:
            return True
        return (now or timezone.now()) <= closing_moment(self.opinion_deadline)

    def question_list(self):
        return [
            {
                "key": block.id,
                "label": block.value["label"],
                "help_text": block.value["help_text"],
                "required": block.value["required"],
                "long_answer": block.value["long_answer"],
            }
            for block in self.questions
        ]

    def attachment_list(self):
        return [
            {
                "key": block.id,
                "label": block.value["label"],
                "help_text": block.value["help_text"],
                "required": block.value["required"],
            }
            for block in self.attachments
        ]

    def criteria(self):
        return [
            {"key": block.id, "label": block.value["label"], "max_points": block.value["max_points"]}
            for block in self.scoring_grid
        ]


class ApplicationQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("call", "organisation", "lead_authority").order_by("-submitted_at", "-updated_at")


class Application(models.Model):
    """One French authority's application to one call (see the module's docstring)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        PIECES_REQUESTED = "pieces_requested", _("Missing pieces requested")
        SELECTED = "selected", _("Selected")
        REJECTED = "rejected", _("Not selected")

    #: Statuses in which the applicant may edit the file.
    EDITABLE = (Status.DRAFT, Status.PIECES_REQUESTED)
    #: Statuses the instruction sees.
    SENT = (Status.SUBMITTED, Status.PIECES_REQUESTED, Status.SELECTED, Status.REJECTED)

    online_call = models.ForeignKey(
        OnlineCall, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call")
    )
    call = models.ForeignKey(
        "calls.CallPage", on_delete=models.PROTECT, related_name="+", verbose_name=_("call for projects")
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("applicant")
    )
    lead_authority = models.ForeignKey(
        "portal.FrenchAuthority", on_delete=models.PROTECT, related_name="+", verbose_name=_("lead French authority")
    )
    #: The code of the lead authority's département (the prefecture that gives its opinion).
    departement = models.CharField(_("département"), max_length=3, blank=True, db_index=True)
    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    language = models.CharField(_("language"), max_length=5, default="fr")

    title = models.CharField(_("project title"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    partner_french_authorities = models.ManyToManyField(
        "portal.FrenchAuthority", blank=True, related_name="+", verbose_name=_("partner French authorities")
    )
    partner_authorities = models.ManyToManyField(
        "portal.PartnerAuthority", blank=True, related_name="+", verbose_name=_("foreign partner authorities")
    )
    countries = models.ManyToManyField("portal.Country", blank=True, related_name="+", verbose_name=_("countries"))
    themes = models.ManyToManyField("portal.Theme", blank=True, related_name="+", verbose_name=_("themes"))
    goals = models.ManyToManyField(
        "atlas.SustainableDevelopmentGoal",
        blank=True,
        related_name="+",
        verbose_name=_("Sustainable Development Goals"),
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    #: ``{"expenses": [{"label", "amount"}], "resources": [{"source", "amount"}]}`` (amounts as text).
    budget = models.JSONField(_("budget"), default=dict, blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    #: ``[{"key", "label", "answer"}]``: each extra question as it was asked, with its answer.
    answers = models.JSONField(_("answers to the call's questions"), default=list, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("saved by")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("saved"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    receipt = models.CharField(_("receipt file"), max_length=200, blank=True)

    amount_granted = models.DecimalField(
        _("amount granted (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    laureate = models.ForeignKey(
        "calls.Laureate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("laureate")
    )
    project = models.ForeignKey(
        "atlas.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Atlas project"),
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["online_call", "organisation"], name="applications_one_per_call_and_authority"
            )
        ]

    def __str__(self):
        return self.reference or self.title or str(self.pk)

    @property
    def is_editable(self):
        return self.status in self.EDITABLE

    def current_attachments(self):
        return self.attachments.filter(replaced_at__isnull=True).select_related("uploaded_by")

    def missing_attachments(self):
        """The call's required attachments (as the call asks them now) not uploaded yet."""
        sent = set(self.attachments.filter(replaced_at__isnull=True).values_list("key", flat=True))
        return [item for item in self.online_call.attachment_list() if item["required"] and item["key"] not in sent]

    def expenses(self):
        return self.budget.get("expenses", []) if isinstance(self.budget, dict) else []

    def resources(self):
        return self.budget.get("resources", []) if isinstance(self.budget, dict) else []

    def total(self, rows):
        return sum((Decimal(str(row.get("amount") or 0)) for row in rows), Decimal("0"))

    @property
    def total_expenses(self):
        return self.total(self.expenses())

    @property
    def total_resources(self):
        return self.total(self.resources())

    def record(self, status, user, comment=""):
        """Change the status and write it in the history (call inside a transaction)."""
        self.status = status
        StatusChange.objects.create(application=self, status=status, author=user, comment=comment)


class ReferenceCounter(models.Model):
    """The last number given in a year: references are AAP-YYYY-NNNNN, with no gap or repeat."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    @classmethod
    def next_reference(cls, year):
        with transaction.atomic():
            cls.objects.get_or_create(year=year)
            counter = cls.objects.select_for_update().get(year=year)
            counter.last += 1
            counter.save(update_fields=["last"])
        return f"AAP-{year}-{counter.last:05d}"

    def __str__(self):
        return f"{self.year}: {self.last}"


class StatusChange(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(_("status"), max_length=20, choices=Application.Status.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application_id} {self.status}"


class Opinion(models.Model):
    """The reasoned opinion of a prefecture or an embassy on an application (one per organisation)."""

    class Verdict(models.TextChoices):
        FAVOURABLE = "favourable", _("Favourable")
        RESERVED = "reserved", _("Reserved")
        UNFAVOURABLE = "unfavourable", _("Unfavourable")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="opinions")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    verdict = models.CharField(_("opinion"), max_length=15, choices=Verdict.choices)
    reasons = models.TextField(_("reasons"))
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "organisation"], name="applications_one_opinion_per_org")
        ]

    def __str__(self):
        return f"{self.application_id} {self.verdict}"


class Score(models.Model):
    """An instructor's scores by the call's grid: ``points`` is ``{criterion label: points}``."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    instructor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    points = models.JSONField(default=dict)
    total = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "instructor"], name="applications_one_score_per_instructor")
        ]

    def __str__(self):
        return f"{self.application_id} {self.total}"


class Note(models.Model):
    """A private note of the ministry's instructors (never shown to the applicant)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application_id} {self.created_at}"


class Message(models.Model):
    """A message between the ministry and the applicant, shown to both in the space."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    from_ministry = models.BooleanField(default=False)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application_id} {self.created_at}"


def attachments_storage():
    """The applications' part of the private storage (served by ``views.attachment`` only)."""
    return private_storage("applications")


def attachment_path(instance, filename):
    """A random name (the original one is kept in the database, never on disk)."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class ApplicationAttachment(models.Model):
    """A document of an application: one of the call's attachments (``key`` is its block id,
    ``label`` its name as asked) or another document (``key`` "other", e.g. asked for as a
    missing piece). A replaced document of a file already sent is kept (``replaced_at``): the
    instruction may have read it."""

    OTHER = "other"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    key = models.CharField(max_length=64)
    label = models.CharField(_("document"), max_length=300)
    file = models.FileField(_("file"), storage=attachments_storage, upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("sent by")
    )
    uploaded_at = models.DateTimeField(_("sent on"), default=timezone.now)
    replaced_at = models.DateTimeField(_("replaced on"), null=True, blank=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.label}: {self.original_name}"
