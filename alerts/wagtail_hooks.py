"""The subscribers in the admin (*Alertes*): their addresses are personal data, shown only to
staff with ``alerts.view_subscriber_addresses`` (the "Instructeurs" group, superusers)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from alerts.models import Subscription

ADDRESSES_PERMISSION = "alerts.view_subscriber_addresses"


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Seeing the list requires the personal-data permission, not only ``view_subscription``."""

    def user_has_permission(self, user, action):
        if not (user.is_active and user.has_perm(ADDRESSES_PERMISSION)):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Subscription, SubscriberPermissionPolicy(Subscription))


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    name = "alert_subscriptions"
    icon = "mail"
    menu_label = _("E-mail alerts")
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    add_to_reference_index = False
    list_display = ["email", "status", "frequency", "language", "created_at"]
    list_filter = ["status", "frequency", "language"]
    search_fields = ["email"]
    form_fields = ["status", "frequency", "language"]
    inspect_view_fields = [
        "email",
        "status",
        "language",
        "frequency",
        "wants_calls_opening",
        "wants_calls_closing",
        "wants_laureates",
        "wants_news",
        "wants_offers",
        "all_themes",
        "all_countries",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "failures",
    ]


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return SubscriptionViewSet()
