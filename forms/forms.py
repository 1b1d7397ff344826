"""The public submission forms and the reviewers' status form (the Bourse's filters are in
``forms/listings.py``).

The fields of the submission forms are fixed here (editors only write the page's introduction
and thank-you text); their labels, explanations and errors are translated, so each form page
speaks its locale's language.
"""

import re

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm, DsfrBoundField, DsfrDjangoTemplates
from wagtail.models import Locale

from forms.emails import queue_submission_emails
from forms.files import validate_attachment
from forms.models import (
    Attachment,
    ExpertiseLabelRequest,
    LabelRequestFormPage,
    OfferFormPage,
    PartnershipOffer,
    ReferenceCounter,
    StatusChange,
)
from portal.models import Country, Theme
from portal.routing import serves
from portal.taxonomy import country_choices, theme_choices

# Plain-text fields: markup is refused rather than stored (it would be escaped anyway).
MARKUP = re.compile(r"<\s*/?\s*[a-z!?]|javascript\s*:", re.IGNORECASE)
PHONE = RegexValidator(r"^\+?[0-9 ().\-/]{6,30}$", _("Enter a telephone number, e.g. +221 33 123 45 67."))


# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what
# follows them: "Ambassade \u202egnp.exe" shows as "Ambassade exe.png". No honest short text needs
# them, so short fields refuse them; long texts pasted from a word processor may carry a few,
# which are removed. (The marks U+200E/U+200F that Arabic text uses are not among them.)
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def refuse_bidi_controls(value):
    if isinstance(value, str) and BIDI_CONTROLS.search(value):
        raise ValidationError(
            _("Please remove the invisible text-direction characters (they can disguise what is written)."),
            code="bidi_control",
        )


def strip_bidi_controls(value):
    return BIDI_CONTROLS.sub("", value) if isinstance(value, str) else value


def refuse_markup(value):
    if isinstance(value, str) and MARKUP.search(value):
        raise ValidationError(
            _("Please write plain text: HTML tags and scripts (such as <script>) are not accepted."), code="markup"
        )


class DsfrCaptchaInput(CaptchaTextInput):
    """The captcha image with a translated text alternative, with flite an audio version, and a
    button for a new code (forms/static/forms/captcha.js)."""

    template_name = "forms/widgets/captcha.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget in context["widget"]["subwidgets"]:
            attrs = subwidget["attrs"]
            attrs.pop("autocorrect", None)  # not HTML (Safari only): the Nu checker refuses it
            if subwidget["type"] == "hidden":  # the key: not a field of the person's
                for key in ("required", "aria-invalid", "aria-describedby", "class"):
                    attrs.pop(key, None)
        return context


class SelectWidget(forms.Select):
    """A select whose options are written in Python, exactly as Django's templates write them:
    the country select's 250 options cost two template includes each, most of a form page's
    rendering time. Named so that its ``widget_type`` stays ``select`` (django-dsfr picks the
    field's markup by it)."""

    template_name = "forms/widgets/select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["options_html"] = options_html(context["widget"]["optgroups"])
        return context


def options_html(optgroups):
    """The ``<optgroup>`` and ``<option>`` elements of Django's ``select.html`` and
    ``select_option.html`` (same markup, same white space)."""
    parts = []
    for group_name, group_choices, _index in optgroups:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in group_choices:
            parts.append(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(option["value"]),
                    attributes_html(option["attrs"]),
                    option["label"],
                )
            )
        if group_name:
            parts.append("\n  </optgroup>")
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped by format_html


def attributes_html(attrs):
    """Django's ``attrs.html``: `` name="value"``, a bare name for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        elif value is not False:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return mark_safe("".join(parts))  # noqa: S308 - names and values escaped


class DsfrCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """DSFR boxes without the ``dsfr="dsfr"`` attribute django-dsfr puts on each input to pick its
    template (not HTML: the Nu checker refuses it)."""

    option_template_name = "forms/widgets/checkbox_option.html"

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        option["attrs"].pop("dsfr", None)
        return option


class MultipleFileInput(forms.ClearableFileInput):
    """The DSFR upload component (fr-upload-group): label, accepted formats and size as its hint."""

    allow_multiple_selected = True
    group_class = "fr-upload-group"


class MultipleFileField(forms.FileField):
    """Several files in one input, each checked by type, content and size."""

    def __init__(self, *args, **kwargs):
        accept = ".pdf,.odt,.docx,.jpg,.jpeg,.png"
        kwargs.setdefault("widget", MultipleFileInput(attrs={"class": "fr-upload", "accept": accept}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data]
        uploads = [upload for upload in uploads if upload]
        if not uploads:
            return []
        if len(uploads) > settings.INTAKE_MAX_FILES:
            raise ValidationError(
                _("Send at most %(count)d files."), code="too_many", params={"count": settings.INTAKE_MAX_FILES}
            )
        errors, cleaned = [], []
        for upload in uploads:
            try:
                upload = super().clean(upload, initial)
                upload.intake_mime_type = validate_attachment(upload)
                cleaned.append(upload)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned


class IntakeBoundField(DsfrBoundField):
    """A field in error keeps its hint in ``aria-describedby`` next to its error message (django-dsfr
    replaces the hint by the message), so a screen reader still says what is expected."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.form._errors and self.errors and self.help_text:
            # django-dsfr's hint id is made from id_for_label, its message id from auto_id.
            hint = f"{self.id_for_label or self.auto_id}_helptext"
            attrs["aria-describedby"] = f"{hint} {self.auto_id}-desc-error"
        return attrs


def required_message(field):
    """What to do, naming the field, rather than a generic "This field is required"."""
    if isinstance(field.widget, forms.CheckboxSelectMultiple):
        return _("Tick at least one box of “%(label)s”.") % {"label": field.label}
    if isinstance(field.widget, forms.Select):
        return _("Choose a value for “%(label)s”.") % {"label": field.label}
    return _("Fill in “%(label)s”.") % {"label": field.label}


class DsfrForm(DsfrBaseForm):
    """django-dsfr's form, rendered by one renderer per process: the base of the portal's DSFR
    forms.

    ``DsfrBaseForm.default_renderer`` hands Django the renderer's class and Django builds one for
    each form, with its own template engine whose cached loader starts empty: every widget
    template of a form was parsed again on every page (15 templates, a third of the offer form's
    rendering). The renderer's engine is built on first use."""

    default_renderer = DsfrDjangoTemplates()


class DsfrFormMixin:
    """What every public DSFR form of the portal shares (the intake forms, the alerts' form):
    no transitional warning on each render, required messages that name the field, and the
    error summary's links. Put before ``DsfrForm`` in the bases."""

    def get_context(self):
        # DsfrBaseForm warns about its transitional setting on every render; the context is the same.
        context = forms.BaseForm.get_context(self)
        context.setdefault("DSFR_MARK_OPTIONAL_FIELDS", False)
        return context

    def full_clean(self):
        # Required messages name the field (labels are final once the subclass' __init__ ran).
        generic = forms.Field.default_error_messages["required"]
        for field in self.fields.values():
            if field.required and field.error_messages.get("required") == generic:
                field.error_messages["required"] = required_message(field)
        super().full_clean()

    def error_summary(self):
        """(field id, messages) of each field in error, in the order of the form, for the summary
        at the top whose links lead to the fields (a group of boxes: its first box); the honeypot
        is never named."""
        return [
            (self[name].id_for_label or f"{self[name].auto_id}_0", errors)
            for name, errors in ((name, self.errors.get(name)) for name in self.fields)
            if errors and name != "website"
        ]


class IntakeForm(DsfrFormMixin, DsfrForm, forms.ModelForm):
    """What both submission forms share: taxonomy in the visitor's language, plain-text checks,
    honeypot, captcha, consent, attachments; ``save_submission`` stores it all in one transaction."""

    TEXT_LIMITS = {}
    fieldsets = []
    bound_field_class = IntakeBoundField
    # The HTML autofill tokens of the personal fields (WCAG 1.3.5): the person filling in the form
    # and the organisation they write for.
    AUTOCOMPLETE = {
        "contact_name": "name",
        "contact_role": "organization-title",
        "contact_email": "email",
        "contact_phone": "tel",
    }

    themes = forms.MultipleChoiceField(
        label=_("Fields"),
        widget=DsfrCheckboxSelectMultiple,
        template_name="forms/includes/checkboxes_field.html",
    )
    attachments = MultipleFileField(label=_("Attachments (optional)"), required=False)
    # Hidden from people (off-screen, out of the tab order); robots that fill it are refused.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the ministry processes the information of this form to review it, "
            "as explained in the notice on personal data above."
        ),
        required=True,
        error_messages={"required": _("Tick the box to agree to the processing of your information.")},
    )
    captcha = CaptchaField(
        label=_("Security code"),
        help_text=_("Type the characters shown in the image (or heard in the audio version)."),
        widget=DsfrCaptchaInput(attrs={"class": "fr-input"}),
        error_messages={
            "invalid": _("The security code is wrong: type the new characters shown."),
            "required": _("Type the characters of the security code."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = theme_choices(Theme.objects.filter(locale=Locale.get_default()))
        for field in self.fields.values():
            if type(field.widget) is forms.Select:  # the same widget, as django-dsfr left it, rendered faster
                select = SelectWidget.__new__(SelectWidget)
                select.__dict__.update(field.widget.__dict__)
                field.widget = select
        self.fields["website"].widget.attrs.pop("class", None)
        self.fields["attachments"].help_text = _(
            "PDF, ODT, DOCX, JPEG or PNG; at most %(count)d files of %(size)s each."
        ) % {"count": settings.INTAKE_MAX_FILES, "size": filesizeformat(settings.INTAKE_MAX_FILE_SIZE)}
        for name, limit in self.TEXT_LIMITS.items():
            field = self.fields[name]
            field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs["maxlength"] = str(limit)
            field.help_text = (f"{field.help_text} " if field.help_text else "") + _(
                "%(limit)d characters at most."
            ) % {"limit": limit}
        for name, token in self.AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = token
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField):
                field.validators.append(refuse_markup)
                if name not in self.long_text_fields():
                    field.validators.append(refuse_bidi_controls)

    def long_text_fields(self):
        """The multi-line texts: direction controls are removed from them rather than refused."""
        return [name for name, field in self.fields.items() if isinstance(field.widget, forms.Textarea)]

    def clean(self):
        cleaned = super().clean()
        for name in self.long_text_fields():
            if name in cleaned:
                cleaned[name] = strip_bidi_controls(cleaned[name])
        return cleaned

    def error_summary(self):
        self.fresh_bound_fields()
        return super().error_summary()

    def fresh_bound_fields(self):
        """django-dsfr's __init__ makes the bound fields before ours sets help texts and labels, and
        a bound field copies them when made: make them again so hints (accepted formats, length
        limits) and labels show."""
        if not getattr(self, "_bound_fields_fresh", False):
            self._bound_fields_cache.clear()
            self._bound_fields_fresh = True

    def grouped_fields(self):
        """The fields by fieldset, as (legend, bound fields) pairs, for the template."""
        self.fresh_bound_fields()
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def clean_website(self):
        # Shown as a form-wide error: people never see the field itself.
        if self.cleaned_data.get("website"):
            self.add_error(
                None,
                ValidationError(
                    _("The form could not be sent: a field reserved for robots was filled in."), code="honeypot"
                ),
            )
        return ""

    def clean_themes(self):
        slugs = self.cleaned_data["themes"]
        return list(Theme.objects.filter(locale=Locale.get_default(), slug__in=slugs))

    def save_submission(self, language, extra_recipients=()):
        """Save the record, its files, its first history step and its e-mails in one transaction;
        the e-mails leave after commit (see ``forms.emails``)."""
        record = self.save(commit=False)
        record.language = language
        record.consent_at = timezone.now()
        with transaction.atomic():
            record.reference = ReferenceCounter.next_reference(record.reference_prefix)
            record.save()
            self.save_m2m()
            for upload in self.cleaned_data.get("attachments") or []:
                Attachment.objects.create(
                    record=record,
                    file=upload,
                    original_name=strip_bidi_controls(upload.name)[:255],
                    mime_type=upload.intake_mime_type,
                    size=upload.size,
                )
            StatusChange.objects.create(record=record, status=record.status, previous_status="")
            queue_submission_emails(record, extra_recipients)
        return record


@serves(OfferFormPage, "form")
class PartnershipOfferForm(IntakeForm):
    TEXT_LIMITS = {"description": 4000, "partner_sought": 2000}
    AUTOCOMPLETE = IntakeForm.AUTOCOMPLETE | {"embassy": "organization"}
    fieldsets = [
        (
            _("The foreign local authority"),
            ["authority_name", "authority_type", "country", "region", "population", "latitude", "longitude"],
        ),
        (_("The project"), ["project_title", "themes", "description", "partner_sought", "working_languages"]),
        (
            _("The embassy"),
            ["embassy", "embassy_email", "contact_name", "contact_role", "contact_email", "contact_phone"],
        ),
        (_("Attachments"), ["attachments"]),
    ]

    country = forms.ChoiceField(label=_("Country"))

    class Meta:
        model = PartnershipOffer
        fields = [
            "authority_name",
            "authority_type",
            "country",
            "region",
            "population",
            "latitude",
            "longitude",
            "project_title",
            "themes",
            "description",
            "partner_sought",
            "working_languages",
            "embassy",
            "embassy_email",
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
        ]
        labels = {"themes": _("Fields of cooperation")}
        help_texts = {
            "authority_name": _("E.g. Municipality of Saint-Louis."),
            "region": _("The region, province or state where the authority lies."),
            "population": _("Number of inhabitants, digits only."),
            "latitude": _("Location of the authority in decimal degrees, e.g. 16.03 (used for the map)."),
            "longitude": _("In decimal degrees, e.g. -16.49; west of Greenwich is negative."),
            "partner_sought": _("What kind of French authority, which experience, which commitment."),
            "working_languages": _("E.g. French, Spanish."),
            "contact_name": _("The person of the embassy following the offer (not published)."),
            "contact_email": _("The acknowledgement is sent to this address (not published)."),
            "contact_phone": _("Not published."),
        }
        widgets = {
            "latitude": forms.NumberInput(attrs={"step": "any"}),
            "longitude": forms.NumberInput(attrs={"step": "any"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country"))] + country_choices()
        self.fields["themes"].label = _("Fields of cooperation")
        self.fields["contact_phone"].validators.append(PHONE)

    def clean_country(self):
        country = Country.objects.filter(iso_code=self.cleaned_data["country"]).first()
        if country is None:
            raise ValidationError(_("Choose a country in the list."), code="invalid_choice")
        return country

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", _("Give both the latitude and the longitude, or neither."))
        return cleaned


@serves(LabelRequestFormPage, "form")
class ExpertiseLabelRequestForm(IntakeForm):
    AUTOCOMPLETE = IntakeForm.AUTOCOMPLETE | {"authority_name": "organization"}
    TEXT_LIMITS = {
        "partner_organisations": 2000,
        "competences": 4000,
        "supporting_elements": 4000,
        "mobilisation_conditions": 4000,
    }
    fieldsets = [
        (
            _("The French local authority"),
            ["authority_name", "authority_type", "siren", "department", "partner_organisations"],
        ),
        (_("The expertise"), ["themes", "competences", "supporting_elements", "mobilisation_conditions"]),
        (_("Contact"), ["contact_name", "contact_role", "contact_email", "contact_phone"]),
        (_("Attachments"), ["attachments"]),
    ]

    class Meta:
        model = ExpertiseLabelRequest
        fields = [
            "authority_name",
            "authority_type",
            "siren",
            "department",
            "partner_organisations",
            "themes",
            "competences",
            "supporting_elements",
            "mobilisation_conditions",
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
        ]
        help_texts = {
            "siren": _("Nine digits. Give the SIREN number or the département."),
            "competences": _("Part 1: the competences or know-how, e.g. waste treatment, project ownership."),
            "supporting_elements": _("Part 2: what supports them: interests, experience, track record."),
            "mobilisation_conditions": _("Part 3: duration, geography, functional constraints of the missions."),
            "contact_email": _("The acknowledgement is sent to this address (not published)."),
            "contact_phone": _("Not published."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].label = _("Fields of expertise")
        self.fields["contact_phone"].validators.append(PHONE)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("siren") and not cleaned.get("department") and "siren" not in self.errors:
            self.add_error("siren", _("Give the SIREN number of the authority or its département."))
        return cleaned


class StatusChangeForm(forms.Form):
    """The reviewers' form: the next status, a comment (required to reject), the label's end."""

    status = forms.ChoiceField(label=_("New status"))
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the history. Required to reject: give the reason."),
    )
    label_valid_until = forms.DateField(
        label=_("Label valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For a label: 3 years from today unless you set another date."),
    )

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record
        transitions = record.allowed_transitions()
        self.fields["status"].choices = [(status, record.status_label(status)) for status in transitions]
        if not isinstance(record, ExpertiseLabelRequest):
            del self.fields["label_valid_until"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == self.record.Status.REJECTED and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Give the reason of the rejection."))
        return cleaned

    def apply(self, user):
        status = self.cleaned_data["status"]
        extra = {}
        if isinstance(self.record, ExpertiseLabelRequest) and status == self.record.Status.PUBLIC:
            extra["label_valid_until"] = (
                self.cleaned_data.get("label_valid_until") or ExpertiseLabelRequest.default_validity_end()
            )
        self.record.change_status(status, user=user, comment=self.cleaned_data.get("comment", ""), **extra)
