"""Online applications to calls: drafts saved on the server with conflict detection, validation
with translated errors, submission judged in Paris time (23:59:59 in time, 00:00:00 refused,
across summer time; an extension moves the limit), reference, acknowledgement and PDF receipt;
the instruction (opinions, missing pieces, scores, notes, messages, decision) and the results
(laureate row, Atlas project, XLSX) at a fixed number of queries."""

import datetime
import io
import zoneinfo

import openpyxl
import pytest
import time_machine
from django.core import mail

from applications.models import Application, Note, OnlineCall, Opinion, Score
from atlas.models import Project
from calls.models import Laureate
from tests.factories import build_site
from tests.factories.applications import build_world, complete_data, submitted_application

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
BASE = "/fr/espace/candidatures/"
# The space's page (session, menus, settings) and the list: the same for 5 and 500 applications.
MAX_QUERIES = 32


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def world(db):
    build_site()
    return build_world()


def start(client, world):
    client.force_login(world["people"]["applicant"])
    response = client.post(
        f"{BASE}appels/{world['online'].pk}/candidater/", {"organisation": world["organisations"]["applicant"].pk}
    )
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{BASE}{application.pk}/modifier/"
    return application


def test_a_draft_is_saved_on_the_server_and_reopened(client, world):
    application = start(client, world)
    assert application.status == "draft" and application.departement == "17"
    response = client.post(
        f"{BASE}{application.pk}/modifier/", complete_data(application, summary="", title="Brouillon")
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.title, application.version) == ("Brouillon", 2)
    assert application.total_expenses == 40000 and application.total_resources == 40000
    page = client.get(f"{BASE}{application.pk}/modifier/").content.decode()
    assert 'value="Brouillon"' in page and "Quelle place pour la jeunesse ?" in page
    # A second start leads back to the same draft.
    again = client.post(f"{BASE}appels/{world['online'].pk}/candidater/", {"organisation": application.organisation_id})
    assert again["Location"] == f"{BASE}{application.pk}/modifier/"


def test_autosave_answers_json_and_a_stale_save_is_refused_without_losing_anything(client, world):
    application = start(client, world)
    response = client.post(
        f"{BASE}{application.pk}/modifier/", complete_data(application, title="Version A"), HTTP_X_AUTOSAVE="1"
    )
    assert response.status_code == 200 and response.json()["version"] == 2
    # A colleague of the same authority saves the same draft from the version they opened (1).
    colleague = world["people"]["other_authority"]
    colleague.memberships.update(organisation=world["organisations"]["applicant"])
    client.force_login(colleague)
    stale = complete_data(application, title="Version B")  # version 1: stale
    response = client.post(f"{BASE}{application.pk}/modifier/", stale)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Applicant Test" in page and "n’a pas été enregistré" in page
    assert 'value="Version B"' in page  # what the colleague typed is still in the form
    application.refresh_from_db()
    assert application.title == "Version A"  # the first save is kept
    autosave = client.post(f"{BASE}{application.pk}/modifier/", stale, HTTP_X_AUTOSAVE="1")
    assert autosave.status_code == 409 and "Applicant Test" in autosave.json()["error"]


def test_submission_checks_everything_with_translated_errors(client, world):
    application = start(client, world)
    data = complete_data(application, title="", resource_amount_1="15000", action="submit")
    response = client.post(f"{BASE}{application.pk}/modifier/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Le budget n’est pas équilibré" in page
    assert "Ce champ est obligatoire pour déposer la candidature." in page
    response = client.post(f"/es/espace/candidatures/{application.pk}/modifier/", data | {"title": "Título"})
    assert "El presupuesto no está equilibrado" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "draft" and application.reference is None


@pytest.mark.parametrize(
    "closing_date",
    [datetime.date(2026, 3, 29), datetime.date(2026, 10, 25), datetime.date(2026, 6, 30)],
    ids=["summer-time-starts", "summer-time-ends", "summer"],
)
def test_submission_in_time_until_235959_paris_time_and_refused_at_midnight(
    client, world, closing_date, django_capture_on_commit_callbacks
):
    call = world["call"]
    call.opening_date, call.closing_date = datetime.date(2026, 1, 5), closing_date
    call.save_revision().publish()
    with time_machine.travel(paris(2026, 1, 10, 10), tick=False):
        application = start(client, world)
    late = paris(closing_date.year, closing_date.month, closing_date.day) + datetime.timedelta(days=1)
    with time_machine.travel(late, tick=False):  # 00:00:00 the next day, Paris time
        client.force_login(world["people"]["applicant"])
        response = client.post(f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit"))
    assert response.status_code == 403
    assert "n’accepte plus de candidatures" in response.content.decode().replace("'", "’")
    application.refresh_from_db()
    assert application.status == "draft" and application.title  # the draft was kept
    last_second = paris(closing_date.year, closing_date.month, closing_date.day, 23, 59, 59)
    with time_machine.travel(last_second, tick=False), django_capture_on_commit_callbacks(execute=True):
        client.force_login(world["people"]["applicant"])
        response = client.post(f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.reference == "AAP-2026-00001"
    assert application.submitted_at == last_second


def test_an_extension_moves_the_limit(client, world):
    call = world["call"]
    call.opening_date, call.closing_date = datetime.date(2026, 1, 5), datetime.date(2026, 2, 1)
    call.save_revision().publish()
    with time_machine.travel(paris(2026, 1, 10, 10), tick=False):
        application = start(client, world)
    with time_machine.travel(paris(2026, 2, 3, 10), tick=False):
        client.force_login(world["people"]["applicant"])
        refused = client.post(f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit"))
        assert refused.status_code == 403
        call.original_closing_date, call.closing_date = call.closing_date, datetime.date(2026, 2, 15)
        call.save_revision().publish()
        application.refresh_from_db()
        accepted = client.post(f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit"))
        assert accepted.status_code == 302


def test_submission_gives_reference_acknowledgement_and_pdf_receipt(client, world, django_capture_on_commit_callbacks):
    application = start(client, world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.reference.startswith("AAP-") and len(application.reference) == len("AAP-2026-00001")
    [message] = [m for m in mail.outbox if application.reference in m.subject]
    assert message.to == ["applicant@example.org"]
    assert "reçue" in message.subject or "reçue" in message.body
    # The PDF receipt of what was submitted is attached to the acknowledgement.
    [(filename, content, mime_type)] = message.attachments
    assert (filename, mime_type) == (f"{application.reference}.pdf", "application/pdf")
    assert content.startswith(b"%PDF") and "ci-joint" in message.body
    assert application.receipt.endswith(".pdf")
    receipt = client.get(f"{BASE}{application.pk}/recepisse/")
    assert receipt.status_code == 200
    assert b"".join(receipt.streaming_content).startswith(b"%PDF")
    detail = client.get(f"{BASE}{application.pk}/").content.decode()
    assert "Télécharger le récépissé" in detail and application.reference in detail
    # Editing the call's questions never changes what was answered.
    online = OnlineCall.objects.get()
    online.questions = [
        ("question", {"label": "Nouvelle question", "help_text": "", "required": True, "long_answer": False})
    ]
    online.save()
    assert "Quelle place pour la jeunesse ?" in client.get(f"{BASE}{application.pk}/").content.decode()


def test_instruction_from_opinions_to_laureate_and_atlas(client, world, django_capture_on_commit_callbacks):
    application = submitted_application(world)
    people = world["people"]
    for role, verdict in (("prefecture", "favourable"), ("embassy", "reserved")):
        client.force_login(people[role])
        response = client.post(f"{BASE}{application.pk}/avis/", {"verdict": verdict, "reasons": f"Avis {role}"})
        assert response.status_code == 302
    assert set(Opinion.objects.values_list("organisation__kind", "verdict")) == {
        ("prefecture", "favourable"),
        ("embassy", "reserved"),
    }
    client.force_login(people["instructor"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}{application.pk}/pieces/", {"body": "Merci de joindre la délibération."})
    application.refresh_from_db()
    assert application.status == "pieces_requested"
    assert any("Pièces manquantes" in m.subject for m in mail.outbox)
    # The applicant sees the request, completes the file and sends it again.
    client.force_login(people["applicant"])
    assert "Merci de joindre la délibération." in client.get(f"{BASE}{application.pk}/").content.decode()
    response = client.post(
        f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit", summary="Avec délibération")
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted" and application.summary == "Avec délibération"
    client.force_login(people["instructor"])
    criteria = application.online_call.criteria()
    client.post(
        f"{BASE}{application.pk}/notation/",
        {f"criterion_{criteria[0]['key']}": "8", f"criterion_{criteria[1]['key']}": "4"},
    )
    assert Score.objects.get().total == 12
    client.post(f"{BASE}{application.pk}/note/", {"body": "Dossier solide."})
    assert Note.objects.get().body == "Dossier solide."
    refused = client.post(f"{BASE}{application.pk}/notation/", {f"criterion_{criteria[0]['key']}": "11"})
    assert refused.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BASE}{application.pk}/decision/", {"decision": "selected", "amount_granted": "15000", "comment": ""}
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "selected" and application.amount_granted == 15000
    laureate = Laureate.objects.get(page=world["call"])
    assert (laureate.french_authority, laureate.partner_authority, laureate.amount) == ("La Rochelle", "Xalapa", 15000)
    project = Project.objects.get(pk=application.project_id)
    assert project.status == "published" and project.title == application.title
    assert project.funding_lines.get().laureate == laureate
    assert "Xalapa" in client.get(world["call"].url).content.decode()
    assert any("Décision" in m.subject for m in mail.outbox)
    statuses = list(application.history.values_list("status", "author__email"))
    assert statuses[-1] == ("selected", "instructor@example.org")
    assert ("pieces_requested", "instructor@example.org") in statuses


def test_messages_between_ministry_and_applicant(client, world, django_capture_on_commit_callbacks):
    application = submitted_application(world)
    client.force_login(world["people"]["instructor"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}{application.pk}/message/", {"body": "Pouvez-vous préciser le calendrier ?"})
    assert any(m.to == ["applicant@example.org"] for m in mail.outbox)
    client.force_login(world["people"]["applicant"])
    page = client.get(f"{BASE}{application.pk}/").content.decode()
    assert "Pouvez-vous préciser le calendrier ?" in page
    assert "Dossier solide" not in page
    client.post(f"{BASE}{application.pk}/message/", {"body": "Oui, dès janvier."})
    client.force_login(world["people"]["instructor"])
    assert "Oui, dès janvier." in client.get(f"{BASE}{application.pk}/").content.decode()


def test_opinions_are_refused_after_their_deadline(client, world):
    application = submitted_application(world)
    OnlineCall.objects.update(opinion_deadline=datetime.date(2026, 1, 31))
    client.force_login(world["people"]["prefecture"])
    with time_machine.travel(paris(2026, 2, 1, 0, 0, 0), tick=False):
        response = client.post(f"{BASE}{application.pk}/avis/", {"verdict": "favourable", "reasons": "Tard"})
    assert response.status_code == 403 and not Opinion.objects.exists()


def many_applications(world, count):
    from accounts.models import Organisation
    from applications.models import ReferenceCounter
    from portal.authorities import FrenchAuthority

    departement = world["organisations"]["applicant"].authority.departement
    authorities = FrenchAuthority.objects.bulk_create(
        FrenchAuthority(kind="commune", code=f"9{index:04d}", name=f"Commune {index}", departement=departement)
        for index in range(count)
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(kind="french_authority", authority=authority, name=authority.name) for authority in authorities
    )
    applications = Application.objects.bulk_create(
        Application(
            online_call=world["online"],
            call=world["call"],
            organisation=organisation,
            lead_authority=organisation.authority,
            departement="17",
            status="submitted",
            title=f"Projet {index}",
            reference=f"AAP-2026-{index + 1:05d}",
            budget={"expenses": [{"label": "x", "amount": "100"}], "resources": [{"source": "own", "amount": "100"}]},
        )
        for index, organisation in enumerate(organisations)
    )
    ReferenceCounter.objects.create(year=2026, last=count)
    through = Application.countries.through
    through.objects.bulk_create(through(application=a, country=world["mexico"]) for a in applications)
    Opinion.objects.bulk_create(
        Opinion(application=a, organisation=world["organisations"]["prefecture"], verdict="favourable", reasons="ok")
        for a in applications
    )
    Score.objects.bulk_create(
        Score(application=a, instructor=world["people"]["instructor"], points={"Pertinence": 5}, total=5)
        for a in applications
    )
    return applications


@pytest.mark.parametrize("count", [5, 500])
def test_lists_and_export_are_flat_in_queries(client, world, count, django_assert_max_num_queries):
    many_applications(world, count)
    for role in ("instructor", "prefecture", "embassy"):
        client.force_login(world["people"][role])
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(BASE)
        assert response.status_code == 200 and "AAP-2026-00001" in response.content.decode()
    client.force_login(world["people"]["instructor"])
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(f"{BASE}appels/{world['online'].pk}/candidatures.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == count + 1
    assert "Préfecture — Charente-Maritime: Favorable — ok" in rows[1]
    assert rows[1][rows[0].index("Pertinence")] == 5


def test_a_call_without_online_applications_cannot_be_applied_to(client, world):
    OnlineCall.objects.update(accepts_applications=False)
    client.force_login(world["people"]["applicant"])
    assert client.get(f"{BASE}appels/{world['online'].pk}/candidater/").status_code == 404


def test_space_home_shows_my_applications(client, world):
    application = submitted_application(world)
    client.force_login(world["people"]["applicant"])
    page = client.get("/fr/espace/").content.decode()
    assert "Mes candidatures aux appels à projets" in page and application.title in page


def test_instructors_see_whether_the_applicant_declared_its_apd_of_the_previous_year(client, world):
    """The apd app answers through portal/facts.py (applications and apd do not know each other)."""
    from tests.factories.apd import campaign, declare

    application = submitted_application(world)
    year = application.submitted_at.astimezone(PARIS).year - 1
    client.force_login(world["people"]["instructor"])
    page = client.get(f"{BASE}{application.pk}/").content.decode()
    assert f"APD {year} non déclarée" in page
    declare(campaign(year), application.lead_authority, nothing=True)
    declare(campaign(year - 1), world["organisations"]["other_authority"].authority, nothing=True)
    page = client.get(f"{BASE}{application.pk}/").content.decode()
    assert f"APD {year} déclarée" in page and "non déclarée" not in page
    client.force_login(world["people"]["embassy"])
    assert 'id="apd-declared"' not in client.get(f"{BASE}{application.pk}/").content.decode()
