from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApdConfig(AppConfig):
    name = "apd"
    verbose_name = _("APD declarations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from apd import space_section
        from portal import space

        space.register_section("apd", space_section.render_section, order=30)
        space.register_personal_data("apd_declarations", space_section.personal_data)
