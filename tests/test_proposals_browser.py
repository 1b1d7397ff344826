"""In Chromium: a member of a French authority proposes a change to its Atlas project from the
space and sees it under examination, the project unchanged; a reviewer accepts it in the admin;
the member sees it accepted and the public Atlas page shows the new title. axe finds no serious
violation in French, and on the proposal form in Spanish."""

import pytest
from django.core.cache import cache

from atlas.models import Project
from proposals.models import ProjectProposal
from tests.axe import serious_violations
from tests.factories.accounts import PASSWORD, authority_organisation, member, person
from tests.factories.atlas import ProjectFactory
from tests.factories.intake import build_intake_site, setup_roles, user_in_group
from tests.test_accounts_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_authority_proposes_and_the_ministry_accepts(live_server, browser):
    cache.clear()
    build_intake_site()
    setup_roles()
    reviewer = user_in_group("instructrice", "Instructeurs")
    organisation = authority_organisation()
    agent = person("dri@example.org", first_name="Jeanne", last_name="Rochelaise")
    member(agent, organisation)
    project = ProjectFactory(title="Eau potable à Dakar", lead=organisation.authority, start_year=2019)
    base = live_server.url
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)

    sign_in(page, base, "dri@example.org", PASSWORD)
    assert "Eau potable à Dakar" in page.locator("#atlas-proposals").inner_text()
    assert serious_violations(page) == []
    page.locator("#atlas-proposals").get_by_role(
        "link", name="Proposer des modifications — Eau potable à Dakar"
    ).click()
    page.wait_for_url("**/propositions/organisations/*/projets/*/")
    assert page.locator("#id_title").input_value() == "Eau potable à Dakar"
    page.fill("#id_end_year", "2010")
    page.get_by_role("button", name="Envoyer la proposition").click()
    assert page.locator("#error-summary").is_visible()
    assert serious_violations(page) == []
    page.fill("#id_title", "Eau potable et assainissement à Dakar")
    page.fill("#id_end_year", "2024")
    page.get_by_role("button", name="Envoyer la proposition").click()
    page.wait_for_url("**/propositions/*/")
    assert page.locator("#record-status").text_content().strip() == "en cours d’examen"
    assert serious_violations(page) == []
    project.refresh_from_db()
    assert project.title == "Eau potable à Dakar"
    proposal = ProjectProposal.objects.get()

    staff = browser.new_context(locale="fr-FR").new_page()
    staff.set_default_timeout(15000)
    staff.goto(base + "/admin/login/")
    staff.fill("#id_username", reviewer.username)
    staff.fill("#id_password", "correct-horse-battery")
    staff.locator("form button[type=submit]").first.click()
    staff.wait_for_url("**/admin/")
    staff.goto(base + f"/admin/project_proposals/inspect/{proposal.pk}/")
    staff.locator("label", has_text="Accepter et appliquer au projet").click()
    staff.get_by_role("button", name="Enregistrer la décision").click()
    staff.wait_for_selector("text=la collectivité en est informée")
    assert Project.objects.get(pk=project.pk).title == "Eau potable et assainissement à Dakar"

    page.reload()
    assert page.locator("#record-status").text_content().strip() == "acceptée"

    # The proposal form in Spanish.
    spanish = context.new_page()
    spanish.goto(base + f"/es/espace/propositions/organisations/{organisation.pk}/projets/{project.pk}/")
    assert spanish.locator("html").get_attribute("lang") == "es"
    assert spanish.get_by_role("button", name="Enviar la propuesta").is_visible()
    assert serious_violations(spanish) == []
    for each in (context, staff.context):
        each.close()
