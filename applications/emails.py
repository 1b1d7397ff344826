"""E-mails to the applicant authority's members (acknowledgement, messages, requests for pieces,
decision), queued with ``portal.mail.queue_email`` inside the transaction that writes the change."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership
from portal.mail import is_single_address, queue_email


def applicant_addresses(application, extra=None):
    members = Membership.objects.approved().filter(organisation=application.organisation_id)
    addresses = set(members.values_list("person__email", flat=True))
    if extra is not None and extra.email:
        addresses.add(extra.email)
    return sorted(address for address in addresses if address and is_single_address(address))


def space_url(application):
    with translation.override(application.language):
        path = reverse("applications:detail", args=[application.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _queue(application, template, kind, context, to, private_attachments=()):
    if not to:
        return
    context = {"application": application, "url": space_url(application), **context}
    with translation.override(application.language):
        subject = " ".join(render_to_string(f"applications/emails/{template}_subject.txt", context).split())
        body = render_to_string(f"applications/emails/{template}.txt", context)
    queue_email(
        to=to,
        subject=subject,
        body=body,
        reference=application.reference or "",
        kind=kind,
        private_attachments=private_attachments,
    )


def queue_acknowledgement(application, to):
    """The acknowledgement, with the PDF receipt (``application.receipt``) attached; queued by
    the receipt's task once the PDF is written."""
    attached = [("applications", application.receipt, f"{application.reference}.pdf", "application/pdf")]
    _queue(application, "acknowledgement", "acknowledgement", {}, to, attached if application.receipt else ())


def queue_applicant_notice(application, what, comment=""):
    """``what``: "message", "pieces" or "decision"."""
    _queue(application, what, what, {"comment": comment}, applicant_addresses(application))
