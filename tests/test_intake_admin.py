"""The intake in the admin: who sees what, status changes with history, exports, private files,
and the purge of personal data."""

import csv
import datetime
import io
import uuid

import openpyxl
import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from forms.models import Attachment, PartnershipOffer
from portal.models import SentEmail
from tests.factories.intake import (
    LabelRequestFactory,
    OfferFactory,
    build_intake_site,
    pdf_bytes,
    setup_roles,
    user_in_group,
)
from tests.factories.tasks import queue_failed_email

pytestmark = pytest.mark.django_db

INDEX = "/admin/partnership_offers/"


@pytest.fixture
def intake_site(db):
    site = build_intake_site()
    setup_roles()
    return site


@pytest.fixture
def offer(intake_site):
    offer = OfferFactory(
        country=intake_site["countries"]["SN"],
        contact_name="Awa Secrète",
        contact_email="awa.secrete@example.org",
        project_title="Projet <script>alert(1)</script>",
    )
    Attachment.objects.create(
        record=offer,
        file=ContentFile(pdf_bytes(), name="dossier.pdf"),
        original_name="dossier.pdf",
        mime_type="application/pdf",
        size=len(pdf_bytes()),
    )
    return offer


def login(client, username, group):
    client.force_login(user_in_group(username, group))


def test_reviewer_sees_personal_data_and_attachments(client, offer):
    login(client, "instructrice", "Instructeurs")
    listing = client.get(INDEX).content.decode()
    assert offer.reference in listing and "awa.secrete@example.org" in listing
    detail = client.get(f"{INDEX}inspect/{offer.pk}/").content.decode()
    assert "Awa Secrète" in detail and "dossier.pdf" in detail
    attachment = offer.attachments.get()
    response = client.get(f"/admin/intake/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_script_tags_are_escaped_in_the_admin(client, offer):
    login(client, "instructrice", "Instructeurs")
    for url in (INDEX, f"{INDEX}inspect/{offer.pk}/"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_moderators_see_records_without_personal_data(client, offer):
    login(client, "moderatrice", "Modérateurs")
    listing = client.get(INDEX)
    assert listing.status_code == 200 and offer.reference in listing.content.decode()
    assert "awa.secrete@example.org" not in listing.content.decode()
    detail = client.get(f"{INDEX}inspect/{offer.pk}/").content.decode()
    assert offer.reference in detail
    assert "Awa Secrète" not in detail and "awa.secrete@example.org" not in detail and "dossier.pdf" not in detail
    response = client.get(f"/admin/intake/attachments/{offer.attachments.get().pk}/")
    assert response.status_code in (302, 403) and not response.streaming
    export = b"".join(client.get(INDEX + "?export=csv").streaming_content)
    assert offer.reference.encode() in export and b"awa.secrete@example.org" not in export


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_records_and_attachments_are_not_reachable(client, offer, who):
    if who == "editor":
        login(client, "editrice", "Éditeurs")
    attachment = offer.attachments.get()
    for url in (INDEX, f"{INDEX}inspect/{offer.pk}/", f"/admin/intake/attachments/{attachment.pk}/"):
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        else:
            assert response.status_code in (302, 403), url
            assert b"awa.secrete" not in response.content and b"%PDF" not in response.content
    assert client.get(f"/fr/bourse-partenariats/offres/{offer.reference}/").status_code == 404


def test_reviewer_publishes_with_a_comment_kept_in_history(client, intake_site, offer):
    login(client, "instructrice", "Instructeurs")
    url = f"{INDEX}inspect/{offer.pk}/"
    response = client.post(url, {"status": "published", "comment": "Offre complète"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == "published" and offer.published_at is not None
    history = list(offer.history())
    assert [(h.previous_status, h.status) for h in history] == [("", "submitted"), ("submitted", "published")]
    assert history[-1].user.username == "instructrice" and history[-1].comment == "Offre complète"
    detail = client.get(url).content.decode()
    assert "Offre complète" in detail and "instructrice" in detail
    assert client.get(offer.get_absolute_url()).status_code == 200


def test_rejection_needs_a_reason_and_unknown_transitions_are_refused(client, offer):
    login(client, "instructrice", "Instructeurs")
    url = f"{INDEX}inspect/{offer.pk}/"
    response = client.post(url, {"status": "rejected", "comment": ""})
    assert response.status_code == 200 and "Indiquez le motif du refus." in response.content.decode()
    assert client.post(url, {"status": "archived"}).status_code == 200  # not allowed from "submitted"
    offer.refresh_from_db()
    assert offer.status == "submitted"
    client.post(url, {"status": "rejected", "comment": "Hors champ"})
    offer.refresh_from_db()
    assert offer.status == "rejected"


def test_moderators_cannot_change_the_status(client, offer):
    login(client, "moderatrice", "Modérateurs")
    response = client.post(f"{INDEX}inspect/{offer.pk}/", {"status": "published"})
    assert response.status_code in (302, 403)
    offer.refresh_from_db()
    assert offer.status == "submitted"


def test_labelling_sets_a_three_year_validity(client, intake_site):
    request = LabelRequestFactory()
    login(client, "instructrice", "Instructeurs")
    client.post(f"/admin/label_requests/inspect/{request.pk}/", {"status": "labelled", "comment": "Comité du 24 mars"})
    request.refresh_from_db()
    today = timezone.localdate()
    assert request.status == "labelled"
    assert request.label_valid_until == today.replace(year=today.year + 3)


def test_exports_follow_the_filters(client, intake_site, offer):
    OfferFactory(published=True, country=intake_site["countries"]["MX"], project_title="Centro histórico")
    login(client, "instructrice", "Instructeurs")
    response = client.get(INDEX + "?export=csv&status=submitted", HTTP_ACCEPT_LANGUAGE="fr")
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) == 2
    header, row = rows
    assert header[:3] == ["Référence", "Reçu le", "Statut"]
    assert offer.reference in row and "awa.secrete@example.org" in row
    assert "Centro histórico" not in content

    response = client.get(INDEX + "?export=xlsx&country=" + str(intake_site["countries"]["MX"].pk))
    data = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 2 and "Centro histórico" in values[1]


def test_listing_filters_and_search(client, intake_site, offer):
    other = OfferFactory(published=True, country=intake_site["countries"]["MX"], project_title="Centro histórico")
    login(client, "instructrice", "Instructeurs")
    html = client.get(INDEX + "?status=published").content.decode()
    assert other.reference in html and offer.reference not in html
    html = client.get(INDEX + "?q=Centro").content.decode()
    assert other.reference in html and offer.reference not in html
    html = client.get(INDEX + "?language=fr&created_at_from=2000-01-01").content.decode()
    assert offer.reference in html


def test_purge_erases_personal_data_of_old_rejected_and_archived_records(intake_site, offer, settings):
    settings.INTAKE_RETENTION_DAYS = 30
    offer.change_status(PartnershipOffer.Status.REJECTED, comment="Hors champ")
    # The acknowledgement, as the task queue keeps it (recipients and text), and its sent record.
    email = queue_failed_email(offer)
    SentEmail.objects.create(key=uuid.uuid4(), reference=offer.reference, kind="acknowledgement")
    other_email = queue_failed_email(OfferFactory(country=intake_site["countries"]["SN"]))
    archived = OfferFactory(country=intake_site["countries"]["SN"], status="archived")
    live = OfferFactory(published=True, country=intake_site["countries"]["SN"])
    path = offer.attachments.get().file.path

    call_command("purge_intake_personal_data", stdout=io.StringIO())
    offer.refresh_from_db()
    assert offer.contact_email == "awa.secrete@example.org"  # not old enough yet

    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        out = io.StringIO()
        call_command("purge_intake_personal_data", stdout=out)
    assert "2 record(s) purged" in out.getvalue()  # the rejected offer and the archived one
    offer.refresh_from_db()
    assert (offer.contact_name, offer.contact_email, offer.contact_phone) == ("", "", "")
    assert offer.personal_data_purged_at is not None
    assert not offer.attachments.exists()
    assert not DBTaskResult.objects.filter(pk=email.pk).exists()
    assert not SentEmail.objects.filter(reference=offer.reference).exists()
    assert DBTaskResult.objects.filter(pk=other_email.pk).exists()  # another record's e-mail stays
    import os

    assert not os.path.exists(path)
    assert offer.project_title.startswith("Projet")  # the record itself stays
    archived.refresh_from_db()
    live.refresh_from_db()
    assert archived.contact_email == ""
    assert live.contact_email != ""
