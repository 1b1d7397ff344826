"""The referential of authorities: French authorities loaded from the official geographic code
(the pinned @etalab/decoupage-administratif, installed by `npm ci`), partner authorities placed
with the GeoNames gazetteer, and their admin (search by name or code, filters, choosers)."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.authorities import FrenchAuthority, PartnerAuthority, normalize_name
from portal.cog import load_authorities
from portal.gazetteer import locate, place_name
from tests.factories import CountryFactory
from tests.factories.atlas import FrenchAuthorityFactory

pytestmark = pytest.mark.django_db


def test_the_whole_code_loads_in_bulk_then_refreshes_in_place():
    with CaptureQueriesContext(connection) as queries:
        report = load_authorities()
    # Bulk statements: the count does not grow with the 35,000 communes.
    assert len(queries) < 80
    assert report.created["commune"] > 34000
    assert FrenchAuthority.objects.filter(kind="region").count() == 18
    assert FrenchAuthority.objects.filter(kind="departement").count() == 101
    assert FrenchAuthority.objects.filter(kind="overseas").count() == 8
    assert FrenchAuthority.objects.filter(kind="epci").count() > 1200

    brest = FrenchAuthority.objects.select_related("region", "departement").get(kind="commune", code="29019")
    assert (brest.name, brest.siren, brest.region.name, brest.departement.name) == (
        "Brest",
        "212900195",
        "Bretagne",
        "Finistère",
    )
    metropole = FrenchAuthority.objects.get(kind="epci", code="242900314")
    assert (metropole.name, metropole.siren, metropole.departement.code) == ("Brest Métropole", "242900314", "29")
    bretagne = FrenchAuthority.objects.get(kind="region", code="53")
    assert bretagne.region_id == bretagne.pk and bretagne.population > 3_000_000
    assert FrenchAuthority.objects.filter(region=bretagne, kind="departement").count() == 4
    miquelon = FrenchAuthority.objects.get(kind="commune", code="97501")
    assert miquelon.region.name == miquelon.departement.name == "Saint-Pierre-et-Miquelon"
    fort_de_france = FrenchAuthority.objects.get(kind="commune", code="97209")
    assert (fort_de_france.region.name, fort_de_france.departement.code, fort_de_france.zone) == (
        "Martinique",
        "972",
        "drom",
    )

    # A second load changes nothing and duplicates nothing; a correction is undone in place.
    total = FrenchAuthority.objects.count()
    FrenchAuthority.objects.filter(pk=brest.pk).update(name="Brest (corrigé)")
    report = load_authorities()
    assert FrenchAuthority.objects.count() == total
    assert report.updated["commune"] == 1 and report.created["commune"] == 0
    assert FrenchAuthority.objects.get(pk=brest.pk).name == "Brest"


def test_an_authority_gone_from_the_code_is_kept_and_marked():
    load_authorities(communes="none")
    gone = FrenchAuthorityFactory(kind="epci", code="200000000", name="CC dissoute")
    load_authorities(communes="none")
    gone.refresh_from_db()
    assert gone.is_current is False
    assert FrenchAuthority.objects.filter(kind="epci", is_current=True).count() > 1200


def test_command_loads_chosen_communes_and_reports(settings, tmp_path):
    out = io.StringIO()
    call_command("load_authorities", "--communes", "29019,17300", stdout=out)
    assert "decoupage-administratif 6.0.0" in out.getvalue()
    assert "commune: 2 created" in out.getvalue()
    assert set(FrenchAuthority.objects.filter(kind="commune").values_list("name", flat=True)) == {
        "Brest",
        "La Rochelle",
    }

    settings.COG_DATA_DIR = str(tmp_path)
    with pytest.raises(CommandError, match="npm ci"):
        call_command("load_authorities", stdout=io.StringIO())


def test_data_comes_from_the_pinned_package():
    lock = json.loads(open("package-lock.json", encoding="utf-8").read())
    package = lock["packages"]["node_modules/@etalab/decoupage-administratif"]
    assert package["version"] == "6.0.0"
    installed = json.loads(open("node_modules/@etalab/decoupage-administratif/package.json", encoding="utf-8").read())
    assert installed["version"] == package["version"]


def test_names_are_folded_for_matching():
    assert normalize_name("  Brest  Métropole ") == "brest metropole"
    assert normalize_name("Communauté d’agglomération") == "communaute d'agglomeration"
    assert place_name("Municipalité de Tyr") == "tyr"
    assert place_name("État de Campeche") == "campeche"


def test_partner_authorities_are_placed_by_the_gazetteer_and_corrections_are_kept():
    assert locate("Xalapa", "MX").name == "Xalapa de Enríquez"
    assert locate("Municipalité de Beyrouth", "LB").name == "Beirut"
    assert locate("Commune qui n’existe pas", "SN") is None

    mexico = CountryFactory(name="Mexique", iso_code="MX", continent="019")
    xalapa = PartnerAuthority.objects.create(name="Xalapa", country=mexico)
    assert xalapa.coordinates_source == "gazetteer"
    assert (xalapa.latitude, xalapa.longitude) == (Decimal("19.53124"), Decimal("-96.91589"))
    xalapa.region = "Veracruz"
    xalapa.save()
    assert xalapa.coordinates_source == "gazetteer"

    xalapa.latitude, xalapa.longitude = Decimal("19.54"), Decimal("-96.92")
    xalapa.save()
    xalapa.refresh_from_db()
    assert xalapa.coordinates_source == "manual"
    xalapa.name = "Municipio de Xalapa"
    xalapa.save()
    xalapa.refresh_from_db()
    assert (xalapa.latitude, xalapa.longitude, xalapa.coordinates_source) == (
        Decimal("19.54"),
        Decimal("-96.92"),
        "manual",
    )

    unknown = PartnerAuthority.objects.create(name="Comunidad inventada", country=mexico)
    assert unknown.latitude is None and unknown.coordinates_source == ""


def test_matching_ignores_accents_and_finds_official_codes():
    load_authorities(communes=["29019", "97209"])
    assert list(FrenchAuthority.objects.matching("brest metropole").values_list("code", flat=True)) == ["242900314"]
    assert list(FrenchAuthority.objects.matching("29019").values_list("name", flat=True)) == ["Brest"]
    assert "Fort-de-France" in FrenchAuthority.objects.matching("FORT-DE-FRANCE").values_list("name", flat=True)


@pytest.fixture
def staff_client(client, django_user_model):
    from django.contrib.auth.models import Group

    call_command("setup_roles", stdout=io.StringIO())
    user = django_user_model.objects.create_user("editrice", password="x" * 12)
    user.groups.add(Group.objects.get(name="Éditeurs"))
    client.force_login(user)
    return client


def test_admin_lists_search_and_chooser(staff_client):
    load_authorities(communes=["29019", "17300"])
    response = staff_client.get("/admin/snippets/portal/frenchauthority/", {"q": "metropole brest"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Brest Métropole" in html and "La Rochelle" not in html
    response = staff_client.get("/admin/snippets/portal/frenchauthority/", {"kind": "commune"})
    assert "La Rochelle" in response.content.decode() and "Brest Métropole" not in response.content.decode()
    # The chooser of the project form finds an authority by its INSEE code.
    response = staff_client.get("/admin/snippets/choose/portal/frenchauthority/results/", {"q": "17300"})
    assert response.status_code == 200
    assert "La Rochelle" in response.content.decode() and "Brest" not in response.content.decode()
