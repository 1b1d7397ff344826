"""Intake: partnership offers (Bourse partenariats) and EXPE-CT label requests.

Each submission is a row with real columns, a unique human-readable reference, the language it
was sent in, its attachments (private files) and the full history of its status. Reviewers move
it through ``submitted → under review → published / labelled → archived`` (or ``rejected`` with a
reason); only published offers and valid labels are public and indexed for site search.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from forms.files import attachment_path, private_storage
from forms.pages import (
    BourseIndexPage,
    LabelledAuthoritiesPage,
    LabelRequestFormPage,
    OfferFormPage,
    public_url,
)
from portal.authorities import linked_authority_field, linking_update_fields, store_authority_links
from portal.mail import validate_single_address
from portal.models import Theme
from portal.search_text import country_words

LABEL_VALIDITY_YEARS = 3


class ReferenceCounter(models.Model):
    """The last number given for one prefix and year (``BP`` 2026 → 42 gives ``BP-2026-00042``).

    One row per prefix and year, incremented with an UPDATE that locks the row until the
    submission's transaction ends: concurrent submissions wait for each other and never share a
    number (PostgreSQL); the unique ``reference`` column is the last safety net.
    """

    prefix = models.CharField(max_length=4)
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="intake_unique_counter")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"

    @classmethod
    def next_reference(cls, prefix):
        return cls.next_references(prefix, 1)[0]

    @classmethod
    def next_references(cls, prefix, count, year=None):
        """``count`` consecutive references of ``year`` (this year by default)."""
        year = year or timezone.localdate().year
        with transaction.atomic():
            counters = cls.objects.filter(prefix=prefix, year=year)
            if not counters.update(last_number=F("last_number") + count):
                try:
                    with transaction.atomic():
                        cls.objects.create(prefix=prefix, year=year, last_number=count)
                except IntegrityError:  # created meanwhile by a concurrent submission
                    counters.update(last_number=F("last_number") + count)
            last = counters.values_list("last_number", flat=True).get()
        return [f"{prefix}-{year}-{number:05d}" for number in range(last - count + 1, last + 1)]


class StatusChange(models.Model):
    """One step of a record's history: who changed its status, when, why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    status = models.CharField(_("status"), max_length=20)
    previous_status = models.CharField(_("previous status"), max_length=20, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("by")
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.previous_status or '-'} → {self.status}"


class Attachment(models.Model):
    """A file sent with a submission, stored under PRIVATE_MEDIA_ROOT with a random name."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(_("sent on"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.original_name

    def delete_file(self):
        if self.file:
            self.file.delete(save=False)


class IntakeQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        return self.filter(self.model.public_filter())

    def for_listing(self):
        """With what a listing shows, without one query per row."""
        return self.select_related(*self.model.listing_related).prefetch_related("themes")


class OfferQuerySet(IntakeQuerySet):
    def published(self):
        """Offers shown on the public Bourse (and in site search)."""
        return self.public()


class LabelRequestQuerySet(IntakeQuerySet):
    def labelled(self):
        """Authorities holding a valid EXPE-CT label (listed publicly, in site search)."""
        return self.public()

    def next_expiry(self, now):
        """The midnight (Paris time) at which the next of these labels stops being valid, or None."""
        last_day = self.filter(label_valid_until__gte=timezone.localdate(now)).aggregate(
            day=models.Min("label_valid_until")
        )["day"]
        if last_day is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time()))


class IntakeRecord(index.Indexed, models.Model):
    """What both kinds of submission share: reference, language, status and history, contact."""

    reference_prefix = ""
    listing_related = ()
    public_page = (None, "")  # the page class and route that show a public record
    # Fields that only the reviewers (``view_*_personal_data`` permission) may see or export.
    PERSONAL_FIELDS = ("contact_name", "contact_role", "contact_email", "contact_phone")

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    language = models.CharField(_("language of the submission"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    themes = models.ManyToManyField("portal.Theme", related_name="+", verbose_name=_("fields"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_role = models.CharField(_("position"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail address"), validators=[validate_single_address])
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    personal_data_purged_at = models.DateTimeField(_("personal data purged"), null=True, blank=True)
    status_changes = GenericRelation(StatusChange)
    attachments = GenericRelation(Attachment)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.reference} — {self.title}"

    #: How the typed authority is linked to the referential (``store_authority_links``' arguments).
    LINKING = {}

    def save(self, *args, **kwargs):
        """Store the link of the typed authority to the referential (one or two queries), unless
        only other fields are saved."""
        links = [f"linked_{side}_authority" for side in ("french", "partner") if side in self.LINKING]
        typed = [*self.LINKING.values(), "country"]
        update_fields = linking_update_fields(kwargs.get("update_fields"), typed, links)
        if links and (kwargs.get("update_fields") is None or update_fields is not None):
            store_authority_links([self], **self.LINKING)
            if update_fields is not None:
                kwargs["update_fields"] = update_fields
        super().save(*args, **kwargs)

    # --- status -----------------------------------------------------------------------------
    @classmethod
    def public_filter(cls):
        return Q(status=cls.Status.PUBLIC)

    @classmethod
    def get_indexed_objects(cls):
        # Only public records reach the search index (unpublished ones hold nothing to find).
        return super().get_indexed_objects().filter(cls.public_filter())

    @property
    def is_public(self):
        return type(self).objects.filter(pk=self.pk).public().exists()

    def allowed_transitions(self):
        S = self.Status
        return {
            S.SUBMITTED: [S.UNDER_REVIEW, S.PUBLIC, S.REJECTED],
            S.UNDER_REVIEW: [S.PUBLIC, S.REJECTED],
            S.PUBLIC: [S.ARCHIVED],
            S.REJECTED: [S.UNDER_REVIEW, S.ARCHIVED],
            S.ARCHIVED: [],
        }[self.status]

    def change_status(self, status, user=None, comment="", **extra):
        """Move to ``status``, record who/when/why, keep the search index in step."""
        previous = self.status
        now = timezone.now()
        self.status = status
        self.status_changed_at = now
        if status == self.Status.PUBLIC and self.published_at is None:
            self.published_at = now
        for name, value in extra.items():
            setattr(self, name, value)
        with transaction.atomic():
            self.save()
            StatusChange.objects.create(
                record=self, status=status, previous_status=previous, user=user, comment=comment, created_at=now
            )
        self.update_search_index()

    def update_search_index(self):
        if self.is_public:
            index.insert_or_update_object(self)
        else:
            index.remove_object(self)

    def history(self):
        return self.status_changes.select_related("user").order_by("created_at", "pk")

    def status_label(self, status):
        return self.Status(status).label if status in self.Status.values else status

    # --- what search and listings read ------------------------------------------------------
    @property
    def listing_date(self):
        moment = self.published_at or self.created_at
        return timezone.localtime(moment).date()

    def search_theme_names(self):
        """Names of the themes in every language, so a search in Spanish finds a French theme."""
        keys = [theme.translation_key for theme in self.themes.all()]
        return " ".join(Theme.objects.filter(translation_key__in=keys).values_list("name", flat=True))

    def export_themes(self):
        return ", ".join(theme.name for theme in self.themes.all())

    def get_absolute_url(self):
        """The record's public page in the active locale ("" when there is none)."""
        page_class, route = self.public_page
        return public_url(page_class, route, self.reference)


class PartnershipOffer(IntakeRecord):
    """An offer of partnership sent by an embassy for a foreign local authority seeking a French
    partner. Once published, it is listed on the Bourse, shown on its map and found by search."""

    reference_prefix = "BP"
    listing_related = ("country",)
    public_page = (BourseIndexPage, "offer")
    LINKING = {"partner": "authority_name"}

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        UNDER_REVIEW = "under_review", _("under review")
        PUBLIC = "published", _("published")
        ARCHIVED = "archived", _("archived")
        REJECTED = "rejected", _("rejected")

    class AuthorityType(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        GROUPING = "grouping", _("Grouping of municipalities")
        PROVINCE = "province", _("Province or department")
        REGION = "region", _("Region or federated state")
        OTHER = "other", _("Other local authority")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    authority_name = models.CharField(_("name of the local authority"), max_length=200)
    authority_type = models.CharField(_("type of local authority"), max_length=20, choices=AuthorityType.choices)
    country = models.ForeignKey("portal.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    # The partner authority the typed name certainly names in the country, set on each save
    # (``portal.authorities.store_authority_links``); empty otherwise.
    linked_partner_authority = linked_authority_field("partner", related_name="partnership_offers")
    region = models.CharField(_("region or province"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    project_title = models.CharField(_("title of the project"), max_length=200)
    description = models.TextField(_("description of the project"))
    partner_sought = models.TextField(_("French partner sought"))
    working_languages = models.CharField(_("working languages"), max_length=200)
    embassy = models.CharField(_("embassy or consulate"), max_length=200)
    embassy_email = models.EmailField(
        _("public e-mail address of the embassy"),
        blank=True,
        validators=[validate_single_address],
        help_text=_("The address of the cooperation service, shown on the public page."),
    )

    objects = OfferQuerySet.as_manager()

    search_fields = [
        index.SearchField("project_title", boost=3),
        index.AutocompleteField("project_title"),
        index.SearchField("authority_name", boost=2),
        index.SearchField("description"),
        index.SearchField("partner_sought"),
        index.SearchField("region"),
        index.SearchField("search_theme_names"),
        index.SearchField("search_country_names"),
        index.FilterField("status"),
        index.FilterField("language"),  # matched with its language's analysis (search/engine.py)
        index.FilterField("country"),
        index.FilterField("published_at"),
    ]

    class Meta(IntakeRecord.Meta):
        verbose_name = _("partnership offer")
        verbose_name_plural = _("partnership offers")
        permissions = [("view_offer_personal_data", _("Can see the personal data of partnership offers"))]

    @property
    def title(self):
        return self.project_title

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def search_country_names(self):
        """The country's names in every language, so a search in Spanish finds a French record."""
        words = [country_words(self.country, language) for language in ("fr", "en", "es", "ar")]
        return " ".join([*self.country.names(), *words])


class ExpertiseLabelRequest(IntakeRecord):
    """A French local authority's request for the EXPE-CT label, recognising its expertise in a
    field for a fixed term (3 years by default). Labelled authorities are listed publicly."""

    reference_prefix = "EX"
    public_page = (LabelledAuthoritiesPage, "authority")
    LINKING = {"french": "authority_name", "siren": "siren"}

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        UNDER_REVIEW = "under_review", _("under review")
        PUBLIC = "labelled", _("labelled")
        ARCHIVED = "archived", _("archived")
        REJECTED = "rejected", _("rejected")

    class AuthorityType(models.TextChoices):
        COMMUNE = "commune", _("Commune")
        INTERCOMMUNALITY = "intercommunality", _("Intercommunal body (EPCI)")
        DEPARTMENT = "department", _("Département")
        REGION = "region", _("Région")
        OVERSEAS = "overseas", _("Overseas authority")
        GROUP = "group", _("Group of authorities")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    authority_name = models.CharField(_("name of the local authority"), max_length=200)
    authority_type = models.CharField(_("type of local authority"), max_length=20, choices=AuthorityType.choices)
    siren = models.CharField(
        _("SIREN number"),
        max_length=9,
        blank=True,
        validators=[RegexValidator(r"^\d{9}$", _("A SIREN number has nine digits."))],
    )
    # The French authority of the SIREN, else the one the typed name certainly names, set on each
    # save (``portal.authorities.store_authority_links``); empty otherwise.
    linked_french_authority = linked_authority_field("french", related_name="expertise_label_requests")
    department = models.CharField(
        _("département"),
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^(\d{2,3}|2[AB])$", _("Give the number of the département, e.g. 33 or 974."))],
    )
    partner_organisations = models.TextField(
        _("territorial partners"),
        blank=True,
        help_text=_("Hospitals, universities, clusters, associations… associated with the request."),
    )
    competences = models.TextField(_("competences and know-how"))
    supporting_elements = models.TextField(_("what supports this expertise"))
    mobilisation_conditions = models.TextField(_("conditions of mobilisation"))
    label_valid_until = models.DateField(_("label valid until"), null=True, blank=True)

    objects = LabelRequestQuerySet.as_manager()

    search_fields = [
        index.SearchField("authority_name", boost=3),
        index.AutocompleteField("authority_name"),
        index.SearchField("competences"),
        index.SearchField("mobilisation_conditions"),
        index.SearchField("partner_organisations"),
        index.SearchField("search_theme_names"),
        index.FilterField("status"),
        index.FilterField("language"),  # matched with its language's analysis (search/engine.py)
        index.FilterField("label_valid_until"),
        index.FilterField("published_at"),
    ]

    class Meta(IntakeRecord.Meta):
        verbose_name = _("EXPE-CT label request")
        verbose_name_plural = _("EXPE-CT label requests")
        permissions = [("view_labelrequest_personal_data", _("Can see the personal data of EXPE-CT requests"))]

    @property
    def title(self):
        return self.authority_name

    @classmethod
    def public_filter(cls):
        today = timezone.localdate()
        return Q(status=cls.Status.PUBLIC) & (Q(label_valid_until__isnull=True) | Q(label_valid_until__gte=today))

    @staticmethod
    def default_validity_end(start=None):
        start = start or timezone.localdate()
        try:
            return start.replace(year=start.year + LABEL_VALIDITY_YEARS)
        except ValueError:  # 29 February
            return start.replace(year=start.year + LABEL_VALIDITY_YEARS, day=28)


PERSONAL_DATA_PERMISSIONS = {
    PartnershipOffer: "intake.view_offer_personal_data",
    ExpertiseLabelRequest: "intake.view_labelrequest_personal_data",
}


def can_see_personal_data(user, model):
    return user.is_authenticated and user.has_perm(PERSONAL_DATA_PERMISSIONS[model])


__all__ = [
    "Attachment",
    "BourseIndexPage",
    "ExpertiseLabelRequest",
    "LabelRequestFormPage",
    "LabelledAuthoritiesPage",
    "OfferFormPage",
    "PartnershipOffer",
    "ReferenceCounter",
    "StatusChange",
]
