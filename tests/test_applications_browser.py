"""In Chromium: an authority drafts an application (in Spanish), leaves, comes back to its draft
(saved by the autosave), submits one minute before the deadline; another authority is refused one
minute after it. The prefecture and the embassy give their opinions; the instructor asks for a
piece, gets the completed file back with the piece, scores and selects it; the laureate appears on the call page
and in the Atlas. axe finds no serious violation on the way."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache

from applications.models import Application, Opinion
from atlas.models import AtlasIndexPage
from tests.axe import serious_violations
from tests.factories import build_site
from tests.factories.accounts import PASSWORD
from tests.factories.applications import build_world
from tests.factories.intake import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def sign_in(context, base, email, language="fr"):
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(f"{base}/{language}/espace/compte/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**/{language}/espace/")
    return page


def new_context(browser, locale="fr-FR"):
    return browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})


def fill_application(page, title, country):
    page.fill("#id_title", title)
    page.fill("#id_summary", "Intercambios de jóvenes voluntarios.")
    page.fill("#id_duration_months", "24")
    page.fill("#id_expected_results", "Cuarenta jóvenes formados.")
    page.locator("#id_countries").select_option(str(country.pk))
    page.fill("#id_expense_label_0", "Movilidades")
    page.fill("#id_expense_amount_0", "40000")
    page.locator("#id_resource_source_0").select_option("own")
    page.fill("#id_resource_amount_0", "20000")
    page.locator("#id_resource_source_1").select_option("ministry")
    page.fill("#id_resource_amount_1", "20000")
    page.locator("textarea[id^=id_question_]").fill("Los jóvenes dirigen el proyecto.")


def test_from_draft_to_laureate(live_server, browser):
    cache.clear()
    build_site()
    closing = datetime.date.today() + datetime.timedelta(days=3)
    world = build_world(call_kwargs={"closing_date": closing})
    base = live_server.url
    deadline = datetime.datetime.combine(closing, datetime.time(23, 59, 59), tzinfo=PARIS)

    # The authority starts its application in Spanish and leaves after typing the title.
    applicant_context = new_context(browser, "es-ES")
    page = sign_in(applicant_context, base, "applicant@example.org", "es")
    page.goto(f"{base}/es/espace/candidatures/")
    page.locator(f"a[href$='/appels/{world['online'].pk}/candidater/']").click()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/modifier/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert serious_violations(page) == []
    page.fill("#id_title", "Jóvenes ciudadanos La Rochelle – Xalapa")
    page.locator("#autosave-status").filter(has_text="Borrador guardado").wait_for()
    # The foreign partner is chosen in the referential with the keyboard (autocomplete).
    page.locator("#id_partner_authorities_add").press_sequentially("xala")
    page.get_by_role("option", name="Xalapa (México)").wait_for()
    page.locator("#id_partner_authorities_add").press("ArrowDown")
    # The status still says the title was saved: wait for the autosave of the chosen partner.
    with page.expect_response(lambda response: response.request.headers.get("x-autosave") == "1", timeout=30_000):
        page.locator("#id_partner_authorities_add").press("Enter")
        assert page.locator(f"#id_partner_authorities_{world['xalapa'].pk}").is_checked()
        assert page.input_value("#id_partner_authorities_add") == ""
    assert serious_violations(page) == []
    page.goto(f"{base}/es/espace/")
    assert "Jóvenes ciudadanos" in page.locator("main").inner_text()
    application = Application.objects.get()
    assert application.title == "Jóvenes ciudadanos La Rochelle – Xalapa"
    assert list(application.partner_authorities.all()) == [world["xalapa"]]

    # It comes back and submits one minute before the deadline.
    with time_machine.travel(deadline - datetime.timedelta(seconds=60)):
        page.goto(f"{base}/es/espace/candidatures/{application.pk}/modifier/")
        assert page.input_value("#id_title") == "Jóvenes ciudadanos La Rochelle – Xalapa"
        fill_application(page, "Jóvenes ciudadanos La Rochelle – Xalapa", world["mexico"])
        page.locator("button[name=action][value=submit]").click()
        page.wait_for_url(f"**/candidatures/{application.pk}/")
        assert "AAP-" in page.locator("main").inner_text()
        assert serious_violations(page) == []

    # Another authority, one minute after the deadline, is refused; its draft stays.
    other_context = new_context(browser)
    other = sign_in(other_context, base, "other_authority@example.org")
    other.goto(f"{base}/fr/espace/candidatures/appels/{world['online'].pk}/candidater/")
    other.locator("main form button[type=submit]").click()
    other.wait_for_url("**/modifier/")
    late = Application.objects.get(organisation=world["organisations"]["other_authority"])
    with time_machine.travel(deadline + datetime.timedelta(seconds=61)):
        other.goto(f"{base}/fr/espace/candidatures/{late.pk}/modifier/")
        fill_application(other, "Projet de Bordeaux", world["mexico"])
        other.locator("button[name=action][value=submit]").click()
        other.wait_for_load_state()
        assert "n’accepte plus de candidatures" in other.locator("main").inner_text()
    late.refresh_from_db()
    assert late.status == "draft" and late.title == "Projet de Bordeaux"

    # The prefecture of Charente-Maritime and the embassy in Mexico give their opinions.
    for role, verdict in (("prefecture", "favourable"), ("embassy", "reserved")):
        context = new_context(browser)
        reviewer = sign_in(context, base, f"{role}@example.org")
        reviewer.goto(f"{base}/fr/espace/candidatures/")
        reviewer.get_by_role("link", name=Application.objects.get(pk=application.pk).reference).click()
        assert serious_violations(reviewer) == []
        reviewer.locator(f"input[name=verdict][value={verdict}]").check(force=True)
        reviewer.fill("#id_reasons", f"Avis motivé de {role}")
        reviewer.locator("form[action$='/avis/'] button[type=submit]").click()
        reviewer.wait_for_load_state()
        assert "Votre avis a été enregistré." in reviewer.locator("main").inner_text()
        context.close()
    assert Opinion.objects.count() == 2

    # The instructor asks for a piece; the applicant completes the file and sends it back.
    instructor_context = new_context(browser)
    staff = sign_in(instructor_context, base, "instructor@example.org")
    detail = f"{base}/fr/espace/candidatures/{application.pk}/"
    staff.goto(detail)
    staff.fill("form[action$='/pieces/'] textarea", "Merci de joindre la délibération du conseil municipal.")
    staff.locator("form[action$='/pieces/'] button[type=submit]").click()
    staff.wait_for_load_state()
    page.goto(f"{base}/es/espace/candidatures/{application.pk}/")
    assert "Merci de joindre la délibération" in page.locator("main").inner_text()
    page.goto(f"{base}/es/espace/candidatures/{application.pk}/modifier/")
    page.fill("#id_summary", "Intercambios de jóvenes voluntarios. Deliberación aprobada el 12 de marzo.")
    # The missing piece, sent as another document (the typed summary is saved first).
    page.fill("#description-other", "Deliberación del consejo municipal")
    page.set_input_files(
        "#file-other", files=[{"name": "deliberacion.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.get_by_role("button", name="Enviar el documento").click()
    page.wait_for_url("**/modifier/#attachments")
    assert "deliberacion.pdf" in page.locator("#attachments").inner_text()
    assert "Deliberación aprobada" in page.input_value("#id_summary")
    page.locator("button[name=action][value=submit]").click()
    # The browser keeps the form page's #attachments through the redirect to the detail page.
    page.wait_for_url(re.compile(rf"/candidatures/{application.pk}/(#attachments)?$"))

    # The instructor scores and records the committee's decision.
    staff.goto(detail)
    assert serious_violations(staff) == []
    with staff.expect_download() as download:
        staff.get_by_role("link", name="deliberacion.pdf").click()
    assert download.value.suggested_filename == "deliberacion.pdf"
    inputs = staff.locator("form[action$='/notation/'] input[type=number]")
    inputs.nth(0).fill("9")
    inputs.nth(1).fill("4")
    staff.locator("form[action$='/notation/'] button[type=submit]").click()
    staff.wait_for_load_state()
    staff.locator("input[name=decision][value=selected]").check(force=True)
    staff.fill("#id_amount_granted", "15000")
    staff.locator("form[action$='/decision/'] button[type=submit]").click()
    staff.wait_for_load_state()
    assert "La décision a été enregistrée" in staff.locator("main").inner_text()
    application.refresh_from_db()
    assert application.status == "selected" and application.project_id

    # The laureate is on the call page and in the Atlas.
    staff.goto(base + world["call"].url)
    assert "Jóvenes ciudadanos La Rochelle – Xalapa" in staff.locator("main").inner_text()
    atlas = AtlasIndexPage.objects.get()
    staff.goto(base + atlas.project_url(application.project))
    assert "Jóvenes ciudadanos La Rochelle – Xalapa" in staff.locator("main").inner_text()
