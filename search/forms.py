"""The search form (GET): the query and the facet choices, validated leniently."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.engine import FACETS, MAX_QUERY_LENGTH, clean_query


class SearchForm(forms.Form):
    """What was typed and which facet values are ticked.

    Never invalid: an over-long query is cut, facet values that match nothing are dropped, a bad
    page number gives the first (or last) page.
    """

    q = forms.CharField(label=_("Search the site"), required=False)
    type = forms.MultipleChoiceField(label=_("Content type"), required=False)
    theme = forms.MultipleChoiceField(label=_("Theme"), required=False)
    country = forms.MultipleChoiceField(label=_("Country"), required=False)
    year = forms.MultipleChoiceField(label=_("Year"), required=False)
    page = forms.CharField(required=False)

    def __init__(self, data, allowed=None):
        data = data.copy()
        for facet in FACETS:
            values = [v[:MAX_QUERY_LENGTH] for v in data.getlist(facet)]
            if allowed is not None:
                values = [v for v in values if v in allowed.get(facet, ())]
            data.setlist(facet, values)
        super().__init__(data)
        for facet in FACETS:
            self.fields[facet].choices = [(v, v) for v in data.getlist(facet)]

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])

    def page_number(self):
        try:
            return max(1, int(self.data.get("page", 1)))
        except (TypeError, ValueError):
            return 1

    def selected(self):
        """{facet: set of chosen values}."""
        return {facet: set(self.data.getlist(facet)) for facet in FACETS}
