"""E-mail alerts (issue 20): subscribing with double opt-in, events, matching and idempotent
sending, one-click unsubscribe, SMTP failures, bounded queries, personal data."""

import datetime
import json
import re
import smtplib

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.utils import timezone

from alerts import dispatch, events
from alerts.models import AlertEmail, Delivery, Event, Subscription, Topic
from alerts.tasks import purge
from portal.tasks import RetryLater
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.calls import CallIndexPageFactory, CallPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def taxonomy(site_tree):
    return {
        "water": ThemeFactory(slug="eau", name="Eau et assainissement"),
        "youth": ThemeFactory(slug="jeunesse", name="Jeunesse"),
        "mexico": CountryFactory(iso_code="MX", name="Mexique", name_es="México"),
        "senegal": CountryFactory(iso_code="SN", name="Sénégal"),
    }


def make_subscription(email, *, language="fr", frequency="immediate", themes=(), countries=(), **topics):
    topics = topics or {"wants_calls_opening": True}
    subscription = Subscription.objects.create(
        email=email,
        language=language,
        frequency=frequency,
        status=Subscription.Status.ACTIVE,
        confirmed_at=timezone.now(),
        all_themes=not themes,
        all_countries=not countries,
        **topics,
    )
    subscription.themes.set(themes)
    subscription.countries.set(countries)
    return subscription


def subscribe_post(client, language="es", **overrides):
    data = {
        "email": "lucia@example.org",
        "topics": ["call_opened"],
        "themes": ["eau"],
        "countries": ["MX"],
        "frequency": "immediate",
        "language": language,
        "captcha_0": "test-key",
        "captcha_1": "PASSED",
        "website": "",
    }
    data.update(overrides)
    prefix = {"es": "/es/alertas/", "fr": "/fr/alertes/", "en": "/en/alerts/"}[language]
    return client.post(prefix, data)


def link_in(text, pattern):
    return re.search(pattern + r"\S*", text).group(0)


def open_call(taxonomy, title="Appel Eau Mexique", **kwargs):
    """A call on water in Mexico, published once with its themes and countries (as an editor does)."""
    index = CallIndexPageFactory()
    call = CallPageFactory(parent=index, title=title, live=False, **kwargs)
    call.themes.set([taxonomy["water"]])
    call.countries.set([taxonomy["mexico"]])
    call.save_revision().publish()
    return call


def deliver_all():
    """What the worker does: match every event, group and send the immediate alerts."""
    for event in Event.objects.filter(matched_at=None):
        dispatch.match_event(event.pk)
    run = dispatch.group(Subscription.Frequency.IMMEDIATE)
    return dispatch.send_run(run)


# --- subscribing ---------------------------------------------------------------------------------


def test_subscribe_in_spanish_sends_only_a_confirmation_then_activates(
    client, taxonomy, django_capture_on_commit_callbacks
):
    page = client.get("/es/alertas/")
    assert page.status_code == 200
    assert "Alertas por correo electrónico" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe_post(client)
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.language == "es"
    assert [t.slug for t in subscription.themes.all()] == ["eau"]
    assert [c.iso_code for c in subscription.countries.all()] == ["MX"]
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["lucia@example.org"]
    assert "Confirme" in confirmation.subject
    url = link_in(confirmation.body, r"http://testserver/es/alertas/confirmar/")

    # Nothing is sent to a pending address.
    with django_capture_on_commit_callbacks(execute=True):
        open_call(taxonomy)
    deliver_all()
    assert len(mail.outbox) == 1

    path = url.replace("http://testserver", "")
    assert client.get(path).status_code == 200
    assert Subscription.objects.get().status == Subscription.Status.PENDING  # a GET confirms nothing
    response = client.post(path)
    assert response.status_code == 302
    assert Subscription.objects.get().status == Subscription.Status.ACTIVE


def test_forged_or_expired_confirmation_link_is_a_translated_400(client, taxonomy):
    response = client.get("/fr/alertes/confirmer/nimportequoi/")
    assert response.status_code == 400
    assert "Ce lien ne fonctionne pas" in response.content.decode()


def test_form_errors_are_summarised_and_translated(client, taxonomy):
    response = subscribe_post(client, language="fr", email="pas-une-adresse", topics=[])
    assert response.status_code == 400
    html = response.content.decode()
    assert "Le formulaire contient des erreurs" in html
    assert 'href="#id_email"' in html
    assert not Subscription.objects.exists()


def test_an_active_address_is_not_changed_by_a_new_subscription(client, taxonomy, django_capture_on_commit_callbacks):
    make_subscription("lucia@example.org", language="es", frequency="daily")
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe_post(client, frequency="weekly")
    assert response.status_code == 302
    assert Subscription.objects.get().frequency == "daily"
    assert len(mail.outbox) == 1 and "Su" in mail.outbox[0].subject  # "Sus alertas de …"


def test_subscriptions_are_rate_limited_per_address(client, taxonomy, settings):
    settings.INTAKE_RATE_LIMIT = 2
    for number in range(2):
        assert subscribe_post(client, email=f"p{number}@example.org").status_code == 302
    response = subscribe_post(client, email="p3@example.org")
    assert response.status_code == 429
    assert Subscription.objects.count() == 2


def test_honeypot_refuses_robots(client, taxonomy):
    response = subscribe_post(client, language="fr", website="http://spam.example")
    assert response.status_code == 400
    assert not Subscription.objects.exists()


# --- events and sending ----------------------------------------------------------------------------


def test_matching_call_sends_one_spanish_email_with_one_click_unsubscribe(taxonomy, django_capture_on_commit_callbacks):
    lucia = make_subscription(
        "lucia@example.org", language="es", themes=[taxonomy["water"]], countries=[taxonomy["mexico"]]
    )
    make_subscription("youth@example.org", themes=[taxonomy["youth"]])
    make_subscription("senegal@example.org", countries=[taxonomy["senegal"]])
    make_subscription("news-only@example.org", wants_news=True)
    with django_capture_on_commit_callbacks(execute=True):
        call = open_call(taxonomy)
    assert Event.objects.filter(kind=Topic.CALL_OPENED, source=str(call.translation_key)).count() == 1
    assert [m.to for m in mail.outbox] == [["lucia@example.org"]]
    message = mail.outbox[0]
    assert message.subject.endswith("Appel Eau Mexique")
    assert "Apertura de convocatorias" in message.body  # the Spanish label of the topic
    html = message.alternatives[0][0]
    assert 'lang="es"' in html and 'lang="fr"' in html  # the French title is marked as such
    unsubscribe = f"http://testserver/es/alertas/baja/{lucia.token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    assert f"/es/alertas/gestionar/{lucia.token}/" in message.body

    # RFC 8058: the mail client posts without cookie nor CSRF token.
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(unsubscribe.replace("http://testserver", ""), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    lucia.refresh_from_db()
    assert lucia.status == Subscription.Status.UNSUBSCRIBED


def test_same_event_twice_and_jobs_run_twice_send_once(taxonomy):
    make_subscription("a@example.org")
    call = open_call(taxonomy)  # no on-commit callbacks: the worker steps are run by hand
    assert events.record_event(Topic.CALL_OPENED, call.translation_key, call.title) is None  # known already
    event = Event.objects.get(kind=Topic.CALL_OPENED)
    assert dispatch.match_event(event.pk) == 1
    assert dispatch.match_event(event.pk) == 0
    run = dispatch.group("immediate")
    assert dispatch.group("immediate", run=run) == run
    assert AlertEmail.objects.count() == 1
    assert dispatch.send_run(run) == 1
    assert dispatch.send_run(run) == 0
    assert len(mail.outbox) == 1


def test_worker_dying_after_claiming_never_sends_twice(taxonomy, settings):
    make_subscription("a@example.org")
    open_call(taxonomy)
    dispatch.match_event(Event.objects.get().pk)
    run = dispatch.group("immediate")
    # The worker claims the batch, then dies before sending anything.
    claimed = dispatch.claim(run, 0, 1, timezone.now())
    assert len(claimed) == 1
    assert dispatch.send_run(run) == 0  # another worker: nothing pending
    later = timezone.now() + datetime.timedelta(seconds=settings.TASK_STALE_AFTER + 1)
    assert dispatch.abandon_stale(later) == 1
    assert dispatch.send_run(run) == 0
    assert mail.outbox == []


def test_worker_dying_between_matching_and_sending_sends_once_later(taxonomy):
    make_subscription("a@example.org", frequency="daily")
    open_call(taxonomy)
    dispatch.match_event(Event.objects.get().pk)
    assert Delivery.objects.filter(email=None).count() == 1  # written before any sending
    run = dispatch.group("daily")
    # Crash here: the e-mail is pending; the next run sends it once.
    assert dispatch.group("daily") == run
    assert dispatch.send_run(run) == 1
    assert len(mail.outbox) == 1
    assert "resumen diario" not in mail.outbox[0].subject  # French subscriber
    assert "Votre résumé quotidien" in mail.outbox[0].subject


def test_smtp_outage_delays_without_loss_or_duplicate(taxonomy, monkeypatch):
    for number in range(3):
        make_subscription(f"s{number}@example.org")
    open_call(taxonomy)
    dispatch.match_event(Event.objects.get().pk)
    run = dispatch.group("immediate")
    original = EmailBackend.send_messages
    calls = {"count": 0}

    def flaky(self, messages):
        calls["count"] += 1
        if calls["count"] == 2:
            raise smtplib.SMTPServerDisconnected("down")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky)
    with pytest.raises(RetryLater):
        dispatch.send_run(run)
    assert len(mail.outbox) == 1
    assert AlertEmail.objects.filter(status="pending").count() == 2
    assert dispatch.send_run(run) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["s0@example.org", "s1@example.org", "s2@example.org"]


def test_hard_failures_disable_the_address(taxonomy, monkeypatch, settings):
    settings.ALERTS_MAX_FAILURES = 2
    subscription = make_subscription("gone@example.org", wants_news=True)

    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"gone@example.org": (550, b"no such user")})

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    index = NewsIndexPageFactory()
    for number in range(3):
        NewsPageFactory(parent=index, title=f"Actualité {number}")
        deliver_all()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.DISABLED
    assert subscription.failures == 2
    assert AlertEmail.objects.filter(status="failed").count() == 2


def test_scan_finds_calls_that_opened_since_last_run_once(taxonomy):
    make_subscription("a@example.org", wants_calls_opening=True, wants_calls_closing=True)
    call = open_call(taxonomy, upcoming=True)
    assert not Event.objects.exists()
    opening = call.opens_at
    events.scan(opening - datetime.timedelta(hours=1))
    assert events.scan(opening + datetime.timedelta(minutes=5)) == 1
    assert events.scan(opening + datetime.timedelta(minutes=10)) == 0
    closing_soon = call.closing_at - datetime.timedelta(days=7) + datetime.timedelta(minutes=1)
    events.scan(closing_soon - datetime.timedelta(minutes=5))
    assert events.scan(closing_soon) == 1
    assert sorted(Event.objects.values_list("kind", flat=True)) == ["call_closing", "call_opened"]


def test_offer_published_is_an_event(taxonomy):
    from tests.factories.intake import OfferFactory

    offer = OfferFactory(country=taxonomy["mexico"], themes=[taxonomy["water"]])
    offer.change_status("published")
    event = Event.objects.get(kind=Topic.OFFER)
    assert event.source == offer.reference
    assert list(event.countries.all()) == [taxonomy["mexico"]]


# --- scale -----------------------------------------------------------------------------------------


def bulk_subscribers(count, taxonomy):
    Subscription.objects.bulk_create(
        Subscription(
            email=f"bulk{n}@example.org",
            language=["fr", "en", "es", "ar"][n % 4],
            frequency="daily",
            status="active",
            wants_calls_opening=True,
            wants_news=n % 2 == 0,
        )
        for n in range(count)
    )


@pytest.mark.parametrize("count", [10, 200])
def test_daily_digest_run_takes_bounded_queries(taxonomy, count, django_assert_max_num_queries):
    bulk_subscribers(count, taxonomy)
    open_call(taxonomy)
    index = NewsIndexPageFactory()
    NewsPageFactory(parent=index, title="Actualité")
    # A fixed number per event (lock, themes, countries, one INSERT … SELECT, mark), none per subscriber.
    with django_assert_max_num_queries(16):
        for event in Event.objects.filter(matched_at=None):
            dispatch.match_event(event.pk)
    with django_assert_max_num_queries(8):
        run = dispatch.group("daily")
    assert AlertEmail.objects.filter(run=run).count() == count
    # Sending: a fixed number of queries per batch of SEND_BATCH e-mails, none per subscriber.
    batches = -(-count // dispatch.SEND_BATCH)
    with django_assert_max_num_queries(13 * batches + 5):
        assert dispatch.send_run(run) == count
    assert len(mail.outbox) == count


# --- personal data ---------------------------------------------------------------------------------


def test_manage_page_changes_preferences_and_exports_data(client, taxonomy):
    subscription = make_subscription("lucia@example.org", language="es")
    response = client.get(f"/es/alertas/gestionar/{subscription.token}/")
    assert response.status_code == 200
    assert "lucia@example.org" in response.content.decode()
    response = client.post(
        f"/es/alertas/gestionar/{subscription.token}/",
        {"topics": ["news", "offer"], "themes": ["eau"], "countries": [], "frequency": "weekly", "language": "en"},
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.topics() == [Topic.NEWS, Topic.OFFER]
    assert subscription.frequency == "weekly" and subscription.language == "en"
    assert not subscription.all_themes and subscription.all_countries
    data = client.get(f"/es/alertas/gestionar/{subscription.token}/datos/")
    assert data["Content-Disposition"].startswith("attachment")
    assert json.loads(data.content)["email"] == "lucia@example.org"
    assert client.get("/es/alertas/gestionar/wrong-token/").status_code == 404


def test_unsubscribed_addresses_are_purged_after_the_grace_period(taxonomy, settings):
    settings.ALERTS_PURGE_DAYS = 7
    kept = make_subscription("kept@example.org")
    recent = make_subscription("recent@example.org")
    recent.unsubscribe()
    old = make_subscription("old@example.org")
    old.unsubscribe(timezone.now() - datetime.timedelta(days=8))
    assert purge() == 1
    assert sorted(Subscription.objects.values_list("email", flat=True)) == [kept.email, recent.email]


@pytest.mark.parametrize(
    "permissions, expected",
    [
        ((), 302),
        (("wagtailadmin.access_admin",), 302),
        (("wagtailadmin.access_admin", "alerts.view_subscription"), 302),
    ],
)
def test_admin_list_of_addresses_needs_the_permission(client, taxonomy, django_user_model, permissions, expected):
    user = django_user_model.objects.create_user("staff", "staff@example.org", "pw")
    for label in permissions:
        app_label, codename = label.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    client.force_login(user)
    response = client.get("/admin/alert_subscriptions/")
    assert response.status_code == expected


def test_admin_list_of_addresses_for_staff_with_the_permission(client, taxonomy, django_user_model):
    make_subscription("lucia@example.org")
    group = Group.objects.create(name="Staff alerts")
    for codename in ("access_admin", "view_subscription", "view_subscriber_addresses"):
        group.permissions.add(Permission.objects.get(codename=codename))
    user = django_user_model.objects.create_user("staff", "staff@example.org", "pw")
    user.groups.add(group)
    client.force_login(user)
    response = client.get("/admin/alert_subscriptions/")
    assert response.status_code == 200
    assert "lucia@example.org" in response.content.decode()


def test_space_subscription_is_active_at_once_for_a_verified_address(client, taxonomy, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("maire", "maire@example.org", "pw")
    EmailAddress.objects.create(user=user, email="maire@example.org", verified=True, primary=True)
    client.force_login(user)
    home = client.get("/fr/espace/")
    assert "Alertes par courriel" in home.content.decode()
    response = client.post(
        "/fr/alertes/espace/",
        {"email": "other@example.org", "topics": ["news"], "frequency": "daily", "language": "fr"},
    )
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.email == "maire@example.org"
    assert subscription.status == Subscription.Status.ACTIVE and subscription.user == user
    assert mail.outbox == []
    data = json.loads(client.get("/fr/espace/mes-donnees/").content)
    assert data["alerts"]["email"] == "maire@example.org"
