"""Admin: the laureates' screens of a call (list, row form, import) and the button that leads to
them from a call page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from calls import views
from calls.models import CallPage


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("calls/<int:page_id>/import-laureates/", views.import_laureates_view, name="calls_import_laureates"),
        path("calls/<int:page_id>/laureates/", views.laureates_view, name="calls_laureates"),
        path("calls/<int:page_id>/laureates/add/", views.laureate_edit_view, name="calls_laureate_add"),
        path("calls/<int:page_id>/laureates/<int:index>/", views.laureate_edit_view, name="calls_laureate_edit"),
        path(
            "calls/<int:page_id>/laureates/<int:index>/delete/",
            views.laureate_delete_view,
            name="calls_laureate_delete",
        ),
    ]


def laureates_button(page, user, priority):
    if isinstance(page.specific_deferred, CallPage) and page.permissions_for_user(user).can_edit():
        yield Button(_("Laureates"), reverse("calls_laureates", args=[page.pk]), icon_name="list-ul", priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_laureates_button(page, user, view_name, next_url=None):
    yield from laureates_button(page, user, priority=62)


@hooks.register("register_page_listing_more_buttons")
def page_listing_laureates_button(page, user, next_url=None):
    yield from laureates_button(page, user, priority=45)
