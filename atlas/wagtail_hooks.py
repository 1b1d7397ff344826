"""Admin of the Atlas: projects (editors and reviewers create and correct them; publishing needs
the ``atlas.publish_project`` permission), APD figures, and the spreadsheet import."""

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from atlas import views
from atlas.models import ApdFigure, Project
from portal.models import Theme


def default_locale_themes(request):
    return Theme.objects.filter(locale=Locale.get_default())


class ProjectFilterSet(WagtailFilterSet):
    themes = django_filters.ModelChoiceFilter(label=_("Theme"), queryset=default_locale_themes)

    class Meta:
        model = Project
        fields = ["status", "kind", "language", "themes", "origin"]


class ProjectIndexView(IndexView):
    """The project listing, with a button to the spreadsheet import."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("atlas.add_project"):
            buttons.append(HeaderButton(_("Import"), url=reverse("atlas_import_projects"), icon_name="upload"))
        return buttons


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "globe"
    menu_label = _("Projects")
    index_view_class = ProjectIndexView
    filterset_class = ProjectFilterSet
    search_fields = ["title", "reference"]
    search_backend_name = None  # the ORM: the Atlas is not in the search index yet
    list_display = [
        "title",
        Column("kind", label=_("kind of action"), accessor="get_kind_display"),
        "start_year",
        Column("region", label=_("French region"), accessor="region"),
        Column("status", label=_("status"), accessor="get_status_display"),
        "updated_at",
    ]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Project.objects.select_related("region")


class ApdFigureFilterSet(WagtailFilterSet):
    class Meta:
        model = ApdFigure
        fields = ["year", "source"]


class ApdFigureViewSet(SnippetViewSet):
    model = ApdFigure
    icon = "table"
    menu_label = _("APD figures")
    filterset_class = ApdFigureFilterSet
    search_fields = ["authority__name"]
    search_backend_name = None
    list_display = ["authority", "year", "amount", Column("source", label=_("source"), accessor="get_source_display")]
    list_per_page = 50
    copy_view_enabled = False

    def get_queryset(self, request):
        return ApdFigure.objects.select_related("authority")


class AtlasGroup(ViewSetGroup):
    menu_label = _("Atlas")
    menu_icon = "globe"
    menu_order = 230
    items = (ProjectViewSet, ApdFigureViewSet)


register_snippet(AtlasGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("atlas/import/", views.import_projects_view, name="atlas_import_projects"),
        path("atlas/import/template.csv", views.import_template_view, name="atlas_import_template"),
    ]
