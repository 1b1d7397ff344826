"""The documents of an application: the call lists the attachments it asks; the applicant
uploads them in the draft, each checked as the intake's attachments are (type by content,
size); they are stored privately and served only to those who see the application; a
submission is refused while a required one is missing; a file sent back for missing pieces
takes another document, and a document replaced after the submission is kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from applications.models import Application, ApplicationAttachment
from tests.factories import build_site
from tests.factories.applications import build_world, complete_data
from tests.factories.intake import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db

BASE = "/fr/espace/candidatures/"


@pytest.fixture
def world(db):
    build_site()
    world = build_world()
    online = world["online"]
    online.attachments = [
        ("attachment", {"label": "Délibération du conseil", "help_text": "Signée.", "required": True}),
        ("attachment", {"label": "Lettre du partenaire", "help_text": "", "required": False}),
    ]
    online.save()
    world["items"] = {item["label"]: item["key"] for item in online.attachment_list()}
    return world


def draft(client, world):
    client.force_login(world["people"]["applicant"])
    organisation = world["organisations"]["applicant"]
    client.post(f"{BASE}appels/{world['online'].pk}/candidater/", {"organisation": organisation.pk})
    application = Application.objects.get()
    assert client.post(f"{BASE}{application.pk}/modifier/", complete_data(application)).status_code == 302
    application.refresh_from_db()
    return application


def upload(client, application, key, name, content, **extra):
    return client.post(
        f"{BASE}{application.pk}/pieces-jointes/",
        {"key": key, "file": SimpleUploadedFile(name, content, content_type="application/pdf"), **extra},
    )


def test_a_submission_is_refused_while_a_required_attachment_is_missing(client, world):
    application = draft(client, world)
    page = client.get(f"{BASE}{application.pk}/modifier/").content.decode()
    assert "Délibération du conseil" in page and "Fichier pour « Délibération du conseil »" in page
    response = client.post(f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit"))
    assert response.status_code == 400
    assert "Joignez le document « Délibération du conseil » : il est obligatoire." in response.content.decode()
    application.refresh_from_db()
    assert application.status == "draft" and application.reference is None

    response = upload(client, application, world["items"]["Délibération du conseil"], "deliberation.pdf", pdf_bytes())
    assert response.status_code == 302 and response["Location"] == f"{BASE}{application.pk}/modifier/#attachments"
    document = ApplicationAttachment.objects.get()
    assert (document.label, document.original_name, document.mime_type) == (
        "Délibération du conseil",
        "deliberation.pdf",
        "application/pdf",
    )
    # Stored privately, under a random name, never the one sent.
    assert "deliberation" not in document.file.name and document.file.path.startswith(
        str(document.file.storage.location)
    )
    assert "/media/" not in document.file.path
    application.refresh_from_db()
    response = client.post(f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"
    download = client.get(f"{BASE}{application.pk}/pieces-jointes/{document.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf_bytes()
    assert download["Content-Type"] == "application/pdf"
    assert 'attachment; filename="deliberation.pdf"' in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deliberation.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>", "n’est pas un vrai fichier PDF"),
        ("deliberation.exe", pdf_bytes(), "ce type de fichier n’est pas accepté"),
        ("photo.png", b"GIF89a" + b"\x00" * 40, "n’est pas un vrai fichier PNG"),
        ("deliberation.pdf", pdf_bytes() + b"\x00" * 3000, "est trop volumineux"),
    ],
    ids=["pdf-header-then-html", "executable", "not-a-png", "too-large"],
)
def test_documents_are_checked_as_in_the_intake(client, world, settings, name, content, message):
    settings.INTAKE_MAX_FILE_SIZE = len(pdf_bytes()) + 1000
    application = draft(client, world)
    response = upload(client, application, world["items"]["Délibération du conseil"], name, content)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "Le document n’a pas été ajouté" in page
    assert not ApplicationAttachment.objects.exists()


def test_an_unknown_attachment_or_an_undescribed_other_document_is_refused(client, world):
    application = draft(client, world)
    assert upload(client, application, "nope", "a.pdf", pdf_bytes()).status_code == 400
    response = upload(client, application, "other", "a.pdf", pdf_bytes(), description=" ")
    assert response.status_code == 400 and "Dites ce qu’est ce document." in response.content.decode()
    assert not ApplicationAttachment.objects.exists()


def test_a_draft_replaces_its_document_and_a_sent_file_keeps_the_replaced_one(
    client, world, django_capture_on_commit_callbacks
):
    key = world["items"]["Délibération du conseil"]
    application = draft(client, world)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, application, key, "v1.pdf", pdf_bytes())
    first = ApplicationAttachment.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, application, key, "v2.pdf", pdf_bytes())
    # A draft never sent: the first document is gone, file included.
    assert list(ApplicationAttachment.objects.values_list("original_name", flat=True)) == ["v2.pdf"]
    assert not first.file.storage.exists(first.file.name)
    application.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit"))
    # The instructor asks for a missing piece; the applicant adds it and replaces the deliberation.
    client.force_login(world["people"]["instructor"])
    client.post(f"{BASE}{application.pk}/pieces/", {"body": "Joignez le budget signé."})
    client.force_login(world["people"]["applicant"])
    response = upload(client, application, "other", "budget.png", png_bytes(), description="Budget signé")
    assert response.status_code == 302
    assert upload(client, application, key, "v3.pdf", pdf_bytes()).status_code == 302
    kept = ApplicationAttachment.objects.get(original_name="v2.pdf")
    assert kept.replaced_at is not None and kept.file.storage.exists(kept.file.name)
    # A document of a file already sent is not removed.
    v3 = ApplicationAttachment.objects.get(original_name="v3.pdf")
    assert client.post(f"{BASE}{application.pk}/pieces-jointes/{v3.pk}/supprimer/").status_code == 403
    application.refresh_from_db()
    client.post(f"{BASE}{application.pk}/modifier/", complete_data(application, action="submit"))
    application.refresh_from_db()
    assert application.status == "submitted"
    client.force_login(world["people"]["instructor"])
    page = client.get(f"{BASE}{application.pk}/").content.decode()
    assert "Budget signé" in page and "budget.png" in page and "v3.pdf" in page
    assert f"/pieces-jointes/{kept.pk}/" not in page  # the replaced one is not listed, yet kept
    assert client.get(f"{BASE}{application.pk}/pieces-jointes/{kept.pk}/").status_code == 200


def test_a_draft_document_can_be_removed(client, world, django_capture_on_commit_callbacks):
    application = draft(client, world)
    upload(client, application, world["items"]["Lettre du partenaire"], "lettre.pdf", pdf_bytes())
    document = ApplicationAttachment.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{BASE}{application.pk}/pieces-jointes/{document.pk}/supprimer/")
    assert response.status_code == 302
    assert not ApplicationAttachment.objects.exists() and not document.file.storage.exists(document.file.name)
