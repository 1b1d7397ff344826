"""The editors' dashboard: shortcuts to the common actions and the editor's own drafts, next to
Wagtail's panels (the moderator's "Awaiting your review" is Wagtail's own).

Shortcuts point at the French (default locale) pages: the source of every translation. In
``home`` (registered by ``home/wagtail_hooks.py``), which may show news and calls; ``portal``
imports no app.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState

from calls.models import CallIndexPage
from news.models import NewsIndexPage


def default_locale_page(model):
    return model.objects.filter(locale_id=Locale.get_default().pk).only("pk", "title", "path", "depth").first()


class ShortcutsPanel(Component):
    """Links to add a news item, a call, import a laureate list and open the news list."""

    name = "shortcuts"
    order = 50
    template_name = "portal/admin/dashboard/shortcuts.html"

    def __init__(self, user):
        self.user = user

    def shortcuts(self):
        links = []
        news_index = default_locale_page(NewsIndexPage)
        call_index = default_locale_page(CallIndexPage)
        if news_index and news_index.permissions_for_user(self.user).can_add_subpage():
            links.append(
                {
                    "label": _("Add a news item"),
                    "url": reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk]),
                    "icon": "plus",
                }
            )
        if call_index and call_index.permissions_for_user(self.user).can_add_subpage():
            links.append(
                {
                    "label": _("Add a call for projects"),
                    "url": reverse("wagtailadmin_pages:add", args=["calls", "callpage", call_index.pk]),
                    "icon": "plus",
                }
            )
            links.append(
                {
                    "label": _("Publish a list of laureates"),
                    "help": _(
                        "Choose the call, then “Laureates” in its menu: add them one by one or import a spreadsheet."
                    ),
                    "url": reverse("wagtailadmin_explore", args=[call_index.pk]),
                    "icon": "upload",
                }
            )
        if news_index:
            links.append(
                {
                    "label": _("Open the news list"),
                    "url": reverse("wagtailadmin_explore", args=[news_index.pk]),
                    "icon": "folder-open-inverse",
                }
            )
        return links

    def get_context_data(self, parent_context):
        return {"shortcuts": self.shortcuts()}


class DraftsPanel(Component):
    """The pages whose latest changes the user made and that are not published yet: drafts, and
    those submitted for moderation."""

    name = "my_drafts"
    order = 60
    template_name = "portal/admin/dashboard/drafts.html"
    LIMIT = 10

    def __init__(self, user):
        self.user = user

    def pages(self):
        pages = list(
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=self.user)
            .select_related("locale", "latest_revision")
            .order_by("-latest_revision__created_at")[: self.LIMIT]
        )
        in_moderation = set(
            WorkflowState.objects.active()
            .filter(base_content_type__isnull=False, object_id__in=[str(page.pk) for page in pages])
            .values_list("object_id", flat=True)
        )
        for page in pages:
            page.in_moderation = str(page.pk) in in_moderation
        return pages

    def get_context_data(self, parent_context):
        return {"pages": self.pages()}


def construct_homepage_panels(request, panels):
    panels.insert(0, ShortcutsPanel(request.user))
    panels.insert(1, DraftsPanel(request.user))
