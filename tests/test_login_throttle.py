"""Login lock-out (django-axes): every login view of the project is covered, a user name is
locked per address (a stranger cannot lock a colleague out from elsewhere), behind the proxy each
client is counted apart, staff see and lift lock-outs in the Wagtail admin, and the lock-out
lives in the database (it holds while Redis is down)."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core.management import call_command

from portal.management.commands.setup_roles import Command as SetupRoles

pytestmark = pytest.mark.django_db

PASSWORD = "un-bon-mot-de-passe"

# Every login view the project exposes: the admin's and the private pages' in each language.
LOGIN_URLS = {
    "/admin/login/": "Trop de tentatives de connexion",
    "/fr/_util/login/": "Trop de tentatives de connexion",
    "/en/_util/login/": "Too many failed login attempts",
    "/es/_util/login/": "Demasiados intentos de conexión fallidos",
    "/ar/_util/login/": "محاولات تسجيل دخول فاشلة كثيرة جدًا",
}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editrice", password=PASSWORD, is_superuser=True)


def log_in(client, password, url="/admin/login/", username="editrice", **extra):
    extra.setdefault("REMOTE_ADDR", "10.0.0.1")
    return client.post(url, {"username": username, "password": password}, **extra)


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", list(LOGIN_URLS))
def test_wrong_passwords_through_every_login_url_lock_the_account(client, editor, url):
    assert client.get(url).status_code == 200
    for _ in range(4):
        response = log_in(client, "mauvais", url)
        assert response.status_code == 200 and not logged_in(client)
    # The fifth failure locks; from then on even the right password is refused.
    assert log_in(client, "mauvais", url).status_code == 429
    response = log_in(client, PASSWORD, url)
    assert response.status_code == 429
    assert LOGIN_URLS[url] in response.content.decode()
    assert response["Retry-After"] == "900"
    assert not logged_in(client)
    # The lock is the account's on every other login view too.
    for other in LOGIN_URLS:
        assert log_in(client, PASSWORD, other).status_code == 429, other
    assert not logged_in(client)


def test_the_private_page_login_no_longer_opens_the_admin_after_unlimited_guesses(client, editor):
    for _ in range(5):
        log_in(client, "mauvais", "/fr/_util/login/")
    response = log_in(client, PASSWORD, "/fr/_util/login/")
    assert response.status_code == 429 and not logged_in(client)
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_lockout_message_in_arabic_is_right_to_left(client, editor):
    for _ in range(5):
        log_in(client, "mauvais", "/ar/_util/login/")
    html = log_in(client, PASSWORD, "/ar/_util/login/").content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "15 دقيقة" in html


def test_a_stranger_cannot_lock_a_colleague_out_from_elsewhere(client, editor):
    for _ in range(10):
        log_in(client, "mauvais", REMOTE_ADDR="198.51.100.66")
    assert log_in(client, PASSWORD, REMOTE_ADDR="198.51.100.66").status_code == 429
    # The colleague, at her own desk, signs in.
    response = log_in(client, PASSWORD, REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 302 and logged_in(client)


def test_behind_the_proxy_two_clients_are_counted_apart(client, editor, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = {"REMOTE_ADDR": "127.0.0.1"}  # every request reaches the application from the proxy
    for attempt in range(5):
        # The attacker writes a new address on the left each time; the proxy appends the real one.
        forwarded = f"192.0.2.{attempt}, 203.0.113.5"
        log_in(client, "mauvais", HTTP_X_FORWARDED_FOR=forwarded, **proxy)
    assert log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.5", **proxy).status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.5"]
    # Another client behind the same proxy is not locked.
    response = log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    assert response.status_code == 302 and logged_in(client)


def test_without_the_setting_the_header_is_not_trusted(client, editor, settings):
    settings.CLIENT_IP_HEADER = ""
    for attempt in range(5):
        log_in(client, "mauvais", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
    assert log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429


def test_success_clears_the_count_and_the_lock_expires(client, editor):
    for _ in range(4):
        log_in(client, "mauvais")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):  # the count started again from zero
        log_in(client, "mauvais")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(5):
        log_in(client, "mauvais")
    assert log_in(client, PASSWORD).status_code == 429
    with time_machine.travel(datetime.timedelta(minutes=16)):
        assert log_in(client, PASSWORD).status_code == 302


def test_the_unlock_command_lifts_a_lockout(client, editor):
    for _ in range(5):
        log_in(client, "mauvais")
    assert log_in(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "editrice")
    assert log_in(client, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "group, can_see",
    [("Éditeurs", False), ("Instructeurs", False), ("Modérateurs", True), (None, True)],
    ids=["editor", "reviewer", "moderator", "superuser"],
)
def test_staff_see_and_lift_lockouts_in_the_wagtail_admin(client, editor, django_user_model, group, can_see):
    SetupRoles().handle()
    for _ in range(5):
        log_in(client, "mauvais", "/fr/_util/login/", REMOTE_ADDR="198.51.100.23")
    staff = django_user_model.objects.create_user("personnel", password=PASSWORD, is_superuser=group is None)
    if group:
        staff.groups.add(django_user_model.groups.rel.model.objects.get(name=group))
    client.force_login(staff)
    response = client.get("/admin/login_lockouts/")
    if not can_see:
        assert response.status_code in (302, 403)
        assert "198.51.100.23" not in response.content.decode()
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert "Blocages de connexion" in html
    assert "editrice" in html and "198.51.100.23" in html and "/fr/_util/login/" in html
    assert "/admin/login_lockouts/new/" not in html  # nobody adds a record by hand
    assert client.get("/admin/login_lockouts/new/").status_code in (302, 403)
    attempt = AccessAttempt.objects.get()
    assert client.get(f"/admin/login_lockouts/edit/{attempt.pk}/").status_code in (302, 403)
    # Deleting the record lifts the lock-out.
    response = client.post(f"/admin/login_lockouts/delete/{attempt.pk}/")
    assert response.status_code == 302
    client.logout()
    assert log_in(client, PASSWORD, "/fr/_util/login/", REMOTE_ADDR="198.51.100.23").status_code == 302
