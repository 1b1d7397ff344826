"""Open data and feeds: laureates as CSV/JSON, deadlines as iCal, open calls as JSON.

The RSS feed of the calls is the call list's (``calls.listings.CallListing.feed``); the iCal and
JSON exports take the list (``CallListing``) and so honour its filters.

Column and key names are stable English identifiers (they are an interface for re-users and
the laureate importer reads the CSV back); names of countries and themes are in the locale of
the list.
"""

import datetime

import icalendar
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.exports import csv_response
from portal.taxonomy import attach_localized_themes

CSV_COLUMNS = [
    "call",
    "year",
    "french_authority",
    "partner_authority",
    "country_code",
    "country",
    "project_title",
    "theme_slug",
    "theme",
    "amount",
]


def laureate_records(laureates, request=None):
    records = []
    for laureate in attach_localized_themes(laureates, field="theme"):
        records.append(
            {
                "call": laureate.page.title,
                "year": laureate.page.edition_year,
                "french_authority": laureate.french_authority,
                "partner_authority": laureate.partner_authority,
                "country_code": laureate.country.iso_code if laureate.country else "",
                "country": laureate.country.name if laureate.country else "",
                "project_title": laureate.project_title,
                "theme_slug": laureate.theme.slug if laureate.theme else "",
                "theme": laureate.localized_theme.name if laureate.localized_theme else "",
                "amount": str(laureate.amount) if laureate.amount is not None else "",
            }
        )
    return records


def laureates_csv(laureates, filename):
    """The laureates as CSV; cells that a spreadsheet would run as formulas are neutralised."""
    return csv_response(filename, CSV_COLUMNS, laureate_records(laureates))


def laureates_json(laureates, request):
    records = laureate_records(laureates)
    for record in records:
        record["amount"] = float(record["amount"]) if record["amount"] else None
    response = JsonResponse({"laureates": records}, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def call_record(call, request):
    return {
        "title": call.title,
        "url": call.get_full_url(request),
        "type": call.call_type,
        "status": call.status,
        "summary": call.summary,
        "year": call.edition_year,
        "themes": [theme.slug for theme in call.themes.all()],
        "countries": [country.iso_code for country in call.countries.all()],
        "partner_country": call.partner_country.iso_code if call.partner_country else None,
        "opens_at": timezone.localtime(call.opens_at).isoformat(),
        "closing_at": timezone.localtime(call.closing_at).isoformat(),
        "deadline_extended": call.is_extended,
    }


def open_calls_json(request, listing):
    """The open calls of the list (its locale, its filters), closing soonest first, for partners
    to embed."""
    calls = listing.queryset.open().order_by("closing_at", "pk").select_related("partner_country")
    calls = calls.prefetch_related("countries")
    data = {"generated_at": timezone.localtime().isoformat(), "calls": [call_record(c, request) for c in calls]}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def deadlines_ical(request, listing):
    """An iCal calendar of the deadlines of the list's open and upcoming calls (one event per
    deadline), honouring the list's filters."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Coopération décentralisée//Appels à projets//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Calls for projects: deadlines"))
    calendar.add("x-wr-timezone", "Europe/Paris")
    calls = listing.deadlines()
    stamp = timezone.now()
    for call in calls:
        closing = timezone.localtime(call.closing_at)
        event = icalendar.Event()
        event.add("uid", f"call-{call.translation_key}-{call.locale_id}-deadline@cooperation-decentralisee")
        event.add("summary", _("Deadline: %(title)s") % {"title": call.title})
        event.add("dtstart", closing)
        event.add("dtend", closing + datetime.timedelta(seconds=1))
        event.add("dtstamp", stamp)
        event.add("url", call.get_full_url(request))
        event.add(
            "description",
            _("Applications from %(opens)s to %(closes)s (Paris time). %(summary)s")
            % {
                "opens": timezone.localtime(call.opens_at).strftime("%d/%m/%Y %H:%M"),
                "closes": closing.strftime("%d/%m/%Y %H:%M:%S"),
                "summary": call.summary,
            },
        )
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    return response
