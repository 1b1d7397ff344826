"""E-mails of the intake: acknowledgement to the submitter (in their language) and notice to
the reviewers, queued with ``portal.mail.queue_email`` in the submission's transaction (sent by
the task worker, retried while the mail server is down, never twice)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from forms.models import ExpertiseLabelRequest
from portal.mail import is_single_address, queue_email

logger = logging.getLogger(__name__)

REVIEWERS_GROUP = "Instructeurs"


def reviewer_addresses():
    users = get_user_model().objects.filter(groups__name=REVIEWERS_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def admin_url(record):
    name = "label_requests" if isinstance(record, ExpertiseLabelRequest) else "partnership_offers"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(f"{name}:inspect", args=[record.pk])


def render_email(template, language, context):
    with translation.override(language):
        subject = render_to_string(f"forms/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"forms/emails/{template}.txt", context)
    return " ".join(subject.split()), body


def queue_submission_emails(record, extra_recipients=()):
    """Queue the acknowledgement and the reviewers' notice (call it in the submission's transaction)."""
    context = {"record": record, "is_label_request": isinstance(record, ExpertiseLabelRequest)}
    subject, body = render_email("acknowledgement", record.language, context)
    # The form accepts only plain addresses (portal.mail.validate_single_address).
    queue_email(
        to=[record.contact_email], subject=subject, body=body, reference=record.reference, kind="acknowledgement"
    )
    recipients = sorted(set(reviewer_addresses()) | set(extra_recipients))
    plain = [address for address in recipients if is_single_address(address)]
    if len(plain) < len(recipients):
        # A staff account's address typed with quotes or commas: never mailed, never a failure.
        logger.warning("%d reviewer address(es) skipped: not a single plain address", len(recipients) - len(plain))
    if plain:
        subject, body = render_email("notification", "fr", context | {"admin_url": admin_url(record)})
        queue_email(to=plain, subject=subject, body=body, reference=record.reference, kind="notification")
