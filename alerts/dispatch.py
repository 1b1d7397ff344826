"""From events to e-mails, in steps that can each run twice or be cut short (issue 20).

1. ``match_event``: one ``Delivery`` per matching active subscription, written with one
   ``INSERT … SELECT … ON CONFLICT DO NOTHING`` (one statement per event, whatever the number of
   subscribers); the event is marked matched in the same transaction.
2. ``group``: for a frequency and a run (``daily:2026-12-03``…), one ``AlertEmail`` per subscriber
   that has ungrouped deliveries (``INSERT … SELECT DISTINCT … ON CONFLICT DO NOTHING``: at most
   one e-mail per subscriber and run), then the deliveries are attached to it (one ``UPDATE``),
   and ``SEND_SHARDS`` sending tasks are queued — all in one transaction, a fixed number of
   queries for 20 or 20,000 subscribers. Run twice, the second run finds nothing ungrouped.
3. ``send_run`` (one task per shard): claims a batch of pending e-mails (``pending → sending``,
   committed *before* the mail server sees them), renders and sends them over one SMTP
   connection, then marks them sent. A passing SMTP failure puts the unsent ones back to
   pending and raises ``RetryLater`` (sent later, not lost, not doubled); a permanent refusal
   counts against the address, disabled after ``ALERTS_MAX_FAILURES``. A worker killed while
   sending leaves its batch ``sending``: those are never sent again (``abandon_stale``), so a
   crash may lose at most one batch, never send an e-mail twice.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import BigIntegerField, DateTimeField, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Now
from django.utils import timezone

from alerts.models import TOPIC_FIELDS, AlertEmail, Delivery, Event, Subscription
from portal.mail import is_permanent
from portal.tasks import RetryLater, enqueue

logger = logging.getLogger(__name__)

#: Sending tasks queued per run (several workers share a big digest).
SEND_SHARDS = 4
#: E-mails claimed, rendered and sent together (at most this many lost if a worker is killed).
SEND_BATCH = 50


def matching_subscriptions(event):
    """The active subscriptions that want ``event``: its topic, one of its themes (by
    translation key, so any language's copy matches) or every theme, one of its countries or
    every country. An event without a country (a call open to every country, general news)
    matches every country choice; an event without a theme only "every theme"."""
    subscriptions = Subscription.objects.active().filter(**{TOPIC_FIELDS[event.kind]: True})
    theme_keys = [theme.translation_key for theme in event.themes.all()]
    chosen_themes = Subscription.themes.through.objects.filter(
        subscription=OuterRef("pk"), theme__translation_key__in=theme_keys
    )
    subscriptions = subscriptions.filter(Q(all_themes=True) | Exists(chosen_themes))
    country_ids = [country.pk for country in event.countries.all()]
    if country_ids:
        chosen_countries = Subscription.countries.through.objects.filter(
            subscription=OuterRef("pk"), country_id__in=country_ids
        )
        subscriptions = subscriptions.filter(Q(all_countries=True) | Exists(chosen_countries))
    return subscriptions


def match_event(event_id, now=None):
    """Write the deliveries of one event (step 1). Returns how many were written (0 when the
    event was matched already)."""
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().filter(pk=event_id, matched_at=None).first()
        if event is None:
            return 0
        matching = matching_subscriptions(event).annotate(
            event_value=Value(event.pk, output_field=BigIntegerField()),
            created_value=Value(now, output_field=DateTimeField()),
        )
        select_sql, params = (
            matching.order_by().values_list("pk", "event_value", "created_value").query.sql_with_params()
        )
        table = Delivery._meta.db_table
        with connection.cursor() as cursor:
            # The SELECT has a WHERE clause (the status): SQLite then reads ON CONFLICT as the upsert.
            cursor.execute(
                f"INSERT INTO {table} (subscription_id, event_id, created_at) {select_sql} "  # noqa: S608
                "ON CONFLICT (subscription_id, event_id) DO NOTHING",
                params,
            )
            written = cursor.rowcount
        Event.objects.filter(pk=event.pk).update(matched_at=now)
    return written


def run_key(frequency, now=None):
    """The run an e-mail belongs to: one per day (Paris) for the daily digest, per ISO week for
    the weekly one, per dispatch for immediate alerts."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if frequency == Subscription.Frequency.DAILY:
        return f"daily:{local.date().isoformat()}"
    if frequency == Subscription.Frequency.WEEKLY:
        year, week, _day = local.isocalendar()
        return f"weekly:{year}-W{week:02d}"
    return f"immediate:{now.astimezone(datetime.UTC).strftime('%Y%m%dT%H%M%S.%f')}"


def group(frequency, run=None, now=None):
    """Step 2: the e-mails of one run, and the tasks that send them. Returns the run key."""
    from alerts.tasks import send_alert_emails

    now = now or timezone.now()
    run = run or run_key(frequency, now)
    emails, deliveries, subscriptions = (
        AlertEmail._meta.db_table,
        Delivery._meta.db_table,
        Subscription._meta.db_table,
    )
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {emails} (subscription_id, run, status, created_at, last_error) "  # noqa: S608
                f"SELECT DISTINCT d.subscription_id, %s, %s, %s, '' FROM {deliveries} d "
                f"JOIN {subscriptions} s ON s.id = d.subscription_id "
                "WHERE d.email_id IS NULL AND s.frequency = %s AND s.status = %s "
                "ON CONFLICT (subscription_id, run) DO NOTHING",
                [run, AlertEmail.Status.PENDING, now, frequency, Subscription.Status.ACTIVE],
            )
        pending = AlertEmail.objects.filter(
            subscription=OuterRef("subscription"), run=run, status=AlertEmail.Status.PENDING
        ).values("pk")[:1]
        attached = (
            Delivery.objects.filter(
                email=None, subscription__frequency=frequency, subscription__status=Subscription.Status.ACTIVE
            )
            .filter(Exists(pending))
            .update(email=Subquery(pending))
        )
        if attached or AlertEmail.objects.filter(run=run, status=AlertEmail.Status.PENDING).exists():
            for shard in range(SEND_SHARDS):
                enqueue(send_alert_emails, run=run, shard=shard, shards=SEND_SHARDS)
    logger.info("Alert run %s: %d deliveries grouped", run, attached)
    return run


def claim(run, shard, shards, now):
    """Mark the next batch of this shard's pending e-mails as being sent; returns their ids."""
    with transaction.atomic():
        ids = list(
            AlertEmail.objects.select_for_update(skip_locked=True)
            .filter(run=run, status=AlertEmail.Status.PENDING)
            .alias(shard_number=F("pk") % shards)
            .filter(shard_number=shard)
            .order_by("pk")
            .values_list("pk", flat=True)[:SEND_BATCH]
        )
        if ids:
            AlertEmail.objects.filter(pk__in=ids).update(status=AlertEmail.Status.SENDING, claimed_at=now)
    return ids


def send_run(run, shard=0, shards=1, now=None):
    """Step 3 for one shard of a run. Returns how many e-mails were sent."""
    from alerts.emails import render_emails

    now = now or timezone.now()
    sent_total = 0
    smtp = get_connection()
    try:
        while ids := claim(run, shard, shards, now):
            messages = render_emails(ids)
            sent, refused, unsent = [], {}, []
            error = None
            for email_id, message in messages:
                if error is not None:
                    unsent.append(email_id)
                    continue
                try:
                    smtp.send_messages([message])
                except OSError as failure:  # smtplib.SMTPException is an OSError
                    if is_permanent(failure):
                        refused[email_id] = f"{type(failure).__name__}: {failure}"[:300]
                    else:
                        error = failure
                        unsent.append(email_id)
                else:
                    sent.append(email_id)
            finish(sent, refused, unsent, now)
            sent_total += len(sent)
            if error is not None:
                raise RetryLater(f"{type(error).__name__}: {error}") from error
    finally:
        smtp.close()
    return sent_total


def finish(sent, refused, unsent, now):
    """Record a batch's outcome in a few statements."""
    with transaction.atomic():
        if sent:
            AlertEmail.objects.filter(pk__in=sent).update(status=AlertEmail.Status.SENT, sent_at=now)
        if unsent:
            AlertEmail.objects.filter(pk__in=unsent).update(status=AlertEmail.Status.PENDING, claimed_at=None)
        for email_id, error in refused.items():
            AlertEmail.objects.filter(pk=email_id).update(status=AlertEmail.Status.FAILED, last_error=error)
        if refused:
            record_failures(AlertEmail.objects.filter(pk__in=list(refused)).values("subscription"))


def record_failures(subscriptions):
    """Hard failures (permanent refusals, bounces) count against an address; after
    ``ALERTS_MAX_FAILURES`` it is disabled and receives nothing more."""
    Subscription.objects.filter(pk__in=subscriptions).update(failures=F("failures") + 1)
    Subscription.objects.filter(
        pk__in=subscriptions, status=Subscription.Status.ACTIVE, failures__gte=settings.ALERTS_MAX_FAILURES
    ).update(status=Subscription.Status.DISABLED, unsubscribed_at=Now())


def abandon_stale(now=None):
    """E-mails claimed by a worker that died: never sent again (they may have left)."""
    limit = (now or timezone.now()) - datetime.timedelta(seconds=settings.TASK_STALE_AFTER)
    return AlertEmail.objects.filter(status=AlertEmail.Status.SENDING, claimed_at__lt=limit).update(
        status=AlertEmail.Status.ABANDONED
    )
