from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = _("Online applications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from applications import space_section, tasks  # noqa: F401 - registers the section and the tasks
        from portal import space

        space.register_section("applications", space_section.render, order=20)
        space.register_personal_data("applications", space_section.personal_data)
