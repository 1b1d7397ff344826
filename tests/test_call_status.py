"""A call's status: the SQL annotation and the Python rule (calls/status.py) agree, for random
dates and instants around the changes of summer time in Paris (hypothesis).

CI runs this module on PostgreSQL (with the whole suite) and again on SQLite (.ci/run), since
each engine compares date-times its own way.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calls.models import CallPage, Laureate
from calls.status import CLOSING_SOON, CallStatus, closing_moment, opening_moment, status_at
from tests.factories.calls import CallIndexPageFactory, CallPageFactory

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def last_sunday(year, month):
    day = datetime.date(year, month, 31)
    return day - datetime.timedelta(days=(day.weekday() + 1) % 7)


#: The days summer time starts and ends in Paris, 2019–2031.
DST_DAYS = [last_sunday(year, month) for year in range(2019, 2032) for month in (3, 10)]

days = st.builds(
    lambda day, shift: day + datetime.timedelta(days=shift), st.sampled_from(DST_DAYS), st.integers(-16, 16)
)
#: No time (23:59:59), midnight, a time that does not exist on the spring change day, noon, any.
closing_times = (
    st.none()
    | st.sampled_from([datetime.time(0, 0), datetime.time(2, 30), datetime.time(12, 0)])
    | st.times().map(lambda time: time.replace(fold=0))  # what an editor can type
)
#: Offsets from a boundary: exactly on it, a microsecond or a second either side, or hours away.
offsets = st.sampled_from([0, 1, -1, 1_000_000, -1_000_000]) | st.integers(-3 * 86_400_000_000, 3 * 86_400_000_000)


@pytest.fixture
def call(site_tree):
    return CallPageFactory(parent=CallIndexPageFactory())


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(
    opening=days,
    length=st.integers(0, 45),
    closing_time=closing_times,
    results=st.booleans(),
    boundary=st.sampled_from(["opening", "closing", "closing soon"]),
    offset=offsets,
)
def test_sql_and_python_agree_on_the_status(call, opening, length, closing_time, results, boundary, offset):
    call.opening_date = opening
    call.closing_date = opening + datetime.timedelta(days=length)
    call.closing_time = closing_time
    call.save()
    Laureate.objects.filter(page=call).delete()
    if results:
        Laureate.objects.create(page=call, french_authority="Commune lauréate")
    opens_at, closing_at = opening_moment(call.opening_date), closing_moment(call.closing_date, closing_time)
    # In UTC, so that "14 days before" is 14 × 24 hours, not 14 days on the wall clock.
    opens_at, closing_at = opens_at.astimezone(datetime.UTC), closing_at.astimezone(datetime.UTC)
    moment = {"opening": opens_at, "closing": closing_at, "closing soon": closing_at - CLOSING_SOON}[boundary]
    now = moment + datetime.timedelta(microseconds=offset)

    saved = CallPage.objects.get(pk=call.pk)
    # What queries compare is what the editor's dates mean, in Paris time.
    assert (saved.opens_at, saved.closing_at) == (opens_at, closing_at)
    assert opens_at.astimezone(PARIS).time() == datetime.time(0, 0)
    # ``now`` in Paris time, as a caller may give it: neither side may add 14 days on the wall clock.
    paris_now = now.astimezone(PARIS)
    python = saved.status_at(paris_now)
    sql = CallPage.objects.filter(pk=call.pk).with_status(paris_now).values_list("current_status", flat=True).get()
    assert python == status_at(now, opens_at=opens_at, closing_at=closing_at, has_results=results)
    assert sql == python, (connection.vendor, opens_at, closing_at, now, results)
    is_open = python in (CallStatus.OPEN, CallStatus.CLOSING_SOON)
    assert CallPage.objects.filter(pk=call.pk).open(paris_now).exists() == is_open


def test_status_rule_at_the_boundaries():
    """The rule itself, on a call open in March 2024 (summer time starts on the 31st)."""
    opens_at = opening_moment(datetime.date(2024, 3, 1))
    closing_at = closing_moment(datetime.date(2024, 3, 31))
    second = datetime.timedelta(seconds=1)

    def status(now, results=False):
        return status_at(now, opens_at=opens_at, closing_at=closing_at, has_results=results)

    assert status(opens_at - second) == CallStatus.UPCOMING
    assert status(opens_at) == CallStatus.OPEN
    # 14 × 24 hours before 31 March 23:59:59 (UTC+2) is 17 March 22:59:59 (UTC+1).
    assert status(datetime.datetime(2024, 3, 17, 22, 59, 58, tzinfo=PARIS)) == CallStatus.OPEN
    assert status(datetime.datetime(2024, 3, 17, 22, 59, 59, tzinfo=PARIS)) == CallStatus.CLOSING_SOON
    assert status(closing_at) == CallStatus.CLOSING_SOON
    assert status(closing_at + second) == CallStatus.CLOSED
    assert status(closing_at + second, results=True) == CallStatus.RESULTS


def test_the_page_cache_expires_when_a_call_starts_closing_soon(client, site_tree, settings):
    """Cached pages never outlive the next status change of a call, "closing soon" included
    (the calls app registers it with the page cache: calls/apps.py)."""
    settings.PAGE_CACHE_SECONDS = 3600
    closing = datetime.date(2025, 6, 30)
    boundary = datetime.datetime(2025, 6, 16, 23, 59, 59, tzinfo=PARIS)  # 14 × 24 h before 30 June 23:59:59
    with time_machine.travel(boundary - datetime.timedelta(minutes=5), tick=False):
        call = CallPageFactory(
            parent=CallIndexPageFactory(), opening_date=datetime.date(2025, 5, 1), closing_date=closing
        )
        assert ">Ouvert<" in client.get(call.url).content.decode()
        assert client.get(call.url)["X-Page-Cache"] == "hit"
    with time_machine.travel(boundary + datetime.timedelta(seconds=1), tick=False):
        response = client.get(call.url)
        assert response["X-Page-Cache"] == "miss"
        assert ">Clôture proche<" in response.content.decode()
