"""In Chromium: the Atlas home draws its world map from the shipped shapes (choropleth, clusters
of partners when zoomed in, no outside request), the table alternative is there, the project
list's filters work, in French and in Arabic, with no serious accessibility violation."""

import pytest
from django.core.cache import cache

from atlas.models import AtlasIndexPage
from tests.axe import serious_violations
from tests.factories import CountryFactory, ThemeFactory, build_site, translate_page
from tests.factories.atlas import (
    AtlasIndexPageFactory,
    FrenchAuthorityFactory,
    PartnerAuthorityFactory,
    ProjectFactory,
    bretagne,
)

LEAFLET_LABELS = {
    "fr": ("Zoomer", "Dézoomer", "Carte : Natural Earth"),
    "ar": ("تكبير", "تصغير", "الخريطة: Natural Earth"),
}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_world_map_table_and_filters(live_server, browser_page):
    browser_page.set_default_timeout(60_000)  # the shared test machine can be slow
    cache.clear()
    build_site()
    page = AtlasIndexPageFactory()
    translate_page(page, "ar", title="أطلس التعاون اللامركزي")
    places = bretagne()
    mexico = CountryFactory(name="Mexique", iso_code="MX", name_ar="المكسيك", continent="019")
    senegal = CountryFactory(name="Sénégal", iso_code="SN", name_ar="السنغال", continent="002")
    water = ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    xalapa = PartnerAuthorityFactory(name="Xalapa", country=mexico)
    for number in range(3):
        ProjectFactory(title=f"Agua {number}", lead=places["epci"], partners=[xalapa])
    nouvelle_aquitaine = FrenchAuthorityFactory(kind="region", code="75", name="Nouvelle-Aquitaine")
    saint_louis = PartnerAuthorityFactory(name="Saint-Louis", country=senegal, latitude=16.02, longitude=-16.49)
    ProjectFactory(title="Eau à Saint-Louis", lead=nouvelle_aquitaine, partners=[saint_louis], themes=[water])
    outside = []
    browser_page.on(
        "request",
        lambda request: outside.append(request.url) if not request.url.startswith(live_server.url) else None,
    )

    for atlas in AtlasIndexPage.objects.order_by("locale__language_code"):  # ar, fr
        browser_page.goto(live_server.url + atlas.url)
        browser_page.wait_for_function("() => document.getElementById('atlas-map').dataset.drawn !== undefined")
        assert browser_page.locator("#atlas-map").get_attribute("data-drawn") == "2"  # Mexico, Senegal shaded
        assert browser_page.locator("#atlas-map").get_attribute("data-markers") == "2"
        assert browser_page.locator("#atlas-map path").count() > 100  # the countries of the base layer
        assert browser_page.locator("#atlas-map path[fill='#6a6af4'], #atlas-map path[fill='#000091']").count() >= 2
        assert browser_page.locator(".marker-cluster, #atlas-map path[fill='#e1000f']").count() == 0  # world view
        rows = browser_page.locator("#atlas-map-table tbody tr")
        assert rows.count() == 2
        # Leaflet's controls speak the page's language (titles, accessible names, attribution).
        zoom_in, zoom_out, attribution = LEAFLET_LABELS[atlas.locale.language_code]
        for selector, label in ((".leaflet-control-zoom-in", zoom_in), (".leaflet-control-zoom-out", zoom_out)):
            control = browser_page.locator(f"#atlas-map {selector}")
            assert control.get_attribute("title") == label
            assert control.get_attribute("aria-label") == label
        assert browser_page.locator("#atlas-map .leaflet-control-attribution").inner_text() == attribution
        assert serious_violations(browser_page) == [], atlas.locale.language_code
        # zoomed in: the partners appear (clustered or alone)
        browser_page.locator("#atlas-map .leaflet-control-zoom-in").click()
        browser_page.locator("#atlas-map .leaflet-control-zoom-in").click()
        browser_page.wait_for_selector("#atlas-map .marker-cluster, #atlas-map path[fill='#e1000f']", state="attached")

    # the list: filter by country through the filter bar
    browser_page.goto(live_server.url + "/fr/atlas/projets/")
    assert "4 projets" in browser_page.locator("#atlas-result-count").inner_text()
    browser_page.select_option("#id_country", "SN")
    browser_page.locator("#atlas-filters button[type=submit]").click()
    browser_page.wait_for_url("**country=SN**")
    assert "1 projet" in browser_page.locator("#atlas-result-count").inner_text()
    assert "Eau à Saint-Louis" in browser_page.locator("main").inner_text()
    browser_page.wait_for_function("() => document.getElementById('atlas-map').dataset.drawn !== undefined")
    assert browser_page.locator("#atlas-map").get_attribute("data-drawn") == "1"
    assert serious_violations(browser_page) == []
    browser_page.goto(live_server.url + "/ar/atlas/projets/?theme=eau-assainissement")
    assert browser_page.locator("#atlas-map-table tbody tr").count() == 1
    assert serious_violations(browser_page) == []
    browser_page.goto(live_server.url + "/ar/atlas/pays/SN/")
    assert browser_page.locator("h1").inner_text() == "السنغال"
    assert serious_violations(browser_page) == []
    assert outside == []
