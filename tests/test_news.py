"""News and events: list order, filters, pagination, bad parameters, feeds, iCal, scheduling,
locale isolation, the home page's latest news and the demo loader."""

import datetime
import re
import zoneinfo

import feedparser
import icalendar
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from news.models import NewsPage
from tests.factories import CountryFactory, ThemeFactory, translate_page
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory, paris

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def news(site_tree):
    """A French news index with four items of varied category, theme, country and year, and
    its English translation (index and one item)."""
    home = site_tree["homes"]["fr"]
    index = NewsIndexPageFactory(parent=home)
    youth = ThemeFactory(name="Jeunesse", slug="jeunesse")
    water = ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    youth_en = ThemeFactory(name="Youth", slug="jeunesse", locale=site_tree["homes"]["en"].locale)
    youth_en.translation_key = youth.translation_key
    youth_en.save()
    senegal = CountryFactory(name="Sénégal", iso_code="SN")
    lebanon = CountryFactory(name="Liban", iso_code="LB")
    items = {
        "call": NewsPageFactory(
            parent=index,
            title="Appel à projets franco-libanais 2024",
            slug="aap-liban-2024",
            date=datetime.date(2024, 3, 12),
            category=NewsPage.Category.CALL,
            themes=[youth],
            countries=[lebanon],
        ),
        "laureates": NewsPageFactory(
            parent=index,
            title="Lauréats Généraliste 2021",
            slug="laureats-2021",
            date=datetime.date(2021, 4, 28),
            category=NewsPage.Category.LAUREATES,
            themes=[water],
            countries=[senegal],
        ),
        "report": NewsPageFactory(
            parent=index,
            title="Rapport APD 2019",
            slug="rapport-apd",
            date=datetime.date(2021, 2, 16),
            category=NewsPage.Category.PUBLICATION,
            themes=[youth, water],
        ),
        "webinar": NewsPageFactory(
            parent=index,
            title="Webinaire Togo",
            slug="webinaire-togo",
            date=datetime.date(2020, 11, 5),
            category=NewsPage.Category.EVENT,
            event_start=paris(2020, 11, 18, 10),
            event_end=paris(2020, 11, 18, 12, 30),
            event_online=True,
            countries=[senegal],
        ),
    }
    index_en = translate_page(index, "en", title="News", slug="news")
    call_en = translate_page(items["call"], "en", title="Franco-Lebanese call 2024", slug="lebanon-call-2024")
    # translate_page publishes a revision: reload the pages to see them live at their address.
    index_en, call_en = (type(p).objects.get(pk=p.pk) for p in (index_en, call_en))
    return {"index": index, "index_en": index_en, "call_en": call_en, **items}


def listed_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return re.findall(r'<h3 class="fr-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


# --- List order, filters, pagination ------------------------------------------------------------


def test_list_shows_newest_first(client, news):
    assert listed_titles(client, news["index"].url) == [
        "Appel à projets franco-libanais 2024",
        "Lauréats Généraliste 2021",
        "Rapport APD 2019",
        "Webinaire Togo",
    ]


def test_same_date_items_are_ordered_by_publication_time(client, news):
    NewsPageFactory(parent=news["index"], title="Deuxième du jour", date=datetime.date(2024, 3, 12))
    assert listed_titles(client, news["index"].url)[:2] == ["Deuxième du jour", "Appel à projets franco-libanais 2024"]


FILTER_CASES = [
    ("category=laureates", ["Lauréats Généraliste 2021"]),
    ("category=event", ["Webinaire Togo"]),
    ("theme=jeunesse", ["Appel à projets franco-libanais 2024", "Rapport APD 2019"]),
    ("theme=eau-assainissement", ["Lauréats Généraliste 2021", "Rapport APD 2019"]),
    ("country=SN", ["Lauréats Généraliste 2021", "Webinaire Togo"]),
    ("country=LB", ["Appel à projets franco-libanais 2024"]),
    ("year=2021", ["Lauréats Généraliste 2021", "Rapport APD 2019"]),
    ("year=2021&theme=jeunesse", ["Rapport APD 2019"]),
    ("year=2021&country=SN&category=laureates", ["Lauréats Généraliste 2021"]),
    ("theme=jeunesse&country=SN", []),
]


def test_filters_alone_and_combined(client, news):
    for query, expected in FILTER_CASES:
        assert listed_titles(client, f"{news['index'].url}?{query}") == expected, query


def test_filter_choices_come_from_the_data(client, news):
    html = client.get(news["index"].url).content.decode()
    years = re.search(r'<select class="fr-select" id="id_year".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="(\d+)"', years) == ["2024", "2021", "2020"]
    assert '<option value="institutional"' not in html  # no item of that category
    assert '<option value="jeunesse">Jeunesse</option>' in html
    assert '<option value="LB">Liban</option>' in html


def test_filter_state_is_kept_in_the_form_and_feed_links(client, news):
    html = client.get(f"{news['index'].url}?theme=jeunesse&year=2021").content.decode()
    assert '<option value="jeunesse" selected>' in html
    assert '<option value="2021" selected>' in html
    assert 'type="application/rss+xml"' in html
    assert f'href="{news["index"].url}rss/?theme=jeunesse&amp;year=2021"' in html
    assert '<meta name="robots" content="noindex, follow">' in html


BAD_QUERIES = [
    "year=abc",
    "year=1800",
    "theme=inconnu",
    "country=ZZ",
    "category=scoop",
    "page=abc",
    "page=0",
    "page=-3",
    "page=",
    "theme=%00&year=2021.5",
    "year=2024&year=x",
    "category=call&category=",
]


def test_bad_parameters_never_fail_and_are_ignored(client, news):
    for query in BAD_QUERIES:
        # Duplicated parameters: the last value counts, like everywhere in Django.
        assert len(listed_titles(client, f"{news['index'].url}?{query}")) == 4, query
    for route in ("rss/", "atom/", "agenda/"):
        for query in BAD_QUERIES:
            assert client.get(f"{news['index'].url}{route}?{query}").status_code == 200, (route, query)


def test_pagination_edges(client, news):
    for n in range(8):
        NewsPageFactory(parent=news["index"], title=f"Brève {n}", date=datetime.date(2019, 1, 1 + n))
    url = news["index"].url
    first = listed_titles(client, url)
    assert len(first) == 10
    last = listed_titles(client, f"{url}?page=2")
    assert len(last) == 2
    assert listed_titles(client, f"{url}?page=999") == last
    assert listed_titles(client, f"{url}?page=abc") == first
    html = client.get(f"{url}?year=2019&page=1").content.decode()
    assert url.startswith("/fr/")
    assert "8 actualités" in html
    html = client.get(f"{url}?page=1").content.decode()
    assert 'href="?page=2"' in html  # the pagination keeps the other parameters (none here)
    html = client.get(f"{url}?category=institutional&page=1").content.decode()
    assert 'href="?category=institutional&amp;page=2"' not in html  # one page only: no pagination


def test_pagination_links_keep_filters(client, news):
    for n in range(12):
        NewsPageFactory(parent=news["index"], title=f"Brève {n}", date=datetime.date(2019, 1, 1 + n))
    html = client.get(f"{news['index'].url}?year=2019").content.decode()
    assert 'href="?year=2019&amp;page=2"' in html


# --- Item page ---------------------------------------------------------------------------------


def test_item_page_shows_its_fields_and_related_items(client, news):
    html = client.get(news["report"].url).content.decode()
    assert "<h1>Rapport APD 2019</h1>" in html
    assert news["report"].url.startswith("/fr/")
    assert "Publication / rapport" in html
    assert '<time datetime="2021-02-16">16 février 2021</time>' in html
    assert "Un résumé de l’actualité." in html
    assert "Le texte de l’actualité." in html
    assert 'href="/fr/actualites/?theme=jeunesse">Jeunesse</a>' in html
    related = re.search(r'id="related-title".*?</section>', html, re.S).group(0)
    assert "Appel à projets franco-libanais 2024" in related  # shares the youth theme
    assert "Lauréats Généraliste 2021" in related  # shares the water theme
    assert 'type="application/atom+xml"' in html


def test_event_page_shows_times_in_paris_and_calendar_link(client, news):
    with time_machine.travel(datetime.datetime(2020, 11, 1, tzinfo=PARIS), tick=False):
        html = client.get(news["webinar"].url).content.decode()
    assert '<time datetime="2020-11-18T10:00:00+01:00">' in html
    assert "12:30" in html
    assert f'href="{news["webinar"].url}ics/"' in html


def test_event_validation():
    page = NewsPage(title="x", slug="x", summary="s", category=NewsPage.Category.EVENT)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "event_start" in error.value.message_dict
    page.event_start = paris(2024, 5, 2, 10)
    page.event_end = paris(2024, 5, 2, 9)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "event_end" in error.value.message_dict


def test_listing_date_is_the_publication_date(news):
    assert news["report"].listing_date == datetime.date(2021, 2, 16)


# --- Feeds -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("route", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_feeds_parse_and_list_newest_first(client, news, route, version):
    response = client.get(news["index"].url + route)
    assert response["Content-Type"].startswith("application/rss+xml" if route == "rss/" else "application/atom+xml")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == [
        "Appel à projets franco-libanais 2024",
        "Lauréats Généraliste 2021",
        "Rapport APD 2019",
        "Webinaire Togo",
    ]
    assert feed.entries[0].link == "http://localhost/fr/actualites/aap-liban-2024/"
    assert feed.entries[0].published_parsed[:3] == (2024, 3, 11)  # midnight in Paris is 23:00 UTC the day before


def test_feeds_honour_the_filters(client, news):
    for route in ("rss/", "atom/"):
        feed = feedparser.parse(client.get(f"{news['index'].url}{route}?theme=jeunesse&year=2021&page=zz").content)
        assert [entry.title for entry in feed.entries] == ["Rapport APD 2019"]
        feed = feedparser.parse(client.get(f"{news['index'].url}{route}?country=SN").content)
        assert [entry.title for entry in feed.entries] == ["Lauréats Généraliste 2021", "Webinaire Togo"]
        feed = feedparser.parse(client.get(f"{news['index'].url}{route}?year=abc").content)
        assert len(feed.entries) == 4


def test_feeds_are_per_locale(client, news):
    feed = feedparser.parse(client.get(news["index_en"].url + "rss/").content)
    assert [entry.title for entry in feed.entries] == ["Franco-Lebanese call 2024"]
    assert feed.entries[0].link == "http://localhost/en/news/lebanon-call-2024/"


# --- iCal --------------------------------------------------------------------------------------


def test_agenda_ics_lists_upcoming_events_in_paris_time(client, news):
    NewsPageFactory(
        parent=news["index"],
        title="Séminaire d’été",
        category=NewsPage.Category.EVENT,
        event_start=paris(2021, 7, 1, 14),
        event_end=paris(2021, 7, 1, 17),
        event_place="Lyon",
    )
    with time_machine.travel(datetime.datetime(2020, 11, 10, tzinfo=PARIS), tick=False):
        response = client.get(news["index"].url + "agenda/ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Webinaire Togo", "Séminaire d’été"]
    start = events[0].decoded("DTSTART")
    assert start == datetime.datetime(2020, 11, 18, 10, tzinfo=PARIS)
    assert str(start.tzinfo) == "Europe/Paris"
    assert events[1].decoded("DTSTART").hour == 14 and events[1].decoded("DTSTART").utcoffset().seconds == 7200
    assert str(events[1]["LOCATION"]) == "Lyon"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"

    with time_machine.travel(datetime.datetime(2021, 1, 1, tzinfo=PARIS), tick=False):
        calendar = icalendar.Calendar.from_ical(client.get(news["index"].url + "agenda/ics/").content)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Séminaire d’été"]


def test_event_ics_file(client, news):
    response = client.get(news["webinar"].url + "ics/")
    assert response.status_code == 200
    assert 'filename="webinaire-togo.ics"' in response["Content-Disposition"]
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("DTEND") == datetime.datetime(2020, 11, 18, 12, 30, tzinfo=PARIS)
    assert str(event["LOCATION"]) in ("Online", "En ligne")
    assert client.get(news["report"].url + "ics/").status_code == 404


def test_agenda_shows_upcoming_first_then_past(client, news):
    NewsPageFactory(parent=news["index"], title="Webinaire à venir", event=True)
    html = client.get(news["index"].url + "agenda/").content.decode()
    upcoming, past = html.split('id="past-title"')
    assert "Webinaire à venir" in upcoming and "Webinaire Togo" not in upcoming
    assert "Webinaire Togo" in past
    assert 'type="text/calendar"' in html


# --- Publishing --------------------------------------------------------------------------------


def test_scheduled_item_stays_hidden_until_its_time(client, news):
    go_live = timezone.now() + datetime.timedelta(days=2)
    page = NewsPageFactory.build(title="Annonce programmée", slug="annonce-programmee", date=datetime.date(2025, 1, 1))
    page.go_live_at = go_live
    news["index"].add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert "Annonce programmée" not in listed_titles(client, news["index"].url)
    assert client.get("/fr/actualites/annonce-programmee/").status_code == 404
    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
        assert listed_titles(client, news["index"].url)[0] == "Annonce programmée"


def test_expired_item_disappears(client, news):
    page = news["report"]
    page.expire_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    assert "Rapport APD 2019" in listed_titles(client, news["index"].url)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        # Hidden from the list even before the scheduler runs, then unpublished by it.
        assert "Rapport APD 2019" not in listed_titles(client, news["index"].url)
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live


def test_draft_item_is_not_listed(client, news):
    NewsPageFactory(parent=news["index"], title="Brouillon", live=False)
    assert "Brouillon" not in listed_titles(client, news["index"].url)


# --- Locales -----------------------------------------------------------------------------------


def test_translated_item_appears_only_in_its_locale(client, news):
    assert listed_titles(client, news["index_en"].url) == ["Franco-Lebanese call 2024"]
    assert "Franco-Lebanese call 2024" not in listed_titles(client, news["index"].url)


def test_theme_filter_matches_across_locales(client, news):
    """The English item points at the French theme (wagtail-localize copies the M2M): the
    English theme slug still finds it, and the English name is shown."""
    html = client.get(news["index_en"].url + "?theme=jeunesse").content.decode()
    assert "Franco-Lebanese call 2024" in html
    assert '<option value="jeunesse" selected>Youth</option>' in html
    assert '<p class="fr-card__detail">Youth</p>' in html
    html = client.get(news["call_en"].url).content.decode()
    assert ">Youth</a>" in html


def test_pages_render_in_every_language(client, news):
    for code in ("en", "es", "ar"):
        response = client.get(f"/{code}/actualites/aap-liban-2024/")
        # Untranslated item in es/ar: not there; the English one has its own slug.
        assert response.status_code == 404
    assert client.get(news["call_en"].url).status_code == 200


# --- Home page ---------------------------------------------------------------------------------


def test_home_shows_the_latest_news_of_its_locale(client, news, django_assert_num_queries):
    for n in range(3):
        NewsPageFactory(parent=news["index"], title=f"Récente {n}", date=datetime.date(2025, 1, 1 + n))
    home = news["index"].get_parent().specific
    with django_assert_num_queries(1):
        latest = home.latest_news()
        titles = [item.title for item in latest]
    assert titles == ["Récente 2", "Récente 1", "Récente 0", "Appel à projets franco-libanais 2024"]
    html = client.get("/fr/").content.decode()
    assert "Récente 2" in html and 'class="fr-card fr-enlarge-link"' in html
    html = client.get("/en/").content.decode()
    assert "Franco-Lebanese call 2024" in html and "Récente 2" not in html
