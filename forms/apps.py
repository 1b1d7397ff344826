from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    name = "forms"
    label = "intake"
    verbose_name = _("Intake forms")

    def ready(self):
        from forms.models import ExpertiseLabelRequest, PartnershipOffer
        from portal.pagecache import register_boundary, register_content_models

        register_content_models(PartnershipOffer, ExpertiseLabelRequest)
        register_boundary(next_label_expiry)


def next_label_expiry(now):
    """When the next EXPE-CT label expires (the authority leaves the public list at midnight)."""
    from forms.models import ExpertiseLabelRequest

    return ExpertiseLabelRequest.objects.labelled().next_expiry(now)
