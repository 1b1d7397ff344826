"""Queue the periodic jobs when they are due (see ``portal/scheduler.py``).

Run it beside the task worker: ``make run`` does, production runs it as a service. ``--once``
makes a single pass, for a cron line every minute instead of a long-running process.
"""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from portal.scheduler import jobs
from portal.tasks import enqueue_due_jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Queue the periodic jobs (publish_scheduled, purges, clean-up) when they are due."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Queue what is due now, then exit.")
        parser.add_argument(
            "--interval", type=float, default=30, help="Seconds between two looks at the jobs (default: 30)."
        )

    def handle(self, *args, once=False, interval=30, **options):
        names = ", ".join(f"{name} ({job.every or job.daily_at})" for name, job in sorted(jobs().items()))
        self.stdout.write(f"Periodic jobs: {names}")
        self.running, self.busy = True, False
        if not once:
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
        while self.running:
            if not once:
                close_old_connections()  # a long-running process: drop broken or expired connections
            self.busy = True
            try:
                for name in enqueue_due_jobs():
                    self.stdout.write(f"Queued {name}")
            except Exception:
                if once:
                    raise
                # The database may be restarting: keep the scheduler alive, try again later.
                logger.exception("Could not queue the periodic jobs")
            finally:
                self.busy = False
            if once:
                break
            time.sleep(interval)

    def stop(self, signum, frame):
        """Stop at once while waiting; finish the current pass first."""
        self.running = False
        if not self.busy:
            raise SystemExit(0)
