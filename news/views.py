"""The news list's filters and the context of the list and agenda (routes of NewsIndexPage).

Filters are a GET form validated leniently: a value that is not among the choices (an unknown
theme, ``year=abc``) is dropped and the list shows as if it had not been given; a bad page
number gives the first or last page. Filter values are stable across languages (category
codes, theme slugs, ISO country codes, years), so a filtered URL can be translated by prefix.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from news.models import NewsPage
from portal.i18n import active_locale
from portal.models import Country, Theme

CARD_IMAGE_SPEC = "fill-600x338"


class NewsFilterForm(forms.Form):
    """Category, theme, country and year; the choices are those the index's items use."""

    category = forms.ChoiceField(label=_("Category"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, categories, themes, countries, years):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["category"].choices = everything + categories
        self.fields["theme"].choices = everything + [(theme.slug, theme.name) for theme in themes]
        self.fields["country"].choices = everything + [(country.iso_code, country.name) for country in countries]
        self.fields["year"].choices = everything + [(str(year), str(year)) for year in years]

    def lenient_values(self):
        """The valid, non-empty filter values; invalid ones are left out instead of failing."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}


def taxonomy_choices(model, items, locale):
    """The ``model`` snippets (themes or countries) of the active locale that ``items`` use.

    Items may point at French snippets (wagtail-localize copies many-to-many values as they
    are), so they are matched through ``translation_key``. One query.
    """
    used_keys = model.objects.filter(newspage__in=items.values("pk")).values("translation_key")
    return list(model.objects.filter(locale=locale, translation_key__in=used_keys).order_by("name"))


def filter_items(items, values):
    """Apply the cleaned filter values to a NewsPage queryset."""
    if "category" in values:
        items = items.filter(category=values["category"])
    if "theme" in values:
        keys = Theme.objects.filter(slug=values["theme"]).values("translation_key")
        items = items.filter(themes__translation_key__in=keys)
    if "country" in values:
        keys = Country.objects.filter(iso_code=values["country"]).values("translation_key")
        items = items.filter(countries__translation_key__in=keys)
    if "year" in values:
        items = items.filter(date__year=values["year"])
    if "theme" in values or "country" in values:
        items = items.distinct()
    return items


def filtered_items(request, index_page):
    """The index's items filtered by the request's GET parameters, and the bound form."""
    locale = active_locale()
    items = index_page.news_items()
    categories = set(items.order_by().values_list("category", flat=True).distinct())
    themes = taxonomy_choices(Theme, items, locale)
    form = NewsFilterForm(
        request.GET,
        categories=[choice for choice in NewsPage.Category.choices if choice[0] in categories],
        themes=themes,
        countries=taxonomy_choices(Country, items, locale),
        years=sorted({day.year for day in items.order_by().dates("date", "year")}, reverse=True),
    )
    values = form.lenient_values()
    return filter_items(items, values), form, values, themes


def with_card_data(items):
    """Prefetch what a card shows, so that a list costs the same number of queries at any size."""
    return items.prefetch_related(
        "themes",
        "countries",
        Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE_SPEC)),
    )


def paginate(request, items, per_page):
    """A page of ``items``; a malformed or out-of-range number gives the first or last page."""
    page_obj = Paginator(items, per_page).get_page(request.GET.get("page"))
    page_obj.object_list = list(page_obj.object_list)
    return page_obj


def attach_localized_themes(items, themes):
    """Give each item ``card_themes``: its themes in the active locale (from ``themes``)."""
    by_key = {theme.translation_key: theme for theme in themes}
    for item in items:
        item.card_themes = [by_key.get(theme.translation_key, theme) for theme in item.themes.all()]


def list_context(request, index_page):
    items, form, values, themes = filtered_items(request, index_page)
    page_obj = paginate(request, with_card_data(items), index_page.PAGE_SIZE)
    attach_localized_themes(page_obj.object_list, themes)
    return {
        "filter_form": form,
        "active_filters": values,
        "page_obj": page_obj,
        "items": page_obj.object_list,
        "filter_query": urlencode(sorted(values.items())),
        # Filter combinations are not worth indexing: the unfiltered list and items are.
        "noindex": bool(values) or page_obj.number > 1,
    }


def agenda_context(request, index_page):
    """Upcoming events soonest first, then the archive of past events (paginated)."""
    items = with_card_data(index_page.news_items())
    upcoming = list(items.upcoming_events())
    past = paginate(request, items.past_events(), index_page.PAGE_SIZE)
    themes = taxonomy_choices(Theme, index_page.news_items().events(), active_locale())
    attach_localized_themes(upcoming, themes)
    attach_localized_themes(past.object_list, themes)
    return {"upcoming_events": upcoming, "page_obj": past, "past_events": past.object_list, "noindex": past.number > 1}
