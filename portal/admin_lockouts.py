"""The login lock-outs of django-axes in the Wagtail admin (Settings → Login lock-outs).

Staff work in the Wagtail admin, not Django's, so axes' own Django admin pages are switched off
(``AXES_ENABLE_ADMIN = False``) and its records are listed here: who (user name), from where
(address), how many failures, when, on which login page, and whether the pair is locked now.
Deleting a record lifts the lock-out of that pair at once. Records are written only by axes:
nobody adds or edits them here. Moderators and superusers see them (``setup_roles``).
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """View and delete only: the records are axes' own accounting."""

    READ_ONLY_ACTIONS = {"add", "change"}

    def user_has_permission(self, user, action):
        return action not in self.READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


class LockedColumn(BooleanColumn):
    """Whether the pair is refused now: enough failures, and the last one recent enough."""

    def get_value(self, instance):
        recent = instance.attempt_time > timezone.now() - settings.AXES_COOLOFF_TIME
        return recent and instance.failures_since_start >= settings.AXES_FAILURE_LIMIT


class LockoutIndexView(IndexView):
    page_title = _("Login lock-outs")

    @cached_property
    def columns(self):
        # The user name leads to the record (never to an edit form) and carries its actions
        # (inspect, delete = unlock).
        title_class = self._get_title_column_class(TitleColumn)
        title = title_class("username", label=_("User name"), sort_key="username", get_url=self.get_inspect_url)
        return [title, *super().columns]


class LockoutInspectView(InspectView):
    def get_page_subtitle(self):
        return f"{self.object.username} — {self.object.ip_address}"


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    name = "login_lockouts"
    icon = "lock"
    menu_label = _("Login lock-outs")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None
    search_fields = ["username", "ip_address"]
    list_filter = ["attempt_time"]
    form_fields = []  # never edited; the edit view is refused by the permission policy
    index_view_class = LockoutIndexView
    inspect_view_class = LockoutInspectView
    list_display = [
        Column("ip_address", label=_("IP address"), sort_key="ip_address"),
        Column("failures_since_start", label=_("Failed attempts"), sort_key="failures_since_start"),
        DateColumn("attempt_time", label=_("Last attempt"), sort_key="attempt_time"),
        Column("path_info", label=_("Login page")),
        LockedColumn("locked", label=_("Locked now")),
    ]
    inspect_view_fields = ["username", "ip_address", "failures_since_start", "attempt_time", "path_info", "user_agent"]
    ordering = ["-attempt_time"]
