"""Retry the intake e-mails that could not be sent yet (run it every few minutes from cron)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from forms.emails import due_emails


class Command(BaseCommand):
    help = "Send the pending intake e-mails whose next attempt is due."

    def handle(self, *args, **options):
        sent = failed = 0
        for pk in list(due_emails().values_list("pk", flat=True)):
            with transaction.atomic():
                # Lock the row: two runs at once never send the same e-mail twice.
                email = due_emails().select_for_update(skip_locked=True).filter(pk=pk).first()
                if email is None:
                    continue
                if email.send():
                    sent += 1
                else:
                    failed += 1
        self.stdout.write(f"{sent} e-mail(s) sent, {failed} still failing.")
