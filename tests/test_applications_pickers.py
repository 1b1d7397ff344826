"""The partner pickers of the application form: French and foreign partner authorities chosen in
the referential, through suggestions (JSON, for referential.js) or, without JavaScript, by the
name or SIREN typed and looked up on saving, with clear errors when it names none or several."""

import pytest

from applications.models import Application
from portal.authorities import FrenchAuthority
from tests.factories import build_site
from tests.factories.applications import build_world, complete_data
from tests.factories.atlas import PartnerAuthorityFactory

pytestmark = pytest.mark.django_db

BASE = "/fr/espace/candidatures/"


@pytest.fixture
def world(db):
    build_site()
    world = build_world()
    organisation = world["organisations"]["applicant"]
    world["application"] = Application.objects.create(
        online_call=world["online"],
        call=world["call"],
        organisation=organisation,
        lead_authority=organisation.authority,
        departement="17",
    )
    return world


def test_suggestions_come_from_the_referential(client, world, django_assert_max_num_queries):
    assert client.get(f"{BASE}referentiel/partenaires/?q=xal").status_code == 302  # signed-in only
    client.force_login(world["people"]["applicant"])
    with django_assert_max_num_queries(6):
        data = client.get(f"{BASE}referentiel/partenaires/?q=xal").json()
    assert data["results"] == [{"id": world["xalapa"].pk, "label": "Xalapa (Mexique)"}]
    assert data["status"] == "1 suggestion."
    bordeaux = FrenchAuthority.objects.get(siren="213300635")
    for query in ("bordeau", "213300635"):
        data = client.get(f"{BASE}referentiel/collectivites/", {"q": query}).json()
        assert [row["id"] for row in data["results"]] == [bordeaux.pk], query
    assert client.get(f"{BASE}referentiel/collectivites/?q=b").json() == {"results": [], "status": ""}
    data = client.get(f"{BASE}referentiel/partenaires/?q=zzzz").json()
    assert data["results"] == [] and data["status"] == "Aucune collectivité du référentiel ne correspond à « zzzz »."


def test_without_javascript_the_typed_name_or_siren_is_looked_up(client, world):
    application = world["application"]
    client.force_login(world["people"]["applicant"])
    data = complete_data(application, partner_authorities=[], partner_authorities_add="xalapa")
    data["partner_french_authorities_add"] = "213300635"
    assert client.post(f"{BASE}{application.pk}/modifier/", data).status_code == 302
    assert list(application.partner_authorities.values_list("name", flat=True)) == ["Xalapa"]
    assert list(application.partner_french_authorities.values_list("name", flat=True)) == ["Bordeaux"]
    page = client.get(f"{BASE}{application.pk}/modifier/").content.decode()
    assert 'value="' + str(world["xalapa"].pk) + '"' in page and "Xalapa (Mexique)" in page
    # Unticking removes; the picker's label written back ("Name (Country)") names exactly one row.
    PartnerAuthorityFactory(name="Xalapa", country=world["organisations"]["other_embassy"].country)
    application.refresh_from_db()
    data = complete_data(application, partner_authorities=[], partner_authorities_add="Xalapa (Mexique)")
    assert client.post(f"{BASE}{application.pk}/modifier/", data).status_code == 302
    assert list(application.partner_authorities.values_list("country__iso_code", flat=True)) == ["MX"]
    assert not application.partner_french_authorities.exists()


def test_a_name_naming_none_or_several_authorities_is_a_clear_error(client, world):
    PartnerAuthorityFactory(name="Xalapa", country=world["organisations"]["other_embassy"].country)
    application = world["application"]
    client.force_login(world["people"]["applicant"])
    response = client.post(
        f"{BASE}{application.pk}/modifier/", complete_data(application, partner_authorities_add="Xalapa")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Plusieurs collectivités correspondent à « Xalapa » (Xalapa (Mexique); Xalapa (Sénégal))" in page
    response = client.post(
        f"{BASE}{application.pk}/modifier/", complete_data(application, partner_french_authorities_add="Atlantide")
    )
    assert response.status_code == 400
    assert "Aucune collectivité du référentiel ne correspond à « Atlantide »." in response.content.decode()
    response = client.post(
        f"/es/espace/candidatures/{application.pk}/modifier/",
        complete_data(application, partner_french_authorities_add="Atlantide"),
    )
    assert "Ninguna entidad del referencial corresponde a «Atlantide»." in response.content.decode()
