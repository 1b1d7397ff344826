"""The portal's own admin screens: login lock-outs (``portal.admin_lockouts``), background
tasks (``portal.admin_tasks``), and the referential of authorities: French authorities and partner
authorities, as snippets (so that every form that points at one gets a chooser) with search and
filters.

The 35,000 communes are not in the site search index: listings and choosers search the
database directly (folded name contains the words typed, or the official code is the text).
"""

import django_filters
from django import forms
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from portal.admin_explorer import (
    annotate_snippet_translation_state,
    annotate_translation_state,
    replace_localize_listing_hook,
)
from portal.admin_lockouts import LockoutViewSet
from portal.admin_tasks import BackgroundTaskViewSet
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.models import Country, NavigationMenu, Theme
from portal.pagecache import note_served_page
from portal.translation_moderation import admin_urls as translation_moderation_urls
from portal.translation_moderation import before_edit_page as moderate_translation


class AuthoritySearchForm(BaseFilterForm):
    """The chooser's search box, answered by ``AuthorityQuerySet.matching``."""

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name or official code")}),
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip() if self.is_valid() else ""
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.matching(query)
        return objects


class AuthorityChooseView(ChooseView):
    filter_form_class = AuthoritySearchForm


class AuthorityChooseResultsView(ChooseResultsView):
    filter_form_class = AuthoritySearchForm


class AuthorityChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AuthorityChooseView
    choose_results_view_class = AuthorityChooseResultsView


class MatchingIndexView(IndexView):
    """The listing's search uses the same matching as the chooser (accents ignored, codes)."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.matching(self.search_query)


class TranslatableSnippetIndexView(IndexView):
    """The listing of a translatable snippet, its translation buttons read from annotations
    (portal/admin_explorer.py) instead of two queries per row."""

    def get_base_queryset(self):
        return annotate_snippet_translation_state(super().get_base_queryset())


class ThemeViewSet(SnippetViewSet):
    model = Theme
    index_view_class = TranslatableSnippetIndexView


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    index_view_class = TranslatableSnippetIndexView


register_snippet(ThemeViewSet)
register_snippet(NavigationMenuViewSet)


class FrenchAuthorityFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=lambda request: FrenchAuthority.objects.filter(kind__in=["region", "overseas"]).order_by("name"),
    )

    class Meta:
        model = FrenchAuthority
        fields = ["kind", "region", "zone", "is_current"]


class FrenchAuthorityViewSet(SnippetViewSet):
    model = FrenchAuthority
    icon = "site"
    menu_label = _("French authorities")
    index_view_class = MatchingIndexView
    chooser_viewset_class = AuthorityChooserViewSet
    filterset_class = FrenchAuthorityFilterSet
    search_fields = ["name"]  # answered by AuthorityQuerySet.matching
    search_backend_name = None
    list_display = [
        "name",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        "code",
        Column("departement", label=_("département"), accessor="departement"),
        "population",
    ]
    list_per_page = 50
    ordering = ["name", "code"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return FrenchAuthority.objects.select_related("departement")


def default_locale_countries(request):
    countries = Country.objects.all()
    if any(field.name == "locale" for field in Country._meta.fields):
        countries = countries.filter(locale=Locale.get_default())
    return countries


class PartnerAuthorityFilterSet(WagtailFilterSet):
    country = django_filters.ModelChoiceFilter(label=_("Country"), queryset=default_locale_countries)

    class Meta:
        model = PartnerAuthority
        fields = ["country", "kind", "coordinates_source", "origin"]


class PartnerAuthorityViewSet(SnippetViewSet):
    model = PartnerAuthority
    icon = "globe"
    menu_label = _("Partner authorities")
    index_view_class = MatchingIndexView
    chooser_viewset_class = AuthorityChooserViewSet
    filterset_class = PartnerAuthorityFilterSet
    search_fields = ["name"]
    search_backend_name = None
    list_display = [
        "name",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        "country",
        "region",
        Column("coordinates_source", label=_("coordinates from"), accessor="get_coordinates_source_display"),
    ]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return PartnerAuthority.objects.select_related("country")


class ReferentialGroup(ViewSetGroup):
    menu_label = _("Authorities")
    menu_icon = "site"
    menu_order = 240
    items = (FrenchAuthorityViewSet, PartnerAuthorityViewSet)


register_snippet(ReferentialGroup)


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()


@hooks.register("register_admin_viewset")
def register_background_tasks():
    return BackgroundTaskViewSet()


@hooks.register("insert_global_admin_css")
def editors_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("portal/admin/editors.css"))


hooks.register("before_serve_page", note_served_page)

# Before wagtail-localize's own hook, which renders its translation editor (order 0).
hooks.register("before_edit_page", moderate_translation, order=-1)
hooks.register("register_admin_urls", translation_moderation_urls, order=-1)

# The explorer's rows without per-row queries (portal/admin_explorer.py).
hooks.register("construct_explorer_page_queryset", annotate_translation_state)
replace_localize_listing_hook()
