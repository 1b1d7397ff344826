from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "calls"
    verbose_name = _("Calls for projects")

    def ready(self):
        # Lazy: an app's models and what imports them load once the registry is ready.
        from calls import listings  # noqa: F401 - @serves attaches the lists to their pages
        from calls.models import CallPage, Laureate
        from portal.admin_forms import register_synchronised_taxonomy
        from portal.pagecache import register_boundary, register_content_models

        register_content_models(Laureate)
        register_synchronised_taxonomy(CallPage)
        # When a live call next changes status by itself (the page cache expires then).
        register_boundary(lambda now: CallPage.objects.live().next_status_change(now))
