"""Editors say in the admin which calls take online applications, with their questions and grid."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from applications.models import OnlineCall


class OnlineCallViewSet(SnippetViewSet):
    model = OnlineCall
    icon = "form"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["call", "accepts_applications", "opinion_deadline"]


register_snippet(OnlineCallViewSet)
