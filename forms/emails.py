"""E-mails of the intake: acknowledgement to the submitter (in their language) and notice to
the reviewers. They are recorded as ``OutgoingEmail`` rows inside the submission's transaction,
tried once right after commit, and retried by ``manage.py send_pending_emails``."""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from forms.models import ExpertiseLabelRequest, OutgoingEmail

logger = logging.getLogger(__name__)

REVIEWERS_GROUP = "Instructeurs"


def reviewer_addresses():
    users = get_user_model().objects.filter(groups__name=REVIEWERS_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def admin_url(record):
    from django.conf import settings

    name = "label_requests" if isinstance(record, ExpertiseLabelRequest) else "partnership_offers"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(f"{name}:inspect", args=[record.pk])


def render_email(template, language, context):
    with translation.override(language):
        subject = render_to_string(f"forms/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"forms/emails/{template}.txt", context)
    return " ".join(subject.split()), body


def queue_submission_emails(record, extra_recipients=()):
    """Record the acknowledgement and the reviewers' notice; send them once the transaction commits."""
    context = {"record": record, "is_label_request": isinstance(record, ExpertiseLabelRequest)}
    emails = []
    subject, body = render_email("acknowledgement", record.language, context)
    emails.append(
        OutgoingEmail.objects.create(
            reference=record.reference, kind="acknowledgement", to=record.contact_email, subject=subject, body=body
        )
    )
    recipients = sorted(set(reviewer_addresses()) | set(extra_recipients))
    if recipients:
        subject, body = render_email("notification", "fr", context | {"admin_url": admin_url(record)})
        emails.append(
            OutgoingEmail.objects.create(
                reference=record.reference, kind="notification", to=", ".join(recipients), subject=subject, body=body
            )
        )
    ids = [email.pk for email in emails]
    transaction.on_commit(lambda: send_emails(OutgoingEmail.objects.filter(pk__in=ids)))
    return emails


def send_emails(emails):
    """Try each e-mail once; never raise (the submission is already saved)."""
    sent = 0
    for email in emails:
        try:
            sent += email.send()
        except Exception:  # noqa: BLE001 - e.g. the database itself failing while recording the error
            logger.exception("Could not send or record e-mail %s", email.pk)
    return sent


def due_emails(now=None):
    return OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=now or timezone.now()
    ).order_by("next_attempt_at")
