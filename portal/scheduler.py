"""Periodic jobs: queued by ``manage.py run_scheduler``, run by the task worker.

django-tasks has no scheduler. Rather than one cron line per job, one small process (run beside
the worker, by ``make run`` and by a systemd unit in production) queues each job when it is due;
the worker then runs it like any task, so a periodic job is retried and its failures are shown to
staff like the others, and `make run` publishes scheduled pages as production does. A cron line
running ``manage.py run_scheduler --once`` every minute does the same where a long-running
process is not wanted.

An app declares its jobs on its tasks (in its ``tasks.py``, found by the scheduler)::

    @periodic(every=datetime.timedelta(minutes=5))
    @task()
    def publish_scheduled_pages(): ...

    @periodic(daily_at=datetime.time(3, 0))     # Europe/Paris
    @task()
    def purge_intake_personal_data(): ...

Each job has a ``ScheduledJob`` row, locked while the scheduler decides: with several schedulers
(several servers), a job is still queued once per period.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Job:
    name: str
    task: object
    every: datetime.timedelta | None = None
    daily_at: datetime.time | None = None

    def is_due(self, last_run, now):
        """``every``: when that long has passed since the last run. ``daily_at``: once a day,
        the first time the scheduler looks after that time of day (Paris time)."""
        if self.every is not None:
            return last_run is None or now - last_run >= self.every
        local = timezone.localtime(now)
        today_at = local.replace(hour=self.daily_at.hour, minute=self.daily_at.minute, second=0, microsecond=0)
        return local >= today_at and (last_run is None or last_run < today_at)


JOBS = {}


def periodic(*, every=None, daily_at=None, name=None):
    """Have the scheduler queue the decorated task every ``every`` (a timedelta) or each day at
    ``daily_at`` (a time, Europe/Paris)."""
    if (every is None) == (daily_at is None):
        raise ValueError("give either every or daily_at")

    def decorator(task):
        job_name = name or task.name
        JOBS[job_name] = Job(job_name, task, every, daily_at)
        return task

    return decorator


def jobs():
    autodiscover_modules("tasks")  # PortalConfig.ready did it already in a running portal
    return dict(JOBS)
