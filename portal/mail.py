"""E-mail for every app: queue a message in the caller's transaction; a task sends it, once.

    from portal.mail import queue_email

    with transaction.atomic():
        record.save()
        queue_email(
            to=[record.contact_email],
            subject=subject,
            body=text,
            html_body=html,                                   # optional
            headers={"List-Unsubscribe": "<https://…>"},      # optional
            reply_to=["team@example.org"],                    # optional
            reference=record.reference,                       # for staff and the purge
            kind="acknowledgement",                           # for staff
        )

- **Recipients are a list**, one address per item. Nothing is ever split on commas, and every
  address must be a plain ``local@domain`` (:func:`validate_single_address`: no quoted local
  part, comma, semicolon, angle bracket or space), so one item is one mailbox. A string instead
  of a list, or an address that is not plain, raises ``ValueError``: callers check addresses
  that users typed with :func:`is_single_address` or the validator first.
- **Never lost.** With the database queue, the task row is part of the caller's transaction.
- **Retried.** A mail server that does not answer, or answers "try later" (4xx), makes the task
  run again later with a growing delay (``portal.tasks.RetryLater``); a permanent refusal (5xx)
  fails the task at once. Failed tasks are listed for staff, who can retry them.
- **Sent once.** The task records the message's key in ``SentEmail`` in the same transaction as
  the sending: a second run of the task (a retry, a second worker, a staff retry) waits for the
  first one's transaction, then finds the key and sends nothing. The remaining window: if the
  process dies after the mail server accepted the message and before that transaction commits,
  the task is run again and the message sent a second time. Every try carries the same
  ``Message-ID`` (built from the key), so mail clients can recognise the duplicate.
"""

import smtplib
import uuid
from email.utils import getaddresses

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from portal.models import SentEmail
from portal.private_media import private_storage
from portal.task_labels import register_label
from portal.tasks import RetryLater, enqueue

# A plain address has none of these: they are what lets one "address" name several mailboxes.
NOT_IN_A_PLAIN_ADDRESS = set('",;<>()[]\\') | {" ", "\t", "\r", "\n"}


def validate_single_address(value):
    """One mailbox: a valid e-mail address with no quoted local part, comma or the like.

    Django's e-mail validation accepts ``"x,victim1@evil.example,victim2@evil.example,"@example.org``
    (a quoted local part may hold commas); code that splits addresses on commas would then mail
    every address inside the quotes. The portal refuses such addresses wherever they are typed.
    """
    if not isinstance(value, str) or set(value) & NOT_IN_A_PLAIN_ADDRESS:
        raise ValidationError(
            _("Enter a single e-mail address, without quotation marks, commas or spaces."), code="not_single"
        )
    validate_email(value)


def is_single_address(value):
    try:
        validate_single_address(value)
    except ValidationError:
        return False
    return True


def address_list_items(value):
    """The items of a comma-separated address field, parsed as RFC 5322 does: a comma inside a
    quoted local part does not separate two items (so it cannot smuggle extra mailboxes)."""
    return [address.strip() for _name, address in getaddresses([value or ""]) if address.strip()]


def validate_address_list(value):
    """Addresses typed by staff in one field, separated by commas; each must be plain."""
    for address in address_list_items(value):
        validate_single_address(address)


def split_address_list(value):
    """The addresses of a field checked by ``validate_address_list`` (plain ones only)."""
    return [address for address in address_list_items(value) if is_single_address(address)]


def queue_email(
    *, to, subject, body, html_body="", headers=None, reply_to=(), reference="", kind="", private_attachments=()
):
    """Queue one e-mail to the addresses of ``to`` (a list), inside the caller's transaction.

    ``subject`` is one line; ``body`` is the text version, ``html_body`` an optional HTML one;
    ``headers`` extra headers (e.g. ``List-Unsubscribe``); ``reference`` (the record's reference)
    and ``kind`` (e.g. ``acknowledgement``) are shown to staff. ``private_attachments`` are files
    of the private storage (``portal.private_media``) to attach, each ``(subdirectory, name,
    filename, MIME type)``: read when the e-mail is sent, so the task holds only their names.
    Returns the task result (None until the commit with the immediate backend).
    """
    if isinstance(to, str) or isinstance(reply_to, str):
        raise ValueError("to and reply_to are lists of addresses, not strings")
    to, reply_to = list(to), list(reply_to)
    if not to:
        raise ValueError("an e-mail needs at least one recipient")
    for address in to + reply_to:
        if not is_single_address(address):
            raise ValueError(f"not a single plain e-mail address: {address!r}")
    headers = {str(name): str(value) for name, value in (headers or {}).items()}
    for text in (subject, *headers, *headers.values()):
        if "\n" in text or "\r" in text:
            raise ValueError("e-mail subjects and headers are one line")
    return enqueue(
        send_email,
        key=str(uuid.uuid4()),
        to=to,
        subject=subject,
        body=body,
        html_body=html_body,
        headers=headers,
        reply_to=reply_to,
        reference=reference,
        kind=kind,
        private_attachments=[list(item) for item in private_attachments],
    )


def build_message(*, key, to, subject, body, html_body="", headers=None, reply_to=(), private_attachments=()):
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "localhost"
    message = EmailMultiAlternatives(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        to,
        reply_to=reply_to,
        headers={**(headers or {}), "Message-ID": f"<{key}@{domain}>"},
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for subdirectory, name, filename, mime_type in private_attachments:
        with private_storage(subdirectory).open(name) as attached:
            message.attach(filename, attached.read(), mime_type)
    return message


def is_permanent(error):
    """A refusal the mail server will repeat (5xx): trying again later would not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


# Before the other tasks: someone may be waiting for this e-mail.
@task(priority=10)
def send_email(*, key, reference="", kind="", **message):
    """Send one queued e-mail unless it was sent already (see the module's docstring).

    ``message`` holds ``build_message``'s arguments (``to``, ``subject``, ``body``, ``html_body``,
    ``headers``, ``reply_to``, ``private_attachments``), as ``queue_email`` stored them.
    """
    message = build_message(key=key, **message)
    with transaction.atomic():
        try:
            with transaction.atomic():
                # Waits while another run holds the same key, fails once that run has committed.
                SentEmail.objects.create(key=key, reference=reference[:40], kind=kind[:40])
        except IntegrityError:
            return {"sent": False, "reason": "already sent"}
        try:
            message.send()
        except OSError as error:  # smtplib.SMTPException is an OSError, as are refused connections
            if is_permanent(error):
                raise
            raise RetryLater(f"{type(error).__name__}: {error}") from error
    return {"sent": True, "recipients": len(message.to)}


register_label(send_email, _("E-mail"))
