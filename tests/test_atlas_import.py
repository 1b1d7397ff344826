"""The spreadsheet import of Atlas projects: creates or updates in bulk, all or nothing with the
faulty rows listed, authorities matched by official code or exact name, names kept as typed when
no match is certain; and its admin view, for those allowed to add projects."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import translation

from atlas.importer import import_projects
from atlas.models import FundingLine, Project
from portal.authorities import PartnerAuthority
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.atlas import FrenchAuthorityFactory, PartnerAuthorityFactory, bretagne
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_french():
    """Messages are read in French, whatever language an earlier test left active."""
    with translation.override("fr"):
        yield


HEADER = (
    "reference;titre;langue;type;statut;thematiques;odd;annee_de_debut;annee_de_fin;collectivite_cheffe_de_file;"
    "code_collectivite;autres_collectivites_francaises;collectivites_partenaires;pays;autres_partenaires;objectifs;"
    "annee_de_financement;fonds_propres;cofinancement_meae;appel_a_projets;courriel"
)


def csv_file(*rows, header=HEADER, name="projets.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, "\n".join([header, *rows]).encode(encoding), content_type="text/csv")


@pytest.fixture
def referential(site_tree):
    places = bretagne()
    FrenchAuthorityFactory(kind="commune", code="17300", siren="211703004", name="La Rochelle")
    FrenchAuthorityFactory(kind="commune", code="70450", siren="217004506", name="La Rochelle")
    FrenchAuthorityFactory(kind="commune", code="84087", siren="218400877", name="Orange")
    mexico = CountryFactory(name="Mexique", iso_code="MX", continent="019")
    senegal = CountryFactory(name="Sénégal", iso_code="SN", continent="002")
    xalapa = PartnerAuthorityFactory(name="Xalapa", country=mexico)
    water = ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    call = CallPageFactory(
        parent=CallIndexPageFactory(), title="Appel à projets franco-mexicain 2020", slug="fm-2020", closed=True
    )
    laureate = LaureateFactory(page=call, french_authority="Brest Métropole", partner_authority="Xalapa")
    return {
        **places,
        "mexico": mexico,
        "senegal": senegal,
        "xalapa": xalapa,
        "water": water,
        "call": call,
        "laureate": laureate,
    }


def test_a_good_file_creates_projects_with_their_links(referential):
    result = import_projects(
        csv_file(
            "ATL-1;Gestion de l’eau à Xalapa;fr;coopération décentralisée;publié;eau-assainissement;6, 13;2020;2023;"
            "Brest Métropole;;29019;Xalapa;;Université de Bretagne occidentale;Mieux gérer l’eau.;2020;38 000;35 000;"
            "fm-2020;international@brest.example.org",
            "ATL-2;Jumelage La Rochelle;fr;jumelage;brouillon;;;1990;;La Rochelle;;;Kaolack;SN;;;;;;;",
            "ATL-3;Énergie à Zacatecas;es;other;published;Eau et assainissement;7;2021;;Orange;;REG-53;Zacatecas [MX];;"
            "Hôpital de Zacatecas;;;;;;",
        ),
        can_publish=True,
    )
    assert result.errors == [] and (result.created, result.updated) == (3, 0)
    assert result.notes == [
        (
            3,
            "« La Rochelle » désigne plusieurs collectivités françaises : gardé tel que saisi "
            "(indiquez son code officiel).",
        )
    ]

    water = Project.objects.get(reference="ATL-1")
    assert (water.kind, water.status, water.start_year, water.end_year, water.origin) == (
        "cooperation",
        "published",
        2020,
        2023,
        "import",
    )
    assert list(water.themes.all()) == [referential["water"]]
    assert sorted(water.goals.values_list("number", flat=True)) == [6, 13]
    links = list(water.french_authority_links.order_by("sort_order"))
    assert [(link.authority, link.role) for link in links] == [
        (referential["epci"], "lead"),
        (referential["commune"], "partner"),
    ]
    assert (water.region, water.departement) == (referential["region"], referential["departement"])
    assert [link.partner for link in water.partner_links.all()] == [referential["xalapa"]]
    assert [(other.name, other.kind) for other in water.other_partners.all()] == [
        ("Université de Bretagne occidentale", "university")
    ]
    lines = {line.source: line for line in water.funding_lines.all()}
    assert str(lines["own"].amount) == "38000.00" and lines["own"].year == 2020
    assert lines["ministry"].call == referential["call"] and lines["ministry"].laureate == referential["laureate"]

    twinning = Project.objects.get(reference="ATL-2")
    assert twinning.status == "draft" and twinning.kind == "twinning"
    lead = twinning.french_authority_links.get()
    assert lead.authority is None and lead.name == "La Rochelle"  # two communes bear the name
    kaolack = PartnerAuthority.objects.get(name="Kaolack")
    assert kaolack.country == referential["senegal"] and kaolack.origin == "import"
    assert kaolack.latitude is not None  # placed by the gazetteer

    energy = Project.objects.get(reference="ATL-3")
    assert energy.language == "es"
    assert [link.authority.name for link in energy.french_authority_links.order_by("sort_order")] == [
        "Orange",
        "Bretagne",
    ]
    assert energy.partner_links.get().partner.country == referential["mexico"]
    assert energy.other_partners.get().kind == "hospital"


def test_reimporting_updates_in_place_only_the_columns_given(referential):
    import_projects(
        csv_file("ATL-1;Gestion de l’eau;fr;cooperation;draft;;;2020;;242900314;;;Xalapa;MX;;Mieux gérer l’eau.;;;;;")
    )
    project = Project.objects.get(reference="ATL-1")
    FundingLine.objects.create(project=project, source="eu", amount=1000, year=2021)
    result = import_projects(
        csv_file("ATL-1;Gestion durable de l’eau;2022", header="reference;titre;annee_de_fin"), can_publish=True
    )
    assert (result.created, result.updated, result.errors) == (0, 1, [])
    project.refresh_from_db()
    assert (project.title, project.end_year, project.objectives) == (
        "Gestion durable de l’eau",
        2022,
        "Mieux gérer l’eau.",
    )
    assert project.french_authority_links.get().authority == referential["epci"]
    assert project.funding_lines.count() == 1
    assert Project.objects.count() == 1


def test_only_those_who_may_publish_publish(referential):
    import_projects(csv_file("ATL-9;Projet;fr;;publié;;;2020;;Brest;;;;;;;;;;;"), can_publish=False)
    assert Project.objects.get(reference="ATL-9").status == "draft"


def test_a_bad_file_saves_nothing_and_lists_every_faulty_row(referential):
    result = import_projects(
        csv_file(
            "ATL-1;Bon projet;fr;;;;;2020;;Brest;;;;;;;;;;;",
            "ATL-2;;fr;;;;;2020;;Brest;;;;;;;;;;;",
            "ATL-3;Projet;xx;fusion;;inconnue;18;vingt;;;99999;;Dakar;ZZ;;;2020;beaucoup;;appel-inexistant;pas-une-adresse",
            "ATL-1;Doublon;fr;;;;;2020;2010;Brest;;;;;;;;;;;",
        )
    )
    assert Project.objects.count() == 0 and PartnerAuthority.objects.filter(origin="import").count() == 0
    errors = dict(result.errors)
    assert set(errors) == {3, 4, 5}
    assert errors[3] == "le titre manque."
    for message in (
        "langue inconnue « xx ».",
        "type d’action inconnu « fusion ».",
        "thème inconnu « inconnue ».",
        "« 18 » n’est pas un objectif de développement durable (1 à 17).",
        "l’année « vingt » n’est pas une année.",
        "aucune collectivité française n’a le code officiel « 99999 ».",
        "pays inconnu « ZZ ».",
        "le montant « beaucoup » n’est pas un nombre.",
        "aucun appel à projets ne s’appelle « appel-inexistant ».",
        "l’adresse électronique « pas-une-adresse » n’est pas valide.",
    ):
        assert message in errors[4], (message, errors[4])
    assert "la référence « ATL-1 » figure aussi sur une autre ligne." in errors[5]
    assert "l’année de fin précède l’année de début." in errors[5]


def test_files_that_cannot_be_read(referential):
    assert import_projects(csv_file(header="")).errors == [(0, "Le fichier est vide.")]
    assert import_projects(csv_file("x", header="colonne;autre")).errors == [
        (1, "Aucune colonne « titre » dans la première ligne.")
    ]
    broken = SimpleUploadedFile("projets.xlsx", b"not a workbook")
    assert import_projects(broken).errors == [(0, "Le fichier n’est pas un classeur XLSX lisible.")]
    binary = SimpleUploadedFile("projets.csv", bytes(range(256)) * 4)
    assert import_projects(binary).errors[0][0] == 0


def test_xlsx_and_windows_1252_files(referential):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(
        ["Référence", "Titre", "Collectivité cheffe de file", "Code collectivité", "Année de début", "Fonds propres"]
    )
    sheet.append(["ATL-X", "Projet tableur", "Métropole de Brest", "242900314", 2019, 12000.5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = import_projects(SimpleUploadedFile("projets.xlsx", buffer.getvalue()))
    assert result.errors == [] and result.created == 1
    project = Project.objects.get(reference="ATL-X")
    assert project.start_year == 2019 and str(project.funding_lines.get().amount) == "12000.50"
    assert project.french_authority_links.get().authority == referential["epci"]

    result = import_projects(
        csv_file("ATL-W;Coopération à Dakar;Brest", header="reference;titre;chef_de_file", encoding="cp1252")
    )
    assert result.errors == [] and Project.objects.get(reference="ATL-W").title == "Coopération à Dakar"


def test_kind_words_in_front_of_a_name_are_understood(referential):
    result = import_projects(
        csv_file(
            "ATL-R;Projet régional;Région Bretagne;Ville de Brest",
            header="reference;titre;chef_de_file;french_authorities",
        )
    )
    links = Project.objects.get(reference="ATL-R").french_authority_links.order_by("sort_order")
    assert [link.authority for link in links] == [referential["region"], referential["commune"]]
    assert result.notes == []


def staff(client, django_user_model, group):
    call_command("setup_roles", stdout=io.StringIO())
    user = django_user_model.objects.create_user(f"user-{group}", password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


def test_admin_import_view(client, django_user_model, referential):
    client = staff(client, django_user_model, "Éditeurs")
    response = client.get("/admin/atlas/import/")
    assert response.status_code == 200 and "Importer des projets de l’Atlas" in response.content.decode()
    template = client.get("/admin/atlas/import/template.csv")
    assert template.content.decode("utf-8-sig").startswith("reference;titre;langue")

    bad = client.post("/admin/atlas/import/", {"file": csv_file("ATL-1;;fr"), "create_partners": "on"})
    assert bad.status_code == 400
    assert "Lignes à corriger" in bad.content.decode() and "le titre manque." in bad.content.decode()

    good = client.post(
        "/admin/atlas/import/",
        {"file": csv_file("ATL-1;Projet importé;fr;;publié;;;2020;;Brest;;;;;;;;;;;"), "create_partners": "on"},
    )
    assert good.status_code == 302
    assert Project.objects.get(reference="ATL-1").status == "draft"  # editors do not publish


def test_admin_import_is_refused_without_the_permission(client, django_user_model, referential):
    client = staff(client, django_user_model, "Modérateurs")
    assert client.get("/admin/atlas/import/").status_code == 200
    client.logout()
    other = django_user_model.objects.create_user("sans-droit", password="x" * 12)
    from django.contrib.auth.models import Permission

    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    response = client.get("/admin/atlas/import/")
    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's answer to a refused view
