"""Rows of the task queue as the database backend writes them (for tests of what staff see)."""

import uuid

from django.utils import timezone
from django_tasks_db.models import get_date_max

from portal.models import BackgroundTask


def task_row(
    task_path="portal.mail.send_email",
    status="READY",
    kwargs=None,
    attempts=0,
    error="",
    run_after=None,
    enqueued_at=None,
    started_at=None,
):
    task = BackgroundTask.objects.create(
        id=uuid.uuid4(),
        status=status,
        args_kwargs={"args": [], "kwargs": kwargs or {}},
        task_path=task_path,
        backend_name="default",
        queue_name="default",
        priority=10 if task_path == "portal.mail.send_email" else 0,
        run_after=run_after or get_date_max(),
        worker_ids=["test-worker"] * attempts,
        started_at=started_at,
        finished_at=timezone.now() if status in {"FAILED", "SUCCESSFUL"} else None,
        exception_class_path="portal.tasks.RetryLater" if error else "",
        traceback=f"Traceback (most recent call last):\nportal.tasks.RetryLater: {error}" if error else "",
    )
    if enqueued_at:
        BackgroundTask.objects.filter(pk=task.pk).update(enqueued_at=enqueued_at)
        task.refresh_from_db()
    return task


def email_kwargs(record, kind="acknowledgement"):
    return {
        "key": str(uuid.uuid4()),
        "to": [record.contact_email],
        "subject": f"Votre demande {record.reference} a bien été reçue",
        "body": f"Bonjour {record.contact_name},\n",
        "html_body": "",
        "headers": {},
        "reply_to": [],
        "reference": record.reference,
        "kind": kind,
    }


def queue_failed_email(record, error="ConnectionRefusedError: [Errno 111] Connection refused"):
    """The acknowledgement of ``record`` after TASK_MAX_ATTEMPTS tries with the mail server down."""
    return task_row(status="FAILED", kwargs=email_kwargs(record), attempts=8, error=error)
