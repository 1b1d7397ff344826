"""E-mails about proposals, queued in the caller's transaction (``portal.mail.queue_email``: they
leave after the commit, retried, never twice): the reviewers are told of a new proposal, the
authority (the person who proposed and the organisation's managers) of the decision."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership
from portal.mail import is_single_address, queue_email


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def render(template, context, language):
    with translation.override(language):
        subject = render_to_string(f"proposals/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"proposals/emails/{template}.txt", context)
    return " ".join(subject.split()), body


def plain(addresses):
    return sorted({address for address in addresses if address and is_single_address(address)})


def reviewer_addresses():
    """Active people who may review proposals (the permission, through a group or their own)."""
    permission = Permission.objects.filter(content_type__app_label="proposals", codename="review_projectproposal")
    users = get_user_model().objects.filter(
        Q(groups__permissions__in=permission) | Q(user_permissions__in=permission), is_active=True
    )
    return plain(users.values_list("email", flat=True))


def queue_submission_emails(proposal):
    recipients = reviewer_addresses()
    if not recipients:
        return
    url = absolute(reverse("project_proposals:inspect", args=[proposal.pk]))
    subject, body = render("submitted", {"proposal": proposal, "url": url}, "fr")
    queue_email(to=recipients, subject=subject, body=body, reference=proposal.reference, kind="proposal_submitted")


def authority_addresses(proposal):
    managers = Membership.objects.approved().filter(organisation=proposal.organisation, role=Membership.Role.MANAGER)
    addresses = list(managers.values_list("person__email", flat=True))
    if proposal.submitted_by_id:
        addresses.append(proposal.submitted_by.email)
    return plain(addresses)


def queue_decision_email(proposal):
    recipients = authority_addresses(proposal)
    if not recipients:
        return
    language = proposal.language or "fr"
    with translation.override(language):
        url = absolute(reverse("proposals:detail", args=[proposal.pk]))
    subject, body = render("decision", {"proposal": proposal, "url": url}, language)
    queue_email(to=recipients, subject=subject, body=body, reference=proposal.reference, kind="proposal_decision")
