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


@pytest.fixture
def larger_volume(requires_postgresql, db):
    """A few hundred matches of "coopération" of three kinds (news items, calls, published
    offers) spread over four themes, four countries and six years."""
    from tests.factories.intake import OfferFactory, build_intake_site

    site = build_intake_site()
    themes = [
        site["themes"]["water"],
        site["themes"]["heritage"],
        ThemeFactory(name="Jeunesse", slug="jeunesse"),
        ThemeFactory(name="Climat", slug="climat"),
    ]
    countries = [
        site["countries"]["SN"],
        site["countries"]["MX"],
        CountryFactory(name="Liban", iso_code="LB"),
        CountryFactory(name="Maroc", iso_code="MA"),
    ]
    news = NewsIndexPageFactory()
    for n in range(150):
        NewsPageFactory(
            parent=news,
            title=f"Coopération {n}",
            summary="Actualité des partenariats.",
            date=datetime.date(2019 + n % 6, 1 + n % 12, 1),
            themes=themes[n % 4 : n % 4 + 1 + n % 2],
            countries=[countries[n % 3]] if n % 5 else [],
        )
    calls = CallIndexPageFactory()
    for n in range(30):
        CallPageFactory(
            parent=calls, title=f"Appel coopération {n}", themes=[themes[n % 3]], countries=countries[: 1 + n % 4]
        )
    for n in range(60):
        OfferFactory(
            published=True,
            project_title=f"Projet de coopération {n}",
            country=countries[n % 4],
            themes=[themes[(n + 1) % 4]],
        )
    return site


def test_every_facet_count_is_what_a_click_gives_at_volume(client, larger_volume):
    html = get(client, q="coopération")
    found = options(html)
    counts = {(name, value): count for name, value, count in found}
    # The site's own pages (the Bourse's…) match too: 244 results.
    assert total(html) == sum(count for (name, _value), count in counts.items() if name == "type") >= 240
    assert counts[("type", "news.newspage")] == 150
    assert counts[("type", "calls.callpage")] == 30
    assert counts[("type", "intake.partnershipoffer")] == 60
    assert {name for name, _value, _count in found} == {"type", "theme", "country", "year"}
    assert len(found) >= 3 + 4 + 4 + 6
    for name, value, count in found:
        assert total(get(client, q="coopération", **{name: value})) == count, (name, value)
    # Within a choice, each other value's count is still what ticking it gives.
    narrowed = options(get(client, q="coopération", country="SN", type="news.newspage"))
    for name, value, count in narrowed:
        if name not in ("country", "type"):
            clicked = get(client, q="coopération", country="SN", type="news.newspage", **{name: value})
            assert total(clicked) == count, (name, value)
    # The last page holds the rest of the results.
    pages = -(-total(html) // 10)
    rest = total(html) - 10 * (pages - 1)
    assert len(RESULT_TITLE.findall(get(client, q="coopération", page=pages))) == rest
    assert len(RESULT_TITLE.findall(get(client, q="coopération", page=999))) == rest
