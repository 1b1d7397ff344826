"""Background work of the online applications: the PDF receipt of a submitted application,
written by WeasyPrint into the private storage (the space serves it to the applicant)."""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from portal.task_labels import register_kind, register_label


def receipt_pdf(application):
    import weasyprint

    with translation.override(application.language):
        html = render_to_string(
            "applications/receipt.html",
            {
                "application": application,
                "documents": list(application.current_attachments()),
                "generated": timezone.localtime(),
                "bidi": translation.get_language_bidi(),
                "language_code": application.language,
            },
        )
    return weasyprint.HTML(string=html).write_pdf()


@task()
def make_receipt(application_id, reference="", acknowledge_to=()):
    """Write the PDF receipt of the submission, then queue the acknowledgement to
    ``acknowledge_to`` with the receipt attached."""
    from django.core.files.base import ContentFile
    from django.db import transaction

    from applications import emails
    from applications.models import Application
    from portal.private_media import private_storage

    application = Application.objects.select_related("call", "organisation", "lead_authority").get(pk=application_id)
    name = f"receipts/{application.reference}-{application.submitted_at:%Y%m%d%H%M%S}.pdf"
    storage = private_storage("applications")
    if not storage.exists(name):
        storage.save(name, ContentFile(receipt_pdf(application)))
    with transaction.atomic():
        Application.objects.filter(pk=application_id).update(receipt=name)
        application.receipt = name
        if acknowledge_to:
            emails.queue_acknowledgement(application, list(acknowledge_to))
    return name


register_label(make_receipt, _("Receipt of an application"))
register_kind("pieces", _("request for missing pieces"))
register_kind("message", _("message to the applicant"))
register_kind("decision", _("decision on an application"))
