"""The layout in a real browser: French and Arabic home pages, language switcher, axe-core."""

import pytest

from tests.axe import serious_violations
from tests.factories import build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_pages_switcher_and_accessibility(live_server, browser_page):
    site = build_site()
    page = browser_page
    page.goto(f"{live_server.url}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.get_by_role("heading", level=1).inner_text() == site["homes"]["fr"].hero_title
    assert serious_violations(page) == []

    # Follow the language switcher to Arabic: the page turns right-to-left.
    page.locator(".fr-header__tools .fr-translate__btn").click()
    page.locator(".fr-header__tools").get_by_role("link", name="AR - العربية").click()
    page.wait_for_url(f"{live_server.url}/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_role("heading", level=1).inner_text() == site["homes"]["ar"].hero_title
    # Right-to-left really applies: the header brand sits on the right half of the screen.
    box = page.locator(".fr-header__brand").bounding_box()
    assert box["x"] + box["width"] / 2 > 640
    assert serious_violations(page) == []

    # From a French content page, the switcher lands on its English translation.
    page.goto(f"{live_server.url}{site['content'].url}")
    page.locator(".fr-header__tools .fr-translate__btn").click()
    page.locator(".fr-header__tools").get_by_role("link", name="EN - English").click()
    page.wait_for_url(f"{live_server.url}{site['content_en'].url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Legal framework"
    assert serious_violations(page) == []
