"""The filter forms of the call list and of the laureates page.

Validated leniently: a field with an unknown or malformed value is simply ignored (the form's
``cleaned_data`` only holds valid fields), so a hand-edited URL never gives an error page.
Theme and country values are slugs and ISO codes, the same in every language; they are matched
through ``translation_key`` so that a French theme chosen on a call matches in every locale.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.models import Country, Theme


def theme_choices(locale_id):
    return [("", _("All themes"))] + [(t.slug, t.name) for t in Theme.objects.filter(locale_id=locale_id)]


def country_choices(locale_id):
    return [("", _("All countries"))] + [(c.iso_code, c.name) for c in Country.objects.filter(locale_id=locale_id)]


class LenientForm(forms.Form):
    def valid_data(self):
        """The values of the fields that validated, empty ones left out."""
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "", [])}


class CallFilterForm(LenientForm):
    STATUS_CHOICES = [
        ("", _("All statuses")),
        ("open", _("Open")),
        ("closing-soon", _("Closing soon")),
        ("upcoming", _("Upcoming")),
        ("closed", _("Closed")),
        ("results", _("Results published")),
    ]

    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    type = forms.ChoiceField(label=_("Type of call"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, data, *, locale_id, years):
        from calls.models import CallPage

        super().__init__(data)
        self.fields["type"].choices = [("", _("All types"))] + list(CallPage.CallType.choices)
        self.fields["theme"].choices = theme_choices(locale_id)
        self.fields["country"].choices = country_choices(locale_id)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]

    def filter(self, calls):
        from calls.models import CLOSING_SOON_DAYS, CallPage

        data = self.valid_data()
        status = data.get("status")
        if status == "open":
            calls = calls.open()
        elif status == "closing-soon":
            calls = calls.closing_within(CLOSING_SOON_DAYS)
        elif status == "upcoming":
            calls = calls.upcoming()
        elif status == "closed":
            calls = calls.closed().without_results()
        elif status == "results":
            calls = calls.closed().with_results()
        if "type" in data:
            calls = calls.filter(call_type=data["type"])
        if "theme" in data:
            keys = Theme.objects.filter(slug=data["theme"]).values("translation_key")
            calls = calls.filter(pk__in=CallPage.objects.filter(themes__translation_key__in=keys).values("pk"))
        if "country" in data:
            keys = Country.objects.filter(iso_code=data["country"]).values("translation_key")
            matching = CallPage.objects.filter(
                Q(countries__translation_key__in=keys) | Q(partner_country__translation_key__in=keys)
            )
            calls = calls.filter(pk__in=matching.values("pk"))
        if "year" in data:
            calls = calls.filter(edition_year=data["year"])
        return calls


class LaureateFilterForm(LenientForm):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    call = forms.TypedChoiceField(label=_("Call for projects"), coerce=int, required=False, empty_value=None)

    def __init__(self, data, *, locale_id, years, calls):
        super().__init__(data)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]
        self.fields["country"].choices = country_choices(locale_id)
        self.fields["theme"].choices = theme_choices(locale_id)
        self.fields["call"].choices = [("", _("All calls"))] + [(c.pk, c.title) for c in calls]

    def filter(self, laureates):
        data = self.valid_data()
        if "year" in data:
            laureates = laureates.filter(page__edition_year=data["year"])
        if "country" in data:
            keys = Country.objects.filter(iso_code=data["country"]).values("translation_key")
            laureates = laureates.filter(country__translation_key__in=keys)
        if "theme" in data:
            keys = Theme.objects.filter(slug=data["theme"]).values("translation_key")
            laureates = laureates.filter(theme__translation_key__in=keys)
        if "call" in data:
            laureates = laureates.filter(page_id=data["call"])
        return laureates
