"""The header search box in Chromium: type, pick a suggestion, land on the page; axe on results."""

import pytest

from tests.axe import serious_violations
from tests.factories import ContentPageFactory, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_autocomplete_suggestion_leads_to_the_page_and_results_are_accessible(live_server, browser_page):
    build_site()
    target = ContentPageFactory(title="Eau et assainissement", intro="La loi Oudin-Santini et le 1 % eau.")
    training = ContentPageFactory(title="Éducation et formation", intro="Formation professionnelle des jeunes.")
    page = browser_page
    page.goto(f"{live_server.url}/fr/")

    box = page.get_by_role("combobox", name="Rechercher dans le site")
    box.click()
    box.press_sequentially("assain", delay=30)
    listbox = page.get_by_role("listbox")
    option = listbox.get_by_role("option", name="Eau et assainissement")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"

    # Keyboard: ↓ selects the first suggestion, Enter opens it.
    box.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    box.press("Enter")
    page.wait_for_url(f"{live_server.url}{target.url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Eau et assainissement"

    # With the mouse, and the results page when the form is submitted.
    page.goto(f"{live_server.url}/fr/")
    box = page.get_by_role("combobox", name="Rechercher dans le site")
    box.press_sequentially("format", delay=30)
    page.get_by_role("option", name="Éducation et formation").click()
    page.wait_for_url(f"{live_server.url}{training.url}")

    page.goto(f"{live_server.url}/fr/")
    box = page.get_by_role("combobox", name="Rechercher dans le site")
    box.press_sequentially("eau", delay=30)
    page.get_by_role("option", name="Eau et assainissement").wait_for()
    box.press("Enter")  # no suggestion chosen: the form goes to the results page
    page.wait_for_url(lambda url: url.endswith("/fr/recherche/?q=eau"))
    assert page.locator("mark").first.inner_text().lower() == "eau"
    assert page.get_by_role("link", name="Eau et assainissement").is_visible()
    assert serious_violations(page) == []

    page.goto(f"{live_server.url}/fr/recherche/?q=introuvable")
    assert serious_violations(page) == []
