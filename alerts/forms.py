"""The subscription and preferences forms (DSFR, with the intake forms' error handling: field
messages that name the field, an error summary, the captcha and honeypot for visitors)."""

from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from alerts.models import TOPIC_FIELDS, Subscription, Topic
from forms.forms import DsfrCaptchaInput, DsfrCheckboxSelectMultiple, DsfrForm, DsfrFormMixin, IntakeBoundField
from portal.mail import validate_single_address
from portal.models import Country, Theme
from portal.taxonomy import country_choices, theme_choices

GROUP_TEMPLATE = "forms/includes/checkboxes_field.html"


class DsfrRadioSelect(forms.RadioSelect):
    option_template_name = "alerts/widgets/radio_option.html"

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        option["attrs"].pop("dsfr", None)
        return option


class PreferencesForm(DsfrFormMixin, DsfrForm, forms.Form):
    """What, which themes and countries, how often, in which language."""

    bound_field_class = IntakeBoundField

    topics = forms.MultipleChoiceField(
        label=_("What do you want to receive?"),
        choices=Topic.choices,
        widget=DsfrCheckboxSelectMultiple,
        template_name=GROUP_TEMPLATE,
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        help_text=_("Tick none to receive every theme."),
        required=False,
        widget=DsfrCheckboxSelectMultiple,
        template_name=GROUP_TEMPLATE,
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        help_text=_("Choose none to receive every country. Hold Ctrl (Cmd on a Mac) to choose several."),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "fr-select", "size": "8"}),
    )
    frequency = forms.ChoiceField(
        label=_("How often?"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.DAILY,
        widget=DsfrRadioSelect,
        template_name=GROUP_TEMPLATE,
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = theme_choices(Theme.objects.filter(locale=Locale.get_default()))
        self.fields["countries"].choices = country_choices()
        self.fields["language"].initial = (get_language() or settings.LANGUAGE_CODE)[:2]
        self._bound_fields_cache.clear()  # django-dsfr made them before the choices were set

    @classmethod
    def initial_for(cls, subscription):
        return {
            "topics": subscription.topics(),
            "themes": [theme.slug for theme in subscription.themes.all()],
            "countries": [country.iso_code for country in subscription.countries.all()],
            "frequency": subscription.frequency,
            "language": subscription.language,
        }

    def apply(self, subscription):
        """Copy the choices onto ``subscription`` and save it (with its themes and countries)."""
        data = self.cleaned_data
        for topic, field in TOPIC_FIELDS.items():
            setattr(subscription, field, topic in data["topics"])
        themes = list(Theme.objects.filter(locale=Locale.get_default(), slug__in=data["themes"]))
        countries = list(Country.objects.filter(iso_code__in=data["countries"]))
        subscription.all_themes = not themes
        subscription.all_countries = not countries
        subscription.frequency = data["frequency"]
        subscription.language = data["language"]
        subscription.save()
        subscription.themes.set(themes)
        subscription.countries.set(countries)
        return subscription


class SubscribeForm(PreferencesForm):
    """A visitor's subscription: the address first, the captcha and honeypot last."""

    field_order = ["email", "topics", "themes", "countries", "frequency", "language"]

    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Format: name@example.org"),
        validators=[validate_single_address],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
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

    def __init__(self, *args, with_captcha=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.pop("class", None)
        if not with_captcha:
            del self.fields["captcha"]
            del self.fields["website"]

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

    def preference_fields(self):
        return [self[name] for name in ("topics", "themes", "countries", "frequency", "language")]
