"""Background work of the APD declarations (run by the task worker; see ``portal/tasks.py``):
the receipt of each submission, and the reminders of the campaigns."""

import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from portal.mail import queue_email
from portal.scheduler import periodic
from portal.task_labels import register_kind, register_label


@task()
def make_receipt(version_id, reference=""):
    """Make the PDF receipt of a declaration version and e-mail the person who submitted it."""
    from apd.models import DeclarationVersion, Receipt
    from apd.receipts import receipt_pdf

    version = DeclarationVersion.objects.select_related("declaration__campaign", "declaration__authority").get(
        pk=version_id
    )
    pdf = receipt_pdf(version)
    with transaction.atomic():
        receipt, created = Receipt.objects.get_or_create(version=version, defaults={"pdf": pdf})
        person = version.submitted_by
        if created and person is not None and person.email:
            with translation.override(version.language or "fr"):
                queue_email(
                    to=[person.email],
                    subject=_("APD declaration %(reference)s received") % {"reference": version.reference},
                    body=render_to_string("apd/emails/receipt.txt", {"version": version}),
                    reference=version.reference,
                    kind="apd_receipt",
                )
    return version.reference


@periodic(daily_at=datetime.time(9, 0))
@task()
def send_campaign_reminders():
    """On a reminder day of an open campaign, remind the authorities that have not declared (the
    members of their organisation in the space), once per authority and day."""
    from apd.followup import reminder_recipients
    from apd.models import Campaign

    today = timezone.localdate()
    sent = 0
    for campaign in Campaign.objects.filter(opens_at__lte=timezone.now(), closes_at__gt=timezone.now()):
        if today.isoformat() not in campaign.reminder_dates:
            continue
        for authority, addresses in reminder_recipients(campaign):
            with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
                queue_email(
                    to=addresses,
                    subject=_("Reminder: declare your official development aid for %(year)s") % {"year": campaign.year},
                    body=render_to_string("apd/emails/reminder.txt", {"campaign": campaign, "authority": authority}),
                    reference=f"APD-{campaign.year}-{authority.code}-{today.isoformat()}",
                    kind="apd_reminder",
                )
            sent += 1
    return sent


register_label(make_receipt, gettext_lazy("Receipt of an APD declaration"))
register_label(send_campaign_reminders, gettext_lazy("Reminders of the APD campaign"))
register_kind("apd_receipt", gettext_lazy("receipt of an APD declaration"))
register_kind("apd_reminder", gettext_lazy("APD campaign reminder"))
