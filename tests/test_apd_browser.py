"""In Chromium: a member of an authority declares two aid flows for one year (sees the totals
before submitting, then the reference and the receipt) and "no APD" for another year in Arabic;
the ministry validates the first in the admin; the Atlas's country page shows the new total in
French and Arabic. axe finds no serious violation on the way."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache

from apd.models import Declaration
from tests.axe import serious_violations
from tests.factories import CountryFactory, translate_page
from tests.factories.accounts import PASSWORD, authority_organisation, member, person
from tests.factories.apd import campaign
from tests.factories.atlas import AtlasIndexPageFactory
from tests.factories.intake import build_intake_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base, email):
    page.goto(base + "/fr/espace/compte/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/fr/espace/")


def test_authority_declares_ministry_validates_atlas_shows(live_server, browser):
    build_intake_site()
    atlas = AtlasIndexPageFactory()
    translate_page(atlas, "ar", title="أطلس التعاون اللامركزي")
    CountryFactory(iso_code="SN", name="Sénégal", name_ar="السنغال", continent="002")
    organisation = authority_organisation()
    authority = organisation.authority
    declarant = person("declarant@example.org")
    member(declarant, organisation)
    reviewer = person("reviewer@example.org", is_staff=True)
    reviewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="review_declaration")
    )
    campaign(2025)
    campaign(2024)
    base = live_server.url
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)

    sign_in(page, base, "declarant@example.org")
    page.goto(base + "/fr/espace/apd/")
    assert serious_violations(page) == []
    page.goto(base + f"/fr/espace/apd/{authority.pk}/2025/")
    assert serious_violations(page) == []
    for index, (amount, code) in enumerate((("12 000", "14030"), ("3000,50", "16066"))):
        page.select_option(f"#id_form-{index}-country", "SN")
        page.fill(f"#id_form-{index}-amount", amount)
        page.select_option(f"#id_form-{index}-purpose_code", code)
    page.select_option("#id_form-1-channel", "association")
    page.get_by_role("button", name="Vérifier et voir les totaux").click()
    page.wait_for_selector("#apd-totals-country")
    assert re.search(r"15\s000,50", page.inner_text("#apd-total"))
    assert serious_violations(page) == []
    page.get_by_role("button", name="Envoyer la déclaration").click()
    page.wait_for_selector("#apd-reference")
    reference = page.inner_text("#apd-reference")
    assert reference == "APD-2025-COM-17300"
    page.reload()
    assert page.get_by_role("link", name=re.compile("Accusé de réception")).count() == 1
    assert serious_violations(page) == []

    # A "nothing" year, in Arabic
    page.goto(base + f"/ar/espace/apd/{authority.pk}/2024/")
    # The DSFR checkbox is ticked through its label, as a person does (the input is drawn by it).
    page.locator("label[for=id_nothing_to_declare]").click()
    assert page.is_checked("#id_nothing_to_declare")
    page.locator("button[value=preview]").click()
    page.wait_for_selector("#apd-nothing")
    assert serious_violations(page) == []
    page.locator("button[value=confirm]").click()
    page.wait_for_selector("#apd-reference")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert serious_violations(page) == []

    # The ministry validates the 2025 declaration in the admin
    staff = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    staff.goto(base + "/admin/login/")
    staff.fill("#id_username", "reviewer")
    staff.fill("#id_password", PASSWORD)
    staff.locator("form button[type=submit]").first.click()
    staff.wait_for_url("**/admin/")
    declaration = Declaration.objects.get(reference=reference)
    staff.goto(base + f"/admin/apd/declarations/{declaration.pk}/")
    staff.check("input[value=validate]")
    staff.get_by_role("button", name=re.compile("Enregistrer la décision|Save the decision")).click()
    staff.wait_for_url("**/admin/apd/2025/")
    declaration.refresh_from_db()
    assert declaration.status == "validated"

    # The Atlas shows the new total, in French and Arabic
    cache.clear()
    for code in ("fr", "ar"):
        page.goto(base + f"/{code}/atlas/pays/SN/")
        table = page.inner_text("#atlas-declared-apd-table")
        assert "2025" in table and re.search(r"15\D{0,2}001", table), (code, table)
        assert serious_violations(page) == []
    context.close()
