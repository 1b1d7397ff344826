"""The listing framework (portal/listing.py) as visitors meet it on every list: the filter bar,
lenient filters, one pagination rule, one noindex rule, and feeds that honour the filters."""

import datetime

import feedparser
import icalendar
import pytest
from django.test import RequestFactory

from portal.listing import paginate
from tests.factories import ThemeFactory
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory, LaureatesPageFactory
from tests.factories.intake import LabelRequestFactory, OfferFactory, build_intake_site
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

NOINDEX = '<meta name="robots" content="noindex, follow">'


@pytest.mark.parametrize(
    ("number", "expected"),
    [("1", 1), ("2", 2), ("3", 3), ("", 1), ("abc", 1), ("0", 1), ("-3", 1), ("2.5", 1), ("999", 3), (None, 1)],
)
def test_a_bad_page_number_gives_the_first_or_the_last_page(number, expected):
    request = RequestFactory().get("/", {} if number is None else {"page": number})
    page_obj = paginate(request, list(range(25)), 10)
    assert page_obj.number == expected
    assert isinstance(page_obj.object_list, list)


@pytest.fixture
def lists(db):
    """Every list of the portal with two items of different themes and countries, in French."""
    site = build_intake_site()
    water, heritage = site["themes"]["water"], site["themes"]["heritage"]
    senegal, mexico = site["countries"]["SN"], site["countries"]["MX"]
    news = NewsIndexPageFactory()
    NewsPageFactory(parent=news, title="Eau à Saint-Louis", themes=[water], countries=[senegal])
    NewsPageFactory(parent=news, title="Patrimoine de Oaxaca", themes=[heritage], countries=[mexico])
    calls = CallIndexPageFactory()
    water_call = CallPageFactory(
        parent=calls, title="Appel eau", themes=[water], closed=True, call_type="bilateral", partner_country=senegal
    )
    CallPageFactory(parent=calls, title="Appel patrimoine", themes=[heritage])
    LaureateFactory(page=water_call, french_authority="Commune de l’eau", country=senegal, theme=water)
    LaureateFactory(page=water_call, french_authority="Commune du patrimoine", country=mexico, theme=heritage)
    laureates = LaureatesPageFactory(parent=calls)
    OfferFactory(published=True, project_title="Puits de Podor", country=senegal, themes=[water])
    OfferFactory(published=True, project_title="Centro de Oaxaca", country=mexico, themes=[heritage])
    LabelRequestFactory(labelled=True, authority_name="Brest Métropole", themes=[water])
    LabelRequestFactory(labelled=True, authority_name="Lyon", themes=[heritage])
    return {
        # list address: (the water item's text, the heritage item's text)
        news.url: ("Eau à Saint-Louis", "Patrimoine de Oaxaca"),
        calls.url: ("Appel eau", "Appel patrimoine"),
        laureates.url: ("Commune de l’eau", "Commune du patrimoine"),
        site["bourse"].url: ("Puits de Podor", "Centro de Oaxaca"),
        site["labelled"].url: ("Brest Métropole", "Lyon"),
    }


def test_every_list_has_the_same_filter_bar(client, lists):
    for url in lists:
        html = client.get(url).content.decode()
        assert html.count('<button type="submit" class="fr-btn">Filtrer</button>') == 1, url
        assert '<option value="eau-assainissement">Eau et assainissement</option>' in html, url
        assert "Effacer les filtres" not in html, url
        filtered = client.get(url, {"theme": "eau-assainissement"}).content.decode()
        assert '<option value="eau-assainissement" selected>Eau et assainissement</option>' in filtered, url
        assert "Effacer les filtres" in filtered, url


def test_every_list_filters_by_theme_and_ignores_unknown_values(client, lists):
    for url, (water, heritage) in lists.items():
        html = client.get(url, {"theme": "eau-assainissement"}).content.decode()
        assert water in html and heritage not in html, url
        for query in ({"theme": "inconnu"}, {"theme": "\x00"}, {"country": "ZZ", "year": "20x4", "page": "-1"}):
            response = client.get(url, query)
            assert response.status_code == 200, (url, query)
            html = response.content.decode()
            assert water in html and heritage in html, (url, query)


def test_one_noindex_rule_filtered_or_past_the_first_page(client, lists):
    for url in lists:
        assert NOINDEX not in client.get(url).content.decode(), url
        # A value that is ignored shows the whole list: it may be indexed like the list itself.
        assert NOINDEX not in client.get(url, {"theme": "inconnu"}).content.decode(), url
        assert NOINDEX in client.get(url, {"theme": "eau-assainissement"}).content.decode(), url


def test_pages_after_the_first_are_not_indexed(client, db):
    site = build_intake_site()
    for _ in range(13):
        OfferFactory(published=True, country=site["countries"]["SN"])
    url = site["bourse"].url
    assert NOINDEX not in client.get(url).content.decode()
    second = client.get(url, {"page": "2"}).content.decode()
    assert NOINDEX in second and "— page 2" in second
    assert NOINDEX not in client.get(url, {"page": "0"}).content.decode()  # the first page


def test_bourse_feed_lists_new_offers_with_the_list_filters(client, db):
    site = build_intake_site()
    OfferFactory(published=True, project_title="Puits de Podor", country=site["countries"]["SN"])
    OfferFactory(published=True, project_title="Centro de Oaxaca", country=site["countries"]["MX"])
    OfferFactory(project_title="Offre en attente", country=site["countries"]["MX"])
    bourse = site["bourse"]
    html = client.get(bourse.url, {"country": "MX"}).content.decode()
    assert f'href="{bourse.url}feed/rss/?country=MX"' in html
    assert "Flux RSS des nouvelles offres (avec ces filtres)" in html
    feed = feedparser.parse(client.get(bourse.url + "feed/rss/").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Centro de Oaxaca", "Puits de Podor"]
    assert feed.entries[0].link.startswith("http://testserver/fr/bourse-partenariats/offres/BP-2000-")
    assert "Mexique" in feed.entries[0].description
    feed = feedparser.parse(client.get(bourse.url + "feed/rss/", {"country": "MX", "theme": "x"}).content)
    assert [entry.title for entry in feed.entries] == ["Centro de Oaxaca"]


def test_labelled_authorities_feed(client, db):
    site = build_intake_site()
    LabelRequestFactory(labelled=True, authority_name="Brest Métropole", themes=[site["themes"]["water"]])
    LabelRequestFactory(labelled=True, authority_name="Lyon", themes=[site["themes"]["heritage"]])
    LabelRequestFactory(authority_name="Demande en cours")
    url = site["labelled"].url + "feed/rss/"
    assert {entry.title for entry in feedparser.parse(client.get(url).content).entries} == {"Brest Métropole", "Lyon"}
    feed = feedparser.parse(client.get(url, {"theme": "patrimoine"}).content)
    assert [entry.title for entry in feed.entries] == ["Lyon"]


def test_calendar_of_deadlines_honours_the_list_filters(client, site_tree):
    index = CallIndexPageFactory()
    youth = ThemeFactory(slug="jeunesse", name="Jeunesse")
    CallPageFactory(parent=index, title="Jeunesse", themes=[youth])
    CallPageFactory(parent=index, title="Sport", upcoming=True)
    CallPageFactory(parent=index, title="Fermé", closed=True, themes=[youth])

    def summaries(query):
        calendar = icalendar.Calendar.from_ical(client.get(index.url + "feed/ical/", query).content)
        return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))

    assert summaries({}) == ["Date limite : Jeunesse", "Date limite : Sport"]
    assert summaries({"theme": "jeunesse"}) == ["Date limite : Jeunesse"]
    assert summaries({"status": "upcoming"}) == ["Date limite : Sport"]
    html = client.get(index.url, {"theme": "jeunesse"}).content.decode()
    assert f'href="{index.url}feed/ical/?theme=jeunesse"' in html


def test_filter_choices_are_what_the_list_contains(client, site_tree):
    """The call list offers the themes, countries and years its calls use, in French."""
    index = CallIndexPageFactory()
    youth = ThemeFactory(slug="jeunesse", name="Jeunesse")
    ThemeFactory(slug="sport", name="Sport")  # used by no call
    CallPageFactory(parent=index, title="Jeunesse", themes=[youth], edition_year=2023)
    html = client.get(index.url).content.decode()
    assert '<option value="jeunesse">Jeunesse</option>' in html
    assert '<option value="sport">' not in html
    assert '<option value="2023">2023</option>' in html
    assert '<option value="">Tous les thèmes</option>' in html
    assert '<option value="closing-soon">Clôture proche</option>' in html


def test_a_call_list_with_a_closing_date_in_the_past_year(client, site_tree):
    """Year choices come from the calls' editions, most recent first."""
    index = CallIndexPageFactory()
    for year in (2021, 2024, 2022):
        CallPageFactory(parent=index, edition_year=year, closing_date=datetime.date.today())
    html = client.get(index.url).content.decode()
    assert (
        html.index('<option value="2024">') < html.index('<option value="2022">') < html.index('<option value="2021">')
    )
