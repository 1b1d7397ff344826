"""Navigation World → continent → country → région/département → authority, the live figures
on the Atlas home and the home page, and the map's data."""

import gzip
import json
import re

import pytest
from django.core.cache import cache

from atlas.models import ApdFigure, Project
from tests.test_atlas_pages import BUDGETS, add_volume, atlas, count_queries, no_page_cache  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def apd(atlas):  # noqa: F811
    ApdFigure.objects.create(authority=atlas["epci"], year=2021, amount=120000)
    ApdFigure.objects.create(authority=atlas["epci"], year=2022, amount=60000)
    cache.clear()
    return atlas


def test_world_continent_country_in_french(client, apd):
    html = client.get("/fr/atlas/monde/").content.decode()
    assert "<h1>Monde</h1>" in html
    # The current breadcrumb item is not a link without a destination (RGAA).
    assert '<li><span class="fr-breadcrumb__link" aria-current="page">Monde</span></li>' in html
    assert 'href="/fr/atlas/monde/019/">Amériques</a> — 1 projet' in html
    html = client.get("/fr/atlas/monde/019/").content.decode()
    assert "<h1>Amériques</h1>" in html
    assert 'href="/fr/atlas/pays/MX/">Mexique</a> — 1 projet' in html
    html = client.get("/fr/atlas/pays/MX/").content.decode()
    assert "<h1>Mexique</h1>" in html
    assert "Collectivités françaises engagées" in html
    assert 'href="/fr/atlas/collectivites/epci/242900314/">Brest Métropole</a> — 1 projet' in html
    assert "Xalapa</a> (Mexique) — 1 projet" in html
    assert "Eau et assainissement — 1 projet" in html
    # APD by year: a table (the chart is decorative)
    assert '<table id="atlas-apd-table">' in html
    assert re.search(r'<th scope="row">2021</th><td class="atlas-amount" dir="ltr">120\s000\s€</td>', html)
    assert 'class="atlas-bars" aria-hidden="true"' in html
    assert 'style="--atlas-bar: 100.0%"' in html and 'style="--atlas-bar: 50.0%"' in html
    assert 'href="/fr/atlas/projets/?country=MX"' in html


def test_levels_in_arabic_and_unknown_codes(client, apd):
    html = client.get("/ar/atlas/pays/MX/").content.decode()
    assert "<h1>المكسيك</h1>" in html
    assert client.get("/fr/atlas/pays/ZZ/").status_code == 404
    assert client.get("/fr/atlas/monde/999/").status_code == 404
    assert client.get("/fr/atlas/pays/mx/").status_code == 404


def test_region_page_shows_the_territory(client, apd):
    html = client.get("/fr/atlas/collectivites/region/53/").content.decode()
    assert "La coopération des collectivités de ce territoire" in html
    assert 'href="/fr/atlas/projets/?region=53"' in html
    assert "Brest Métropole</a> — 1 projet" in html


def test_atlas_home_has_continents_map_and_table(client, apd):
    html = client.get("/fr/atlas/").content.decode()
    assert 'href="/fr/atlas/monde/019/">Amériques</a> — 1 projet' in html
    assert 'id="atlas-map"' in html and 'data-url="/fr/atlas/carte/donnees/"' in html
    assert '<table id="atlas-map-table">' in html
    assert '<a href="/fr/atlas/pays/MX/">Mexique</a></th><td class="atlas-amount" dir="ltr">1</td>' in html
    assert "atlas/vendor/leaflet.markercluster/leaflet.markercluster.js" in html


def test_home_page_shows_live_figures(client, apd):
    html = client.get("/fr/").content.decode()
    assert '1</span> <span class="portal-key-figure__label">projets de coopération' in html
    assert "13 000" not in html
    assert 'href="/fr/atlas/">Explorer l’Atlas de la coopération décentralisée' in html
    # the figures follow the data (the cache is emptied when a project is saved)
    project = apd["project"]
    project.status = Project.Status.DRAFT
    project.save()
    html = client.get("/fr/").content.decode()
    assert "Explorer l’Atlas" not in html  # back to the figures typed by editors, if any


def test_map_data_is_compact_and_filtered(client, apd):
    response = client.get("/fr/atlas/carte/donnees/")
    data = json.loads(response.content)
    assert data["countries"] == {"484": 1}
    assert data["points"] == [[19.531, -96.916, 1, apd["xalapa"].pk, "Xalapa"]]
    assert json.loads(client.get("/fr/atlas/carte/donnees/?kind=twinning").content) == {"countries": {}, "points": []}
    assert len(gzip.compress(response.content)) < 300_000


@pytest.mark.parametrize("url", ["/fr/atlas/monde/", "/fr/atlas/pays/MX/", "/fr/atlas/"])
def test_level_query_budgets_stay_flat(client, apd, url):
    few, _html = count_queries(client, url)
    add_volume(apd, 25)
    cache.clear()
    many, _html = count_queries(client, url)
    assert few <= BUDGETS["level"] and many <= BUDGETS["level"], (few, many)
    assert many <= few
