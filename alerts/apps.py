from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("E-mail alerts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from alerts import events, space, tasks  # noqa: F401 - tasks: the periodic jobs
        from forms.models import StatusChange
        from portal import space as space_registry

        page_published.connect(events.on_page_published, dispatch_uid="alerts-page-published")
        post_save.connect(events.on_status_change, sender=StatusChange, dispatch_uid="alerts-offer-published")
        space_registry.register_section("alerts", space.render_section, order=40)
        space_registry.register_personal_data("alerts", space.personal_data)
