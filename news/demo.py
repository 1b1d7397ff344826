"""Demo content of the news app: the news index of each locale and dated news items.

Idempotent: the index and items are looked up by slug before being created; translations are
refreshed through wagtail-localize. The index is translated before its items, so that each
translated item lands under its locale's index.
"""

import datetime

from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from home import demo_content as home_content
from home.demo import add_child, child_by_slug
from news import demo_content as content
from news.models import NewsIndexPage, NewsPage
from portal.demo import TRANSLATED_LANGUAGES, collect_texts, translate
from portal.models import Country, Theme


def paris(value):
    """'YYYY-MM-DD HH:MM' read as Paris time."""
    return timezone.make_aware(datetime.datetime.strptime(value, "%Y-%m-%d %H:%M"))


def event_fields(spec):
    event = spec.get("event")
    if not event:
        return {}
    if "start" in event:
        start = paris(event["start"])
        end = paris(event["end"]) if event.get("end") else None
        deadline = paris(event["deadline"]) if event.get("deadline") else None
    else:  # upcoming event, relative to today
        day = timezone.localdate() + datetime.timedelta(days=spec["days_after"])
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(event["hour"])))
        end = start + datetime.timedelta(hours=event["hours"])
        deadline = timezone.make_aware(
            datetime.datetime.combine(
                timezone.localdate() + datetime.timedelta(days=event["deadline_days"]), datetime.time(23, 59)
            )
        )
    return {
        "event_start": start,
        "event_end": end,
        "event_place": event.get("place", ""),
        "event_online": event.get("online", False),
        "registration_url": "https://example.org/inscription" if deadline else "",
        "registration_deadline": deadline,
    }


def publication_date(spec):
    if "date" in spec:
        return datetime.date.fromisoformat(spec["date"])
    return timezone.localdate() - datetime.timedelta(days=spec["days_before"])


def build_item(index, spec, french):
    existing = child_by_slug(index, spec["slug"])
    if existing:
        return existing
    page = NewsPage(
        title=spec["title"].fr,
        slug=spec["slug"],
        date=publication_date(spec),
        category=spec["category"],
        summary=spec["summary"].fr,
        search_description=spec["summary"].fr,
        body=[("paragraph", "".join(f"<p>{escape(text.fr)}</p>" for text in spec["body"]))],
        **event_fields(spec),
    )
    page.themes = list(Theme.objects.filter(locale=french, slug__in=spec["themes"]))
    page.countries = list(Country.objects.filter(iso_code__in=spec["countries"]))
    return add_child(index, page)


def load(home):
    """Create the French news index and items, then their translations; returns ``{"news": index}``."""
    french = Locale.objects.get(language_code="fr")
    index = add_child(
        home,
        NewsIndexPage(
            title=content.INDEX["title"].fr,
            slug=content.INDEX["slug"],
            intro=content.INDEX["intro"].fr,
            search_description=content.INDEX["intro"].fr,
            show_in_menus=True,
        ),
    )
    specs = content.NEWS + content.UPCOMING
    items = [(build_item(index, spec, french), spec) for spec in specs]
    index_texts = list(collect_texts(content.INDEX))
    for code in TRANSLATED_LANGUAGES:
        if home.get_translation_or_none(Locale.objects.get(language_code=code)) is None:
            # The home page is translated after the app loaders run; the index needs its parent.
            translate(home, code, list(collect_texts(home_content.HOME)))
        translate(index, code, index_texts)
    for page, spec in items:
        texts = list(collect_texts(spec))
        for code in spec.get("translate", ()):
            translate(page, code, texts)
    return {"news": index}
