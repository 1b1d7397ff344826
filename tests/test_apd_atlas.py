"""Validated APD declarations feed the Atlas: the APD declared towards each country and
continent by year (table and chart), the share per continent on the World page, the APD of the
authorities of a région or département, the authority's page, and the open-data file per year;
the pages read it in a fixed number of queries however many declarations there are."""

import csv
import io
import re

import pytest
from django.core.cache import cache

from apd.models import Declaration
from atlas.models import ApdFlowFigure
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


@pytest.mark.parametrize("url", ["/fr/atlas/monde/", "/fr/atlas/monde/019/", "/fr/atlas/pays/MX/"])
def test_figures_pages_stay_flat_in_queries(client, declared, url):
    few, _html = count_queries(client, url)
    authorities = [
        FrenchAuthority.objects.create(kind="commune", code=f"99{number:03d}", name=f"Commune {number}")
        for number in range(30)
    ]
    ApdFlowFigure.objects.bulk_create(
        ApdFlowFigure(authority=authority, year=year, country=declared["mexico"], amount=100)
        for authority in authorities
        for year in range(2016, 2026)
    )
    cache.clear()
    many, _html = count_queries(client, url)
    assert many <= BUDGETS["level"], (few, many)
    assert many <= few
