"""The form an authority fills to propose changes to a project (or a new project), and the
reviewers' decision form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from atlas.models import FIRST_YEAR, LAST_YEAR, PROJECT_LANGUAGES, Project
from forms.forms import DsfrFormMixin
from portal.models import Theme
from portal.taxonomy import localize_themes, sort_key
from proposals.models import FIELDS


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ProposalForm(DsfrFormMixin, forms.Form):
    """The public fields of an Atlas project, prefilled with its current values. Its errors are
    those of the portal's other DSFR forms (``DsfrFormMixin``: required messages naming the
    field, the summary's links)."""

    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind of action"), choices=Project.Kind.choices)
    language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=PROJECT_LANGUAGES,
        help_text=_("The language the title and texts are written in."),
    )
    start_year = forms.IntegerField(label=_("Start year"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)
    end_year = forms.IntegerField(
        label=_("End year"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text=_("Empty while it goes on."),
    )
    themes = forms.TypedMultipleChoiceField(
        label=_("Themes"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    objectives = forms.CharField(label=_("Objectives"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    history = forms.CharField(label=_("History"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    context = forms.CharField(label=_("Context"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    partners = forms.CharField(
        label=_("Partner authorities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One foreign authority per line, as it names itself."),
    )
    other_partners = forms.CharField(
        label=_("Other partners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Associations, hospitals, universities…: one per line."),
    )
    message = forms.CharField(
        label=_("Message to the ministry"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: why these changes, sources."),
    )

    def __init__(self, *args, base=None, **kwargs):
        base = base or {}
        initial = {field: value for field, value in base.items() if field not in ("partners", "other_partners")}
        initial["partners"] = "\n".join(base.get("partners", []))
        initial["other_partners"] = "\n".join(base.get("other_partners", []))
        initial.setdefault("language", "fr")
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        # Themes are stored as their French (source) copies, shown in the active language.
        themes = list(Theme.objects.filter(locale=Locale.get_default()))
        localized = localize_themes(themes)
        choices = sorted(
            ((theme.pk, copy.name) for theme, copy in zip(themes, localized, strict=True)),
            key=lambda choice: sort_key(choice[1]),
        )
        self.fields["themes"].choices = choices

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year must not be before the start year."))
        return cleaned

    def proposed_values(self):
        """The proposed values, in the shape of ``proposals.models.snapshot``."""
        data = self.cleaned_data
        values = {field: data.get(field) for field in FIELDS if field not in ("partners", "other_partners", "themes")}
        for field in ("objectives", "description", "history", "context"):
            values[field] = data.get(field) or ""
        values["themes"] = sorted(data.get("themes") or [])
        values["partners"] = lines(data.get("partners"))
        values["other_partners"] = lines(data.get("other_partners"))
        return values


class DecisionForm(forms.Form):
    """The reviewer's decision: accept (applies the proposal) or refuse (a message is required)."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accepted", _("Accept and apply to the project")), ("refused", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the authority"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the authority by e-mail and kept in the history. Required to refuse."),
    )
    override_conflicts = forms.BooleanField(
        label=_("Apply the proposed values even where the project changed since the proposal"),
        required=False,
    )

    def __init__(self, *args, conflicts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts = list(conflicts)
        if not self.conflicts:
            del self.fields["override_conflicts"]

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == "refused" and not cleaned.get("message", "").strip():
            self.add_error("message", _("Give the reason of the refusal."))
        if decision == "accepted" and self.conflicts and not cleaned.get("override_conflicts"):
            self.add_error(
                "override_conflicts",
                _("The project changed since the proposal on: %(fields)s. Check the values, then confirm.")
                % {"fields": ", ".join(str(row["label"]) for row in self.conflicts)},
            )
        return cleaned
