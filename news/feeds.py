"""iCal files of the news: the agenda's feed of upcoming events and one event's file.

The RSS and Atom feeds are the news list's (``news.listings.NewsListing.feed``). iCal files are
built with ``icalendar``; event times are written in Europe/Paris with its VTIMEZONE, so
calendar programs show the right hour whatever the reader's own time zone.
"""

import datetime

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def event_component(item, request):
    """The VEVENT of one event item."""
    event = Event()
    url = item.get_full_url(request)
    event.add("uid", f"news-{item.translation_key}-{item.locale.language_code}@{request.get_host()}")
    event.add("summary", item.title)
    event.add("dtstart", timezone.localtime(item.event_start))
    event.add("dtend", timezone.localtime(item.event_end or item.event_start + datetime.timedelta(hours=1)))
    event.add("dtstamp", timezone.now())
    event.add("description", f"{item.summary}\n\n{url}")
    event.add("url", url)
    location = _("Online") if item.event_online and not item.event_place else item.event_place
    if location:
        event.add("location", location)
    return event


def calendar_response(calendar, filename):
    calendar.add("prodid", "-//Coopération décentralisée//Portail//FR")
    calendar.add("version", "2.0")
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def agenda_ics(request, index_page):
    """The upcoming events of the index as an iCal feed (subscribe to it in a calendar)."""
    calendar = Calendar()
    calendar.add("x-wr-calname", index_page.title)
    for item in index_page.news_items().upcoming_events().select_related("locale"):
        calendar.add_component(event_component(item, request))
    return calendar_response(calendar, "agenda.ics")


def event_ics(request, item):
    """The "add to calendar" file of one event."""
    if not item.is_event:
        raise Http404("Not an event")
    calendar = Calendar()
    calendar.add_component(event_component(item, request))
    return calendar_response(calendar, f"{item.slug}.ics")
