"""The call list in a real browser: filter open calls by theme, open one, download its laureate
CSV; axe-core on the list and the call page."""

import csv
import datetime
import io

import pytest

from tests.axe import serious_violations
from tests.factories import CountryFactory, ThemeFactory, build_site
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_filters_open_calls_by_theme_opens_one_and_downloads_laureates(live_server, browser_page):
    build_site()
    youth = ThemeFactory(slug="jeunesse", name="Jeunesse et volontariat")
    sport = ThemeFactory(slug="sport", name="Sport")
    mexico = CountryFactory(iso_code="MX", name="Mexique")
    index = CallIndexPageFactory()
    today = datetime.date.today()
    youth_call = CallPageFactory(
        parent=index,
        title="Appel à projets Jeunesse",
        themes=[youth],
        opening_date=today - datetime.timedelta(days=30),
        closing_date=today + datetime.timedelta(days=5),
    )
    CallPageFactory(parent=index, title="Appel à projets Sport", themes=[sport])
    CallPageFactory(parent=index, title="Ancien appel Jeunesse", themes=[youth], closed=True)
    LaureateFactory(
        page=youth_call, french_authority="Brest Métropole", partner_authority="Xalapa", country=mexico, theme=youth
    )
    LaureateFactory(page=youth_call, french_authority="Orange", partner_authority="Zacatecas", country=mexico)

    page = browser_page
    page.goto(f"{live_server.url}{index.url}")
    assert page.get_by_role("heading", level=1).inner_text() == index.title
    assert serious_violations(page) == []

    page.get_by_label("Statut").select_option("open")
    page.get_by_label("Thème").select_option("jeunesse")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**status=open**")
    cards = page.locator(".fr-card__title")
    assert cards.all_inner_texts() == ["Appel à projets Jeunesse"]
    assert "Clôture dans 5 jours" in page.locator(".fr-card").inner_text()
    assert serious_violations(page) == []

    page.get_by_role("link", name="Appel à projets Jeunesse").click()
    page.wait_for_url(f"**{youth_call.url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Appel à projets Jeunesse"
    table = page.get_by_role("table")
    assert "Brest Métropole" in table.inner_text()
    assert serious_violations(page) == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger les lauréats (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8-sig").read())))
    assert [(r["french_authority"], r["partner_authority"], r["country_code"]) for r in rows] == [
        ("Brest Métropole", "Xalapa", "MX"),
        ("Orange", "Zacatecas", "MX"),
    ]
