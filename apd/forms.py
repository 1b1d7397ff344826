"""The declaration form: the statement "no APD this year" or a set of aid flows (a formset)."""

from decimal import Decimal

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from apd.models import Flow
from apd.purpose_codes import choices as purpose_choices
from apd.purpose_codes import label_language
from atlas.models import Project
from portal.fields import AmountField
from portal.models import Country

SEVERAL = "ZZ"  # "several countries / unallocated": no ISO code of a country


def country_choices():
    countries = sorted(Country.objects.all(), key=lambda country: str(country.name))
    return [("", "—"), (SEVERAL, _("Several countries / unallocated"))] + [
        (country.iso_code, country.name) for country in countries
    ]


class DeclarationForm(forms.Form):
    nothing_to_declare = forms.BooleanField(
        label=_("No official development aid this year"),
        help_text=_("Tick this box if the authority gave no aid in the year declared; leave the flows empty."),
        required=False,
    )


class PurposeSelect(forms.Select):
    """The purpose codes' select: an option showing the English name of a code (no official
    French name shipped, ``apd.purpose_codes``) on a page in another language carries ``lang``."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            language = label_language(value)
            if language != (translation.get_language() or "en").split("-")[0]:
                option["attrs"]["lang"] = language
        return option


class FlowForm(forms.Form):
    country = forms.ChoiceField(label=_("Beneficiary country"), choices=())
    project = forms.TypedChoiceField(label=_("Atlas project (optional)"), required=False, coerce=int, empty_value=None)
    proposed_project = forms.CharField(label=_("Or a new project (title)"), max_length=255, required=False)
    amount = AmountField(label=_("Amount (€)"), min_value=Decimal("0.01"))
    purpose_code = forms.ChoiceField(label=_("Sector (OECD DAC purpose code)"), choices=(), widget=PurposeSelect)
    # The initial value is the select's first option, so an untouched flow stays "unchanged"
    # (empty) and a "no APD this year" declaration is not refused for its blank flows.
    channel = forms.ChoiceField(label=_("Channel"), choices=Flow.Channel.choices, initial=Flow.Channel.DIRECT)
    cofinancing = AmountField(label=_("Co-financing received (€)"), min_value=Decimal("0"), required=False)

    def __init__(self, *args, countries=(), projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = countries
        self.fields["project"].choices = [("", "—")] + list(projects)
        self.fields["purpose_code"].choices = [("", "—")] + purpose_choices()

    def clean_country(self):
        value = self.cleaned_data["country"]
        if value == SEVERAL:
            return None
        country = Country.objects.filter(iso_code=value).first()
        if country is None:
            raise forms.ValidationError(_("Choose a country from the list."))
        return country

    def clean_cofinancing(self):
        return self.cleaned_data.get("cofinancing") or Decimal("0.00")


class BaseFlowFormSet(forms.BaseFormSet):
    def __init__(self, *args, authority=None, **kwargs):
        self.country_options = country_choices()
        projects = Project.objects.published().of_french_authority(authority) if authority else Project.objects.none()
        self.project_options = [(project.pk, project.title) for project in projects.order_by("title")[:500]]
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"countries": self.country_options, "projects": self.project_options}

    def flows(self):
        return [form.cleaned_data for form in self.forms if form.has_changed() and form.cleaned_data]


FlowFormSet = forms.formset_factory(FlowForm, formset=BaseFlowFormSet, extra=2, max_num=200, validate_max=True)


def flows_check(declaration_form, formset):
    """The errors of the whole declaration: flows or "nothing", not both, not neither."""
    flows = formset.flows()
    nothing = declaration_form.cleaned_data.get("nothing_to_declare")
    if nothing and flows:
        declaration_form.add_error(
            "nothing_to_declare", _("You declared aid flows: untick “no APD this year” or remove the flows.")
        )
    elif not nothing and not flows:
        declaration_form.add_error(
            "nothing_to_declare", _("Declare at least one aid flow, or tick “no APD this year”.")
        )
    return flows


class ReviewForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[("validate", _("Validate the declaration")), ("question", _("Send a question to the authority"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "question" and not (data.get("message") or "").strip():
            self.add_error("message", _("Write the question to send."))
        return data
