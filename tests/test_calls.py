"""Calls for projects: status at the exact Paris-time boundaries, extensions, the call list and
its filters, the call page, the home page's closing calls, feeds and open data."""

import csv
import datetime
import io
import json
import re
import zoneinfo

import feedparser
import icalendar
import pytest
import time_machine

from calls.models import CallPage
from tests.factories import CountryFactory, ThemeFactory, translate_page
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory, LaureatesPageFactory

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def index(site_tree):
    return CallIndexPageFactory()


def statuses(call):
    """The status seen by the page and by each queryset method, which must agree."""
    qs = CallPage.objects.filter(pk=call.pk)
    return (
        call.status,
        qs.open().exists(),
        qs.upcoming().exists(),
        qs.closed().exists(),
    )


# -- status at the boundaries --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("closing", "last_second", "first_closed_second"),
    [
        # Summer time starts on 31 March 2024 at 02:00: the deadline is at UTC+2.
        (datetime.date(2024, 3, 31), paris(2024, 3, 31, 23, 59, 59), paris(2024, 4, 1, 0, 0, 0)),
        # Winter time comes back on 27 October 2024 at 03:00: the deadline is at UTC+1.
        (datetime.date(2024, 10, 27), paris(2024, 10, 27, 23, 59, 59), paris(2024, 10, 28, 0, 0, 0)),
        # An ordinary day.
        (datetime.date(2024, 6, 14), paris(2024, 6, 14, 23, 59, 59), paris(2024, 6, 15, 0, 0, 0)),
    ],
)
def test_a_closing_date_means_until_235959_paris_time(index, closing, last_second, first_closed_second):
    with time_machine.travel(paris(2024, 1, 1, 12), tick=False):
        call = CallPageFactory(parent=index, opening_date=datetime.date(2024, 1, 2), closing_date=closing)
    assert call.closing_at == last_second
    assert call.closing_at.utcoffset() == last_second.utcoffset()
    with time_machine.travel(last_second, tick=False):
        assert statuses(call) == ("closing-soon", True, False, False)
        assert call.days_left == 0
    with time_machine.travel(first_closed_second, tick=False):
        assert statuses(call) == ("closed", False, False, True)
        assert call.days_left is None


def test_opening_at_midnight_paris_on_the_day_summer_time_starts(index):
    call = CallPageFactory(
        parent=index, opening_date=datetime.date(2024, 3, 31), closing_date=datetime.date(2024, 5, 31)
    )
    # Midnight on 31 March is still winter time (UTC+1): 23:00 UTC the day before.
    assert call.opens_at == datetime.datetime(2024, 3, 30, 23, 0, tzinfo=datetime.UTC)
    with time_machine.travel(paris(2024, 3, 30, 23, 59, 59), tick=False):
        assert statuses(call) == ("upcoming", False, True, False)
    with time_machine.travel(paris(2024, 3, 31, 0, 0, 0), tick=False):
        assert statuses(call) == ("open", True, False, False)


def test_closing_time_other_than_midnight(index):
    call = CallPageFactory(
        parent=index,
        opening_date=datetime.date(2024, 1, 2),
        closing_date=datetime.date(2024, 3, 15),
        closing_time=datetime.time(12, 0),
    )
    assert call.closing_at == paris(2024, 3, 15, 12, 0)
    with time_machine.travel(paris(2024, 3, 15, 12, 0, 1), tick=False):
        assert call.status == "closed"


def test_closing_within_counts_from_now_at_the_boundary(index):
    call = CallPageFactory(
        parent=index, opening_date=datetime.date(2024, 3, 1), closing_date=datetime.date(2024, 3, 31)
    )
    # 14 × 24 hours before 31 March 23:59:59 (UTC+2) is 17 March 22:59:59 (UTC+1): the clocks go
    # forward in between, so the window opens at 22:59:59 Paris time, not 23:59:59.
    with time_machine.travel(paris(2024, 3, 17, 22, 59, 58), tick=False):
        assert not CallPage.objects.closing_within(14).filter(pk=call.pk).exists()
        assert call.status == "open"
    with time_machine.travel(paris(2024, 3, 17, 22, 59, 59), tick=False):
        assert CallPage.objects.closing_within(14).filter(pk=call.pk).exists()
        assert call.status == "closing-soon"


def test_results_published_when_a_closed_call_has_laureates(index):
    call = CallPageFactory(parent=index, closed=True)
    assert call.status == "closed"
    LaureateFactory(page=call)
    call = CallPage.objects.get(pk=call.pk)
    assert call.status == "results"
    assert list(CallPage.objects.with_statuses(["results"])) == [call]
    assert CallPage.objects.with_status().get(pk=call.pk).status == "results"


# -- extension -------------------------------------------------------------------------------------


def test_extended_deadline_is_shown_with_the_original_date(client, index):
    with time_machine.travel(paris(2020, 8, 1, 10), tick=False):
        call = CallPageFactory(
            parent=index,
            opening_date=datetime.date(2020, 1, 20),
            original_closing_date=datetime.date(2020, 7, 31),
            closing_date=datetime.date(2020, 9, 20),
        )
        assert call.is_extended and call.status == "open"
        html = client.get(call.url).content.decode()
    assert call.url.startswith("/fr/")
    assert "Date limite prolongée" in html
    assert "20 septembre 2020" in html and "31 juillet 2020" in html


def test_an_extension_must_be_later_than_the_original_deadline(index):
    from django.core.exceptions import ValidationError

    call = CallPage(
        title="x",
        slug="x",
        call_type="thematic",
        edition_year=2024,
        summary="x",
        opening_date=datetime.date(2024, 1, 1),
        closing_date=datetime.date(2024, 3, 1),
        original_closing_date=datetime.date(2024, 4, 1),
        application_url="https://example.org",
    )
    with pytest.raises(ValidationError) as error:
        call.clean()
    assert "original_closing_date" in error.value.message_dict


# -- the call list -------------------------------------------------------------------------------


def titles(response):
    return [call.title for call in response.context["calls"]]


def test_list_shows_open_calls_first_then_upcoming_then_closed(client, index):
    today = datetime.date(2024, 3, 1)
    d = lambda days: today + datetime.timedelta(days=days)  # noqa: E731
    with time_machine.travel(paris(2024, 3, 1, 9), tick=False):
        CallPageFactory(parent=index, title="Closed long ago", opening_date=d(-100), closing_date=d(-50))
        CallPageFactory(parent=index, title="Open, closes later", opening_date=d(-10), closing_date=d(40))
        CallPageFactory(parent=index, title="Upcoming", opening_date=d(5), closing_date=d(60))
        CallPageFactory(parent=index, title="Closed recently", opening_date=d(-60), closing_date=d(-2))
        CallPageFactory(parent=index, title="Open, closes soon", opening_date=d(-10), closing_date=d(3))
        response = client.get(index.url)
    assert titles(response) == [
        "Open, closes soon",
        "Open, closes later",
        "Upcoming",
        "Closed recently",
        "Closed long ago",
    ]
    html = response.content.decode()
    assert index.url.startswith("/fr/")
    assert "Clôture dans 3 jours" in html


def test_filters_by_status_type_theme_country_and_year(client, site_tree, index):
    youth = ThemeFactory(slug="jeunesse", name="Jeunesse")
    sport = ThemeFactory(slug="sport", name="Sport")
    mexico = CountryFactory(iso_code="MX", name="Mexique")
    CallPageFactory(parent=index, title="Jeunesse", themes=[youth])
    CallPageFactory(parent=index, title="Sport", themes=[sport], call_type="generalist")
    CallPageFactory(parent=index, title="Mexique", call_type="bilateral", partner_country=mexico, edition_year=2020)
    CallPageFactory(parent=index, title="Fermé", closed=True, themes=[youth])
    assert titles(client.get(index.url, {"status": "open", "theme": "jeunesse"})) == ["Jeunesse"]
    assert titles(client.get(index.url, {"type": "generalist"})) == ["Sport"]
    assert titles(client.get(index.url, {"country": "MX"})) == ["Mexique"]
    assert titles(client.get(index.url, {"year": "2020"})) == ["Mexique"]
    assert titles(client.get(index.url, {"status": "closed"})) == ["Fermé"]
    # A theme chosen in English matches the French theme of the call (same translation key).
    index_en = translate_page(index, "en", title="Calls")
    call_en = translate_page(CallPage.objects.get(title="Jeunesse"), "en", title="Youth")
    youth_en = youth.copy_for_translation(site_tree["homes"]["en"].locale)
    youth_en.name = "Youth"
    youth_en.save()
    response = client.get(index_en.url, {"theme": "jeunesse"})
    assert titles(response) == [call_en.title]
    assert "Youth" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"status": "nope", "theme": "<script>", "country": "ZZZ", "year": "20x4", "type": "x"},
        {"page": "abc"},
        {"page": "999"},
        {"year": "99999999999999999999"},
    ],
)
def test_bad_filter_values_are_ignored(client, index, query):
    CallPageFactory(parent=index, title="Seul appel")
    response = client.get(index.url, query)
    assert response.status_code == 200
    assert titles(response) == ["Seul appel"]


# -- the call page -------------------------------------------------------------------------------


def test_call_page_lists_laureates_in_order_and_links_downloads(client, index):
    call = CallPageFactory(parent=index, closed=True)
    LaureateFactory(page=call, french_authority="Orange", partner_authority="Zacatecas", sort_order=2)
    LaureateFactory(page=call, french_authority="Brest Métropole", partner_authority="Xalapa", sort_order=1)
    html = client.get(call.url).content.decode()
    assert html.index("Brest Métropole") < html.index("Orange")
    assert f'href="{call.url}laureates/csv/"' in html
    assert call.url.startswith("/fr/")
    assert "Résultats publiés" in html


def test_call_page_shows_its_laureates_fifty_at_a_time(client, index):
    """Issue 15: a call with hundreds of laureates is not one table of thousands of cells. The
    pages are numbered as every list's (the current number a <span>, never an <a> without
    address), the table's name says which rows it shows, the pages after the first are noindex."""
    call = CallPageFactory(parent=index, closed=True, title="Généraliste 2021")
    for n in range(1, 52):
        LaureateFactory(page=call, french_authority=f"Commune {n:02d}", sort_order=n)
    html = client.get(call.url).content.decode()
    assert html.count('<th scope="row">') == 50
    assert "Commune 50" in html and "Commune 51" not in html
    assert "<caption>Lauréats de « Généraliste 2021 », 1 à 50 sur 51</caption>" in html
    assert '<span class="fr-pagination__link" aria-current="page" title="Page 1">1</span>' in html
    assert '<a class="fr-pagination__link" href="?page=2" title="Page 2">2</a>' in html
    assert not re.search(r"<a(?![\w-])(?![^>]*href)[^>]*>", html)  # no <a> without address
    assert 'name="robots"' not in html
    second = client.get(call.url, {"page": 2}).content.decode()
    assert second.count('<th scope="row">') == 1 and "Commune 51" in second
    assert "<caption>Lauréats de « Généraliste 2021 », 51 à 51 sur 51</caption>" in second
    assert "<title>Généraliste 2021 — page 2 — " in second
    assert '<meta name="robots" content="noindex, follow">' in second
    # A bad or outdated page number is no error: the first or the last page.
    assert "Commune 01" in client.get(call.url, {"page": "x"}).content.decode()
    assert "Commune 51" in client.get(call.url, {"page": 9}).content.decode()
    # The downloads hold every laureate.
    assert len(json.loads(client.get(call.url + "laureates/json/").content)["laureates"]) == 51


def test_laureates_are_marked_french_on_a_page_in_another_language(client, index):
    """Issue 15, item 2: the ministry lists laureates in French; on the Arabic call page their
    names and projects carry lang="fr" (and the left-to-right direction)."""
    call = CallPageFactory(parent=index, closed=True)
    LaureateFactory(page=call, french_authority="Brest Métropole", partner_authority="Xalapa", project_title="Eau")
    translate_page(index, "ar", title="دعوات لتقديم المشاريع")
    call_ar = translate_page(call, "ar", title="دعوة")
    html = client.get(call_ar.url).content.decode()
    assert '<th scope="row" lang="fr" dir="ltr">Brest Métropole</th>' in html
    assert '<td lang="fr" dir="ltr">Xalapa</td>' in html
    assert '<td lang="fr" dir="ltr">Eau</td>' in html
    # On the French page, nothing to mark.
    assert '<th scope="row">Brest Métropole</th>' in client.get(call.url).content.decode()


# -- home ------------------------------------------------------------------------------------------


def test_home_lists_open_calls_closing_soonest(client, site_tree, index):
    CallPageFactory(parent=index, title="Later", closing_date=datetime.date.today() + datetime.timedelta(days=60))
    CallPageFactory(parent=index, title="Sooner", closing_date=datetime.date.today() + datetime.timedelta(days=5))
    CallPageFactory(parent=index, title="Closed", closed=True)
    CallPageFactory(parent=index, title="Upcoming", upcoming=True)
    home = site_tree["homes"]["fr"]
    assert [c.title for c in home.closing_calls()] == ["Sooner", "Later"]
    assert site_tree["homes"]["en"].closing_calls() == []
    html = client.get("/fr/").content.decode()
    assert html.index("Sooner") < html.index("Later")
    assert "Clôture dans 5 jours" in html


# -- exports and feeds -----------------------------------------------------------------------------


@pytest.fixture
def mexico_2020(index):
    culture = ThemeFactory(slug="culture", name="Culture")
    mexico = CountryFactory(iso_code="MX", name="Mexique")
    call = CallPageFactory(parent=index, title="Franco-mexicain 2020", edition_year=2020, closed=True)
    for n, (french, partner) in enumerate(
        [
            ("Communauté d’agglomération de La Rochelle", "État de Campeche"),
            ("Brest Métropole", "Xalapa"),
            ("Communauté d’agglomération du Pays Nord Martinique", "San Cristóbal de Las Casas"),
            ("Orange", "Zacatecas"),
        ]
    ):
        LaureateFactory(
            page=call, french_authority=french, partner_authority=partner, country=mexico, theme=culture, sort_order=n
        )
    return call


def test_laureates_csv(client, mexico_2020):
    response = client.get(mexico_2020.url + "laureates/csv/")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["french_authority"], r["partner_authority"]) for r in rows] == [
        ("Communauté d’agglomération de La Rochelle", "État de Campeche"),
        ("Brest Métropole", "Xalapa"),
        ("Communauté d’agglomération du Pays Nord Martinique", "San Cristóbal de Las Casas"),
        ("Orange", "Zacatecas"),
    ]
    assert {r["country_code"] for r in rows} == {"MX"}
    assert rows[0]["year"] == "2020" and rows[0]["theme_slug"] == "culture"


def test_laureates_json(client, mexico_2020):
    data = json.loads(client.get(mexico_2020.url + "laureates/json/").content)
    assert len(data["laureates"]) == 4
    assert data["laureates"][1]["partner_authority"] == "Xalapa"
    assert data["laureates"][1]["country"] == "Mexique"


def test_ical_holds_deadlines_of_open_and_upcoming_calls_only(client, index):
    with time_machine.travel(paris(2024, 3, 1, 9), tick=False):
        CallPageFactory(
            parent=index,
            title="Ouvert",
            opening_date=datetime.date(2024, 2, 1),
            closing_date=datetime.date(2024, 3, 31),
        )
        CallPageFactory(
            parent=index,
            title="À venir",
            opening_date=datetime.date(2024, 4, 1),
            closing_date=datetime.date(2024, 5, 15),
        )
        CallPageFactory(
            parent=index, title="Fermé", opening_date=datetime.date(2024, 1, 1), closing_date=datetime.date(2024, 2, 1)
        )
        response = client.get(index.url + "feed/ical/")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 2
    (ouvert,) = [e for title, e in events.items() if "Ouvert" in title]
    assert ouvert.decoded("dtstart") == paris(2024, 3, 31, 23, 59, 59)
    assert not [title for title in events if "Fermé" in title]


def test_rss_lists_calls_and_honours_filters(client, index):
    youth = ThemeFactory(slug="jeunesse", name="Jeunesse")
    CallPageFactory(parent=index, title="Jeunesse 2024", themes=[youth])
    CallPageFactory(parent=index, title="Sport 2024")
    feed = feedparser.parse(client.get(index.url + "feed/rss/").content)
    assert {entry.title for entry in feed.entries} == {"Jeunesse 2024", "Sport 2024"}
    feed = feedparser.parse(client.get(index.url + "feed/rss/", {"theme": "jeunesse"}).content)
    assert [entry.title for entry in feed.entries] == ["Jeunesse 2024"]
    assert feed.entries[0].link.endswith(
        "/fr/appels-a-projets/" + CallPage.objects.get(title="Jeunesse 2024").slug + "/"
    )


def test_open_calls_json(client, index):
    theme = ThemeFactory(slug="sport", name="Sport")
    CallPageFactory(
        parent=index, title="Ouvert B", themes=[theme], closing_date=datetime.date.today() + datetime.timedelta(days=20)
    )
    CallPageFactory(parent=index, title="Ouvert A", closing_date=datetime.date.today() + datetime.timedelta(days=2))
    CallPageFactory(parent=index, title="Fermé", closed=True)
    CallPageFactory(parent=index, title="À venir", upcoming=True)
    response = client.get(index.url + "open-calls/json/")
    assert response["Access-Control-Allow-Origin"] == "*"
    calls = json.loads(response.content)["calls"]
    assert [c["title"] for c in calls] == ["Ouvert A", "Ouvert B"]
    assert calls[1]["themes"] == ["sport"]
    assert calls[0]["closing_at"].endswith(("+01:00", "+02:00"))
    assert calls[0]["closing_at"][11:19] == "23:59:59"


# -- the laureates page ----------------------------------------------------------------------------


def test_laureates_page_filters_across_calls(client, index, mexico_2020):
    lebanon = CountryFactory(iso_code="LB", name="Liban")
    other = CallPageFactory(parent=index, title="Franco-libanais 2021", edition_year=2021, closed=True)
    LaureateFactory(page=other, french_authority="Ville de Lyon", partner_authority="Beyrouth", country=lebanon)
    page = LaureatesPageFactory(parent=index)
    html = client.get(page.url).content.decode()
    assert "Ville de Lyon" in html and "Xalapa" in html
    for query, expected, absent in [
        ({"country": "LB"}, "Ville de Lyon", "Xalapa"),
        ({"year": "2020"}, "Xalapa", "Ville de Lyon"),
        ({"theme": "culture"}, "Xalapa", "Ville de Lyon"),
        ({"call": str(other.pk)}, "Ville de Lyon", "Xalapa"),
    ]:
        html = client.get(page.url, query).content.decode()
        assert expected in html and absent not in html, query
    assert client.get(page.url, {"call": "x", "year": "y", "page": "-1"}).status_code == 200
    rows = list(
        csv.DictReader(io.StringIO(client.get(page.url + "csv/", {"country": "LB"}).content.decode("utf-8-sig")))
    )
    assert [r["french_authority"] for r in rows] == ["Ville de Lyon"]
