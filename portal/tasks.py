"""Background work: how every app queues tasks, and how failed tasks are tried again.

The queue is django-tasks (the tasks framework Wagtail itself uses) with its database backend
(``django_tasks_db``): a task is a row written in the same transaction as the record that needs
it, so nothing is lost if the process dies after the commit, and there is no broker to run. The
worker is ``manage.py db_worker``; the scheduler of periodic jobs is ``manage.py run_scheduler``
(``portal/scheduler.py``). Wagtail's own tasks (search index, reference index, image focal
points) go through the same queue.

For an app:

- declare a task with ``django_tasks.task`` in the app's ``tasks.py`` (a module-level function
  whose arguments are JSON: ids, references, plain data — never model instances);
- queue it with :func:`enqueue` inside the transaction that writes what the task needs;
- give a task about a record a ``reference`` keyword argument: staff find its tasks by it in
  the admin, and the personal-data purge forgets them with :func:`forget_reference`;
- raise :class:`RetryLater` for a passing failure (a server that does not answer): the task runs
  again later, with a growing delay. Any other exception fails the task at once.

django-tasks has no retries of its own: :func:`schedule_retry` puts a task that raised
``RetryLater`` back in the queue when the worker reports it failed. If the worker dies between
the two steps, the task stays failed (staff can retry it from the admin).
"""

import datetime
import functools
import io
import logging

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Min, Q
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus, task, task_backends
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from portal.models import ScheduledJob, SentEmail
from portal.scheduler import jobs, periodic
from portal.task_labels import register_label

logger = logging.getLogger(__name__)


class RetryLater(Exception):  # noqa: N818 - it is an instruction to the queue, not an error kind
    """Raised by a task whose work failed for a passing reason: run it again later.

    Raise it ``from`` the original error, with a message saying what failed (staff read it).
    """


def stores_in_database(task):
    return isinstance(task.get_backend(), DatabaseBackend)


def enqueue(task, *args, **kwargs):
    """Queue ``task`` as part of the current transaction.

    With the database backend, the task row is written now, in the caller's transaction: it
    exists exactly when the caller's data does. With another backend (the immediate one of the
    tests and of one-off commands), the task is queued once the transaction commits, so that it
    never runs on data that is then rolled back. Returns the ``TaskResult`` (None when deferred
    to the commit).
    """
    if stores_in_database(task):
        return task.enqueue(*args, **kwargs)
    transaction.on_commit(functools.partial(task.enqueue, *args, **kwargs))
    return None


def retry_delay(attempts):
    """How long to wait after the ``attempts``-th failed try: TASK_RETRY_DELAY, doubled each time."""
    return datetime.timedelta(seconds=settings.TASK_RETRY_DELAY * 2 ** max(attempts - 1, 0))


def asks_for_retry(task_result):
    if not task_result.errors:
        return False
    try:
        return issubclass(task_result.errors[-1].exception_class, RetryLater)
    except (ImportError, ValueError):
        return False


@receiver(task_finished, dispatch_uid="portal-task-retry")
def schedule_retry(sender, task_result, **kwargs):
    """A task of the database queue that raised ``RetryLater`` goes back to the queue, to run
    after ``retry_delay``, until it has been tried TASK_MAX_ATTEMPTS times. Its last error stays
    on the row (staff see why it waits)."""
    if task_result.status != TaskResultStatus.FAILED or not issubclass(sender, DatabaseBackend):
        return
    if not asks_for_retry(task_result):
        return
    attempts = task_result.attempts
    if attempts >= settings.TASK_MAX_ATTEMPTS:
        logger.warning("Task %s failed %d times: given up", task_result.id, attempts)
        return
    run_after = timezone.now() + retry_delay(attempts)
    DBTaskResult.objects.filter(pk=task_result.id, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=run_after, finished_at=None
    )
    logger.info("Task %s will be tried again after %s (attempt %d)", task_result.id, run_after, attempts + 1)


# --- what staff see and do --------------------------------------------------------------------------
def stale_running(now=None):
    """Tasks marked running for longer than TASK_STALE_AFTER: their worker probably died."""
    limit = (now or timezone.now()) - datetime.timedelta(seconds=settings.TASK_STALE_AFTER)
    return Q(status=TaskResultStatus.RUNNING, started_at__lt=limit)


def retryable(now=None):
    """Tasks staff may run again now: failed ones, ones waiting for a later try, stale ones."""
    now = now or timezone.now()
    waiting = Q(status=TaskResultStatus.READY, run_after__gt=now) & ~Q(run_after=get_date_max())
    return Q(status=TaskResultStatus.FAILED) | waiting | stale_running(now)


def retry_now(result_id):
    """Put a failed (or waiting, or stale) task back at the front of the queue. Returns whether
    it was. A manual retry is one more try: if it fails again, it fails for good."""
    now = timezone.now()
    return bool(
        DBTaskResult.objects.filter(retryable(now), pk=result_id).update(
            status=TaskResultStatus.READY, run_after=now, finished_at=None
        )
    )


def for_reference(reference):
    return DBTaskResult.objects.filter(args_kwargs__kwargs__reference=reference)


def forget_reference(reference):
    """Delete the tasks about a record that are not running (they may hold its personal data),
    with the record of the e-mails sent about it."""
    for_reference(reference).exclude(status=TaskResultStatus.RUNNING).delete()
    SentEmail.objects.filter(reference=reference).delete()


def queue_report(now=None):
    """What /health/ says of the queue: how many tasks are due and how long the oldest has
    waited (a long wait: no worker is running), how many wait for a retry, failed, or look stale."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return {"backend": settings.TASKS_BACKEND}
    now = now or timezone.now()
    never = get_date_max()
    ready = Q(status=TaskResultStatus.READY)
    due = ready & (Q(run_after=never) | Q(run_after__lte=now))
    report = DBTaskResult.objects.aggregate(
        due=Count("pk", filter=due),
        waiting=Count("pk", filter=ready & Q(run_after__gt=now) & ~Q(run_after=never)),
        failed=Count("pk", filter=Q(status=TaskResultStatus.FAILED)),
        stale=Count("pk", filter=stale_running(now)),
        # Due since it was queued, or since its retry time came.
        first_queued=Min("enqueued_at", filter=ready & Q(run_after=never)),
        first_retry=Min("run_after", filter=ready & Q(run_after__lte=now)),
    )
    moments = [moment for moment in (report.pop("first_queued"), report.pop("first_retry")) if moment]
    report["oldest_due_seconds"] = round((now - min(moments)).total_seconds()) if moments else 0
    return {"backend": settings.TASKS_BACKEND, **report}


def run_command(name, *args):
    """Run a management command inside a task; its output is the task's result (staff see it)."""
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=out)
    return out.getvalue()[-2000:]


def enqueue_due_jobs(now=None):
    """Queue every job that is due; returns their names."""
    now = now or timezone.now()
    queued = []
    for job in jobs().values():
        ScheduledJob.objects.get_or_create(name=job.name)
        with transaction.atomic():
            state = ScheduledJob.objects.select_for_update().get(name=job.name)
            if not job.is_due(state.last_enqueued_at, now):
                continue
            enqueue(job.task)
            state.last_enqueued_at = now
            state.save(update_fields=["last_enqueued_at"])
        queued.append(job.name)
    return queued


# --- the portal's periodic jobs (portal/scheduler.py) -----------------------------------------------


@periodic(every=datetime.timedelta(minutes=5))
@task()
def publish_scheduled_pages():
    """Wagtail's scheduled publication and expiry of pages."""
    return run_command("publish_scheduled")


@periodic(daily_at=datetime.time(4, 30))
@task()
def prune_task_results():
    """Forget finished tasks (and the record of sent e-mails) after TASK_RESULT_RETENTION_DAYS."""
    limit = timezone.now() - datetime.timedelta(days=settings.TASK_RESULT_RETENTION_DAYS)
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=limit).delete()
    emails, _ = SentEmail.objects.filter(sent_at__lt=limit).delete()
    return {"task_results": tasks, "sent_emails": emails}


register_label(publish_scheduled_pages, _("Scheduled publication of pages"))
register_label(prune_task_results, _("Clean-up of old task results"))
