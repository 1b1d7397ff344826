"""Erase the personal data of rejected and archived intake records after the retention period.

What goes: the contact person's name, position, e-mail and telephone, the attachments (files
and rows), and the e-mails sent about the record (their tasks in the queue). What stays: the
record itself (reference, authority, project, history), which is public or administrative
information.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from forms.models import ExpertiseLabelRequest, PartnershipOffer
from portal.tasks import forget_reference


class Command(BaseCommand):
    help = "Purge the personal data of rejected and archived intake records older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Retention period in days (default: INTAKE_RETENTION_DAYS = {settings.INTAKE_RETENTION_DAYS}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say how many records would be purged.")

    def handle(self, *args, **options):
        days = options["days"] if options["days"] is not None else settings.INTAKE_RETENTION_DAYS
        limit = timezone.now() - datetime.timedelta(days=days)
        total = 0
        for model in (PartnershipOffer, ExpertiseLabelRequest):
            records = model.objects.filter(
                status__in=[model.Status.REJECTED, model.Status.ARCHIVED],
                status_changed_at__lt=limit,
                personal_data_purged_at__isnull=True,
            )
            count = records.count()
            total += count
            if options["dry_run"]:
                continue
            for record in records.iterator():
                for attachment in record.attachments.all():
                    attachment.delete_file()
                    attachment.delete()
                forget_reference(record.reference)  # its e-mails (recipients, text) in the task queue
                record.contact_name = ""
                record.contact_role = ""
                record.contact_email = ""
                record.contact_phone = ""
                record.personal_data_purged_at = timezone.now()
                record.save(
                    update_fields=[
                        "contact_name",
                        "contact_role",
                        "contact_email",
                        "contact_phone",
                        "personal_data_purged_at",
                        "updated_at",
                    ]
                )
        verb = "would be purged" if options["dry_run"] else "purged"
        self.stdout.write(f"{total} record(s) {verb} (retention: {days} days).")
