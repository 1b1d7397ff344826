"""Forms of the professional space."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import DEPARTEMENT_CODE, Membership, Organisation
from forms.forms import DsfrForm
from portal.authorities import FrenchAuthority
from portal.models import Country
from portal.taxonomy import country_choices


class SignupForm(forms.Form):
    """What allauth's sign-up form asks besides the address and password (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])


class MembershipRequestForm(DsfrForm):
    """Ask to join an organisation: its kind and what identifies it in the referentials."""

    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=Organisation.Kind.choices)
    authority_code = forms.CharField(
        label=_("SIREN or INSEE code of the authority"),
        required=False,
        max_length=9,
        help_text=_("For a French local authority: its SIREN (nine digits) or the INSEE code of the commune."),
    )
    country = forms.ChoiceField(label=_("Country of the embassy"), required=False)
    departement = forms.CharField(
        label=_("Département of the prefecture"),
        required=False,
        max_length=3,
        validators=[DEPARTEMENT_CODE],
        help_text=_("E.g. 33, 2A or 974."),
    )
    message = forms.CharField(
        label=_("Message to the managers"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your position in the organisation, for instance."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["country"].choices = [("", _("Choose a country"))] + country_choices()

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        organisation = None
        if kind == Organisation.Kind.FRENCH_AUTHORITY:
            code = (cleaned.get("authority_code") or "").strip().upper()
            authority = (
                FrenchAuthority.objects.filter(is_current=True)
                .filter(**({"siren": code} if len(code) == 9 else {"code": code, "kind": "commune"}))
                .first()
                if code
                else None
            )
            if authority is None:
                self.add_error("authority_code", _("No French local authority has this SIREN or INSEE code."))
                return cleaned
            organisation = Organisation.objects.filter(kind=kind, authority=authority).first() or Organisation(
                kind=kind, authority=authority, name=authority.name
            )
        elif kind == Organisation.Kind.EMBASSY:
            country = Country.objects.filter(iso_code=cleaned.get("country") or "").first()
            if country is None:
                self.add_error("country", _("Choose a country in the list."))
                return cleaned
            organisation = Organisation.objects.filter(kind=kind, country=country).order_by("pk").first()
            if organisation is None:
                organisation = Organisation(
                    kind=kind, country=country, name=_("Embassy: %(country)s") % {"country": country.name_fr}
                )
        elif kind == Organisation.Kind.PREFECTURE:
            code = (cleaned.get("departement") or "").strip().upper()
            departement = FrenchAuthority.objects.filter(kind="departement", code=code).first() if code else None
            if departement is None:
                if "departement" not in self.errors:
                    self.add_error("departement", _("No département has this number."))
                return cleaned
            organisation = Organisation.objects.filter(kind=kind, departement=code).first() or Organisation(
                kind=kind, departement=code, name=_("Prefecture: %(name)s") % {"name": departement.name}
            )
        elif kind == Organisation.Kind.MINISTRY:
            organisation = Organisation.objects.filter(kind=kind).order_by("pk").first()
            if organisation is None:
                raise ValidationError(_("The ministry has no organisation in the space yet."), code="no_ministry")
        if (
            organisation
            and organisation.pk
            and Membership.objects.filter(person=self.user, organisation=organisation).exists()
        ):
            raise ValidationError(_("You have already asked to join this organisation."), code="duplicate")
        cleaned["organisation"] = organisation
        return cleaned


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[(Membership.Status.APPROVED, _("Approve")), (Membership.Status.REFUSED, _("Refuse"))]
    )
    role = forms.ChoiceField(choices=Membership.Role.choices, required=False)


class ClaimForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class DeleteAccountForm(DsfrForm):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, required=False)
    confirm = forms.BooleanField(
        label=_("I understand that my account is deleted; the records stay with my organisations."), required=True
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data.get("password") or ""
        if not self.user.check_password(password):
            raise ValidationError(_("The password is wrong."), code="wrong_password")
        return password


def space_offer_form_class():
    from forms.forms import PartnershipOfferForm

    class SpaceOfferForm(PartnershipOfferForm):
        """The Bourse's offer form inside the space: no captcha or robot trap (the person is
        signed in), the country fixed to the embassy's, the embassy and contact prefilled."""

        captcha = None

        def __init__(self, *args, organisation, user, editing=False, **kwargs):
            super().__init__(*args, **kwargs)
            del self.fields["website"]
            country = self.fields["country"]
            country.choices = [(organisation.country.iso_code, organisation.country.name)]
            country.disabled = True
            self.initial["country"] = organisation.country.iso_code
            if editing:
                del self.fields["consent"]
                del self.fields["attachments"]
            else:
                self.initial.setdefault("embassy", organisation.name)
                self.initial.setdefault("contact_name", user.get_full_name())
                self.initial.setdefault("contact_email", user.email)

        def grouped_fields(self):
            return [(legend, [self[name] for name in names if name in self.fields]) for legend, names in self.fieldsets]

    return SpaceOfferForm
