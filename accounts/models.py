"""Organisations of the professional space, the people who belong to them, and what they own.

An account is a person (Django's user, signed in with django-allauth). A person is a member of
one or more organisations: a French local authority (a row of the referential,
``portal.FrenchAuthority``), an embassy or consulate (a country), a prefecture (a département)
or the ministry. A membership is requested by the person and approved (or refused) by a
manager of the organisation or by the ministry; its role is manager or member.

Permissions are data: what a person sees in the space follows from their approved memberships
(``accounts/permissions.py``), never from a flag on the account. The records submitted from the
space (or claimed afterwards) belong to an organisation through an ownership row, so they stay
with the organisation when the person who sent them leaves or deletes their account.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEPARTEMENT_CODE = RegexValidator(r"^(\d{2,3}|2[AB])$", _("Give the number of the département, e.g. 33, 2A or 974."))


class OrganisationQuerySet(models.QuerySet):
    def of_person(self, user):
        """The organisations ``user`` is an approved member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__person=user, memberships__status=Membership.Status.APPROVED).distinct()

    def managed_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            memberships__person=user,
            memberships__status=Membership.Status.APPROVED,
            memberships__role=Membership.Role.MANAGER,
        ).distinct()


class Organisation(models.Model):
    class Kind(models.TextChoices):
        FRENCH_AUTHORITY = "french_authority", _("French local authority")
        EMBASSY = "embassy", _("Embassy or consulate")
        PREFECTURE = "prefecture", _("Prefecture")
        MINISTRY = "ministry", _("Ministry")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    authority = models.ForeignKey(
        "portal.FrenchAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("French local authority"),
    )
    country = models.ForeignKey(
        "portal.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    departement = models.CharField(_("département"), max_length=3, blank=True, validators=[DEPARTEMENT_CODE])
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority"], condition=Q(kind="french_authority"), name="accounts_one_org_per_authority"
            ),
            models.UniqueConstraint(
                fields=["departement"], condition=Q(kind="prefecture"), name="accounts_one_prefecture_per_departement"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="french_authority", authority__isnull=False, country__isnull=True, departement="")
                    | Q(kind="embassy", authority__isnull=True, country__isnull=False, departement="")
                    | Q(kind="prefecture", authority__isnull=True, country__isnull=True) & ~Q(departement="")
                    | Q(kind="ministry", authority__isnull=True, country__isnull=True, departement="")
                ),
                name="accounts_organisation_kind_fields",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        required = {
            self.Kind.FRENCH_AUTHORITY: ("authority", self.authority_id),
            self.Kind.EMBASSY: ("country", self.country_id),
            self.Kind.PREFECTURE: ("departement", self.departement),
        }
        errors = {}
        if self.kind in required:
            field, value = required[self.kind]
            if not value:
                errors[field] = _("This field is required for this kind of organisation.")
        for field, value in (
            ("authority", self.authority_id),
            ("country", self.country_id),
            ("departement", self.departement),
        ):
            if value and required.get(self.kind, (None,))[0] != field:
                errors[field] = _("Leave this field empty for this kind of organisation.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.name and self.authority_id:
            self.name = self.authority.name
        super().save(*args, **kwargs)

    def managers(self):
        return Membership.objects.filter(
            organisation=self, status=Membership.Status.APPROVED, role=Membership.Role.MANAGER
        ).select_related("person")


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Membership.Status.APPROVED)

    def pending(self):
        return self.filter(status=Membership.Status.REQUESTED)

    def decidable_by(self, user):
        """Requests ``user`` may approve or refuse: those of the organisations they manage, and
        every one for a member of the ministry."""
        from accounts.permissions import is_ministry_member

        if not user.is_authenticated:
            return self.none()
        if is_ministry_member(user):
            return self
        return self.filter(organisation__in=Organisation.objects.managed_by(user))


class Membership(models.Model):
    class Role(models.TextChoices):
        MANAGER = "manager", _("manager")
        MEMBER = "member", _("member")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    message = models.TextField(_("message"), blank=True)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="accounts_one_membership_per_organisation")
        ]

    def __str__(self):
        return f"{self.person} — {self.organisation}"

    def decide(self, status, user, role=None):
        self.status = status
        if role:
            self.role = role
        self.decided_by = user
        self.decided_at = timezone.now()
        self.save()


class Ownership(models.Model):
    """What an organisation's record says of how it came there: who submitted it from the space,
    or when it was claimed from an anonymous submission."""

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)

    class Meta:
        abstract = True


class OfferOwnership(Ownership):
    """A partnership offer belongs to an embassy (submitted from the space, or claimed)."""

    offer = models.OneToOneField(
        "intake.PartnershipOffer", on_delete=models.CASCADE, related_name="ownership", verbose_name=_("offer")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="offers", verbose_name=_("organisation")
    )

    class Meta:
        verbose_name = _("offer of an organisation")
        verbose_name_plural = _("offers of organisations")

    def __str__(self):
        return f"{self.offer_id} — {self.organisation}"


class LabelRequestOwnership(Ownership):
    """An EXPE-CT request belongs to a French local authority (submitted from the space, or claimed)."""

    label_request = models.OneToOneField(
        "intake.ExpertiseLabelRequest",
        on_delete=models.CASCADE,
        related_name="ownership",
        verbose_name=_("EXPE-CT request"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="label_requests", verbose_name=_("organisation")
    )

    class Meta:
        verbose_name = _("EXPE-CT request of an organisation")
        verbose_name_plural = _("EXPE-CT requests of organisations")

    def __str__(self):
        return f"{self.label_request_id} — {self.organisation}"


# --- A person's organisations, read once per request ----------------------------------------------
# The space home and its sections (applications, APD, proposals, the records to claim) each ask
# which organisations the person belongs to. ``approved_organisations`` reads them once and keeps
# them on the user object (a new one for each request), until a membership or an organisation
# changes in this process (``_changes``, bumped by the signals below: a view or a test that changes
# them and asks again gets the new list).
_changes = [0]


def approved_organisations(user):
    """The organisations ``user`` is an approved member of, with their French authority, as a
    list sorted by name (one query per request)."""
    if not user.is_authenticated:
        return []
    kept = getattr(user, "_approved_organisations", None)
    if kept is None or kept[0] != _changes[0]:
        organisations = list(Organisation.objects.of_person(user).select_related("authority").order_by("name", "pk"))
        kept = (_changes[0], organisations)
        user._approved_organisations = kept
    return kept[1]


def _memberships_changed(**_kwargs):
    _changes[0] += 1


for _model in (Organisation, Membership):
    models.signals.post_save.connect(_memberships_changed, sender=_model, dispatch_uid=f"space-{_model.__name__}")
    models.signals.post_delete.connect(_memberships_changed, sender=_model, dispatch_uid=f"space-{_model.__name__}-d")
