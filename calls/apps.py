from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "calls"
    verbose_name = _("Calls for projects")

    def ready(self):
        from calls.models import CallPage, Laureate
        from portal.admin_forms import register_synchronised_taxonomy
        from portal.pagecache import register_boundary, register_content_models

        register_content_models(Laureate)
        register_synchronised_taxonomy(CallPage)
        register_boundary(next_call_status_change)


def next_call_status_change(now):
    """When a live call next changes status by itself (the page cache expires then)."""
    from calls.models import CallPage

    return CallPage.objects.live().next_status_change(now)
