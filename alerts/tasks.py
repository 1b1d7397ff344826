"""The alerts' background work (run by the task worker; see ``portal/tasks.py``)."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from alerts import dispatch, events
from alerts.models import Event, Subscription
from portal.scheduler import periodic
from portal.task_labels import register_kind, register_label
from portal.tasks import enqueue, forget_reference


@task()
def match_event(event_id):
    """Write the deliveries of a new event, then send the immediate alerts."""
    written = dispatch.match_event(event_id)
    dispatch.group(Subscription.Frequency.IMMEDIATE)
    return {"deliveries": written}


@task()
def send_alert_emails(run, shard=0, shards=1):
    """Send the pending e-mails of one shard of a run (``alerts.dispatch.send_run``)."""
    return {"sent": dispatch.send_run(run, shard, shards)}


@periodic(every=datetime.timedelta(minutes=5))
@task()
def scan_alert_events():
    """Calls that opened or entered their last 7 days since the last scan; events whose
    matching was lost; immediate alerts left behind; e-mails whose worker died."""
    found = events.scan()
    late = timezone.now() - datetime.timedelta(minutes=10)
    for event_id in Event.objects.filter(matched_at=None, occurred_at__lt=late).values_list("pk", flat=True)[:100]:
        enqueue(match_event, event_id=event_id)
    dispatch.group(Subscription.Frequency.IMMEDIATE)
    return {"events": found, "abandoned": dispatch.abandon_stale()}


@periodic(daily_at=datetime.time(7, 0))
@task()
def send_daily_alert_digest():
    return {"run": dispatch.group(Subscription.Frequency.DAILY)}


@periodic(daily_at=datetime.time(7, 15))
@task()
def send_weekly_alert_digest():
    """On Mondays (Paris time): the weekly digest."""
    if timezone.localdate().weekday() != 0:
        return {"run": None}
    return {"run": dispatch.group(Subscription.Frequency.WEEKLY)}


@periodic(daily_at=datetime.time(3, 30))
@task()
def purge_alert_subscriptions():
    """Delete the subscriptions unsubscribed, disabled or never confirmed for longer than
    ``ALERTS_PURGE_DAYS`` (their address, deliveries and e-mails, and the queued e-mails)."""
    return {"deleted": purge()}


def purge(now=None):
    limit = (now or timezone.now()) - datetime.timedelta(days=settings.ALERTS_PURGE_DAYS)
    Status = Subscription.Status
    gone = Subscription.objects.filter(status__in=[Status.UNSUBSCRIBED, Status.DISABLED], unsubscribed_at__lt=limit)
    never = Subscription.objects.filter(status=Status.PENDING, created_at__lt=limit)
    deleted = 0
    for queryset in (gone, never):
        for subscription in queryset.only("pk"):
            forget_reference(subscription.reference)
        deleted += queryset.delete()[1].get(Subscription._meta.label, 0)
    return deleted


register_label(match_event, _("Matching of an alert event"))
register_label(send_alert_emails, _("Sending of alert e-mails"))
register_label(scan_alert_events, _("Detection of alert events"))
register_label(send_daily_alert_digest, _("Daily alert digest"))
register_label(send_weekly_alert_digest, _("Weekly alert digest"))
register_label(purge_alert_subscriptions, _("Purge of the unsubscribed alert addresses"))
register_kind("alert_confirmation", _("confirmation of an alert subscription"))
register_kind("alert_reminder", _("notice to an address already subscribed"))
