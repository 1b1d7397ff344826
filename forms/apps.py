from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    name = "forms"
    label = "intake"
    verbose_name = _("Intake forms")

    def ready(self):
        # Lazy: an app's models and what imports them load once the registry is ready.
        from forms import forms, listings  # noqa: F401 - @serves attaches the forms and lists to their pages
        from forms.models import ExpertiseLabelRequest, PartnershipOffer
        from portal.pagecache import register_boundary, register_content_models

        register_content_models(PartnershipOffer, ExpertiseLabelRequest)
        # When the next EXPE-CT label expires (the authority leaves the public list at midnight).
        register_boundary(lambda now: ExpertiseLabelRequest.objects.labelled().next_expiry(now))
