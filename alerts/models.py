"""E-mail alerts: who wants to hear about what (``Subscription``), what happened (``Event``),
which subscriber is owed which event (``Delivery``) and the e-mails that carry them
(``AlertEmail``).

The pipeline (``alerts/dispatch.py``) only ever moves forward through rows protected by unique
constraints, so every step can run twice or be cut short and run again:

    content published / call opens  →  Event            unique (kind, source)
    Event matched to subscriptions  →  Delivery         unique (subscription, event)
    Deliveries grouped per run      →  AlertEmail       unique (subscription, run)
    AlertEmail claimed, then sent   →  status pending → sending → sent (never back from sending)

An address is personal data: only staff with ``alerts.view_subscription`` see it (admin), the
subscriber downloads it from the manage page, and it is deleted ``ALERTS_PURGE_DAYS`` after
unsubscribing (``purge_alert_subscriptions``).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.mail import validate_single_address


def new_token():
    return secrets.token_urlsafe(32)


class Topic(models.TextChoices):
    """What a subscriber can ask for; each is a boolean field of ``Subscription`` and the kind
    of the matching ``Event``."""

    CALL_OPENED = "call_opened", _("Calls for projects opening")
    CALL_CLOSING = "call_closing", _("Calls for projects closing within 7 days")
    LAUREATES = "laureates", _("Laureates published")
    NEWS = "news", _("News")
    OFFER = "offer", _("Partnership offers")


#: The boolean field of ``Subscription`` for each topic.
TOPIC_FIELDS = {
    Topic.CALL_OPENED: "wants_calls_opening",
    Topic.CALL_CLOSING: "wants_calls_closing",
    Topic.LAUREATES: "wants_laureates",
    Topic.NEWS: "wants_news",
    Topic.OFFER: "wants_offers",
}


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Subscription.Status.ACTIVE)

    def for_address(self, email):
        return self.filter(email=normalize_address(email))


def normalize_address(email):
    """One subscription per mailbox: the domain is case-insensitive and so, in practice, is the
    local part."""
    return (email or "").strip().lower()


class Subscription(models.Model):
    """One address and what it wants to receive, in which language, how often."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        ACTIVE = "active", _("active")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        DISABLED = "disabled", _("disabled after delivery failures")

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("At once")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")

    email = models.EmailField(_("e-mail address"), unique=True, validators=[validate_single_address])
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alert_subscriptions",
        verbose_name=_("account"),
    )
    language = models.CharField(_("language of the e-mails"), max_length=10, choices=settings.LANGUAGES)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY, db_index=True
    )
    wants_calls_opening = models.BooleanField(Topic.CALL_OPENED.label, default=False)
    wants_calls_closing = models.BooleanField(Topic.CALL_CLOSING.label, default=False)
    wants_laureates = models.BooleanField(Topic.LAUREATES.label, default=False)
    wants_news = models.BooleanField(Topic.NEWS.label, default=False)
    wants_offers = models.BooleanField(Topic.OFFER.label, default=False)
    all_themes = models.BooleanField(_("every theme"), default=True)
    themes = models.ManyToManyField("portal.Theme", blank=True, related_name="+", verbose_name=_("themes"))
    all_countries = models.BooleanField(_("every country"), default=True)
    countries = models.ManyToManyField("portal.Country", blank=True, related_name="+", verbose_name=_("countries"))
    # The secret of the links of the e-mails (manage, unsubscribe): whoever holds it manages
    # the subscription, without an account.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True, db_index=True)
    failures = models.PositiveSmallIntegerField(_("delivery failures"), default=0)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ["-created_at"]
        permissions = [("view_subscriber_addresses", _("Can see the addresses of the alert subscribers"))]

    def __str__(self):
        return f"{self.pk} {self.get_status_display()}"

    @property
    def reference(self):
        """What the e-mails queued about this subscription carry (staff, purge)."""
        return f"ALERT-{self.pk}"

    def topics(self):
        return [topic for topic, field in TOPIC_FIELDS.items() if getattr(self, field)]

    def topic_labels(self):
        return [topic.label for topic in self.topics()]

    def confirm(self, now=None):
        self.status = self.Status.ACTIVE
        self.confirmed_at = now or timezone.now()
        self.unsubscribed_at = None
        self.failures = 0
        self.save(update_fields=["status", "confirmed_at", "unsubscribed_at", "failures"])

    def unsubscribe(self, now=None):
        if self.status == self.Status.UNSUBSCRIBED:
            return
        self.status = self.Status.UNSUBSCRIBED
        self.unsubscribed_at = now or timezone.now()
        self.save(update_fields=["status", "unsubscribed_at"])


class Event(models.Model):
    """Something subscribers may want to hear about: a call opening or closing soon, laureates,
    a news item, a partnership offer. One row per source and kind (``source`` is the pages'
    ``translation_key`` or the offer's reference), so the translations of one page and a second
    detection of the same opening are one event."""

    kind = models.CharField(_("kind"), max_length=20, choices=Topic.choices)
    source = models.CharField(_("source"), max_length=64)
    title = models.CharField(_("title"), max_length=400)
    themes = models.ManyToManyField("portal.Theme", blank=True, related_name="+", verbose_name=_("themes"))
    countries = models.ManyToManyField("portal.Country", blank=True, related_name="+", verbose_name=_("countries"))
    occurred_at = models.DateTimeField(_("occurred"), default=timezone.now, db_index=True)
    # Set once the event's deliveries are written (alerts.dispatch.match_event).
    matched_at = models.DateTimeField(_("matched"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("alert event")
        verbose_name_plural = _("alert events")
        ordering = ["-occurred_at"]
        constraints = [models.UniqueConstraint(fields=["kind", "source"], name="alerts_event_once_per_source")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class AlertEmail(models.Model):
    """One e-mail to one subscriber for one run (``run``: ``immediate:<instant>``,
    ``daily:<date>``, ``weekly:<year>-W<week>``). Claimed (``sending``) before it is handed to the
    mail server and never sent again once claimed: a worker that dies mid-way may lose the
    e-mails it had claimed, never duplicate them."""

    class Status(models.TextChoices):
        PENDING = "pending", _("to send")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("refused by the mail server")
        ABANDONED = "abandoned", _("abandoned (worker stopped while sending)")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="emails")
    run = models.CharField(_("run"), max_length=40, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("alert e-mail")
        verbose_name_plural = _("alert e-mails")
        constraints = [models.UniqueConstraint(fields=["subscription", "run"], name="alerts_email_once_per_run")]
        indexes = [models.Index(fields=["run", "status"])]

    def __str__(self):
        return f"{self.run} {self.subscription_id} {self.status}"


class Delivery(models.Model):
    """An event owed to a subscriber: written when the event is matched, before anything is
    sent; attached to the e-mail that carries it when its run groups it."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    email = models.ForeignKey(AlertEmail, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [models.UniqueConstraint(fields=["subscription", "event"], name="alerts_delivery_once_per_event")]
        indexes = [models.Index(fields=["email"], name="alerts_delivery_ungrouped", condition=models.Q(email=None))]

    def __str__(self):
        return f"{self.subscription_id} ← {self.event_id}"


class ScanState(models.Model):
    """Up to when the periodic scan looked for events (``alerts.events.scan``)."""

    name = models.CharField(max_length=40, primary_key=True)
    scanned_until = models.DateTimeField()

    def __str__(self):
        return f"{self.name} {self.scanned_until}"
