"""Where a call's status is computed: the one definition, in SQL and in Python.

A status is never stored. It follows from the call's opening and closing instants (aware,
Europe/Paris; ``opening_moment`` and ``closing_moment`` turn the editor's dates into them) and
from whether laureates are published:

========================  =====================================================================
``upcoming``              now < opening
``closing-soon``          opening ≤ now ≤ closing, and closing − now ≤ 14 × 24 hours
``open``                  opening ≤ now ≤ closing, otherwise
``results``               closing < now, and the call has laureates
``closed``                closing < now, otherwise
========================  =====================================================================

- ``status_at(now, …)`` is the Python rule (an item page, a preview, a unit test);
- ``status_expression(now, has_results)`` is the same rule as a ``Case``/``When`` expression:
  ``CallPageQuerySet.with_status()`` annotates it as ``current_status`` and every list, filter,
  ordering, feed and the home page use that annotation;
- ``tests/test_call_status.py`` checks with hypothesis that both agree for random dates around
  the changes of summer time, on PostgreSQL and on SQLite;
- ``BADGES`` is the DSFR badge of each status, ``FILTERS`` what the list's status filter keeps,
  and ``CallPageQuerySet.next_status_change()`` when a status changes next (the page cache
  expires then: ``calls/apps.py``).

This module holds no model: ``calls.models`` builds on it.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: How long before its deadline an open call is "closing soon" (a duration: 14 × 24 hours).
CLOSING_SOON = datetime.timedelta(days=14)
#: A closing date without a time means "until midnight": 23:59:59 Paris time that day.
END_OF_DAY = datetime.time(23, 59, 59)


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing-soon", _("Closing soon")
    CLOSED = "closed", _("Closed")
    RESULTS = "results", _("Results published")


#: Statuses in which applications are accepted.
ACCEPTING = (CallStatus.OPEN, CallStatus.CLOSING_SOON)
#: Statuses once the deadline has passed.
FINISHED = (CallStatus.CLOSED, CallStatus.RESULTS)

#: What each choice of the list's status filter keeps: "open" means accepting applications.
FILTERS = {
    CallStatus.OPEN: ACCEPTING,
    CallStatus.CLOSING_SOON: (CallStatus.CLOSING_SOON,),
    CallStatus.UPCOMING: (CallStatus.UPCOMING,),
    CallStatus.CLOSED: (CallStatus.CLOSED,),
    CallStatus.RESULTS: (CallStatus.RESULTS,),
}

#: The DSFR badge modifier of each status (closed calls have the neutral badge).
BADGES = {
    CallStatus.UPCOMING: "fr-badge--info",
    CallStatus.OPEN: "fr-badge--success",
    CallStatus.CLOSING_SOON: "fr-badge--warning",
    CallStatus.CLOSED: "",
    CallStatus.RESULTS: "fr-badge--new",
}

#: Lists show open calls first, then upcoming ones, then the others.
RANKS = {
    CallStatus.CLOSING_SOON: 0,
    CallStatus.OPEN: 0,
    CallStatus.UPCOMING: 1,
    CallStatus.RESULTS: 2,
    CallStatus.CLOSED: 2,
}


def paris_tz():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def aware(day, time):
    """``day`` at ``time`` in Paris, as an aware datetime (zoneinfo handles summer time)."""
    return datetime.datetime.combine(day, time).replace(tzinfo=paris_tz())


def opening_moment(day):
    """Applications open at 00:00 Paris time on the opening day."""
    return aware(day, datetime.time(0, 0)) if day else None


def closing_moment(day, time=None):
    """Applications close at ``time`` (23:59:59 when none is given) Paris time on the closing day."""
    return aware(day, time or END_OF_DAY) if day else None


def status_at(now, *, opens_at, closing_at, has_results):
    """The status at the instant ``now`` of a call opening at ``opens_at`` and closing at
    ``closing_at`` (aware datetimes), with laureates published or not."""
    # In UTC: Python compares, adds and subtracts datetimes of one time zone on their wall
    # clock, which is wrong across a change of summer time.
    now, opens_at, closing_at = (moment.astimezone(datetime.UTC) for moment in (now, opens_at, closing_at))
    if now < opens_at:
        return CallStatus.UPCOMING
    if now <= closing_at:
        return CallStatus.CLOSING_SOON if closing_at - now <= CLOSING_SOON else CallStatus.OPEN
    return CallStatus.RESULTS if has_results else CallStatus.CLOSED


def status_expression(now, has_results):
    """``status_at`` in SQL, over the ``opens_at`` and ``closing_at`` columns; ``has_results`` is
    a boolean expression (``Exists`` of the call's laureates)."""
    now = now.astimezone(datetime.UTC)  # now + 14 days in real time, not on the wall clock
    return models.Case(
        models.When(opens_at__gt=now, then=models.Value(CallStatus.UPCOMING)),
        models.When(
            closing_at__gte=now, closing_at__lte=now + CLOSING_SOON, then=models.Value(CallStatus.CLOSING_SOON)
        ),
        models.When(closing_at__gte=now, then=models.Value(CallStatus.OPEN)),
        models.When(has_results, then=models.Value(CallStatus.RESULTS)),
        default=models.Value(CallStatus.CLOSED),
        output_field=models.CharField(max_length=20),
    )


def rank_expression(now):
    """The list order (``RANKS``) of the status at ``now``, from the dates alone: upcoming calls
    rank 1, calls accepting applications 0, the others 2 (with or without results: no subquery of
    the laureates, and no copy of ``status_expression`` in each branch, which made the list's
    SQL several times longer to build and to plan)."""
    now = now.astimezone(datetime.UTC)
    return models.Case(
        models.When(opens_at__gt=now, then=models.Value(RANKS[CallStatus.UPCOMING])),
        models.When(closing_at__gte=now, then=models.Value(RANKS[CallStatus.OPEN])),
        default=models.Value(RANKS[CallStatus.CLOSED]),
        output_field=models.IntegerField(),
    )
