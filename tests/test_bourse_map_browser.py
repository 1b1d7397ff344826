"""In Chromium, on a phone-sized window: the Bourse map is fetched only when it comes near the
viewport (issue 15, item 6: no Leaflet work while the page loads), and a keyboard user jumps past
its markers with the link before it (item 4: the markers are tab stops)."""

import pytest
from django.core.cache import cache

from tests.factories.intake import OfferFactory, build_intake_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page):
    """What has the keyboard focus: its tag, id, classes and text."""
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, id: e.id, classes: e.className, text: e.textContent.trim()}; }"
    )


def test_map_loads_near_the_viewport_and_its_markers_can_be_skipped(live_server, browser, settings):
    settings.INTAKE_MAP_TILE_URL = ""  # no tile server reachable here: markers on a blank map
    cache.clear()
    site = build_intake_site()
    for n, (latitude, longitude) in enumerate(((16.03, -16.49), (14.69, -17.44), (12.37, -1.52))):
        OfferFactory(
            published=True,
            country=site["countries"]["SN"],
            latitude=latitude,
            longitude=longitude,
            project_title=f"Offre {n}",
        )
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 500})
    page = context.new_page()
    page.set_default_timeout(15000)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(live_server.url + site["bourse"].url)
        page.wait_for_function("() => document.documentElement.getAttribute('data-fr-js') === 'true'")
        bourse_map = page.locator("#bourse-map")
        # Far below the fold: nothing of the map is loaded, the list is there.
        assert page.evaluate("() => document.getElementById('bourse-map').getBoundingClientRect().top") > 500 + 300
        page.wait_for_timeout(500)
        assert page.evaluate("() => typeof window.L") == "undefined"
        assert not [url for url in requested if "leaflet" in url or "geojson" in url or "countries" in url]
        assert bourse_map.get_attribute("data-map") is None
        assert page.locator("#bourse-list a", has_text="Offre 0").count() == 1

        # Scrolled near it: Leaflet, the base layer and the markers come.
        bourse_map.scroll_into_view_if_needed()
        page.locator("#bourse-map .leaflet-marker-icon").first.wait_for()
        page.wait_for_function("() => document.getElementById('bourse-map').dataset.markers === '3'")
        assert page.locator("#bourse-map .leaflet-marker-icon").count() == 3

        # The markers are tab stops: from the skip link, Tab enters the map...
        skip = page.get_by_role("link", name="Passer la carte et aller à la liste des offres")
        skip.focus()
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.getElementById('bourse-map').contains(document.activeElement)")
        # ...while following the link puts the focus on the list's heading, after the map,
        target = skip.get_attribute("href")
        assert target == "#bourse-list-title"
        assert page.evaluate(
            "() => Boolean(document.getElementById('bourse-map').compareDocumentPosition("
            "document.getElementById('bourse-list-title')) & Node.DOCUMENT_POSITION_FOLLOWING)"
        )
        skip.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.id === 'bourse-list-title'")
        assert focused(page)["text"] == "Les offres"
        # and the next Tab reaches the first offer, no marker on the way.
        page.keyboard.press("Tab")
        assert focused(page)["text"] == "Offre 2"  # the newest first
        assert page.evaluate("() => !document.getElementById('bourse-map').contains(document.activeElement)")
    finally:
        context.close()
