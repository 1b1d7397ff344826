"""In Chromium: a project page of the Atlas draws its locator map from the shipped shapes (no
tile server, no outside request), in French and in Arabic, with no serious accessibility
violation; the authority and partner pages too."""

import pytest
from django.core.cache import cache

from atlas.models import AtlasIndexPage
from tests.axe import serious_violations
from tests.factories import CountryFactory, build_site, translate_page
from tests.factories.atlas import (
    AtlasIndexPageFactory,
    FundingLineFactory,
    PartnerAuthorityFactory,
    ProjectFactory,
    bretagne,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_project_page_draws_its_map_and_passes_axe(live_server, browser_page):
    cache.clear()
    build_site()
    page = AtlasIndexPageFactory()
    translate_page(page, "ar", title="أطلس التعاون اللامركزي")
    places = bretagne()
    mexico = CountryFactory(name="Mexique", iso_code="MX", continent="019")
    xalapa = PartnerAuthorityFactory(name="Xalapa", country=mexico)
    project = ProjectFactory(title="Gestión del agua en Xalapa", language="es", lead=places["epci"], partners=[xalapa])
    FundingLineFactory(project=project, amount=38000)
    outside = []
    browser_page.on(
        "request",
        lambda request: outside.append(request.url) if not request.url.startswith(live_server.url) else None,
    )

    for atlas in AtlasIndexPage.objects.order_by("locale__language_code"):  # ar, fr
        browser_page.goto(live_server.url + atlas.project_url(project))
        map_element = browser_page.locator("#atlas-locator-map")
        browser_page.wait_for_function("() => document.getElementById('atlas-locator-map').dataset.drawn !== undefined")
        assert map_element.get_attribute("data-drawn") == "2"  # the Finistère and Mexico
        assert (
            browser_page.locator("#atlas-locator-map path.leaflet-interactive, #atlas-locator-map path").count() > 100
        )
        assert browser_page.locator("#atlas-locator-map path[fill='#e1000f']").count() == 1  # Xalapa
        assert browser_page.locator("h1").get_attribute("lang") == "es"
        assert serious_violations(browser_page) == [], atlas.locale.language_code

    browser_page.goto(live_server.url + page.french_authority_url(places["epci"]))
    assert browser_page.locator("h1").inner_text() == "Brest Métropole"
    assert serious_violations(browser_page) == []
    browser_page.goto(live_server.url + page.partner_authority_url(xalapa))
    assert "Brest Métropole" in browser_page.locator("main").inner_text()
    assert serious_violations(browser_page) == []
    assert outside == []
