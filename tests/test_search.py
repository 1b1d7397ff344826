"""Site search on any database: results page, facets, locale isolation, freshness, robustness,
promotions, autocomplete and the fallback when Elasticsearch is down."""

import json
import os
import re
import socket

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories import ContentPageFactory, translate_page

pytestmark = pytest.mark.django_db

RESULT_TITLE = re.compile(r'<h3 class="fr-h6 fr-mb-1v"><a href="[^"]*">(.*?)</a>')


def search(client, query="", lang="fr", **params):
    response = client.get(f"/{lang}/search/" if lang != "fr" else "/fr/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return response


def result_titles(response):
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", t) for t in re.findall(r'<h3 class="fr-h6 fr-mb-1v"><a href="[^"]*">(.*?)</a>', html)
    ]


@pytest.fixture
def pages(site_tree):
    water = ContentPageFactory(
        title="Eau et assainissement",
        intro="La loi Oudin-Santini permet de consacrer 1 % des budgets à la solidarité internationale.",
    )
    youth = ContentPageFactory(title="Jeunesse et volontariat", intro="Mobilité des jeunes et service civique.")
    return {"water": water, "youth": youth, **site_tree}


def test_search_page_without_query_explains_what_is_searched(client, site_tree):
    html = search(client).content.decode()
    assert "<h1>Rechercher</h1>" in html
    assert 'name="robots" content="noindex"' in html


def test_result_shows_type_date_title_and_highlighted_snippet(client, pages):
    response = search(client, "Oudin")
    html = response.content.decode()
    assert result_titles(response) == ["Eau et assainissement"]
    assert "<mark>Oudin</mark>" in html
    assert pages["water"].url in html
    assert 'class="fr-badge fr-badge--sm fr-badge--blue-ecume">Page' in html  # the content page's type
    assert "<time datetime=" in html


def test_french_url_path_is_translated(client, pages):
    assert client.get("/fr/recherche/", {"q": "jeunesse"}).status_code == 200
    assert client.get("/en/search/", {"q": "youth"}).status_code == 200


def test_no_result_page_helps(client, pages):
    html = search(client, "zzzxqw").content.decode()
    assert '<p role="status" id="results-count">0 résultat</p>' in html
    assert "fr-callout" in html


def test_locale_isolation(client, pages):
    translate_page(pages["youth"], "en", title="Youth and volunteering", intro="Young people mobility.")
    assert result_titles(search(client, "youth", lang="en")) == ["Youth and volunteering"]
    assert result_titles(search(client, "youth", lang="fr")) == []
    assert result_titles(search(client, "jeunesse", lang="en")) == []


def test_freshness_after_publish_and_unpublish(client, pages):
    page = ContentPageFactory(title="Patrimoine et sites remarquables", live=False)
    assert result_titles(search(client, "patrimoine")) == []
    page.save_revision().publish()
    assert result_titles(search(client, "patrimoine")) == ["Patrimoine et sites remarquables"]
    page.refresh_from_db()
    page.unpublish()
    assert result_titles(search(client, "patrimoine")) == []


def facet_options(response, name):
    """(value, count) of the facet's checkboxes."""
    html = response.content.decode()
    return [
        (value, int(count))
        for value, count in re.findall(
            rf'name="{name}" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*'
            rf"<span class=\"fr-hint-text\" data-facet-count>(\d+)",
            html,
        )
    ]


def test_scheduled_publication_reaches_the_index(client, pages):
    import datetime

    import time_machine
    from django.core.management import call_command

    go_live = timezone.now() + datetime.timedelta(days=1)
    page = ContentPageFactory.build(title="Rencontres de l’action internationale", slug="rencontres")
    page.go_live_at = go_live
    pages["homes"]["fr"].add_child(instance=page)
    page.save_revision().publish()  # scheduled, not live yet
    assert result_titles(search(client, "rencontres")) == []
    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
        assert result_titles(search(client, "rencontres")) == ["Rencontres de l’action internationale"]


def test_facets_by_content_type_and_year_with_counts(client, pages):
    response = search(client, "solidarité")
    assert result_titles(response) == ["Eau et assainissement"]
    assert facet_options(response, "type") == [("home.contentpage", 1)]
    year = str(timezone.localdate().year)  # a content page counts in its year of publication
    assert facet_options(response, "year") == [(year, 1)]
    filtered = search(client, "solidarité", year=str(int(year) - 1))
    assert result_titles(filtered) == ["Eau et assainissement"]  # a year with no result is ignored


def test_bad_filters_and_page_numbers_are_ignored(client, pages):
    for params in (
        {"type": "nope.model"},
        {"year": "not-a-year"},
        {"theme": "x" * 5000},
        {"page": "999"},
        {"page": "-3"},
        {"page": "abc"},
        {"country": ["SN", "??"]},
    ):
        assert result_titles(search(client, "solidarité", **params)) == ["Eau et assainissement"], params


ODD_QUERIES = [
    "",
    "   ",
    "a" * 1000,
    "coopération " * 100,
    '"appels à projets"',
    "'",
    '"',
    "&|!:*()",
    "eau & | ! : * ( ) <> ~ -",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "\\",
    "%_",
    "🤝🌍 coopération",
    "التعاون اللامركزي",
    "שלום",
    "\x00\x01",
    "NOT AND OR",
    "-eau",
]


def test_odd_queries_never_fail(client, pages):
    for query in ODD_QUERIES:
        for lang in ("fr", "ar"):
            search(client, query, lang=lang)
            suggestions = "/fr/recherche/suggestions/" if lang == "fr" else f"/{lang}/search/suggestions/"
            response = client.get(suggestions, {"q": query})
            assert response.status_code == 200, query
            assert "results" in response.json()


def test_queries_are_recorded_and_promotions_shown(client, pages):
    query = Query.get("oudin")
    SearchPromotion.objects.create(query=query, page=pages["youth"], description="À lire d’abord.", sort_order=0)
    html = search(client, "Oudin").content.decode()
    assert "À lire d’abord." in html
    assert html.index("Jeunesse et volontariat") < html.index("Eau et assainissement")
    assert Query.get("oudin").hits == 1
    search(client, "Oudin", page="2")  # paging does not count twice
    assert Query.get("oudin").hits == 1


def test_autocomplete_returns_titles_urls_and_types(client, pages):
    response = client.get("/fr/recherche/suggestions/", {"q": "assai"})
    data = response.json()
    assert response["Content-Type"] == "application/json"
    assert [r["title"] for r in data["results"]] == ["Eau et assainissement"]
    assert data["results"][0]["url"] == pages["water"].url
    assert data["status"]
    assert client.get("/fr/recherche/suggestions/", {"q": "a"}).json()["results"] == []


def test_header_box_leads_to_search_and_offers_autocomplete(client, site_tree):
    html = client.get("/fr/").content.decode()
    form = re.search(r'<form action="([^"]+)"[^>]*id="header-search"[^>]*>', html)
    assert form.group(1) == "/fr/recherche/"
    assert 'data-autocomplete-url="/fr/recherche/suggestions/"' in form.group(0)
    assert re.search(r'<script src="[^"]*search/autocomplete\.js" defer>', html)


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def elasticsearch_down(settings):
    url = f"http://127.0.0.1:{closed_port()}"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": [url], "TIMEOUT": 2},
        "database": {"BACKEND": "search.backends.database"},
    }
    return settings


def test_elasticsearch_down_publishing_works_and_search_falls_back(client, site_tree, elasticsearch_down):
    page = ContentPageFactory(title="Coopération sportive", intro="Vers les Jeux.")  # indexing must not raise
    page.save_revision().publish()
    response = search(client, "sportive")
    assert result_titles(response) == ["Coopération sportive"]
    assert (
        "Notre moteur de recherche principal est indisponible : ces résultats proviennent d’une recherche "
        "plus simple et peuvent être moins précis."
    ) in response.content.decode()
    assert client.get("/fr/recherche/suggestions/", {"q": "spor"}).status_code == 200


def test_elasticsearch_down_without_fallback_says_so_politely(client, site_tree, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": [f"http://127.0.0.1:{closed_port()}"]}
    }
    ContentPageFactory(title="Coopération sportive")
    response = search(client, "sportive")
    assert "fr-alert--warning" in response.content.decode()
    assert client.get("/fr/recherche/suggestions/", {"q": "spor"}).json()["results"] == []


@pytest.fixture
def elasticsearch(settings):
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("needs an Elasticsearch server: set ELASTICSEARCH_URL=http://localhost:9200")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": [url], "INDEX_PREFIX": "test_portal_"},
        "database": {"BACKEND": "search.backends.database"},
    }
    from django.core.management import call_command

    yield
    call_command("update_index", backend_name="default", verbosity=0)


def test_elasticsearch_finds_french_words_without_accents(client, site_tree, elasticsearch):
    from django.core.management import call_command

    ContentPageFactory(title="Coopération avec le Sénégal")
    call_command("update_index", backend_name="default", verbosity=0)
    response = search(client, "senegal")
    assert result_titles(response) == ["Coopération avec le Sénégal"]
    assert "main search engine" not in response.content.decode()


def test_autocomplete_json_is_plain_data(client, pages):
    title = "Alertes </script><script>alert(1)</script> & risques"
    ContentPageFactory(title=title, intro="Un titre qui contient du balisage.")
    response = client.get("/fr/recherche/suggestions/", {"q": "Alertes"})
    assert response["Content-Type"] == "application/json"
    raw = response.content.decode()
    assert "<" not in raw and ">" not in raw and "&" not in raw  # escaped: never read as markup
    assert "\\u003c/script\\u003e\\u003cscript\\u003e" in raw
    # The title as typed, as text (the script sets it with textContent), not HTML-escaped.
    assert [result["title"] for result in json.loads(raw)["results"]] == [title]


def test_published_intake_is_found_and_leaves_after_moderation(client, site_tree):
    from forms.models import PartnershipOffer
    from tests.factories.intake import LabelRequestFactory, OfferFactory

    offer = OfferFactory(published=True, project_title="Réhabilitation du marché de Ziguinchor")
    OfferFactory(project_title="Marché couvert de Ziguinchor (en attente)")  # not published: never found
    LabelRequestFactory(authority_name="Ville de Ziguinchorville")  # not labelled: never found
    response = search(client, "Ziguinchor")
    assert result_titles(response) == ["Réhabilitation du marché de Ziguinchor"]
    html = response.content.decode()
    assert "Offre de partenariat" in html
    assert ("type", "intake.partnershipoffer") in re.findall(r'name="(type)" value="([^"]+)"', html)

    offer.change_status(PartnershipOffer.Status.ARCHIVED)
    assert result_titles(search(client, "Ziguinchor")) == []
