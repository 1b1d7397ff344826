"""Validated APD declarations feed the Atlas: the APD declared towards each country and
continent by year (table and chart), the share per continent on the World page, the APD of the
authorities of a région or département, the authority's page, and the open-data file per year;
the pages read it in a fixed number of queries however many declarations there are."""

import csv
import io
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apd.models import Declaration
from atlas.models import ApdCountryTotal, ApdFigure, ApdFlowFigure
from portal.authorities import FrenchAuthority
from tests.factories import CountryFactory
from tests.factories.apd import campaign, declare, flow
from tests.test_atlas_pages import BUDGETS, atlas, count_queries  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def declared(atlas):  # noqa: F811
    senegal = CountryFactory(iso_code="SN", name="Sénégal", name_ar="السنغال", continent="002")
    mexico = atlas["xalapa"].country
    the_campaign = campaign(2025)
    declare(
        the_campaign,
        atlas["epci"],
        None,
        [flow(mexico, "12000.50"), flow(mexico, "3000.00", "16066"), flow(senegal, "5000.00"), flow(None, "999.50")],
    )
    Declaration.objects.get().validate(None)
    cache.clear()
    return atlas | {"senegal": senegal, "mexico": mexico, "campaign": the_campaign}


def test_country_page_shows_the_declared_apd(client, declared):
    html = client.get("/fr/atlas/pays/MX/").content.decode()
    assert '<table id="atlas-declared-apd-table">' in html
    assert re.search(r'<th scope="row">2025</th><td class="atlas-amount" dir="ltr">15\s001\s€</td>', html)
    html = client.get("/ar/atlas/pays/MX/").content.decode()
    assert "المساعدة الإنمائية الرسمية المصرّح بها نحو هذا المكان" in html


def test_world_page_shows_the_share_per_continent(client, declared):
    html = client.get("/fr/atlas/monde/").content.decode()
    assert "Part de chaque continent dans l’APD déclarée" in html
    assert re.search(r"2025 : 21\s000\s€ au total", html)
    assert "Plusieurs pays / non ventilé" in html
    html = client.get("/fr/atlas/monde/002/").content.decode()
    assert re.search(r'<th scope="row">2025</th><td class="atlas-amount" dir="ltr">5\s000\s€</td>', html)


def test_region_and_authority_pages(client, declared):
    region = FrenchAuthority.objects.get(pk=declared["epci"].region_id)
    html = client.get(f"/fr/atlas/collectivites/region/{region.code}/").content.decode()
    assert "Aide publique au développement des collectivités de ce territoire" in html
    assert re.search(r"21\s000\s€", html)
    html = client.get(f"/fr/atlas/collectivites/epci/{declared['epci'].code}/").content.decode()
    assert re.search(r"21\s000\s€", html)


def test_open_data_file_per_year(client, declared):
    html = client.get("/fr/atlas/donnees/").content.decode()
    assert 'href="/fr/atlas/donnees/apd/2025/"' in html
    response = client.get("/fr/atlas/donnees/apd/2025/")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {(row["country_iso"], row["amount_eur"]) for row in rows} == {
        ("MX", "15000.50"),
        ("SN", "5000.00"),
        ("", "999.50"),
    }
    assert rows[0]["official_code"] == declared["epci"].code


def add_declared_volume(declared, authorities=40, start=100, own=True):
    """Validated-declaration figures of many authorities of the same département and région as
    Brest Métropole, over ten years and several countries, and (``own``) ten years of its own."""
    epci = declared["epci"]
    many = [
        FrenchAuthority(
            kind="commune",
            code=f"29{number:03d}",
            name=f"Commune {number}",
            region_id=epci.region_id,
            departement_id=epci.departement_id,
        )
        for number in range(start, start + authorities)
    ]
    many = FrenchAuthority.objects.bulk_create(many)
    countries = [declared["mexico"], declared["senegal"], None]
    ApdFlowFigure.objects.bulk_create(
        ApdFlowFigure(authority=authority, year=year, country=country, amount=100)
        for authority in [*many, *([epci] if own else [])]
        for year in range(2015, 2025)
        for country in countries
    )
    ApdFigure.objects.bulk_create(
        ApdFigure(authority=authority, year=year, amount=300, source=ApdFigure.Source.DECLARATION)
        for authority in [*many, *([epci] if own else [])]
        for year in range(2015, 2025)
    )
    ApdCountryTotal.objects.rebuild()  # a bulk load: the yearly summary rebuilt as generate_apd_volume does
    cache.clear()


FIGURES_PAGES = {
    "world": "/fr/atlas/monde/",
    "continent": "/fr/atlas/monde/019/",
    "country": "/fr/atlas/pays/MX/",
    "departement": "/fr/atlas/collectivites/departement/29/",
    "authority": "/fr/atlas/collectivites/epci/242900314/",
}


# The queries of each figures page, the same with one declaration and with 400 more yearly figures
# (warm cache). The declared APD of the World, continent and country pages is one query on the
# yearly summary (``ApdCountryTotal``): before it, the same number of queries summed every
# authority's figures by country on each view (~80,000 rows at the generated volume). The
# département and authority pages read the laureate rows' stored links to the referential (18 → 16).
# A level's figures, counts by theme, first authorities and APD by year are one statement
# (atlas.stats.cooperation_state: 4 → 1, the territory's APD in it too), the breadcrumb reads the
# router's ancestors, an authority's projects come with their total and themes and its APD figures
# with the authority, the calls of its two lists in one query (9/10/9/16/16 → 6/7/6/11/12); the
# state of a level (with the APD declared towards it) is kept under the content version, so the
# World, continent and country pages take only the queries every page shares (→ 4/4/4/10/12).
FIGURES_PAGE_QUERIES = {"world": 3, "continent": 3, "country": 3, "departement": 9, "authority": 11}


@pytest.mark.parametrize("page", FIGURES_PAGES)
def test_figures_pages_stay_flat_in_queries(client, declared, page):
    url = FIGURES_PAGES[page]
    few, _html = count_queries(client, url)
    add_declared_volume(declared)
    many, html = count_queries(client, url)
    assert (few, many) == (FIGURES_PAGE_QUERIES[page], FIGURES_PAGE_QUERIES[page]), page
    assert many <= BUDGETS["level"], (page, many)
    # The volume is on the page: 2015's figures were not there before.
    if page in ("world", "continent", "country"):
        declared_table = html.split('id="atlas-declared-apd-table"', 1)[1].split("</table>", 1)[0]
        assert '<th scope="row">2015</th>' in declared_table, page
    else:
        assert re.search(r'<th scope="row">2015</th>', html), page


def test_open_data_file_per_year_is_one_query(client, declared):
    url = "/fr/atlas/donnees/apd/2024/"
    add_declared_volume(declared, authorities=2)
    few = count_rows_and_queries(client, url)
    add_declared_volume(declared, authorities=60, start=200, own=False)
    many = count_rows_and_queries(client, url)
    assert few[0] == 3 * 3 and many[0] == 3 * 3 + 60 * 3
    assert many[1] == few[1], (few, many)


def count_rows_and_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    return len(rows), len(queries)
