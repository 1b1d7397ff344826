"""The alert e-mails, in each subscriber's language: HTML and text parts, ``List-Unsubscribe``
and ``List-Unsubscribe-Post`` (RFC 8058 one-click), links to unsubscribe and to change one's
preferences (both work without an account: the subscription's secret token is in them), and
the confirmation e-mail of the double opt-in.

``render_emails`` renders a batch at a fixed number of queries: the e-mails and their
subscriptions, their deliveries and events, the live pages of those events in every language,
and the offers — each item is localised once per language, not once per subscriber.
"""

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from alerts.models import AlertEmail, Delivery, Subscription, Topic
from calls.models import CallPage
from forms.models import PartnershipOffer
from news.models import NewsPage
from portal.i18n import public_url
from portal.mail import build_message, queue_email

CONFIRM_SALT = "alerts.confirm"


def absolute(view_name, language, *args):
    with translation.override(language):
        return public_url(reverse(view_name, args=args))


def manage_url(subscription):
    return absolute("alerts:manage", subscription.language, subscription.token)


def unsubscribe_url(subscription):
    return absolute("alerts:unsubscribe", subscription.language, subscription.token)


def confirmation_token(subscription):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscription.token)


def subscription_for_confirmation(signed):
    """The subscription a confirmation link names, or None (forged, or older than
    ``ALERTS_CONFIRM_MAX_AGE_DAYS``)."""
    max_age = settings.ALERTS_CONFIRM_MAX_AGE_DAYS * 24 * 3600
    try:
        token = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(signed, max_age=max_age)
    except signing.BadSignature:
        return None
    return Subscription.objects.filter(token=token).first()


def list_headers(subscription):
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def render_pair(template, language, context):
    with translation.override(language):
        text = render_to_string(f"alerts/emails/{template}.txt", context)
        html = render_to_string(f"alerts/emails/{template}.html", context)
    return text, html


def queue_confirmation(subscription):
    """The double opt-in e-mail (queued in the caller's transaction): nothing else is sent to
    an address before its owner follows this link."""
    context = {
        "subscription": subscription,
        "confirm_url": absolute("alerts:confirm", subscription.language, confirmation_token(subscription)),
        "max_age_days": settings.ALERTS_CONFIRM_MAX_AGE_DAYS,
    }
    text, html = render_pair("confirmation", subscription.language, context)
    with translation.override(subscription.language):
        subject = _("Confirm your subscription to the alerts of %(service)s") % {
            "service": settings.PORTAL_SERVICE_NAME
        }
    queue_email(
        to=[subscription.email],
        subject=subject,
        body=text,
        html_body=html,
        reference=subscription.reference,
        kind="alert_confirmation",
    )


def queue_already_subscribed(subscription):
    """Someone asked to subscribe an address that already is: tell its owner, change nothing
    (no one learns from the site whether an address is subscribed)."""
    context = {"subscription": subscription, "manage_url": manage_url(subscription)}
    text, html = render_pair("already_subscribed", subscription.language, context)
    with translation.override(subscription.language):
        subject = _("Your alerts of %(service)s") % {"service": settings.PORTAL_SERVICE_NAME}
    queue_email(
        to=[subscription.email],
        subject=subject,
        body=text,
        html_body=html,
        reference=subscription.reference,
        kind="alert_reminder",
    )


# --- the alerts themselves ------------------------------------------------------------------------


class Localizer:
    """Each event's title, address and detail in a language, from rows loaded once per batch."""

    def __init__(self, events):
        self.default_locale = Locale.get_default().pk
        page_keys = {
            model: [event.source for event in events if event.kind in kinds]
            for model, kinds in (
                (CallPage, (Topic.CALL_OPENED, Topic.CALL_CLOSING, Topic.LAUREATES)),
                (NewsPage, (Topic.NEWS,)),
            )
        }
        self.pages = {}
        for model, keys in page_keys.items():
            if keys:
                for page in model.objects.live().filter(translation_key__in=keys).select_related("locale"):
                    self.pages.setdefault(str(page.translation_key), []).append(page)
        references = [event.source for event in events if event.kind == Topic.OFFER]
        self.offers = {
            offer.reference: offer
            for offer in PartnershipOffer.objects.filter(reference__in=references, status="published").select_related(
                "country"
            )
        }
        self.cache = {}

    def item(self, event, language):
        key = (event.pk, language)
        if key not in self.cache:
            self.cache[key] = self.build(event, language)
        return self.cache[key]

    def build(self, event, language):
        """Within ``translation.override(language)``. None when the content is gone."""
        if event.kind == Topic.OFFER:
            offer = self.offers.get(event.source)
            if offer is None:
                return None
            return {
                "title": offer.project_title,
                "lang": offer.language if offer.language != language else "",
                "url": public_url(offer.get_absolute_url() or "/"),
                "detail": offer.country.name,
            }
        copies = self.pages.get(event.source)
        if not copies:
            return None
        page = next((p for p in copies if p.locale.language_code == language), None)
        page = page or next((p for p in copies if p.locale_id == self.default_locale), copies[0])
        detail = ""
        if event.kind in (Topic.CALL_OPENED, Topic.CALL_CLOSING):
            closing = timezone.localtime(page.closing_at)
            detail = _("applications until %(date)s") % {"date": closing.strftime("%d/%m/%Y %H:%M")}
        return {
            "title": page.title,
            "lang": page.locale.language_code if page.locale.language_code != language else "",
            "url": public_url(page.get_url() or "/"),
            "detail": detail,
        }


def subject_for(subscription, items):
    if len(items) == 1 and subscription.frequency == Subscription.Frequency.IMMEDIATE:
        return f"{settings.PORTAL_SERVICE_NAME}: {items[0]['title']}"
    count = len(items)
    if subscription.frequency == Subscription.Frequency.DAILY:
        text = ngettext("Your daily digest: %(count)d new item", "Your daily digest: %(count)d new items", count)
    elif subscription.frequency == Subscription.Frequency.WEEKLY:
        text = ngettext("Your weekly digest: %(count)d new item", "Your weekly digest: %(count)d new items", count)
    else:
        text = ngettext("%(count)d new item", "%(count)d new items", count)
    return f"{settings.PORTAL_SERVICE_NAME}: " + text % {"count": count}


def render_emails(ids):
    """``(id, message)`` of the claimed e-mails ``ids``, ready to send. An e-mail whose items are
    all gone (unpublished meanwhile) is left out and marked sent with nothing to send."""
    emails = list(AlertEmail.objects.filter(pk__in=ids).select_related("subscription").order_by("pk"))
    deliveries = Delivery.objects.filter(email_id__in=ids).select_related("event").order_by("event__occurred_at")
    by_email = {}
    for delivery in deliveries:
        by_email.setdefault(delivery.email_id, []).append(delivery.event)
    events = {event.pk: event for events in by_email.values() for event in events}
    localizer = Localizer(list(events.values()))
    messages, empty = [], []
    for email in emails:
        subscription = email.subscription
        language = subscription.language
        with translation.override(language):
            sections = []
            for topic in Topic:
                items = [localizer.item(e, language) for e in by_email.get(email.pk, []) if e.kind == topic]
                items = [item for item in items if item]
                if items:
                    sections.append({"label": topic.label, "items": items})
            all_items = [item for section in sections for item in section["items"]]
            if not all_items:
                empty.append(email.pk)
                continue
            context = {
                "subscription": subscription,
                "sections": sections,
                "manage_url": manage_url(subscription),
                "unsubscribe_url": unsubscribe_url(subscription),
                "frequency": subscription.get_frequency_display(),
            }
            text = render_to_string("alerts/emails/alert.txt", context)
            html = render_to_string("alerts/emails/alert.html", context)
            subject = subject_for(subscription, all_items)
        message = build_message(
            key=f"alert-{email.pk}",
            to=[subscription.email],
            subject=" ".join(str(subject).split()),
            body=text,
            html_body=html,
            headers=list_headers(subscription),
        )
        messages.append((email.pk, message))
    if empty:
        AlertEmail.objects.filter(pk__in=empty).update(status=AlertEmail.Status.SENT, last_error="nothing left to send")
    return messages
