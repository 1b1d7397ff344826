"""The queue's bookkeeping without a worker: what staff see in the admin and who may see it, the
retry policy, the scheduler's decisions, the clean-up and the health report."""

import datetime
import io
import uuid

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus

from portal.models import BackgroundTask, ScheduledJob, SentEmail
from portal.scheduler import Job
from portal.tasks import enqueue_due_jobs, prune_task_results, retry_delay
from tests.factories.intake import setup_roles, user_in_group
from tests.factories.tasks import task_row

pytestmark = pytest.mark.django_db

INDEX = "/admin/background_tasks/"
PASSWORD = "correct-horse-battery"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def roles(db):
    setup_roles()


@pytest.fixture
def failed_email(roles):
    return task_row(
        status="FAILED",
        attempts=8,
        error="ConnectionRefusedError: [Errno 111] Connection refused",
        kwargs={
            "key": str(uuid.uuid4()),
            "to": ["awa.secrete@example.org"],
            "subject": "Votre offre de partenariat BP-2026-00007 a bien été reçue",
            "body": "Bonjour Awa Exemple,",
            "reference": "BP-2026-00007",
            "kind": "acknowledgement",
        },
    )


def login(client, username, group=None, superuser=False):
    client.force_login(user_in_group(username, group, superuser=superuser))


ACCESS = {
    # who: (sees the list and the e-mails, may retry)
    "instructeur": ("Instructeurs", False, True, True),
    "moderateur": ("Modérateurs", False, False, False),
    "editeur": ("Éditeurs", False, False, False),
    "admin": (None, True, True, True),
}


@pytest.mark.parametrize("username", ACCESS)
def test_who_sees_the_tasks_and_their_personal_data(client, failed_email, username):
    group, superuser, sees, retries = ACCESS[username]
    login(client, username, group, superuser)
    listing = client.get(INDEX)
    detail = client.get(f"{INDEX}inspect/{failed_email.pk}/")
    if not sees:
        assert listing.status_code == 302 and detail.status_code == 302  # back to the dashboard
        assert "awa.secrete@example.org" not in client.get(INDEX, follow=True).content.decode()
        assert client.post(f"{INDEX}inspect/{failed_email.pk}/").status_code == 302
        failed_email.refresh_from_db()
        assert failed_email.status == TaskResultStatus.FAILED
        return
    html = listing.content.decode()
    assert "Courriel · accusé de réception" in html and "BP-2026-00007" in html
    assert "Échec" in html and "ConnectionRefusedError: [Errno 111] Connection refused" in html
    detail = detail.content.decode()
    assert "awa.secrete@example.org" in detail and "Bonjour Awa Exemple," in detail
    assert ("Réessayer maintenant" in detail) is retries


def test_anonymous_visitors_are_sent_to_the_login(client, failed_email):
    response = client.get(INDEX)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_seeing_without_retrying(client, failed_email):
    group = Group.objects.create(name="Lecture des tâches")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_backgroundtask")
    )
    login(client, "lecteur", group.name)
    detail = client.get(f"{INDEX}inspect/{failed_email.pk}/").content.decode()
    assert "BP-2026-00007" in detail and "Réessayer maintenant" not in detail
    response = client.post(f"{INDEX}inspect/{failed_email.pk}/", follow=True)
    assert "Désolé, vous n&#x27;avez pas les autorisations pour accéder à cette zone." in response.content.decode()
    failed_email.refresh_from_db()
    assert failed_email.status == TaskResultStatus.FAILED


def test_retry_puts_a_failed_task_back_in_the_queue(client, failed_email):
    login(client, "instructeur", "Instructeurs")
    response = client.post(f"{INDEX}inspect/{failed_email.pk}/", follow=True)
    assert "La tâche va être relancée dans un instant." in response.content.decode()
    failed_email.refresh_from_db()
    assert failed_email.status == TaskResultStatus.READY and failed_email.run_after <= timezone.now()
    # Queued again: no second retry.
    response = client.post(f"{INDEX}inspect/{failed_email.pk}/", follow=True)
    assert "Cette tâche ne peut pas être relancée maintenant" in response.content.decode()


def test_nobody_adds_edits_or_deletes_tasks(client, failed_email):
    login(client, "admin", superuser=True)
    html = client.get(INDEX).content.decode()
    assert f"{INDEX}new/" not in html and "/edit/" not in html
    # No such views: the language redirect finds nothing either.
    assert client.get(f"{INDEX}new/", follow=True).status_code == 404
    assert client.get(f"{INDEX}delete/{failed_email.pk}/", follow=True).status_code == 404


def test_filters_by_status_and_reference(client, failed_email):
    now = timezone.now()
    task_row(
        attempts=2,
        error="SMTPServerDisconnected: Connection unexpectedly closed",
        run_after=now + datetime.timedelta(minutes=10),
        kwargs={"reference": "BP-2026-00008", "kind": "notification", "to": ["a@example.org"]},
    )
    task_row(status="SUCCESSFUL", attempts=1, kwargs={"reference": "EX-2026-00001", "kind": "acknowledgement"})
    login(client, "instructeur", "Instructeurs")
    html = client.get(INDEX, {"status": "waiting"}).content.decode()
    assert "BP-2026-00008" in html and "Nouvel essai prévu" in html
    assert "BP-2026-00007" not in html and "EX-2026-00001" not in html
    html = client.get(INDEX, {"reference": "EX-2026-00001"}).content.decode()
    assert "EX-2026-00001" in html and "Terminée" in html and "BP-2026-00008" not in html
    assert client.get(INDEX, {"status": "nonsense"}).status_code == 200


def test_the_list_costs_a_bounded_number_of_queries(client, roles, django_assert_max_num_queries):
    for number in range(40):
        task_row(status="FAILED", attempts=8, error="OSError: down", kwargs={"reference": f"BP-2026-{number:05d}"})
    login(client, "instructeur", "Instructeurs")
    client.get(INDEX)
    with django_assert_max_num_queries(25):
        assert client.get(INDEX).status_code == 200


def test_retry_delay_doubles(settings):
    settings.TASK_RETRY_DELAY = 300
    assert [retry_delay(n).total_seconds() / 60 for n in range(1, 8)] == [5, 10, 20, 40, 80, 160, 320]


# --- the scheduler -------------------------------------------------------------------------------------
def test_a_daily_job_runs_once_a_day_after_its_time_in_paris_across_the_clock_change():
    job = Job("nightly", task=None, daily_at=datetime.time(3, 0))
    # 29 March 2026: the clocks go forward at 2:00 in Paris (UTC+1 → UTC+2).
    before = datetime.datetime(2026, 3, 29, 0, 59, tzinfo=datetime.UTC)  # 01:59 Paris (UTC+1)
    after = datetime.datetime(2026, 3, 29, 1, 1, tzinfo=datetime.UTC)  # 03:01 Paris (UTC+2)
    yesterday = datetime.datetime(2026, 3, 28, 2, 0, tzinfo=datetime.UTC)
    assert not job.is_due(yesterday, before)
    assert job.is_due(yesterday, after)
    assert not job.is_due(after, after + datetime.timedelta(hours=20))
    assert not job.is_due(after, after + datetime.timedelta(hours=23))  # 02:01 the next night
    assert job.is_due(after, after + datetime.timedelta(hours=24))


def test_scheduler_queues_each_job_once_per_period(settings, django_capture_on_commit_callbacks):
    settings.TASKS = DATABASE_QUEUE
    start = datetime.datetime(2026, 6, 1, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        first = enqueue_due_jobs()
        assert set(first) >= {"publish_scheduled_pages", "prune_task_results", "purge_intake_personal_data"}
        assert enqueue_due_jobs() == []  # a second scheduler at the same moment
    with time_machine.travel(start + datetime.timedelta(minutes=5), tick=False):
        # The jobs due every five minutes: scheduled publications, the searches counted in Redis,
        # the calls that opened or entered their last week (e-mail alerts).
        assert enqueue_due_jobs() == ["publish_scheduled_pages", "flush_search_counts", "scan_alert_events"]
    assert BackgroundTask.objects.filter(task_path="portal.tasks.publish_scheduled_pages").count() == 2
    assert BackgroundTask.objects.filter(task_path="forms.tasks.purge_intake_personal_data").count() == 1
    assert ScheduledJob.objects.get(name="publish_scheduled_pages").last_enqueued_at == start + datetime.timedelta(
        minutes=5
    )


def test_scheduler_command_once(django_capture_on_commit_callbacks):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--once", stdout=out)
    assert "Queued publish_scheduled_pages" in out.getvalue()
    assert "purge_intake_personal_data (03:00:00)" in out.getvalue()


# --- clean-up and health ---------------------------------------------------------------------------------
def test_old_finished_tasks_and_sent_records_are_pruned(settings):
    settings.TASK_RESULT_RETENTION_DAYS = 30
    old = timezone.now() - datetime.timedelta(days=31)
    old_done = task_row(status="SUCCESSFUL")
    old_failed = task_row(status="FAILED", error="OSError: down")
    BackgroundTask.objects.filter(pk__in=[old_done.pk, old_failed.pk]).update(finished_at=old)
    recent = task_row(status="SUCCESSFUL")
    waiting = task_row(status="READY", enqueued_at=old)
    SentEmail.objects.create(key=uuid.uuid4(), sent_at=old)
    kept = SentEmail.objects.create(key=uuid.uuid4())
    assert prune_task_results.call() == {"task_results": 2, "sent_emails": 1}
    assert set(BackgroundTask.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert list(SentEmail.objects.all()) == [kept]


def test_health_reports_a_late_queue_without_failing(client, settings):
    settings.TASKS = DATABASE_QUEUE
    settings.TASK_QUEUE_MAX_DELAY = 600
    task_row(status="READY", enqueued_at=timezone.now() - datetime.timedelta(minutes=15))
    task_row(status="FAILED", error="OSError: down")
    response = client.get("/health/")
    assert response.status_code == 200
    queue = response.json()["checks"]["queue"]
    assert queue["status"] == "late" and queue["due"] == 1 and queue["failed"] == 1
    assert 890 <= queue["oldest_due_seconds"] <= 960
