"""Intake submissions: full flows in French and Spanish, every kind of bad input refused, the
honeypot, the captcha, the rate limit, the private files and the e-mails that are never lost."""

import io
import stat
import tracemalloc
import zipfile
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.base import Template

from forms.models import Attachment, ExpertiseLabelRequest, PartnershipOffer, StatusChange
from portal.models import SentEmail
from tests.factories.intake import (
    build_intake_site,
    docx_bytes,
    odt_bytes,
    pdf_bytes,
    png_bytes,
    setup_roles,
    user_in_group,
    zip_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def intake_site(db):
    return build_intake_site()


@pytest.fixture
def intake_site_es(db):
    return build_intake_site(spanish=True)


def offer_data(**changes):
    data = {
        "authority_name": "Commune de Saint-Louis",
        "authority_type": "municipality",
        "country": "SN",
        "region": "Saint-Louis",
        "population": "254000",
        "latitude": "16.03",
        "longitude": "-16.49",
        "project_title": "Valorisation du patrimoine de l’île",
        "themes": ["patrimoine"],
        "description": "Restaurer les façades coloniales et former des artisans.",
        "partner_sought": "Une ville française ayant un secteur sauvegardé.",
        "working_languages": "français, wolof",
        "embassy": "Ambassade de France au Sénégal",
        "embassy_email": "scac@example.org",
        "contact_name": "Awa Exemple",
        "contact_role": "Chargée de mission",
        "contact_email": "awa@example.org",
        "contact_phone": "+221 33 000 00 00",
        "consent": "on",
        "captcha_0": "test-key",
        "captcha_1": "PASSED",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def label_data(**changes):
    data = {
        "authority_name": "Ville de La Rochelle",
        "authority_type": "commune",
        "siren": "211703004",
        "department": "17",
        "partner_organisations": "Université de La Rochelle",
        "themes": ["eau-assainissement"],
        "competences": "Gestion des zones humides urbaines.",
        "supporting_elements": "Vingt ans de coopération avec le Sénégal.",
        "mobilisation_conditions": "Missions de deux semaines, Afrique de l’Ouest.",
        "contact_name": "Jean Exemple",
        "contact_email": "jean@example.org",
        "consent": "on",
        "captcha_0": "test-key",
        "captcha_1": "PASSED",
    }
    data.update(changes)
    return data


def post(client, page, data, **extra):
    return client.post(page.url, data, **extra)


def test_offer_flow_in_french(client, intake_site, django_capture_on_commit_callbacks):
    setup_roles()
    user_in_group("instructrice", "Instructeurs")
    page = intake_site["offer_form"]
    form = client.get(page.url)
    assert form.status_code == 200
    assert "Nom de la collectivité locale" in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, page, offer_data())
    assert response.status_code == 302
    offer = PartnershipOffer.objects.get()
    assert offer.status == "submitted" and offer.language == "fr"
    assert offer.reference.startswith("BP-") and offer.reference.endswith("-00001")
    assert offer.country == intake_site["countries"]["SN"]
    assert list(offer.themes.all()) == [intake_site["themes"]["heritage"]]
    assert float(offer.latitude) == 16.03 and offer.consent_at is not None
    assert StatusChange.objects.filter(object_id=offer.pk, status="submitted").exists()

    thanks = client.get(response["Location"])
    assert offer.reference in thanks.content.decode()
    assert "Merci pour votre offre." in thanks.content.decode()

    acknowledgement, notification = sorted(mail.outbox, key=lambda m: m.to != ["awa@example.org"])
    assert acknowledgement.to == ["awa@example.org"]
    assert offer.reference in acknowledgement.subject and "a bien été reçue" in acknowledgement.subject
    assert notification.to == ["instructrice@example.org"]
    assert f"/admin/partnership_offers/inspect/{offer.pk}/" in notification.body
    # Each e-mail is recorded as sent once, under the record's reference.
    assert sorted(SentEmail.objects.filter(reference=offer.reference).values_list("kind", flat=True)) == [
        "acknowledgement",
        "notification",
    ]


def test_a_form_page_parses_its_templates_once_per_process(client, intake_site):
    """The DSFR forms share one renderer (``forms.forms.DsfrForm``): the second visit of a form
    page reads every widget template from the cached loader instead of parsing it again (a new
    renderer per form meant a new, empty template cache on each page)."""
    page = intake_site["offer_form"]
    assert client.get(page.url).status_code == 200
    parsed = []
    original = Template.compile_nodelist

    def compile_nodelist(template):
        parsed.append(template.origin.template_name)
        return original(template)

    with mock.patch.object(Template, "compile_nodelist", compile_nodelist):
        response = client.get(page.url)
    assert "Nom de la collectivité locale" in response.content.decode()
    assert parsed == []


def test_offer_flow_in_spanish_speaks_spanish(client, intake_site_es, django_capture_on_commit_callbacks):
    page = intake_site_es["offer_form_es"]
    form = client.get(page.url).content.decode()
    assert 'lang="es"' in form
    assert "Nombre de la autoridad local" in form
    assert "Agua y saneamiento" in form and "México" in form

    invalid = post(client, page, offer_data(authority_name=""))
    assert "Complete «Nombre de la autoridad local»." in invalid.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, page, offer_data(country="MX", themes=["eau-assainissement"]))
    assert response.status_code == 302
    offer = PartnershipOffer.objects.get()
    assert offer.language == "es"
    assert offer.country == intake_site_es["countries"]["MX"]  # the French (source) country
    thanks = client.get(response["Location"]).content.decode()
    assert "Su número de referencia" in thanks and offer.reference in thanks
    (acknowledgement,) = mail.outbox
    assert "ha sido recibida" in acknowledgement.subject
    assert "Hola Awa Exemple" in acknowledgement.body


def test_label_request_flow(client, intake_site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, intake_site["label_form"], label_data())
    assert response.status_code == 302
    request = ExpertiseLabelRequest.objects.get()
    assert request.reference.startswith("EX-") and request.status == "submitted"
    assert request.competences.startswith("Gestion des zones humides")
    assert "EXPE-CT" in mail.outbox[0].subject


def test_label_request_needs_siren_or_department(client, intake_site):
    response = post(client, intake_site["label_form"], label_data(siren="", department=""))
    assert "Indiquez le numéro SIREN" in response.content.decode()
    assert not ExpertiseLabelRequest.objects.exists()


BAD_OFFERS = {
    "missing field": (offer_data(project_title=""), "Renseignez « Titre du projet »."),
    "no theme": (offer_data(themes=[]), "Cochez au moins une case de « Domaines de coopération »."),
    "overlong title": (offer_data(project_title="x" * 201), "au plus 200 caractères"),
    "overlong description": (offer_data(description="x" * 4001), "au plus 4000 caractères"),
    "population not a number": (offer_data(population="beaucoup"), "Saisissez un nombre entier."),
    "latitude out of range": (offer_data(latitude="123"), "inférieure ou égale à 90"),
    "latitude without longitude": (offer_data(longitude=""), "la latitude et la longitude"),
    "unknown country": (offer_data(country="ZZ"), "Sélectionnez un choix valide"),
    "bad e-mail": (offer_data(contact_email="pas-une-adresse"), "Saisissez une adresse de courriel valide."),
    "bad phone": (offer_data(contact_phone="appelez-moi"), "Indiquez un numéro de téléphone"),
    "script tag": (offer_data(description="<script>alert(1)</script>"), "balises HTML"),
    "no consent": (offer_data(consent=None), "Cochez la case pour accepter le traitement de vos informations."),
    "wrong captcha": (offer_data(captcha_1="WRONG"), "Le code de sécurité est faux"),
    "honeypot filled": (offer_data(website="http://spam.example.org"), "champ réservé aux robots"),
}


@pytest.mark.parametrize("case", BAD_OFFERS, ids=list(BAD_OFFERS))
def test_bad_input_is_refused_with_a_visible_error(client, intake_site, case):
    data, message = BAD_OFFERS[case]
    response = post(client, intake_site["offer_form"], data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le formulaire contient des erreurs" in html
    assert message in html
    assert not PartnershipOffer.objects.exists()
    assert not mail.outbox and not SentEmail.objects.exists()


BAD_FILES = {
    "text renamed to .pdf": (
        SimpleUploadedFile("dossier.pdf", b"just text, not a PDF"),
        "n’est pas un vrai fichier PDF",
    ),
    "executable": (SimpleUploadedFile("setup.exe", b"MZ\x90\x00"), "type de fichier n’est pas accepté"),
    "zip renamed to .docx": (
        SimpleUploadedFile("note.docx", odt_bytes()),
        "n’est pas un vrai fichier DOCX",
    ),
    "png renamed to .jpg": (SimpleUploadedFile("photo.jpg", png_bytes()), "n’est pas un vrai fichier JPG"),
    "oversized": (
        SimpleUploadedFile("gros.pdf", pdf_bytes() + b"0" * (5 * 1024 * 1024)),
        "est trop volumineux",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_files_are_refused(client, intake_site, case):
    upload, message = BAD_FILES[case]
    response = post(client, intake_site["offer_form"], offer_data(attachments=[upload]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PartnershipOffer.objects.exists() and not Attachment.objects.exists()


def test_good_files_are_stored_privately(client, intake_site):
    uploads = [
        SimpleUploadedFile("dossier.pdf", pdf_bytes()),
        SimpleUploadedFile("lettre.docx", docx_bytes()),
        SimpleUploadedFile("note.odt", odt_bytes()),
        SimpleUploadedFile("plan.png", png_bytes()),
        SimpleUploadedFile("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 32),
    ]
    response = post(client, intake_site["offer_form"], offer_data(attachments=uploads))
    assert response.status_code == 302
    offer = PartnershipOffer.objects.get()
    attachments = list(offer.attachments.all())
    names = [a.original_name for a in attachments]
    assert names == ["dossier.pdf", "lettre.docx", "note.odt", "plan.png", "photo.jpeg"]
    for attachment in attachments:
        path = Path(attachment.file.path)
        assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
        assert not path.is_relative_to(settings.MEDIA_ROOT)
        assert "dossier" not in path.name  # random names on disk
    assert attachments[0].mime_type == "application/pdf"
    # Personal data: readable by the application's user and group only (was 0644).
    for attachment in attachments:
        path = Path(attachment.file.path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640, path
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o750, path.parent


def zip_bomb(member_names, bomb_name, expanded=256 * 1024 * 1024):
    """A ZIP archive of ~250 KB whose member ``bomb_name`` expands to ``expanded`` bytes, written
    in chunks so that building it costs little memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in member_names:
            if name == bomb_name:
                with archive.open(name, "w", force_zip64=True) as member:
                    chunk = b"\0" * (1024 * 1024)
                    for _ in range(expanded // len(chunk)):
                        member.write(chunk)
            else:
                archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, members, bomb",
    [
        ("bombe.odt", ["mimetype", "content.xml"], "mimetype"),
        ("bombe.docx", ["[Content_Types].xml", "word/document.xml"], "word/document.xml"),
    ],
    ids=["odt", "docx"],
)
def test_an_office_zip_bomb_is_refused_without_being_expanded(client, intake_site, name, members, bomb):
    data = zip_bomb(members, bomb)
    assert len(data) < 1024 * 1024  # under 1 MB sent, 256 MB declared inside
    upload = SimpleUploadedFile(name, data)
    tracemalloc.start()
    try:
        response = post(client, intake_site["offer_form"], offer_data(attachments=[upload]))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    assert f"« {name} » : son contenu n’est pas un vrai fichier" in response.content.decode()
    assert not PartnershipOffer.objects.exists()
    # Expanding the member would have taken 256 MB (the old check read it whole).
    assert peak < 32 * 1024 * 1024, f"{peak / 1e6:.0f} MB"


def test_an_archive_with_absurd_declared_sizes_is_refused():
    from forms.files import MAX_ARCHIVE_MEMBERS, archive_is_reasonable

    many = zip_bytes({f"word/part{n}.xml": "" for n in range(MAX_ARCHIVE_MEMBERS + 1)})
    with zipfile.ZipFile(io.BytesIO(many)) as archive:
        assert not archive_is_reasonable(archive)
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as archive:
        assert archive_is_reasonable(archive)


FAKE_PDFS = {
    "html": b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n",
    "php": b"%PDF-1.7\n<?php system($_GET['c']); ?>\n%%EOF\n",
    "truncated": None,  # a real PDF cut in the middle
}


@pytest.mark.parametrize("case", FAKE_PDFS, ids=list(FAKE_PDFS))
def test_a_pdf_header_followed_by_something_else_is_refused(client, intake_site, case):
    content = FAKE_PDFS[case] or pdf_bytes()[: len(pdf_bytes()) // 3]
    upload = SimpleUploadedFile("dossier.pdf", content)
    response = post(client, intake_site["offer_form"], offer_data(attachments=[upload]))
    assert response.status_code == 200
    assert "« dossier.pdf » : son contenu n’est pas un vrai fichier PDF." in response.content.decode()
    assert not Attachment.objects.exists()


def test_an_oversized_request_body_is_refused_before_being_read(client, intake_site, settings):
    # The body declares 1 GB; the few bytes actually there would make Django fail if it read
    # further than the declaration, so a 413 proves nothing was read.
    page = intake_site["offer_form"]
    response = client.generic(
        "POST",
        page.url,
        b"x" * 100,
        content_type="multipart/form-data; boundary=frontier",
        CONTENT_LENGTH=str(1024**3),
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "Requête trop volumineuse" in html and "32 Mo" in html
    assert not PartnershipOffer.objects.exists()
    # Just under the limit, the request is read as usual.
    settings.MAX_REQUEST_BODY_SIZE = 10 * 1024 * 1024
    assert post(client, page, offer_data(attachments=[SimpleUploadedFile("a.pdf", pdf_bytes())])).status_code == 302


def test_too_many_files_are_refused(client, intake_site):
    uploads = [SimpleUploadedFile(f"f{n}.pdf", pdf_bytes()) for n in range(settings.INTAKE_MAX_FILES + 1)]
    response = post(client, intake_site["offer_form"], offer_data(attachments=uploads))
    assert "Envoyez au plus 5 fichiers." in response.content.decode()
    assert not PartnershipOffer.objects.exists()


def test_thank_you_page_needs_a_submission(client, intake_site):
    page = intake_site["offer_form"]
    response = client.get(page.url + "merci/")
    assert response.status_code == 302 and response["Location"] == page.url


def test_rate_limit_answers_429_in_the_visitors_language(client, intake_site_es, settings):
    settings.INTAKE_RATE_LIMIT = 2
    page = intake_site_es["offer_form_es"]
    for attempt in range(2):
        assert post(client, page, offer_data(project_title=f"Proyecto {attempt}")).status_code == 302
    response = post(client, page, offer_data())
    assert response.status_code == 429
    assert response["Retry-After"] == str(settings.INTAKE_RATE_LIMIT_WINDOW)
    assert "Demasiados envíos" in response.content.decode()
    assert PartnershipOffer.objects.count() == 2
    # Another address is not limited.
    assert post(client, page, offer_data(), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_junk_posts_from_a_shared_address_do_not_block_a_genuine_submitter(client, intake_site, settings):
    # Ten refused posts (fields missing or invalid) from an embassy's address count for nothing:
    # before, every POST counted and the colleague filling the form in properly got a 429.
    settings.INTAKE_RATE_LIMIT = 3
    page = intake_site["offer_form"]
    for attempt in range(10):
        junk = offer_data(project_title="", contact_email=f"pas-une-adresse-{attempt}")
        assert post(client, page, junk).status_code == 200
    assert post(client, page, offer_data()).status_code == 302
    assert PartnershipOffer.objects.count() == 1


def test_wrong_captcha_answers_count_against_the_limit(client, intake_site, settings):
    from captcha.models import CaptchaStore

    settings.INTAKE_RATE_LIMIT = 3
    page = intake_site["offer_form"]
    for _ in range(3):
        key = CaptchaStore.generate_key()
        response = post(client, page, offer_data(captcha_0=key, captcha_1="mauvais"))
        assert response.status_code == 200
        assert "Le code de sécurité est faux" in response.content.decode()
    response = post(client, page, offer_data())
    assert response.status_code == 429
    assert "Trop d’envois" in response.content.decode()
    assert not PartnershipOffer.objects.exists()


# Issue 11: Django's e-mail validation accepts a quoted local part holding commas; the old outbox
# joined recipients with commas and split them again, so this one "address" mailed two victims.
ONE_ADDRESS_MANY_MAILBOXES = '"x,victim1@evil.example,victim2@evil.example,"@example.org'


@pytest.mark.parametrize("field", ["contact_email", "embassy_email"])
def test_an_address_naming_several_mailboxes_is_refused(client, intake_site, field):
    response = post(client, intake_site["offer_form"], offer_data(**{field: ONE_ADDRESS_MANY_MAILBOXES}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Saisissez une seule adresse électronique, sans guillemets, virgules ni espaces." in html
    assert not PartnershipOffer.objects.exists()
    assert not mail.outbox


def test_label_request_refuses_an_address_naming_several_mailboxes(client, intake_site):
    response = post(client, intake_site["label_form"], label_data(contact_email=ONE_ADDRESS_MANY_MAILBOXES))
    assert (
        "Saisissez une seule adresse électronique, sans guillemets, virgules ni espaces." in response.content.decode()
    )
    assert not ExpertiseLabelRequest.objects.exists()


def test_each_recipient_is_one_mailbox(client, intake_site, django_capture_on_commit_callbacks):
    """The reviewers' notice goes to a list of addresses, each one mailbox, never a joined string."""
    setup_roles()
    user_in_group("instructrice", "Instructeurs")
    user_in_group("instructeur", "Instructeurs")
    page = intake_site["offer_form"]
    # Saved before addresses were checked (the page's field now refuses it).
    type(page).objects.filter(pk=page.pk).update(
        notification_emails="bourse@example.org, " + ONE_ADDRESS_MANY_MAILBOXES
    )
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, page, offer_data()).status_code == 302
    notification = next(message for message in mail.outbox if message.to != ["awa@example.org"])
    assert notification.to == ["bourse@example.org", "instructeur@example.org", "instructrice@example.org"]
    assert not any("evil.example" in address for message in mail.outbox for address in message.recipients())


# -- bidirectional override characters -------------------------------------------------------------

RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"


@pytest.mark.parametrize("field", ["embassy", "authority_name", "project_title", "contact_name"])
def test_direction_controls_are_refused_in_short_fields(client, intake_site, field):
    # Shown publicly, "Ambassade \u202egnp.exe" reads "Ambassade exe.png".
    response = post(client, intake_site["offer_form"], offer_data(**{field: f"Ambassade {RLO}gnp.exe"}))
    assert response.status_code == 200
    assert "supprimez les caractères invisibles de direction du texte" in response.content.decode()
    assert not PartnershipOffer.objects.exists()


def test_direction_controls_are_refused_in_spanish_too(client, intake_site_es):
    response = post(client, intake_site_es["offer_form_es"], offer_data(region=f"Dakar {LRI}x{PDI}"))
    assert response.status_code == 200
    assert "elimine los caracteres invisibles de dirección del texto" in response.content.decode()


def test_direction_controls_are_removed_from_long_texts_and_file_names(client, intake_site):
    data = offer_data(
        description=f"Restaurer les façades {RLO}gnp.exe{LRI} de l’île.",
        partner_sought=f"Une ville {PDI}française.",
        attachments=[SimpleUploadedFile(f"dossier{RLO}fdp.pdf", pdf_bytes())],
    )
    assert post(client, intake_site["offer_form"], data).status_code == 302
    offer = PartnershipOffer.objects.get()
    assert offer.description == "Restaurer les façades gnp.exe de l’île."
    assert offer.partner_sought == "Une ville française."
    assert offer.attachments.get().original_name == "dossierfdp.pdf"
    # Arabic text keeps its own marks (U+200F), which are not overrides.
    arabic = "بلدية سانت لويس\u200f"
    assert post(client, intake_site["offer_form"], offer_data(authority_name=arabic)).status_code == 302


def test_behind_the_proxy_the_rate_limit_counts_each_client_apart(client, intake_site, settings):
    # The same helper as the login lock-out (portal/client.py): the proxy's address is not the client's.
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    settings.INTAKE_RATE_LIMIT = 1
    page = intake_site["offer_form"]
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert post(client, page, offer_data(project_title="A"), HTTP_X_REAL_IP="203.0.113.5", **proxy).status_code == 302
    assert post(client, page, offer_data(project_title="A2"), HTTP_X_REAL_IP="203.0.113.5", **proxy).status_code == 429
    assert post(client, page, offer_data(project_title="B"), HTTP_X_REAL_IP="203.0.113.6", **proxy).status_code == 302
    # A value that is not an address is ignored: the proxy's own address counts.
    response = post(client, page, offer_data(project_title="C"), HTTP_X_REAL_IP="not-an-ip", **proxy)
    assert response.status_code == 302
    assert post(client, page, offer_data(project_title="D"), **proxy).status_code == 429
