"""The task queue for real: the database backend, worker and scheduler processes started as
production starts them, a real SMTP server (aiosmtpd) on a loopback port, no mocks.

These tests commit (the worker is another process): they need PostgreSQL, and skip without it.
"""

import datetime
import email
import email.policy
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus

from forms.models import PartnershipOffer
from portal.mail import queue_email
from portal.models import BackgroundTask, SentEmail
from tests.factories import ContentPageFactory, build_site
from tests.factories.intake import build_intake_site, setup_roles, user_in_group
from tests.smtp import free_port, smtp_server
from tests.test_intake_forms import offer_data, post

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("requires_postgresql")]

ROOT = Path(__file__).resolve().parent.parent
EMAIL_TASK = "portal.mail.send_email"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def wait_until(condition, timeout=60, what="the condition"):
    """Poll ``condition`` (bounded in time) while the worker works."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Processes:
    """The portal's own commands in other processes, against the test database."""

    def __init__(self, smtp_port, **env):
        database = connection.settings_dict
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
            "DATABASE_CONN_MAX_AGE": "0",
            "TASKS_BACKEND": "database",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_USE_TLS": "false",
            "EMAIL_TIMEOUT": "5",
            "TASK_RETRY_DELAY": "1",
            "LOG_LEVEL": "WARNING",
            **env,
        }
        self.running = []

    def command(self, *args):
        return [sys.executable, str(ROOT / "manage.py"), *args]

    def start_worker(self):
        process = subprocess.Popen(  # noqa: S603 - our own manage.py
            self.command("db_worker", "--interval=0.2", "--no-startup-delay", "--no-reload", "--queue-name=*"),
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.running.append(process)
        return process

    def run(self, *args):
        """Run a command to its end (e.g. the worker with --batch); fail with its output."""
        result = subprocess.run(  # noqa: S603 - our own manage.py
            self.command(*args), env=self.env, cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def stop(self):
        for process in self.running:
            process.send_signal(signal.SIGTERM)
        for process in self.running:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.running = []


@pytest.fixture
def database_queue(settings):
    """This process queues into the database, as production does."""
    settings.TASKS = DATABASE_QUEUE
    settings.TASKS_BACKEND = "database"


@pytest.fixture
def processes():
    started = []

    def start(smtp_port, **env):
        started.append(Processes(smtp_port, **env))
        return started[-1]

    yield start
    for group in started:
        group.stop()


def email_tasks():
    return BackgroundTask.objects.filter(task_path=EMAIL_TASK)


def test_mail_server_down_then_back_every_email_sent_once(client, processes, settings):
    """The issue's test: SMTP port closed → the submission is stored and nothing is lost; the
    mail server comes back → each e-mail is sent after it returns, exactly once."""
    intake = build_intake_site()
    setup_roles()
    user_in_group("instructrice", "Instructeurs")
    settings.TASKS = DATABASE_QUEUE
    port = free_port()  # nothing listens there yet: the mail server is down

    response = post(client, intake["offer_form"], offer_data())
    assert response.status_code == 302
    offer = PartnershipOffer.objects.get()
    # Queued in the submission's transaction: both e-mails exist as tasks, about this record.
    assert sorted(email_tasks().values_list("args_kwargs__kwargs__kind", flat=True)) == [
        "acknowledgement",
        "notification",
    ]
    assert set(email_tasks().values_list("args_kwargs__kwargs__reference", flat=True)) == {offer.reference}

    workers = processes(port)
    workers.start_worker()
    wait_until(
        lambda: all(task.attempts >= 1 and task.next_try for task in email_tasks()),
        what="a first failed try of each e-mail",
    )
    task = email_tasks().first()
    assert task.status == TaskResultStatus.READY  # waiting for its next try, not failed
    assert "ConnectionRefusedError" in task.last_error
    assert not SentEmail.objects.exists()

    with smtp_server(port) as inbox:
        wait_until(
            lambda: email_tasks().filter(status=TaskResultStatus.SUCCESSFUL).count() == 2,
            what="both e-mails sent once the mail server is back",
        )
        time.sleep(1.5)  # long enough for a duplicate try to show
        assert inbox.recipients == [("awa@example.org",), ("instructrice@example.org",)]
        assert SentEmail.objects.filter(reference=offer.reference).count() == 2

        # The same task run again (a duplicate worker, a staff retry after a crash) sends nothing.
        acknowledgement = email_tasks().get(args_kwargs__kwargs__kind="acknowledgement")
        BackgroundTask.objects.filter(pk=acknowledgement.pk).update(
            status=TaskResultStatus.READY, run_after=timezone.now()
        )
        wait_until(
            lambda: BackgroundTask.objects.get(pk=acknowledgement.pk).status == TaskResultStatus.SUCCESSFUL,
            what="the second run of the acknowledgement",
        )
        assert BackgroundTask.objects.get(pk=acknowledgement.pk).return_value == {
            "sent": False,
            "reason": "already sent",
        }
        time.sleep(0.5)
        assert len(inbox.envelopes) == 2

    acknowledgement = next(envelope for envelope in inbox.envelopes if envelope.rcpt_tos == ["awa@example.org"])
    message = email.message_from_bytes(acknowledgement.content, policy=email.policy.default)
    assert message["Subject"].strip() == f"Votre offre de partenariat {offer.reference} a bien été reçue"


def test_retries_are_bounded_then_staff_see_the_failure_and_retry(client, processes, database_queue):
    setup_roles()
    user_in_group("instructrice", "Instructeurs")
    port = free_port()
    with transaction.atomic():
        queue_email(
            to=["awa@example.org"],
            subject="Votre offre BP-2026-00042 a bien été reçue",
            body="Bonjour,\n",
            reference="BP-2026-00042",
            kind="acknowledgement",
        )
    task = email_tasks().get()

    workers = processes(port, TASK_MAX_ATTEMPTS="2")
    workers.start_worker()
    wait_until(
        lambda: BackgroundTask.objects.get(pk=task.pk).status == TaskResultStatus.FAILED,
        what="the e-mail given up after two tries",
    )
    task.refresh_from_db()
    assert task.attempts == 2

    client.force_login(get_user_model().objects.get(username="instructrice"))
    listing = client.get("/admin/background_tasks/?status=failed").content.decode()
    assert "BP-2026-00042" in listing and "Échec" in listing
    assert "ConnectionRefusedError" in listing

    with smtp_server(port) as inbox:
        response = client.post(f"/admin/background_tasks/inspect/{task.pk}/")
        assert response.status_code == 302
        wait_until(
            lambda: BackgroundTask.objects.get(pk=task.pk).status == TaskResultStatus.SUCCESSFUL,
            what="the retried e-mail sent",
        )
        assert inbox.recipients == [("awa@example.org",)]
    page = client.get(f"/admin/background_tasks/inspect/{task.pk}/").content.decode()
    assert "Terminée" in page and "Réessayer maintenant" not in page


def test_two_workers_never_send_the_same_email_twice(processes, database_queue):
    """Each message queued twice (same key) and two workers at once: one copy of each arrives."""
    port = free_port()
    with transaction.atomic():
        for number in range(8):
            result = queue_email(
                to=[f"person{number}@example.org"], subject=f"Message {number}", body="Bonjour,\n", kind="test"
            )
            duplicate = BackgroundTask.objects.get(pk=result.id)
            duplicate.id = uuid.uuid4()
            duplicate.save(force_insert=True)
    assert email_tasks().count() == 16

    with smtp_server(port) as inbox:
        workers = processes(port)
        workers.start_worker()
        workers.start_worker()
        wait_until(
            lambda: email_tasks().filter(status=TaskResultStatus.SUCCESSFUL).count() == 16,
            what="every task run",
        )
        time.sleep(0.5)
        assert inbox.recipients == [(f"person{number}@example.org",) for number in range(8)]
    assert SentEmail.objects.count() == 8
    results = list(email_tasks().values_list("return_value", flat=True))
    assert results.count({"sent": False, "reason": "already sent"}) == 8


def test_scheduler_and_worker_publish_a_scheduled_page_and_update_the_search_index(client, processes, settings):
    site = build_site()
    settings.TASKS = DATABASE_QUEUE
    go_live = timezone.now() + datetime.timedelta(seconds=2)
    page = ContentPageFactory.build(title="Rencontres de l’action internationale", slug="rencontres")
    page.go_live_at = go_live
    site["homes"]["fr"].add_child(instance=page)
    page.save_revision().publish()  # scheduled, not live yet
    page.refresh_from_db()
    assert not page.live
    time.sleep(max(0, (go_live - timezone.now()).total_seconds()) + 0.5)

    commands = processes(free_port())
    output = commands.run("run_scheduler", "--once")
    assert "Queued publish_scheduled_pages" in output
    # A second scheduler (another server) at the same moment queues nothing more.
    assert "Queued" not in commands.run("run_scheduler", "--once")
    commands.run("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name=*")

    page.refresh_from_db()
    assert page.live
    publish = BackgroundTask.objects.get(task_path="portal.tasks.publish_scheduled_pages")
    assert publish.status == TaskResultStatus.SUCCESSFUL
    # Wagtail's own index update went through the same queue, run by the same worker.
    index_updates = BackgroundTask.objects.filter(task_path="modelsearch.tasks.insert_or_update_object_task")
    assert index_updates.exists()
    assert set(index_updates.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
    html = client.get("/fr/recherche/?q=rencontres").content.decode()
    assert '<a href="/fr/rencontres/"><mark>Rencontres</mark> de l’action internationale</a>' in html
