from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Proposals of changes to Atlas projects")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Lazy: the views import the models, loaded once the registry is ready.
        from portal import space
        from proposals.views import personal_data, render_section

        space.register_section("atlas_proposals", render_section, order=10)
        space.register_personal_data("atlas_proposals", personal_data)
