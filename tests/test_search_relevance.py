"""Relevance on PostgreSQL: French stemming and accent folding, English, Spanish and Arabic
matching, titles above body text, open calls above closed ones, facets of news and calls.

A fixed list of queries, each with the page that must come first, on seeded content. The same
suite runs against an Elasticsearch server when ``ELASTICSEARCH_URL`` is set (one index per
language, ``search.backends.elasticsearch``); without it, those runs skip.
"""

import os
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.factories import ContentPageFactory, CountryFactory, ThemeFactory, translate_page
from tests.factories.calls import CallIndexPageFactory, CallPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

RESULT_TITLE = re.compile(r'<h3 class="fr-h6 fr-mb-1v"><a href="[^"]*">(.*?)</a>')

FIRST_RESULT = [
    # (language, query, title that must come first)
    ("fr", "cooperation", "La coopération décentralisée"),
    ("fr", "coopération", "La coopération décentralisée"),
    ("fr", "coopérations", "La coopération décentralisée"),
    ("fr", "COOPERATIONS decentralisees", "La coopération décentralisée"),
    ("fr", "appels a projets", "Appels à projets"),
    ("fr", "appel à projet", "Appels à projets"),
    ("fr", "senegal", "Fonds conjoint avec le Sénégal"),
    ("fr", "Sénégal", "Fonds conjoint avec le Sénégal"),
    ("fr", "assainissement", "Eau et assainissement"),
    ("fr", "numérique inclusif", "Numérique inclusif et responsable 2025"),
    ("fr", "jumelages", "Les jumelages entre communes"),
    ("fr", "jumelage", "Les jumelages entre communes"),
    ("en", "cooperation", "Decentralised cooperation"),
    ("en", "cooperations", "Decentralised cooperation"),
    ("en", "twinnings", "Twinning between towns"),
    ("es", "cooperación", "La cooperación descentralizada"),
    ("es", "cooperaciones", "La cooperación descentralizada"),
    ("ar", "التعاون", "التعاون اللامركزي"),
    # A country or its adjective finds what concerns the country, in the page's language.
    ("fr", "libanais", "Rencontre des maires à Beyrouth"),
    ("fr", "Liban", "Rencontre des maires à Beyrouth"),
    ("en", "Senegalese decentralised cooperation", "French-Senegalese joint fund 2021"),
    ("en", "Senegal", "French-Senegalese joint fund 2021"),
    ("es", "cooperación descentralizada México", "Fondo conjunto franco-mexicano 2024"),
    ("es", "mexicanos", "Fondo conjunto franco-mexicano 2024"),
    ("ar", "السنغال", "الآلية المشتركة الفرنسية 2021"),
    # The themes of a page in its language.
    ("es", "juventud", "Fondo conjunto franco-mexicano 2024"),
    # Spanish folds accents like French and English.
    ("es", "cooperacion", "La cooperación descentralizada"),
    ("es", "COOPERACION descentralizada", "La cooperación descentralizada"),
    ("es", "mexico", "Fondo conjunto franco-mexicano 2024"),
    # Arabic: alef forms, taa marbuta, alef maqsura, diacritics and tatweel are folded.
    ("ar", "افريقيا", "مياه الشرب في إفريقيا"),
    ("ar", "إِفْرِيقِيَا", "مياه الشرب في إفريقيا"),
    ("ar", "مدرسه", "مياه الشرب في إفريقيا"),
    ("ar", "مســتشفي", "مياه الشرب في إفريقيا"),
]


FOUND = [
    # (language, query, title that must be among the results): found through the names of the
    # page's countries and themes in its language, and the countries' adjectives.
    ("fr", "coopérations décentralisées Sénégal", "Dispositif franco-sénégalais 2021"),
    ("fr", "jeunesse mexicaine", "Lauréats du fonds franco-mexicain"),
    ("fr", "jeunesse mexicaine", "Dispositif conjoint 2024"),
    ("fr", "jeunesse Mexique", "Dispositif conjoint 2024"),
    ("fr", "mexicains", "Dispositif conjoint 2024"),
    ("es", "cooperación descentralizada México", "Fondo conjunto franco-mexicano 2024"),
]


def titles(client, lang, query, **params):
    with translation.override(lang):
        path = reverse("search")
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", t) for t in re.findall(r'<h3 class="fr-h6 fr-mb-1v"><a href="[^"]*">(.*?)</a>', html)
    ]


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings):
    """The backend the suite runs on: PostgreSQL's (always) or Elasticsearch (with a server)."""
    if request.param == "database":
        if not settings.USING_POSTGRESQL:
            pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
        return request.param
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("needs an Elasticsearch server: set ELASTICSEARCH_URL=http://localhost:9200")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": [url], "INDEX_PREFIX": "test_relevance_"},
        "database": {"BACKEND": "search.backends.database"},
    }
    return request.param


@pytest.fixture
def content(site_tree, engine):
    youth = ThemeFactory(name="Jeunesse", slug="jeunesse")
    digital = ThemeFactory(name="Numérique", slug="numerique")
    senegal = CountryFactory(name="Sénégal", iso_code="SN")
    mexico = CountryFactory(name="Mexique", iso_code="MX", name_en="Mexico", name_es="México", name_ar="المكسيك")
    about = ContentPageFactory(
        title="La coopération décentralisée",
        intro="L’action extérieure des collectivités territoriales.",
        body=[("paragraph", "<p>Communes, départements et régions agissent avec leurs partenaires.</p>")],
    )
    translate_page(about, "en", title="Decentralised cooperation", intro="External action of local authorities.")
    translate_page(about, "es", title="La cooperación descentralizada", intro="La acción exterior de los municipios.")
    translate_page(about, "ar", title="التعاون اللامركزي", intro="العمل الخارجي للسلطات المحلية.")
    twinning = ContentPageFactory(
        title="Les jumelages entre communes",
        intro="Un jumelage relie deux villes.",
        body=[("paragraph", "<p>Échanges de jeunes et de savoir-faire.</p>")],
    )
    translate_page(twinning, "en", title="Twinning between towns", intro="A twinning links two towns.")
    ContentPageFactory(
        title="Eau et assainissement",
        intro="La loi Oudin-Santini finance des projets d’eau potable.",
    )
    ContentPageFactory(
        title="Le guide opérationnel",
        intro="Ce guide explique la coopération, les coopérations thématiques et l’assainissement, "
        "les appels à projets et les partenariats avec le Sénégal.",
        body=[("paragraph", "<p>Coopération, coopération, coopération décentralisée.</p>")],
    )
    calls = CallIndexPageFactory()
    CallPageFactory(
        parent=calls,
        title="Fonds conjoint avec le Sénégal",
        summary="Un dispositif conjoint pour les projets des collectivités sénégalaises.",
        countries=[senegal],
    )
    open_call = CallPageFactory(
        parent=calls, title="Numérique inclusif et responsable 2025", summary="Projets numériques.", themes=[digital]
    )
    closed_call = CallPageFactory(
        parent=calls,
        closed=True,
        title="Numérique inclusif et responsable 2023",
        summary="Projets numériques.",
        themes=[digital],
    )
    news = NewsIndexPageFactory()
    NewsPageFactory(
        parent=news,
        title="Lauréats du fonds franco-mexicain",
        summary="Quatre projets de coopération avec le Mexique retenus.",
        themes=[youth],
        countries=[mexico],
    )
    lebanon = CountryFactory(name="Liban", iso_code="LB")
    NewsPageFactory(
        parent=news, title="Rencontre des maires à Beyrouth", summary="Les élus se réunissent.", countries=[lebanon]
    )
    bilateral = CallPageFactory(
        parent=calls,
        title="Dispositif franco-sénégalais 2021",
        summary="Soutien à la coopération décentralisée entre collectivités françaises et partenaires.",
        countries=[senegal],
    )
    translate_page(calls, "en", title="Calls for projects")
    translate_page(calls, "es", title="Convocatorias")
    translate_page(calls, "ar", title="الدعوات")
    translate_page(
        bilateral,
        "en",
        title="French-Senegalese joint fund 2021",
        summary="Support for decentralised cooperation between local authorities.",
    )
    translate_page(bilateral, "ar", title="الآلية المشتركة الفرنسية 2021", summary="دعم الشراكات.")
    spanish = Locale.objects.get(language_code="es")
    ThemeFactory(name="Juventud", slug="jeunesse", locale=spanish, translation_key=youth.translation_key)
    mexican = CallPageFactory(
        parent=calls,
        title="Dispositif conjoint 2024",
        summary="Partenariats entre collectivités.",
        countries=[mexico],
        themes=[youth],
    )
    translate_page(
        mexican,
        "es",
        title="Fondo conjunto franco-mexicano 2024",
        summary="Apoyo a la cooperación descentralizada entre gobiernos locales mexicanos y franceses.",
    )
    water = ContentPageFactory(title="Eau potable en Afrique", intro="Une école et un hôpital.")
    translate_page(water, "ar", title="مياه الشرب في إفريقيا", intro="مدرسة ومستشفى للمدينة.")
    if engine == "elasticsearch":  # every page indexed again with its relations, in a new index
        call_command("update_index", backend_name="default", verbosity=0)
    return {"open_call": open_call, "closed_call": closed_call}


def test_relevance_suite(client, content):
    failures = []
    for lang, query, expected in FIRST_RESULT:
        found = titles(client, lang, query)
        if not found or found[0] != expected:
            failures.append(f"[{lang}] {query!r}: expected {expected!r} first, got {found[:3]}")
    assert not failures, "\n".join(failures)


def test_countries_themes_and_adjectives_are_found(client, content):
    failures = []
    for lang, query, expected in FOUND:
        found = titles(client, lang, query)
        if expected not in found:
            failures.append(f"[{lang}] {query!r}: expected {expected!r} among {found}")
    assert not failures, "\n".join(failures)


def test_locale_isolation(client, content):
    french_titles = {"La coopération décentralisée", "Le guide opérationnel", "Fonds conjoint avec le Sénégal"}
    for query in ("cooperation", "coopération"):  # accents folded, English pages only
        found = titles(client, "en", query)
        assert found[0] == "Decentralised cooperation"
        assert not french_titles & set(found)
    assert "La coopération décentralisée" not in titles(client, "es", "cooperación")


def test_title_above_body(client, content):
    found = titles(client, "fr", "coopération")
    assert found.index("La coopération décentralisée") < found.index("Le guide opérationnel")


def test_open_call_above_closed_call_for_the_same_terms(client, content):
    assert titles(client, "fr", "numérique inclusif")[:2] == [
        "Numérique inclusif et responsable 2025",
        "Numérique inclusif et responsable 2023",
    ]


def test_facets_count_types_themes_countries_and_years(client, content):
    response = client.get("/fr/recherche/", {"q": "projets"})
    html = response.content.decode()

    def options(name):
        return dict(
            (value, int(count))
            for value, count in re.findall(
                rf'name="{name}" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="fr-hint-text" '
                rf"data-facet-count>(\d+)",
                html,
            )
        )

    types = options("type")
    assert types["calls.callpage"] == 3
    assert types["news.newspage"] == 1
    assert options("theme") == {"numerique": 2, "jeunesse": 1}
    assert options("country") == {"SN": 1, "MX": 1}
    assert "Numérique" in html and "Sénégal" in html
    closed_year = str(content["closed_call"].closing_date.year)
    assert int(options("year")[closed_year]) >= 1

    filtered = titles(client, "fr", "projets", theme="numerique")
    assert sorted(filtered) == ["Numérique inclusif et responsable 2023", "Numérique inclusif et responsable 2025"]
    assert titles(client, "fr", "projets", theme="numerique", type="news.newspage") == []
    assert titles(client, "fr", "projets", country="MX") == ["Lauréats du fonds franco-mexicain"]


def test_autocomplete_folds_accents(client, content):
    data = client.get("/fr/recherche/suggestions/", {"q": "senega"}).json()
    found = {r["title"]: r["type"] for r in data["results"]}
    assert found["Fonds conjoint avec le Sénégal"] == "Appel à projets"
    assert "Dispositif franco-sénégalais 2021" in found
