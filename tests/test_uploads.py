"""Uploaded files are never executed or displayed from the public domain: documents are sent as
downloads, the upload forms refuse the types a browser would run (HTML, SVG, JavaScript).

The intake attachments' own download view (permission-checked, as attachments, nosniff) is
tested in tests/test_intake_admin.py."""

import io

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories.intake import pdf_bytes, user_in_group

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()

SCRIPTS = {
    "page.html": (b"<html><script>alert(document.cookie)</script></html>", "text/html"),
    "page.htm": (b"<html><script>alert(document.cookie)</script></html>", "text/html"),
    "drawing.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
    "app.js": (b"alert(document.cookie)", "text/javascript"),
}


@pytest.fixture
def admin_client(client):
    client.force_login(user_in_group("administratrice", superuser=True))
    return client


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def file_error_codes(response):
    return [error.code for error in response.context["form"].errors.as_data()["file"]]


def document(name, content):
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


def download(client, doc):
    response = client.get(doc.url)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def test_a_pdf_is_downloaded_not_displayed(client):
    response, body = download(client, document("rapport.pdf", pdf_bytes()))
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="rapport.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert body == pdf_bytes()


def test_an_html_document_already_stored_is_still_only_downloaded(client):
    # As if it had been uploaded before the extension list existed, or stored by a script.
    response, _ = download(client, document("page.html", SCRIPTS["page.html"][0]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_document_upload_refuses_types_a_browser_would_run(admin_client, name):
    content, content_type = SCRIPTS[name]
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    response = admin_client.post("/admin/documents/add/", {"title": name, "file": upload})
    assert response.status_code == 200
    # Wagtail keeps only the message: "File extension “html” is not allowed. Allowed extensions are: csv, …"
    [message] = response.context["form"].errors["file"]
    assert name.rsplit(".", 1)[1] in message and ", ".join(settings.WAGTAILDOCS_EXTENSIONS) in message
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    response = admin_client.post("/admin/documents/multiple/add/", {"files[]": upload})
    assert response.json()["success"] is False
    assert not Document.objects.exists()


def test_document_upload_accepts_the_listed_types(admin_client):
    upload = SimpleUploadedFile("rapport.pdf", pdf_bytes(), content_type="application/pdf")
    response = admin_client.post("/admin/documents/add/", {"title": "Rapport", "file": upload})
    assert response.status_code == 302
    assert Document.objects.get().file_extension == "pdf"


def test_image_upload_refuses_svg(admin_client):
    content, content_type = SCRIPTS["drawing.svg"]
    upload = SimpleUploadedFile("drawing.svg", content, content_type=content_type)
    response = admin_client.post("/admin/images/add/", {"title": "Dessin", "file": upload})
    assert response.status_code == 200
    assert file_error_codes(response) == ["invalid_image_extension"]
    upload = SimpleUploadedFile("drawing.svg", content, content_type=content_type)
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": upload})
    assert response.json()["success"] is False
    assert not Image.objects.exists()


def test_image_upload_accepts_png(admin_client):
    upload = SimpleUploadedFile("carte.png", png_bytes(), content_type="image/png")
    response = admin_client.post("/admin/images/add/", {"title": "Carte", "file": upload})
    assert response.status_code == 302
    assert Image.objects.get().title == "Carte"
