"""E-mails of the professional space about memberships, queued in the caller's transaction
(``portal.mail.queue_email``: they leave after the commit, retried, never twice)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership, Organisation
from portal.mail import is_single_address, queue_email


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def deciders(membership):
    """Addresses of those who may decide on ``membership``: the organisation's managers, or the
    ministry's members when it has none."""
    managers = Membership.objects.approved().filter(organisation=membership.organisation, role=Membership.Role.MANAGER)
    if not managers.exists():
        managers = Membership.objects.approved().filter(organisation__kind=Organisation.Kind.MINISTRY)
    addresses = managers.exclude(person=membership.person).values_list("person__email", flat=True)
    return sorted({address for address in addresses if address and is_single_address(address)})


def render(template, context, language="fr"):
    with translation.override(language):
        subject = render_to_string(f"accounts/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/emails/{template}.txt", context)
    return " ".join(subject.split()), body


def queue_request_emails(membership):
    recipients = deciders(membership)
    if not recipients:
        return
    with translation.override("fr"):
        url = absolute(reverse("accounts:organisation", args=[membership.organisation_id]))
    subject, body = render("membership_request", {"membership": membership, "url": url})
    queue_email(to=recipients, subject=subject, body=body, kind="membership_request")


def queue_decision_email(membership, language):
    address = membership.person.email
    if not address or not is_single_address(address):
        return
    with translation.override(language):
        url = absolute(reverse("accounts:home"))
    subject, body = render("membership_decision", {"membership": membership, "url": url}, language)
    queue_email(to=[address], subject=subject, body=body, kind="membership_decision")
