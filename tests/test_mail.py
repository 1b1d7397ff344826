"""portal.mail: what a queued e-mail carries, who it goes to, and how the mail server's answers
are handled (a real SMTP server on a loopback port, aiosmtpd)."""

import smtplib

import pytest
from django.core import mail
from django.db import transaction

from portal.mail import queue_email, send_email
from portal.models import SentEmail
from portal.tasks import RetryLater
from tests.smtp import Inbox, free_port, smtp_server

pytestmark = pytest.mark.django_db

ONE_ADDRESS_MANY_MAILBOXES = '"x,victim1@evil.example,victim2@evil.example,"@example.org'


@pytest.mark.parametrize(
    "to",
    [
        "awa@example.org",  # a string, not a list
        "awa@example.org, victim@evil.example",
        [ONE_ADDRESS_MANY_MAILBOXES],
        ["awa@example.org, victim@evil.example"],
        ["Awa <awa@example.org>"],
        [],
    ],
)
def test_recipients_are_a_list_of_plain_addresses(to, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValueError):
        queue_email(to=to, subject="Objet", body="Texte")
    assert not mail.outbox


def test_subject_and_headers_are_one_line(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValueError):
            queue_email(to=["awa@example.org"], subject="Objet\nBcc: victim@evil.example", body="Texte")
        with pytest.raises(ValueError):
            queue_email(to=["awa@example.org"], subject="Objet", body="Texte", headers={"X-Test": "a\r\nBcc: b"})
    assert not mail.outbox


def test_a_queued_email_is_sent_after_the_commit_with_all_it_carries(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(
            to=["awa@example.org", "jean@example.org"],
            subject="Nouvel appel à projets",
            body="Un appel vient d’ouvrir.",
            html_body="<p>Un appel vient d’ouvrir.</p>",
            headers={"List-Unsubscribe": "<https://cooperation.example.org/desabonnement/abc/>"},
            reply_to=["equipe@example.org"],
            reference="AL-2026-00001",
            kind="alert",
        )
        assert not mail.outbox  # nothing leaves before the commit
    (message,) = mail.outbox
    assert message.to == ["awa@example.org", "jean@example.org"]
    assert message.reply_to == ["equipe@example.org"]
    assert message.subject == "Nouvel appel à projets"
    assert message.alternatives[0] == ("<p>Un appel vient d’ouvrir.</p>", "text/html")
    assert message.extra_headers["List-Unsubscribe"] == "<https://cooperation.example.org/desabonnement/abc/>"
    sent = SentEmail.objects.get()
    assert (sent.reference, sent.kind) == ("AL-2026-00001", "alert")
    assert message.extra_headers["Message-ID"] == f"<{sent.key}@example.org>"


def test_nothing_is_sent_when_the_transaction_is_rolled_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            queue_email(to=["awa@example.org"], subject="Objet", body="Texte")
            raise RuntimeError("the submission failed")
    assert not mail.outbox


def message_kwargs(**changes):
    return {
        "key": "6f1c2a4e-0000-4000-8000-000000000001",
        "to": ["awa@example.org"],
        "subject": "Objet",
        "body": "Texte",
        "reference": "BP-2026-00001",
        "kind": "acknowledgement",
        **changes,
    }


def test_the_same_message_is_sent_once_however_often_its_task_runs():
    assert send_email.call(**message_kwargs()) == {"sent": True, "recipients": 1}
    assert send_email.call(**message_kwargs()) == {"sent": False, "reason": "already sent"}
    assert len(mail.outbox) == 1


class Refusing(Inbox):
    """A mail server refusing every recipient with the given SMTP reply."""

    def __init__(self, reply):
        super().__init__()
        self.reply = reply

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        return self.reply


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return settings


def test_a_closed_port_asks_for_a_later_try_and_records_nothing(smtp_settings):
    with pytest.raises(RetryLater, match="ConnectionRefusedError"):
        send_email.call(**message_kwargs())
    assert not SentEmail.objects.exists()


def test_a_temporary_refusal_asks_for_a_later_try(smtp_settings):
    with smtp_server(smtp_settings.EMAIL_PORT, Refusing("451 4.3.0 Try again later")):
        with pytest.raises(RetryLater, match="SMTPRecipientsRefused"):
            send_email.call(**message_kwargs())
    assert not SentEmail.objects.exists()


def test_a_permanent_refusal_fails_at_once(smtp_settings):
    with smtp_server(smtp_settings.EMAIL_PORT, Refusing("550 5.1.1 No such mailbox")):
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            send_email.call(**message_kwargs())
    assert not SentEmail.objects.exists()


def test_a_real_mail_server_receives_one_envelope_per_message(smtp_settings):
    with smtp_server(smtp_settings.EMAIL_PORT) as inbox:
        send_email.call(**message_kwargs(to=["awa@example.org", "jean@example.org"]))
        send_email.call(**message_kwargs())
    assert inbox.recipients == [("awa@example.org", "jean@example.org")]
