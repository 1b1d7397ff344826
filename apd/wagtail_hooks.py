"""Admin of the APD declarations: the campaigns and the reopenings (snippets), and the ministry's
follow-up (custom views, permission ``apd.review_declaration``)."""

from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from apd import access, admin_views
from apd.models import Campaign, Reopening


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "date"
    menu_label = _("Campaigns")
    list_display = ["year", "opens_at", "closes_at"]
    copy_view_enabled = False
    panels = [
        FieldPanel("year"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("reminder_dates"),
    ]


class ReopeningViewSet(SnippetViewSet):
    model = Reopening
    icon = "lock-open"
    menu_label = _("Reopenings")
    list_display = ["campaign", "authority", "until"]
    copy_view_enabled = False
    panels = [FieldPanel("campaign"), FieldPanel("authority"), FieldPanel("until"), FieldPanel("reason")]


class ApdGroup(ViewSetGroup):
    menu_label = _("APD declarations")
    menu_icon = "table"
    menu_order = 240
    items = (CampaignViewSet, ReopeningViewSet)


register_snippet(ApdGroup)


class FollowUpMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_review(request.user)


@hooks.register("register_admin_menu_item")
def register_followup_menu_item():
    return FollowUpMenuItem(_("APD follow-up"), reverse("apd_campaigns"), icon_name="tasks", order=241)


@hooks.register("register_admin_urls")
def register_followup_urls():
    return [
        path("apd/", admin_views.campaigns, name="apd_campaigns"),
        path("apd/<int:year>/", admin_views.campaign_followup, name="apd_followup"),
        re_path(r"^apd/(?P<year>\d{4})/export\.(?P<fmt>csv|xlsx)$", admin_views.campaign_export, name="apd_export"),
        path("apd/declarations/<int:pk>/", admin_views.declaration_review, name="apd_declaration_review"),
    ]


@hooks.register("register_permissions")
def register_review_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="apd", codename="review_declaration")
