"""The hand-written outbox (``OutgoingEmail``) gives way to the task queue (``portal.mail``).

Each e-mail of the outbox becomes a task of ``portal.mail.send_email`` with the same status:
a pending one is sent by the worker at its next attempt time, a failed one is listed for staff
(who can retry it), a sent one is kept as a finished task (and its key as a ``SentEmail``), so
that staff still see what was sent, until the usual clean-up of old task results. The old
comma-separated recipients are parsed as e-mail headers (quotes respected); an address that is
not a single plain mailbox is dropped.
"""

import datetime
import uuid
from email.utils import getaddresses

from django.db import migrations
from django.utils import timezone

NEVER = datetime.datetime(9999, 1, 1, tzinfo=datetime.timezone.utc)  # django_tasks_db: "no delay"
STATUSES = {"pending": "READY", "sent": "SUCCESSFUL", "failed": "FAILED"}


def move_outbox_to_queue(apps, schema_editor):
    from portal.mail import is_single_address

    OutgoingEmail = apps.get_model("intake", "OutgoingEmail")
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    SentEmail = apps.get_model("portal", "SentEmail")
    now = timezone.now()
    for email in OutgoingEmail.objects.order_by("pk").iterator():
        key = uuid.uuid4()
        to = [address for _name, address in getaddresses([email.to]) if is_single_address(address)]
        status = STATUSES.get(email.status, "FAILED")
        error, error_class = email.last_error, "portal.tasks.RetryLater"
        if not to and status == "READY":
            status, error_class = "FAILED", "ValueError"
            error = f"No plain recipient address in {email.to!r}"
        task = DBTaskResult.objects.create(
            id=uuid.uuid4(),
            status=status,
            args_kwargs={
                "args": [],
                "kwargs": {
                    "key": str(key),
                    "to": to,
                    "subject": email.subject,
                    "body": email.body,
                    "html_body": "",
                    "headers": {},
                    "reply_to": [],
                    "reference": email.reference,
                    "kind": email.kind,
                },
            },
            priority=10,
            task_path="portal.mail.send_email",
            queue_name="default",
            backend_name="default",
            run_after=email.next_attempt_at if status == "READY" else NEVER,
            worker_ids=["outbox"] * email.attempts,
            started_at=email.sent_at if status == "SUCCESSFUL" else None,
            finished_at=(email.sent_at or now) if status != "READY" else None,
            return_value={"sent": True, "recipients": len(to)} if status == "SUCCESSFUL" else None,
            exception_class_path=error_class if error else "",
            traceback=f"{error_class}: {error}" if error else "",
        )
        DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=email.created_at)
        if status == "SUCCESSFUL":
            SentEmail.objects.create(
                key=key, reference=email.reference[:40], kind=email.kind[:40], sent_at=email.sent_at or now
            )


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_initial"),
        ("portal", "0003_task_queue"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(move_outbox_to_queue, migrations.RunPython.noop)]
