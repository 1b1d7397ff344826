"""In Chromium: an embassy submits an offer in Spanish, a reviewer publishes it in the admin, it
appears in the public list and on the map; no serious accessibility violation on the way."""

import pytest
from django.core.cache import cache

from forms.models import PartnershipOffer
from tests.axe import serious_violations
from tests.factories.intake import build_intake_site, setup_roles, user_in_group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_offer_from_spanish_form_to_published_map(live_server, browser_page, settings):
    settings.INTAKE_MAP_TILE_URL = ""  # no tile server reachable here: markers on a blank map
    cache.clear()
    site = build_intake_site(spanish=True)
    setup_roles()
    user_in_group("instructrice", "Instructeurs")
    page = browser_page

    # The embassy fills in the Spanish form.
    page.goto(live_server.url + site["offer_form_es"].url)
    assert page.locator("html").get_attribute("lang") == "es"
    assert serious_violations(page) == []
    page.get_by_label("Nombre de la autoridad local").fill("Municipio de Oaxaca de Juárez")
    page.get_by_label("Tipo de autoridad local").select_option("municipality")
    page.get_by_label("País").select_option("MX")
    page.get_by_label("Latitud").fill("17.07")
    page.get_by_label("Longitud").fill("-96.73")
    page.get_by_label("Título del proyecto").fill("Rehabilitación del centro histórico")
    page.locator("label", has_text="Patrimonio").click()  # DSFR draws the box on the label
    page.get_by_label("Descripción del proyecto").fill("Restaurar fachadas y formar artesanos.")
    page.get_by_label("Socio francés buscado").fill("Una ciudad francesa con un sector protegido.")
    page.get_by_label("Idiomas de trabajo").fill("español, francés")
    page.get_by_label("Embajada o consulado").fill("Embajada de Francia en México")
    page.get_by_label("Persona de contacto").fill("Lucía Ejemplo")
    page.locator("#id_contact_email").fill("lucia@example.org")
    page.locator("label", has_text="Acepto que el ministerio").click()
    page.locator("#id_captcha_1").fill("PASSED")
    page.get_by_role("button", name="Enviar").click()
    page.wait_for_url("**/merci/")
    offer = PartnershipOffer.objects.get()
    assert offer.reference in page.locator("h2").first.inner_text()
    assert offer.language == "es"

    # A reviewer publishes it in the admin (in French).
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "instructrice")
    page.fill("#id_password", "correct-horse-battery")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + "/admin/partnership_offers/")
    page.get_by_role("link", name=offer.reference).click()
    page.locator("#id_status").select_option("published")
    page.locator("#id_comment").fill("Oferta completa")
    page.get_by_role("button", name="Enregistrer le nouveau statut").click()
    page.wait_for_selector("text=Oferta completa")
    offer.refresh_from_db()
    assert offer.status == "published"

    # It is in the public list and on the map.
    page.goto(live_server.url + site["bourse_es"].url)
    assert page.get_by_role("link", name="Rehabilitación del centro histórico").is_visible()
    page.locator("#bourse-map").scroll_into_view_if_needed()  # the map is loaded near the viewport
    marker = page.locator('.leaflet-marker-icon[title="Rehabilitación del centro histórico"]')
    marker.wait_for()
    assert page.locator("#bourse-map").get_attribute("data-markers") == "1"
    # Leaflet's controls in the page's language, not Leaflet's English
    assert page.locator("#bourse-map .leaflet-control-zoom-in").get_attribute("aria-label") == "Acercar"
    assert page.locator("#bourse-map .leaflet-control-zoom-out").get_attribute("title") == "Alejar"
    assert page.locator("#bourse-map .leaflet-control-attribution").inner_text().startswith("Mapa: Natural Earth")
    marker.click()
    assert page.locator(".leaflet-popup-content").get_by_text("Municipio de Oaxaca de Juárez").is_visible()
    # Let the popup finish fading in: axe would measure the contrast of half-transparent text.
    page.wait_for_function("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")
    assert serious_violations(page) == []
