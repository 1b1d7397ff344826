"""Search facets are exact over every match, and a results page costs a bounded number of queries.

Facet counts are aggregated in SQL over all the matches (not over the first few hundred hits):
ticking a facet value gives exactly as many results as its count said.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CountryFactory, ThemeFactory
from tests.factories.calls import CallIndexPageFactory, CallPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

TOTAL = re.compile(r'id="results-count">(\d+) résultats?<')
OPTION = re.compile(
    r'name="(\w+)" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="fr-hint-text" data-facet-count>(\d+)'
)
RESULT_TITLE = re.compile(r'<h3 class="fr-h6 fr-mb-1v"><a href="[^"]*">')


def get(client, **params):
    response = client.get("/fr/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def total(html):
    return int(TOTAL.search(html).group(1))


def options(html):
    return [(name, value, int(count)) for name, value, count in OPTION.findall(html)]


def make_news(parent, count, themes, countries, start=0):
    for n in range(start, start + count):
        NewsPageFactory(
            parent=parent,
            title=f"Coopération territoriale {n}",
            summary="Projets de jumelage.",
            date=datetime.date(2021 + n % 3, 3, 1),
            themes=[themes[n % len(themes)]] if n % 4 else themes,
            countries=[countries[n % len(countries)]],
        )


@pytest.fixture
def volume(site_tree, requires_postgresql):
    themes = [ThemeFactory(name="Jeunesse", slug="jeunesse"), ThemeFactory(name="Climat", slug="climat")]
    countries = [CountryFactory(name="Sénégal", iso_code="SN"), CountryFactory(name="Mexique", iso_code="MX")]
    news = NewsIndexPageFactory()
    make_news(news, 24, themes, countries)
    calls = CallIndexPageFactory()
    for n in range(3):
        CallPageFactory(parent=calls, title=f"Coopération et climat {n}", themes=[themes[1]], countries=[countries[0]])
    return {"news": news, "themes": themes, "countries": countries}


def test_every_facet_count_is_the_number_of_results_when_ticked(client, volume):
    html = get(client, q="coopération")
    found = options(html)
    assert total(html) == sum(count for name, _value, count in found if name == "type") >= 27
    assert {name for name, _value, _count in found} == {"type", "theme", "country", "year"}
    for name, value, count in found:
        assert total(get(client, q="coopération", **{name: value})) == count, (name, value)
    # With a choice made, the other facets count within it, and still say what ticking gives.
    narrowed = options(get(client, q="coopération", theme="climat"))
    for name, value, count in narrowed:
        if name != "theme":
            assert total(get(client, q="coopération", theme="climat", **{name: value})) == count, (name, value)


def test_facets_count_every_match_not_only_the_first_hits(client, volume, monkeypatch):
    from search import engine

    monkeypatch.setattr(engine, "MAX_HITS", 5)  # the old engine counted the first MAX_HITS only
    found = {(name, value): count for name, value, count in options(get(client, q="coopération"))}
    assert found[("type", "news.newspage")] == 24
    assert found[("theme", "jeunesse")] == 12  # 6 with the theme alone, 6 with both themes
    assert found[("country", "SN")] == 15


def test_results_page_costs_the_same_number_of_queries_for_few_or_many_matches(client, volume):
    def queries(**params):
        client.get("/fr/recherche/", params)  # warm caches (content types, site root)
        with CaptureQueriesContext(connection) as captured:
            client.get("/fr/recherche/", params)
        return len(captured)

    few = queries(q="coopération")
    make_news(volume["news"], 12, volume["themes"], volume["countries"], start=100)
    many = queries(q="coopération")
    assert many == few <= 35  # per model and facet, never per result
    faceted = queries(q="coopération", theme="jeunesse", country="SN", year="2022")
    assert faceted <= 60
