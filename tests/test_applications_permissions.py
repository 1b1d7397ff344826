"""The permission matrix of the online applications: every private URL, as each role (applicant
member, member of another authority, prefecture of the lead authority's département, another
prefecture, embassy of a partner country, another embassy, ministry instructor, anonymous),
answers what it must, and no page shows another organisation's application."""

import pytest
from django.core.files.base import ContentFile

from applications.models import Application, ApplicationAttachment
from tests.factories import build_site
from tests.factories.applications import ROLES, build_world, submitted_application
from tests.factories.intake import pdf_bytes

pytestmark = pytest.mark.django_db

BASE = "/fr/espace/candidatures/"
SECRET = "Projet confidentiel de La Rochelle"
ALL = [*ROLES, "anonymous"]


@pytest.fixture
def world(requires_postgresql):
    build_site()
    world = build_world()
    world["sent"] = submitted_application(world, title=SECRET)
    other = world["organisations"]["other_authority"]
    world["draft"] = Application.objects.create(
        online_call=world["online"],
        call=world["call"],
        organisation=other,
        lead_authority=other.authority,
        departement="33",
        title="Brouillon secret de Bordeaux",
    )
    for application in (world["sent"], world["draft"]):
        ApplicationAttachment.objects.create(
            application=application,
            key="other",
            label="Délibération",
            file=ContentFile(pdf_bytes(), name="deliberation.pdf"),
            original_name="deliberation.pdf",
            mime_type="application/pdf",
            size=len(pdf_bytes()),
        )
    return world


def get_matrix(world):
    """GET URL -> roles answered 200 (signed-in others: 404; anonymous: 302 to the sign-in)."""
    sent, draft, online = world["sent"], world["draft"], world["online"]
    concerned = {"applicant", "prefecture", "embassy", "instructor"}
    sent_document = sent.attachments.get().pk
    draft_document = draft.attachments.get().pk
    return {
        BASE: set(ROLES),
        # The referential (public data) to every signed-in person.
        f"{BASE}referentiel/partenaires/?q=Xal": set(ROLES),
        f"{BASE}referentiel/collectivites/?q=Bor": set(ROLES),
        # A document: to those who see its application; a draft's to its authority only.
        f"{BASE}{sent.pk}/pieces-jointes/{sent_document}/": concerned,
        f"{BASE}{draft.pk}/pieces-jointes/{draft_document}/": {"other_authority"},
        # Another application's document through this application's URL: nobody.
        f"{BASE}{sent.pk}/pieces-jointes/{draft_document}/": set(),
        f"{BASE}appels/{online.pk}/candidater/": {"applicant", "other_authority"},
        f"{BASE}{sent.pk}/": concerned,
        f"{BASE}{draft.pk}/": {"other_authority"},
        f"{BASE}{draft.pk}/modifier/": {"other_authority"},
        f"{BASE}appels/{online.pk}/candidatures.xlsx": {"instructor"},
    }


def post_matrix(world):
    """POST URL -> (data, roles allowed (302), roles that see the file but may not act (403))."""
    sent = world["sent"]
    criteria = world["online"].criteria()
    return {
        f"{BASE}{sent.pk}/avis/": (
            {"verdict": "favourable", "reasons": "Bien"},
            {"prefecture", "embassy"},
            {"applicant", "instructor"},
        ),
        f"{BASE}{sent.pk}/note/": ({"body": "Note"}, {"instructor"}, {"applicant", "prefecture", "embassy"}),
        f"{BASE}{sent.pk}/message/": ({"body": "Bonjour"}, {"instructor", "applicant"}, {"prefecture", "embassy"}),
        f"{BASE}{sent.pk}/notation/": (
            {f"criterion_{c['key']}": "1" for c in criteria},
            {"instructor"},
            {"applicant", "prefecture", "embassy"},
        ),
    }


@pytest.mark.parametrize("role", ALL)
def test_get_matrix(client, world, role):
    if role != "anonymous":
        client.force_login(world["people"][role])
    for url, allowed in get_matrix(world).items():
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and "/espace/compte/login/" in response["Location"], url
        elif role in allowed:
            assert response.status_code == 200, (url, role, response.status_code)
        else:
            assert response.status_code == 404, (url, role, response.status_code)
        if response.status_code == 200 and "/pieces-jointes/" in url:
            assert b"".join(response.streaming_content).startswith(b"%PDF")
        elif response.status_code == 200 and not url.endswith(".xlsx"):
            page = response.content.decode()
            if role not in {"applicant", "prefecture", "embassy", "instructor"}:
                assert SECRET not in page, (url, role)
            if role != "other_authority":
                assert "Brouillon secret de Bordeaux" not in page, (url, role)


@pytest.mark.parametrize("role", ALL)
def test_post_matrix(client, world, role):
    if role != "anonymous":
        client.force_login(world["people"][role])
    for url, (data, allowed, forbidden) in post_matrix(world).items():
        response = client.post(url, data)
        if role == "anonymous":
            assert response.status_code == 302 and "/espace/compte/login/" in response["Location"], url
        elif role in allowed:
            assert response.status_code == 302 and response["Location"] == f"{BASE}{world['sent'].pk}/", (url, role)
        elif role in forbidden:
            assert response.status_code == 403, (url, role, response.status_code)
        else:
            assert response.status_code == 404, (url, role, response.status_code)


@pytest.mark.parametrize("role", ["applicant", "prefecture", "embassy", "other_authority"])
def test_only_instructors_decide_or_ask_for_pieces(client, world, role):
    client.force_login(world["people"][role])
    sent = world["sent"]
    for url, data in (
        (f"{BASE}{sent.pk}/decision/", {"decision": "selected", "amount_granted": "1000"}),
        (f"{BASE}{sent.pk}/pieces/", {"body": "Pièce"}),
    ):
        assert client.post(url, data).status_code in (403, 404)
    sent.refresh_from_db()
    assert sent.status == "submitted"


def test_a_prefecture_or_embassy_does_not_see_private_notes_or_scores(client, world):
    from applications.models import Note

    Note.objects.create(application=world["sent"], body="Note interne du ministère")
    for role in ("applicant", "prefecture", "embassy"):
        client.force_login(world["people"][role])
        assert "Note interne du ministère" not in client.get(f"{BASE}{world['sent'].pk}/").content.decode()
    client.force_login(world["people"]["instructor"])
    assert "Note interne du ministère" in client.get(f"{BASE}{world['sent'].pk}/").content.decode()


@pytest.mark.parametrize("role", ALL)
def test_only_the_applicant_adds_or_removes_documents_of_an_editable_file(client, world, role):
    """Documents are added to a draft (or a file sent back) by its authority only: on the sent
    file the applicant gets 403, everyone else 404; on the draft only its authority adds one."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    if role != "anonymous":
        client.force_login(world["people"][role])
    cases = ((world["sent"], set(), {"applicant"}), (world["draft"], {"other_authority"}, set()))
    for application, allowed, forbidden in cases:
        count = application.attachments.count()
        upload = SimpleUploadedFile("piece.pdf", pdf_bytes(), content_type="application/pdf")
        response = client.post(
            f"{BASE}{application.pk}/pieces-jointes/", {"key": "other", "description": "Pièce", "file": upload}
        )
        document = application.attachments.first()
        removal = client.post(f"{BASE}{application.pk}/pieces-jointes/{document.pk}/supprimer/")
        if role == "anonymous":
            assert response.status_code == 302 and "/espace/compte/login/" in response["Location"]
            assert removal.status_code == 302 and "/espace/compte/login/" in removal["Location"]
        elif role in allowed:
            assert response.status_code == 302 and removal.status_code == 302
            assert application.attachments.count() == count
        elif role in forbidden:
            assert (response.status_code, removal.status_code) == (403, 403)
            assert application.attachments.count() == count
        else:
            assert (response.status_code, removal.status_code) == (404, 404), (role, application)
            assert application.attachments.count() == count
