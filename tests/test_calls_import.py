"""Laureate import from CSV and XLSX in the admin: good files, bad files (nothing saved)."""

import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from calls.models import CallPage, Laureate
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory

pytestmark = pytest.mark.django_db

GOOD_CSV = (
    "Collectivité française;Collectivité partenaire;Pays;Titre du projet;Thème;Montant accordé\n"
    "Communauté d’agglomération de La Rochelle;État de Campeche;MX;Tourisme durable;culture;40 000\n"
    "Brest Métropole;Xalapa;Mexique;Gestion de l’eau;Culture;35000,50\n"
    "Orange;Zacatecas;mx;Énergie renouvelable;;\n"
)


@pytest.fixture
def call(site_tree):
    ThemeFactory(slug="culture", name="Culture")
    CountryFactory(iso_code="MX", name="Mexique")
    index = CallIndexPageFactory()
    call = CallPageFactory(parent=index, title="Franco-mexicain 2020", closed=True)
    LaureateFactory(page=call, french_authority="Ancien lauréat")
    call.save_revision().publish()
    return call


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def upload(client, call, name, content, replace=True):
    url = reverse("calls_import_laureates", args=[call.pk])
    data = {"file": SimpleUploadedFile(name, content)}
    if replace:
        data["replace"] = "on"
    return client.post(url, data)


def authorities(call):
    return list(
        CallPage.objects.get(pk=call.pk).laureates.order_by("sort_order").values_list("french_authority", flat=True)
    )


def test_import_page_is_reachable_from_the_page_header(admin_client, call):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[call.pk])).content.decode()
    assert reverse("calls_import_laureates", args=[call.pk]) in html
    assert admin_client.get(reverse("calls_import_laureates", args=[call.pk])).status_code == 200


def test_good_csv_replaces_laureates_and_publishes(admin_client, call):
    response = upload(admin_client, call, "laureats.csv", GOOD_CSV.encode("utf-8"))
    assert response.status_code == 302
    assert authorities(call) == ["Communauté d’agglomération de La Rochelle", "Brest Métropole", "Orange"]
    rows = {laureate.french_authority: laureate for laureate in Laureate.objects.select_related("country", "theme")}
    assert rows["Brest Métropole"].country.iso_code == "MX"
    assert str(rows["Brest Métropole"].amount) == "35000.50"
    assert str(rows["Communauté d’agglomération de La Rochelle"].amount) == "40000.00"
    assert rows["Orange"].theme is None and rows["Orange"].amount is None
    # The import is a published revision: the page editor shows the new list, not the old one.
    latest = CallPage.objects.get(pk=call.pk).get_latest_revision_as_object()
    assert [laureate.french_authority for laureate in latest.laureates.all()][0].startswith("Communauté")


def test_csv_in_windows_encoding_and_append_mode(admin_client, call):
    content = "french_authority,partner_authority,country_code\nVille d’Orléans,Agadir,\n".replace("’", "'")
    response = upload(admin_client, call, "l.csv", content.encode("cp1252"), replace=False)
    assert response.status_code == 302
    assert authorities(call) == ["Ancien lauréat", "Ville d'Orléans"]


def test_good_xlsx(admin_client, call):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["French authority", "Partner authority", "Country", "Project title", "Theme", "Amount"])
    sheet.append(["Brest Métropole", "Xalapa", "MX", "Eau", "culture", 35000])
    sheet.append([None, None, None, None, None, None])  # empty rows are skipped
    sheet.append(["Orange", "Zacatecas", "Mexique", "Énergie", None, 12500.5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(admin_client, call, "laureats.xlsx", buffer.getvalue())
    assert response.status_code == 302
    assert authorities(call) == ["Brest Métropole", "Orange"]
    assert str(Laureate.objects.get(french_authority="Orange").amount) == "12500.50"


def test_bad_file_is_rejected_with_row_errors_and_nothing_saved(admin_client, call):
    content = (
        "Collectivité française;Pays;Thème;Montant\n"
        "Brest Métropole;MX;culture;1000\n"
        ";MX;culture;1000\n"
        "Orange;Atlantide;culture;1000\n"
        "Lyon;MX;astrologie;beaucoup\n"
    )
    response = upload(admin_client, call, "bad.csv", content.encode())
    assert response.status_code == 200
    errors = dict(response.context["errors"])
    assert set(errors) == {3, 4, 5}
    assert "Atlantide" in errors[4]
    assert "astrologie" in errors[5] and "beaucoup" in errors[5]
    html = response.content.decode()
    assert "Atlantide" in html
    assert authorities(call) == ["Ancien lauréat"]
    assert CallPage.objects.get(pk=call.pk).get_latest_revision_as_object().laureates.count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", b"hello"),
        ("broken.xlsx", b"not a zip"),
        ("noheader.csv", b"a;b\n1;2\n"),
        ("empty.csv", b""),
    ],
)
def test_unreadable_files_are_rejected(admin_client, call, name, content):
    response = upload(admin_client, call, name, content)
    assert response.status_code == 200
    assert authorities(call) == ["Ancien lauréat"]


def test_import_needs_edit_permission(client, call):
    user = get_user_model().objects.create_user("visitor", "v@example.org", "pw")
    client.force_login(user)
    response = client.get(reverse("calls_import_laureates", args=[call.pk]))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    "content",
    [
        GOOD_CSV.encode("utf-16"),  # Excel's "Unicode text": decodes as Windows-1252, with NULs
        GOOD_CSV.encode("utf-16-be"),
        bytes(range(256)) * 4,  # binary: not UTF-8, and 0x81 is no Windows-1252 character
    ],
)
def test_csv_in_another_encoding_is_a_form_error(admin_client, call, content):
    url = reverse("calls_import_laureates", args=[call.pk])
    data = {"file": SimpleUploadedFile("laureats.csv", content), "replace": "on"}
    response = admin_client.post(url, data, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "file": ["Le fichier n’est ni du texte UTF-8 ni du Windows-1252 : enregistrez-le en CSV UTF-8."]
    }
    assert "Le fichier n’est ni du texte UTF-8 ni du Windows-1252 : enregistrez-le en CSV UTF-8." in (
        response.content.decode()
    )
    assert authorities(call) == ["Ancien lauréat"]
    assert CallPage.objects.get(pk=call.pk).get_latest_revision_as_object().laureates.count() == 1
