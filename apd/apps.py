from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApdConfig(AppConfig):
    name = "apd"
    verbose_name = _("APD declarations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from apd import space_section
        from apd.models import Declaration
        from portal import facts, space

        space.register_section("apd", space_section.render_section, order=30)
        space.register_personal_data("apd_declarations", space_section.personal_data)
        # An application to a call shows its instructors whether the authority declared (applications).
        facts.register("apd_declared", Declaration.objects.has_declared)
