"""The Atlas demo (atlas/demo/atlas.toml): the Atlas page in the four languages, real French
authorities, partners placed on the map, projects linked to the calls and laureates they won;
loading it again changes nothing."""

import io

import pytest
from django.core.management import call_command

from atlas.demo import read_data
from atlas.models import AtlasIndexPage, Project
from portal.authorities import PartnerAuthority
from portal.models import NavigationMenu
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory

pytestmark = pytest.mark.django_db


def test_demo_loads_and_reloads_without_change(client, site_tree, django_capture_on_commit_callbacks):
    call_command("seed_taxonomy", stdout=io.StringIO())
    call = CallPageFactory(parent=CallIndexPageFactory(), slug="franco-mexicain-2020", closed=True)
    laureate = LaureateFactory(page=call, french_authority="Brest Métropole", partner_authority="Xalapa")
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes translations on commit
        call_command("load_atlas_demo", stdout=out)
    assert "The Atlas is at /fr/atlas/" in out.getvalue()

    data = read_data()
    projects = Project.objects.filter(origin="demo")
    assert projects.count() == len(data["projects"]) >= 30
    assert projects.filter(status="published").count() == projects.count()
    assert {page.locale.language_code for page in AtlasIndexPage.objects.all()} == {"fr", "en", "es", "ar"}
    menu = NavigationMenu.objects.get(placement="main", locale__language_code="fr")
    assert any(item.value["page"] and item.value["page"].specific_class is AtlasIndexPage for item in menu.items)

    xalapa = projects.get(reference="DEMO-MX-02")
    assert xalapa.language == "es"
    assert xalapa.lead_link().authority.name == "Brest Métropole"
    assert xalapa.region.name == "Bretagne" and xalapa.departement.name == "Finistère"
    ministry = xalapa.funding_lines.get(source="ministry")
    assert (ministry.call, ministry.laureate) == (call, laureate)
    partner = xalapa.partner_links.get().partner
    assert partner.coordinates_source == "gazetteer" and partner.latitude is not None
    senegal = projects.filter(partner_links__country__iso_code="SN", themes__slug="eau-assainissement").distinct()
    assert senegal.count() >= 3

    counts = (Project.objects.count(), PartnerAuthority.objects.count())
    pks = set(projects.values_list("pk", flat=True))
    call_command("load_atlas_demo", stdout=io.StringIO())
    assert (Project.objects.count(), PartnerAuthority.objects.count()) == counts
    assert set(Project.objects.filter(origin="demo").values_list("pk", flat=True)) == pks

    for code, text in (("fr", "Gestión del agua"), ("ar", "Gestión del agua")):
        page = AtlasIndexPage.objects.get(locale__language_code=code)
        response = client.get(page.project_url(xalapa))
        assert response.status_code == 200 and text in response.content.decode()


def test_demo_projects_and_their_authorities_are_found_by_the_site_search(client, site_tree):
    """After ``load_atlas_demo`` alone (as ``make run`` does), the site search finds a demo project
    by its title and a French authority of the referential taking part in it by its name."""
    call_command("seed_taxonomy", stdout=io.StringIO())
    call_command("load_atlas_demo", stdout=io.StringIO())
    xalapa = Project.objects.get(reference="DEMO-MX-02")
    brest = xalapa.lead_link().authority

    page = client.get("/fr/recherche/", {"q": "Brest Métropole"}).content.decode()
    atlas = AtlasIndexPage.objects.get(locale__language_code="fr")
    assert f'href="{atlas.french_authority_url(brest)}"' in page
    found = client.get("/fr/recherche/", {"q": xalapa.title}).content.decode()
    assert f'href="{atlas.project_url(xalapa)}"' in found
