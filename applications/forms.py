"""The application form: the common fields, the budget table and the call's own questions.

A draft is saved with whatever is filled in (only the type of each value is checked); the
submission checks everything: required fields, required answers, and a budget whose expenses and
resources (the co-financing plan) have the same total.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from applications.models import Application, Opinion
from atlas.models import SustainableDevelopmentGoal
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.fields import AmountField
from portal.models import Country, Theme
from portal.uploads import ACCEPT, validate_attachment

BUDGET_ROWS = 6
MAX_AMOUNT = Decimal("100000000")

RESOURCE_SOURCES = [
    ("", "—"),
    ("own", _("Own funds of the authorities")),
    ("ministry", _("Ministry (this call)")),
    ("partner", _("Foreign partner")),
    ("other", _("Other co-financing")),
]


def referential_label(row):
    """How a picker names a row: a French authority with its kind and code, a foreign one with
    its country."""
    if isinstance(row, PartnerAuthority):
        return f"{row.name} ({row.country.name})"
    return str(row)


def referential_matches(model, text, limit=20):
    """Rows of the referential matching ``text`` (every word of the name, or an official code);
    a foreign authority typed as "Name (Country)", as the picker writes it, is looked up in that
    country."""
    text = (text or "").strip()
    rows = model.objects.all()
    if model is FrenchAuthority:
        rows = rows.filter(is_current=True)
        if text.endswith(")") and " (" in text:  # "Name (kind, code)", as the picker writes it
            name, inside = text[:-1].rsplit(" (", 1)
            code = inside.rsplit(", ", 1)[-1].strip()
            rows = rows.matching(name).filter(Q(code=code) | Q(siren=code))
        else:
            rows = rows.matching(text)
    else:
        rows = rows.select_related("country")
        if text.endswith(")") and " (" in text:
            name, country = text[:-1].rsplit(" (", 1)
            in_country = Q(country__iso_code__iexact=country)
            for language in ("fr", "en", "es", "ar"):
                in_country |= Q(**{f"country__name_{language}__iexact": country})
            rows = rows.matching(name).filter(in_country)
        else:
            rows = rows.matching(text)
    return rows.order_by("name", "pk")[:limit]


def resolve_typed(text, model):
    """The one row of the referential that ``text`` names (what was typed in a picker without
    choosing in the list, e.g. without JavaScript), None for an empty text; else a clear error."""
    text = (text or "").strip()
    if not text:
        return None
    rows = list(referential_matches(model, text, limit=6))
    if len(rows) == 1:
        return rows[0]
    if not rows:
        raise ValidationError(_("No authority of the referential matches “%(text)s”.") % {"text": text})
    names = "; ".join(referential_label(row) for row in rows[:5])
    raise ValidationError(
        _("Several authorities match “%(text)s” (%(names)s): type more of the name, or choose it in the list.")
        % {"text": text, "names": names}
    )


class BudgetAmountField(AmountField):
    """An amount of the budget or of a grant: from 0 to ``MAX_AMOUNT`` euros."""

    def __init__(self, **kwargs):
        super().__init__(min_value=Decimal("0"), max_value=MAX_AMOUNT, max_digits=12, **kwargs)


class ApplicationForm(forms.ModelForm):
    """The whole application; ``submitting`` adds the checks of a submission."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    partner_french_authorities = forms.ModelMultipleChoiceField(
        label=_("Partner French authorities"),
        queryset=FrenchAuthority.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partner_french_authorities_add = forms.CharField(
        label=_("Add a French authority"),
        required=False,
        max_length=300,
        help_text=_("Type part of its name or its SIREN number, then choose it in the list."),
    )
    partner_authorities_add = forms.CharField(
        label=_("Add a foreign partner authority"),
        required=False,
        max_length=300,
        help_text=_("Type part of its name, then choose it in the list (Atlas referential)."),
    )

    class Meta:
        model = Application
        fields = [
            "title",
            "summary",
            "partner_authorities",
            "countries",
            "themes",
            "duration_months",
            "expected_results",
            "goals",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "expected_results": forms.Textarea(attrs={"rows": 5}),
            "themes": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, online_call, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.online_call = online_call
        self.submitting = submitting
        # Chosen through the referential pickers (``referential`` below): only the chosen rows
        # are shown, as ticked boxes; any row of the referential is accepted.
        self.fields["partner_authorities"].queryset = PartnerAuthority.objects.all()
        self.fields["partner_authorities"].widget = forms.CheckboxSelectMultiple()
        self.fields["partner_authorities"].label = _("Foreign partner authorities")
        self.fields["partner_authorities"].help_text = ""
        self.fields["partner_french_authorities"].queryset = FrenchAuthority.objects.all()
        self.fields["countries"].queryset = Country.objects.order_by("name_fr")
        self.fields["themes"].queryset = Theme.objects.filter(locale__language_code="fr").order_by("name")
        self.fields["goals"].queryset = SustainableDevelopmentGoal.objects.all()
        for name in ("title", "summary", "countries", "duration_months", "expected_results"):
            self.fields[name].required = False  # checked on submission only (clean)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
            self.initial["partner_french_authorities"] = list(
                self.instance.partner_french_authorities.values_list("pk", flat=True)
            )
        for index in range(BUDGET_ROWS):
            expense = (self.instance.expenses()[index : index + 1] or [{}])[0]
            resource = (self.instance.resources()[index : index + 1] or [{}])[0]
            self.fields[f"expense_label_{index}"] = forms.CharField(
                label=_("Expense %(number)s") % {"number": index + 1},
                required=False,
                max_length=200,
                initial=expense.get("label", ""),
            )
            self.fields[f"expense_amount_{index}"] = BudgetAmountField(
                label=_("Amount of expense %(number)s (€)") % {"number": index + 1},
                required=False,
                initial=expense.get("amount", ""),
            )
            self.fields[f"resource_source_{index}"] = forms.ChoiceField(
                label=_("Source of resource %(number)s") % {"number": index + 1},
                choices=RESOURCE_SOURCES,
                required=False,
                initial=resource.get("source", ""),
            )
            self.fields[f"resource_amount_{index}"] = BudgetAmountField(
                label=_("Amount of resource %(number)s (€)") % {"number": index + 1},
                required=False,
                initial=resource.get("amount", ""),
            )
        answers = {answer["key"]: answer.get("answer", "") for answer in self.instance.answers or []}
        for question in online_call.question_list():
            self.fields[f"question_{question['key']}"] = forms.CharField(
                label=question["label"],
                help_text=question["help_text"],
                required=False,
                max_length=10000,
                widget=forms.Textarea(attrs={"rows": 4}) if question["long_answer"] else forms.TextInput,
                initial=answers.get(question["key"], ""),
            )

    def budget_rows(self):
        return [
            (
                self[f"expense_label_{i}"],
                self[f"expense_amount_{i}"],
                self[f"resource_source_{i}"],
                self[f"resource_amount_{i}"],
            )
            for i in range(BUDGET_ROWS)
        ]

    def question_fields(self):
        return [self[name] for name in self.fields if name.startswith("question_")]

    def referential(self, name):
        """What the picker of ``name`` shows: the chosen rows ``(pk, label)`` (from the posted
        boxes or the application), the bound field and its "add" field."""
        field = self[name]
        value = field.value() or []
        ids = [int(pk) for pk in value if str(pk).isdigit()]
        model = self.fields[name].queryset.model
        rows = model.objects.filter(pk__in=ids)
        if model is PartnerAuthority:
            rows = rows.select_related("country")
        return {
            "field": field,
            "add": self[f"{name}_add"],
            "chosen": [(row.pk, referential_label(row)) for row in rows.order_by("name")],
            "url_name": f"applications:{'partner' if model is PartnerAuthority else 'french'}_authorities",
        }

    def french_picker(self):
        return self.referential("partner_french_authorities")

    def partner_picker(self):
        return self.referential("partner_authorities")

    def clean_partner_french_authorities_add(self):
        return resolve_typed(self.cleaned_data["partner_french_authorities_add"], FrenchAuthority)

    def clean_partner_authorities_add(self):
        return resolve_typed(self.cleaned_data["partner_authorities_add"], PartnerAuthority)

    def clean(self):
        data = super().clean()
        for name in ("partner_french_authorities", "partner_authorities"):
            added = data.get(f"{name}_add")
            if added is not None and name in data:
                data[name] = [*data[name], *([added] if added not in data[name] else [])]
        expenses, resources = [], []
        for index in range(BUDGET_ROWS):
            label, amount = data.get(f"expense_label_{index}"), data.get(f"expense_amount_{index}")
            if label or amount is not None:
                expenses.append({"label": label or "", "amount": str(amount if amount is not None else "")})
            source, amount = data.get(f"resource_source_{index}"), data.get(f"resource_amount_{index}")
            if source or amount is not None:
                resources.append({"source": source or "", "amount": str(amount if amount is not None else "")})
        data["budget"] = {"expenses": expenses, "resources": resources}
        if self.submitting:
            self.check_complete(data, expenses, resources)
        return data

    def check_complete(self, data, expenses, resources):
        required = _("This field is required to submit the application.")
        for name in ("title", "summary", "duration_months", "expected_results"):
            if not data.get(name):
                self.add_error(name, required)
        if not data.get("countries"):
            self.add_error("countries", _("Choose at least one partner country."))
        for item in self.instance.missing_attachments():
            self.add_error(None, _("Attach the document “%(label)s”: it is required.") % {"label": item["label"]})
        for question in self.online_call.question_list():
            if question["required"] and not (data.get(f"question_{question['key']}") or "").strip():
                self.add_error(f"question_{question['key']}", required)
        if not expenses or any(not row["label"] or not row["amount"] for row in expenses):
            self.add_error("expense_label_0", _("Give each expense a label and an amount."))
        if not resources or any(not row["source"] or not row["amount"] for row in resources):
            self.add_error("resource_source_0", _("Give each resource a source and an amount."))
        total_expenses = sum((Decimal(row["amount"] or 0) for row in expenses), Decimal("0"))
        total_resources = sum((Decimal(row["amount"] or 0) for row in resources), Decimal("0"))
        if total_expenses != total_resources:
            raise ValidationError(
                _(
                    "The budget does not balance: the expenses total %(expenses)s € and the resources "
                    "%(resources)s €. The co-financing plan must cover the expenses exactly."
                )
                % {"expenses": total_expenses, "resources": total_resources}
            )

    def answers(self):
        """Each question with its label as asked now, and the answer (``Application.answers``)."""
        return [
            {
                "key": question["key"],
                "label": question["label"],
                "answer": self.cleaned_data.get(f"question_{question['key']}", ""),
            }
            for question in self.online_call.question_list()
        ]


class AttachmentForm(forms.Form):
    """One document of the application: one of the call's attachments (``key``) or, with
    ``key`` "other", another document described by the applicant (e.g. a missing piece)."""

    key = forms.CharField(widget=forms.HiddenInput)
    description = forms.CharField(label=_("What is this document?"), required=False, max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, ODT, DOCX, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"class": "fr-upload", "accept": ACCEPT}),
    )

    def __init__(self, *args, online_call, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {item["key"]: item for item in online_call.attachment_list()}

    def clean_key(self):
        key = self.cleaned_data["key"]
        if key != "other" and key not in self.items:
            raise ValidationError(_("This document is no longer asked by the call: reload the page."))
        return key

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload.checked_mime_type = validate_attachment(upload)
        return upload

    def clean(self):
        data = super().clean()
        if data.get("key") == "other" and not (data.get("description") or "").strip():
            self.add_error("description", _("Say what this document is."))
        return data

    def label(self):
        key = self.cleaned_data["key"]
        return self.cleaned_data["description"].strip() if key == "other" else self.items[key]["label"]


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label=_("Applicant authority"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class OpinionForm(forms.ModelForm):
    class Meta:
        model = Opinion
        fields = ["verdict", "reasons"]
        widgets = {"verdict": forms.RadioSelect, "reasons": forms.Textarea(attrs={"rows": 4})}


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Private note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class PiecesForm(forms.Form):
    body = forms.CharField(
        label=_("What is missing"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("The file goes back to the applicant, who completes it and sends it again."),
    )


class ScoreForm(forms.Form):
    def __init__(self, *args, criteria, initial_points=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_points = initial_points or {}
        for criterion in criteria:
            self.fields[f"criterion_{criterion['key']}"] = forms.IntegerField(
                label=f"{criterion['label']} (/ {criterion['max_points']})",
                min_value=0,
                max_value=criterion["max_points"],
                initial=initial_points.get(criterion["label"]),
            )
        self.criteria = criteria

    def points(self):
        return {c["label"]: self.cleaned_data[f"criterion_{c['key']}"] for c in self.criteria}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision of the committee"),
        choices=[(Application.Status.SELECTED, _("Selected")), (Application.Status.REJECTED, _("Not selected"))],
        widget=forms.RadioSelect,
    )
    amount_granted = BudgetAmountField(label=_("Amount granted (€)"), required=False)
    comment = forms.CharField(
        label=_("Comment to the applicant"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == Application.Status.SELECTED and not data.get("amount_granted"):
            self.add_error("amount_granted", _("Give the amount granted to a selected application."))
        return data
