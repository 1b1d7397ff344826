"""The intake form with the keyboard's eyes, in Chromium, in French and Arabic: the error summary
takes the focus and its links lead to the fields; the captcha has a working audio file and a
"new code" button (issue 15, item 3)."""

import shutil

import pytest

from tests.factories import translate_page
from tests.factories.intake import build_intake_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_error_summary_focus_and_captcha_alternatives(live_server, browser_page, settings):
    assert shutil.which("flite"), "the captcha's audio needs flite (make system-deps installs it)"
    settings.CAPTCHA_FLITE_PATH = shutil.which("flite")
    site = build_intake_site()
    translate_page(site["bourse"], "ar", title="بورصة الشراكات")
    arabic = translate_page(site["offer_form"], "ar", title="اقتراح عرض")
    page = browser_page
    for url, new_code in (
        (site["offer_form"].url, "Un nouveau code de sécurité est affiché."),
        (arabic.url, "يُعرض الآن رمز أمان جديد."),
    ):
        page.goto(live_server.url + url)
        with page.expect_navigation():  # the page with errors, not the form before it
            page.locator("#intake-form button[type=submit]").click()
        assert page.evaluate("document.activeElement.id") == "form-errors"
        page.locator("#form-errors a").first.click()
        assert page.evaluate("document.activeElement.id") == "id_authority_name"

        image = page.locator(".intake-captcha img")
        before = image.get_attribute("src")
        audio = page.locator("[data-captcha-audio]").get_attribute("href")
        response = page.request.get(live_server.url + audio)
        assert response.status == 200 and response.headers["content-type"] == "audio/wav"
        assert len(response.body()) > 1000
        page.get_by_role("button", name=page.locator("[data-captcha-refresh]").inner_text()).click()
        page.wait_for_function(
                "before => document.querySelector('.intake-captcha img').getAttribute('src') !== before", arg=before
            )
        assert page.locator("[data-captcha-status]").inner_text() == new_code
        assert page.evaluate("document.activeElement.id") == "id_captcha_1"
