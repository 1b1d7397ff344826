"""Time the daily digest for many subscribers (``scripts/benchmark.py --digest`` runs it).

Creates ``--subscribers`` generated subscribers (``alerts/volume.py``) unless they are there,
``--events`` events from the newest live calls and news, then times each step of a daily run —
matching, grouping, rendering and handing every e-mail to a mail backend that sends nothing —
and counts its SQL queries. Removes its events, deliveries and e-mails afterwards. The sending tasks the group step
queues are deleted too: the command sends itself, in one process.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django_tasks_db.models import DBTaskResult

from alerts import dispatch, volume
from alerts.models import AlertEmail, Event, Subscription, Topic
from calls.models import CallPage
from news.models import NewsPage

RUN = "daily:benchmark"


class Command(BaseCommand):
    help = "Time a daily alert digest for generated subscribers (no e-mail leaves)."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=20000)
        parser.add_argument("--events", type=int, default=30)

    def handle(self, *args, subscribers, events, **options):
        if settings.PRODUCTION:
            raise CommandError("benchmark_alert_digest adds invented subscribers: refused in production mode.")
        existing = Subscription.objects.filter(email__endswith=f"@{volume.DOMAIN}").count()
        if existing != subscribers:
            started = time.monotonic()
            volume.generate(subscribers)
            self.stdout.write(f"{subscribers} subscribers generated in {time.monotonic() - started:.1f} s")
        Subscription.objects.filter(email__endswith=f"@{volume.DOMAIN}").update(frequency="daily")
        AlertEmail.objects.filter(run=RUN).delete()
        created = self.make_events(events)
        steps = []
        try:
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
                steps.append(self.step("match", lambda: sum(dispatch.match_event(event.pk) for event in created)))
                steps.append(self.step("group", lambda: dispatch.group("daily", run=RUN) and 0))
                steps.append(self.step("render and send", lambda: dispatch.send_run(RUN)))
            emails = AlertEmail.objects.filter(run=RUN).count()
        finally:
            AlertEmail.objects.filter(run=RUN).delete()
            Event.objects.filter(pk__in=[event.pk for event in created]).delete()
            DBTaskResult.objects.filter(args_kwargs__kwargs__run=RUN).delete()
        self.stdout.write(f"Daily digest: {subscribers:,} subscribers, {len(created)} events, {emails:,} e-mails")
        self.stdout.write("| step | seconds | queries | rows |")
        self.stdout.write("|---|---:|---:|---:|")
        for name, seconds, queries, rows in steps:
            self.stdout.write(f"| {name} | {seconds:.1f} | {queries} | {rows:,} |")

    def step(self, name, work):
        started = time.monotonic()
        with CaptureQueriesContext(connection) as queries:
            rows = work()
        return name, time.monotonic() - started, len(queries), rows or 0

    def make_events(self, count):
        created = []
        sources = [(Topic.CALL_OPENED, call) for call in CallPage.objects.live().order_by("-pk")[: count // 2]]
        sources += [(Topic.NEWS, news) for news in NewsPage.objects.live().order_by("-pk")[: count - len(sources)]]
        for kind, page in sources:
            if Event.objects.filter(kind=kind, source=str(page.translation_key)).exists():
                continue
            event = Event.objects.create(kind=kind, source=str(page.translation_key), title=page.title)
            event.themes.set(page.themes.all())
            event.countries.set(page.countries.all())
            created.append(event)
        return created
