"""Admin of the professional space for the ministry's staff: organisations and memberships
(Wagtail model viewsets; the usual add/change/delete permissions decide who sees them)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import Membership, Organisation


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    form_fields = ["kind", "name", "authority", "country", "departement"]
    list_display = ["name", "kind", "country", "departement"]
    list_filter = ["kind"]
    search_fields = ["name"]
    inspect_view_enabled = True


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    form_fields = ["person", "organisation", "role", "status"]
    list_display = ["person", "organisation", "role", "status", "requested_at", "decided_by"]
    list_filter = ["status", "role", "organisation__kind"]
    search_fields = ["person__email", "organisation__name"]

    def get_queryset(self, request):
        return Membership.objects.select_related("person", "organisation", "decided_by")


class SpaceViewSetGroup(ViewSetGroup):
    menu_label = _("Professional space")
    menu_icon = "group"
    menu_order = 260
    items = (OrganisationViewSet, MembershipViewSet)


@hooks.register("register_admin_viewset")
def register_space_viewsets():
    return SpaceViewSetGroup()
