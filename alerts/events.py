"""Where alert events come from.

- **Publication** (signals connected in ``AlertsConfig.ready``): a call page published while
  open (or closing within 7 days, or with laureates), a news item published for the first time,
  a partnership offer moved to "published" by a reviewer.
- **Time** (``scan``, a periodic job): a call's status is computed from its dates, never stored,
  so nothing is published when a call opens or enters its last 7 days. The scan looks at the
  calls whose opening (or 7-days-before-closing) instant fell since its previous run, with an
  overlap so that a page committed while the scan ran is not missed; the unique
  ``(kind, source)`` constraint makes a second detection a no-op.

Every new event is matched to the subscriptions by a task queued in the same transaction.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale

from alerts.models import Event, ScanState, Topic
from calls.models import CallPage
from forms.models import PartnershipOffer
from news.models import NewsPage
from portal.tasks import enqueue

logger = logging.getLogger(__name__)

CLOSING_WINDOW = datetime.timedelta(days=7)
#: The scan looks this far back before its previous run (pages committed while it ran).
SCAN_OVERLAP = datetime.timedelta(minutes=15)
#: The first scan looks this far back (a new deployment does not announce the past).
FIRST_SCAN_WINDOW = datetime.timedelta(hours=1)
#: A page published again long after its first publication is an edit, not news.
FRESH = datetime.timedelta(days=2)
#: Laureates added to a call closed longer ago than this are archive work, not news.
LAUREATES_FRESH = datetime.timedelta(days=365)


def record_event(kind, source, title, themes=(), countries=(), occurred_at=None):
    """Create the event unless it exists; queue its matching. Returns the new event or None."""
    from alerts.tasks import match_event  # tasks import this module's callers

    with transaction.atomic():
        if Event.objects.filter(kind=kind, source=source).exists():
            return None
        try:
            with transaction.atomic():
                event = Event.objects.create(
                    kind=kind, source=str(source), title=title[:400], occurred_at=occurred_at or timezone.now()
                )
        except IntegrityError:  # created meanwhile by another process
            return None
        event.themes.set(list(themes))
        event.countries.set(list(countries))
        enqueue(match_event, event_id=event.pk)
    logger.info("Alert event %s %s", kind, source)
    return event


def original(pages):
    """Of the copies of one page (one translation_key), the French one, else the first."""
    default = Locale.get_default().pk
    return next((page for page in pages if page.locale_id == default), pages[0])


def call_events(call, now):
    """The events a live call gives at ``now`` (kind list)."""
    kinds = []
    opens_at, closing_at = call.opens_at, call.closing_at
    if opens_at <= now <= closing_at:
        kinds.append(Topic.CALL_OPENED)
        if closing_at - now <= CLOSING_WINDOW:
            kinds.append(Topic.CALL_CLOSING)
    if call.laureates.exists() and now - closing_at <= LAUREATES_FRESH:
        kinds.append(Topic.LAUREATES)
    return kinds


def record_call(call, kinds, now=None):
    for kind in kinds:
        record_event(kind, call.translation_key, call.title, call.themes.all(), call.countries.all(), now)


def on_page_published(sender, instance, **kwargs):
    """``page_published``: a call or a news item may be an event."""
    page = instance.specific if hasattr(instance, "specific") else instance
    now = timezone.now()
    if isinstance(page, CallPage):
        if page.first_published_at and now - page.first_published_at > FRESH:
            kinds = [kind for kind in call_events(page, now) if kind == Topic.LAUREATES]
        else:
            kinds = call_events(page, now)
        record_call(page, kinds, now)
    elif isinstance(page, NewsPage):
        if page.first_published_at is None or now - page.first_published_at <= FRESH:
            record_event(Topic.NEWS, page.translation_key, page.title, page.themes.all(), page.countries.all(), now)


def on_status_change(sender, instance, created, **kwargs):
    """A partnership offer published by a reviewer (its status history gets a "published" step)."""
    if not created or instance.status != PartnershipOffer.Status.PUBLIC:
        return
    record = instance.record
    if not isinstance(record, PartnershipOffer):
        return
    record_event(Topic.OFFER, record.reference, record.project_title, record.themes.all(), [record.country])


def scan(now=None):
    """Record the calls that opened, or entered their last 7 days, since the previous scan."""
    now = now or timezone.now()
    state, created = ScanState.objects.get_or_create(name="calls", defaults={"scanned_until": now - FIRST_SCAN_WINDOW})
    since = state.scanned_until - SCAN_OVERLAP
    calls = CallPage.objects.live().public()
    opened = calls.filter(opens_at__gt=since, opens_at__lte=now, closing_at__gte=now)
    closing = calls.filter(
        closing_at__gt=since + CLOSING_WINDOW,
        closing_at__lte=now + CLOSING_WINDOW,
        opens_at__lte=now,
        closing_at__gte=now,
    )
    found = 0
    for kind, queryset in ((Topic.CALL_OPENED, opened), (Topic.CALL_CLOSING, closing)):
        by_key = {}
        for call in queryset.prefetch_related("themes", "countries").order_by("pk"):
            by_key.setdefault(call.translation_key, []).append(call)
        known = set(
            Event.objects.filter(kind=kind, source__in=[str(key) for key in by_key]).values_list("source", flat=True)
        )
        for key, copies in by_key.items():
            if str(key) in known:
                continue
            call = original(copies)
            if record_event(kind, key, call.title, call.themes.all(), call.countries.all(), now):
                found += 1
    ScanState.objects.filter(name="calls").update(scanned_until=now)
    return found
