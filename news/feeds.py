"""RSS 2.0 and Atom feeds of a news index (honouring the list's filters) and iCal files.

Feeds are built with Django's feed generator and iCal files with ``icalendar``; event times
are written in Europe/Paris with its VTIMEZONE, so calendar programs show the right hour
whatever the reader's own time zone.
"""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from news.views import filtered_items

FEED_CLASSES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}


def publication_datetime(item):
    """The item's publication date as a datetime (midnight, Paris time) for feed readers."""
    return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))


def news_feed(request, index_page, kind):
    """The index's latest items (same filters as the list) as RSS 2.0 or Atom."""
    items, _form, values, _themes = filtered_items(request, index_page)
    items = list(items.prefetch_related("themes")[: index_page.FEED_SIZE])
    link = index_page.get_full_url(request)
    feed_url = request.build_absolute_uri()
    feed = FEED_CLASSES[kind](
        title=f"{index_page.title} — {settings.PORTAL_SERVICE_NAME}",
        link=link,
        description=index_page.intro or _("The latest news of the decentralised-cooperation portal."),
        language=get_language(),
        feed_url=feed_url,
        feed_guid=feed_url,
    )
    for item in items:
        url = item.get_full_url(request)
        feed.add_item(
            title=item.title,
            link=url,
            description=item.summary,
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=publication_datetime(item),
            updateddate=item.last_published_at,
            categories=[item.get_category_display()] + [theme.name for theme in item.themes.all()],
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    return response


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
