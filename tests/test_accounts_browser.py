"""In Chromium: an embassy agent registers (verification link from the outbox), asks to join
the embassy, is approved by the ministry, submits an offer from the space and sees it under
examination; a reviewer publishes it; the agent sees it published and on the Bourse; an agent of
another embassy cannot see it. axe finds no serious violation on the way, in French and Arabic."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from accounts.models import Membership
from forms.models import PartnershipOffer
from tests.axe import serious_violations
from tests.factories.accounts import PASSWORD, embassy, member, ministry, person
from tests.factories.intake import build_intake_site, setup_roles, user_in_group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base, email, password=PASSWORD):
    page.goto(base + "/fr/espace/compte/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/fr/espace/")


def test_embassy_agent_from_registration_to_published_offer(live_server, browser, settings):
    settings.INTAKE_MAP_TILE_URL = ""
    cache.clear()
    site = build_intake_site()
    setup_roles()
    reviewer = user_in_group("instructrice", "Instructeurs")
    member(reviewer, ministry(), role="manager")
    mexico = embassy("MX", "Mexique")
    other_agent = person("mx@example.org", first_name="Luis", last_name="Ejemplo")
    member(other_agent, mexico)
    base = live_server.url
    agent_context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    reviewer_context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = agent_context.new_page()
    staff = reviewer_context.new_page()
    for tab in (page, staff):
        tab.set_default_timeout(15000)

    # The agent registers; the verification link arrives by e-mail.
    page.goto(base + "/fr/espace/compte/signup/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert serious_violations(page) == []
    page.fill("#id_email", "agent@example.org")
    page.fill("#id_first_name", "Awa")
    page.fill("#id_last_name", "Diop")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/confirm-email/")
    [message] = [m for m in mail.outbox if m.to == ["agent@example.org"]]
    link = re.search(r"https?://[^/\s]+(/fr/espace/compte/confirm-email/\S+/)", message.body).group(1)
    page.goto(base + link)
    page.locator("main form button[type=submit]").first.click()
    sign_in(page, base, "agent@example.org")
    assert "Awa Diop" in page.locator("main").inner_text()
    assert serious_violations(page) == []

    # The agent asks to join the embassy in Senegal.
    page.get_by_role("link", name="Demander à rejoindre une organisation").click()
    page.locator("#id_kind").select_option("embassy")
    page.locator("#id_country").select_option("SN")
    page.fill("#id_message", "Attachée de coopération")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Envoyer la demande").click()
    page.wait_for_url("**/fr/espace/")
    assert "demandée" in page.locator("main").text_content()
    membership = Membership.objects.get(person__email="agent@example.org")

    # The ministry approves the request from the space.
    staff.goto(base + "/admin/login/")
    staff.fill("#id_username", "instructrice")
    staff.fill("#id_password", "correct-horse-battery")
    staff.locator("form button[type=submit]").first.click()
    staff.wait_for_url("**/admin/")
    staff.goto(base + f"/fr/espace/organisations/{membership.organisation_id}/")
    staff.get_by_role("button", name="Approuver agent@example.org").click()
    staff.wait_for_selector("text=La décision est enregistrée")
    membership.refresh_from_db()
    assert membership.status == "approved"

    # The agent submits an offer from the space: the country is the embassy's.
    page.reload()
    page.get_by_role("link", name=re.compile("Nouvelle offre pour")).click()
    assert page.locator("#id_country").is_disabled()
    assert page.locator("#id_contact_email").input_value() == "agent@example.org"
    page.locator("#id_authority_name").fill("Commune de Saint-Louis")
    page.locator("#id_authority_type").select_option("municipality")
    page.locator("#id_project_title").fill("Patrimoine de l’île de Saint-Louis")
    page.locator("label", has_text="Patrimoine").first.click()
    page.locator("#id_description").fill("Restaurer les façades et former des artisans.")
    page.locator("#id_partner_sought").fill("Une ville française ayant un secteur sauvegardé.")
    page.locator("#id_working_languages").fill("français, wolof")
    page.locator("label[for=id_consent]").click()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Envoyer l’offre").click()
    page.wait_for_url("**/fr/espace/offres/BP-*/")
    offer = PartnershipOffer.objects.get()
    assert page.locator("#record-status").text_content().strip() == "en cours d’examen"
    assert serious_violations(page) == []

    # A reviewer publishes it in the admin.
    staff.goto(base + f"/admin/partnership_offers/inspect/{offer.pk}/")
    staff.locator("#id_status").select_option("published")
    staff.get_by_role("button", name="Enregistrer le nouveau statut").click()
    staff.wait_for_selector("text=publié")
    offer.refresh_from_db()
    assert offer.status == "published"

    # The agent sees it published, and on the Bourse.
    page.reload()
    assert page.locator("#record-status").text_content().strip() == "publiée"
    page.get_by_role("link", name="La voir sur la Bourse partenariats").click()
    page.wait_for_url(f"**{site['bourse'].url}offres/{offer.reference}/")
    assert "Patrimoine de l’île de Saint-Louis" in page.locator("main").inner_text()

    # An agent of another embassy cannot see it in the space.
    other = browser.new_context(locale="fr-FR").new_page()
    sign_in(other, base, "mx@example.org")
    assert "Patrimoine de l’île" not in other.locator("main").inner_text()
    response = other.goto(base + f"/fr/espace/offres/{offer.reference}/")
    assert response.status == 404

    # The sign-in page in Arabic, right to left.
    arabic = browser.new_context(locale="ar").new_page()
    arabic.goto(base + "/ar/espace/compte/login/")
    assert arabic.locator("html").get_attribute("dir") == "rtl"
    assert serious_violations(arabic) == []
    for context in (agent_context, reviewer_context, other.context, arabic.context):
        context.close()
