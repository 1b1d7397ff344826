"""Public pages of the Atlas: a page per project, per French authority and per partner
authority, in the visitor's language, with project text marked in its own language, and a
fixed number of queries whatever the number of projects."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from atlas.models import FundingLine, Project, ProjectFrenchAuthority, ProjectPartner, SustainableDevelopmentGoal
from tests.factories import CountryFactory, ThemeFactory, translate_page
from tests.factories.atlas import (
    AtlasIndexPageFactory,
    FundingLineFactory,
    PartnerAuthorityFactory,
    ProjectFactory,
    bretagne,
)
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def atlas(site_tree):
    """The French Atlas and its Arabic translation, Brest Métropole leading a Spanish-written
    project with Xalapa, funded by a call it won."""
    page = AtlasIndexPageFactory()
    page_ar = translate_page(page, "ar", title="أطلس التعاون اللامركزي")
    places = bretagne()
    mexico = CountryFactory(name="Mexique", iso_code="MX", name_ar="المكسيك", continent="019")
    xalapa = PartnerAuthorityFactory(name="Xalapa", country=mexico, region="Veracruz")
    water = ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    call_index = CallIndexPageFactory()
    call = CallPageFactory(parent=call_index, title="Appel à projets franco-mexicain 2020", closed=True)
    laureate = LaureateFactory(page=call, french_authority="Brest Métropole", partner_authority="Xalapa")
    project = ProjectFactory(
        title="Gestión del agua y protección de las cuencas de Xalapa",
        language="es",
        objectives="Mejorar la gestión del agua potable en Xalapa.",
        start_year=2020,
        end_year=2023,
        lead=places["epci"],
        partners=[xalapa],
        themes=[water],
        contact_organisation="Direction des relations internationales",
        contact_person="Personne Inventée",
    )
    project.goals.set(SustainableDevelopmentGoal.objects.filter(number__in=[6, 13]))
    project.save()
    FundingLineFactory(project=project, source="ministry", amount=35000, year=2020, call=call, laureate=laureate)
    FundingLineFactory(project=project, source="own", amount=38000, year=2020)
    return {"page": page, "page_ar": page_ar, "project": project, "xalapa": xalapa, "call": call, **places}


def project_url(atlas, project, page="page"):
    return atlas[page].project_url(project)


def test_project_page_in_french(client, atlas):
    project = atlas["project"]
    response = client.get(project_url(atlas, project))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 lang="es" dir="ltr">{escape(project.title)}</h1>' in html
    assert '<p lang="es" dir="ltr">Mejorar la gestión del agua potable en Xalapa.</p>' in html
    assert "<h2>Objectifs</h2>" in html
    assert "Coopération décentralisée conventionnée" in html
    assert "2020–2023" in html
    assert ">Brest Métropole</a> (Intercommunalité (EPCI), <span>Finistère</span>) — Cheffe de file" in html
    assert 'href="/fr/atlas/collectivites/epci/242900314/"' in html
    assert f'href="/fr/atlas/partenaires/{atlas["xalapa"].pk}/"' in html
    assert "Xalapa</a>, Veracruz (Mexique)" in html
    assert "Appel à projets du ministère — <a" in html and "Appel à projets franco-mexicain 2020</a>" in html
    assert "35\xa0000 €" in html and "73\xa0000 €" in html
    assert "Objectif 6 : Eau propre et assainissement" in html
    assert "Eau et assainissement" in html
    assert "<dt>Région française</dt><dd>Bretagne</dd>" in html
    assert "<dt>Langue du texte</dt><dd>Espagnol</dd>" in html
    # The contact person did not consent: not shown.
    assert "Direction des relations internationales" in html and "Personne Inventée" not in html
    # The locator map's data: the Finistère and Mexico (ISO numeric 484), Xalapa's coordinates.
    assert '"departements": ["29"]' in html and '"countries": ["484"]' in html
    assert '"lat": 19.53124' in html


def test_project_page_in_arabic_marks_french_and_spanish_text(client, atlas):
    response = client.get(project_url(atlas, atlas["project"], "page_ar"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert "<h2>الأهداف</h2>" in html
    assert '<p lang="es" dir="ltr">Mejorar' in html
    assert '<a href="/ar/atlas/collectivites/epci/242900314/" lang="fr" dir="ltr">Brest Métropole</a>' in html
    assert "(المكسيك)" in html
    assert "الهدف 6: المياه النظيفة والنظافة الصحية" in html


def test_drafts_and_unknown_addresses_are_not_found(client, atlas):
    draft = ProjectFactory(status=Project.Status.DRAFT, lead=atlas["commune"])
    assert client.get(project_url(atlas, draft)).status_code == 404
    assert client.get("/fr/atlas/projets/999999/").status_code == 404
    assert client.get("/fr/atlas/collectivites/commune/99999/").status_code == 404
    assert client.get("/fr/atlas/collectivites/pays/29019/").status_code == 404
    assert client.get("/fr/atlas/partenaires/999999/").status_code == 404


def test_french_authority_page_lists_projects_calls_won_and_apd(client, atlas):
    from atlas.models import ApdFigure

    ApdFigure.objects.create(authority=atlas["epci"], year=2023, amount=196000)
    other = ProjectFactory(title="Jumelage avec Zacatecas", kind="twinning", lead=atlas["commune"])
    ProjectFrenchAuthority.objects.create(project=other, authority=atlas["epci"], role="partner")
    ProjectFactory(title="Projet en préparation", status=Project.Status.DRAFT, lead=atlas["epci"])
    response = client.get("/fr/atlas/collectivites/epci/242900314/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 lang="fr" dir="ltr">' not in html and "<h1>Brest Métropole</h1>" in html
    assert "2 projets de coopération" in html
    assert escape(atlas["project"].title) in html and "Jumelage avec Zacatecas" in html
    assert "Projet en préparation" not in html
    assert "Appels à projets remportés" in html and "Appel à projets franco-mexicain 2020</a> (2020)" in html
    assert "196\xa0000 €" in html
    assert 'href="/fr/atlas/collectivites/departement/29/"' in html
    assert 'name="robots"' not in html
    # Zacatecas: Brest Métropole is not its lead, so that call is not "won" by it.
    assert html.count("Appel à projets franco-mexicain 2020</a>") == 1

    empty = client.get("/fr/atlas/collectivites/commune/29019/")
    assert "1 projet de coopération" in empty.content.decode()
    region = client.get("/fr/atlas/collectivites/region/53/").content.decode()
    assert "Aucun projet de coopération de cette collectivité n’est encore recensé dans l’Atlas." in region
    assert '<meta name="robots" content="noindex, follow">' in region


def test_partner_authority_page_lists_its_french_partners(client, atlas):
    ProjectFactory(title="Deuxième projet avec Xalapa", lead=atlas["commune"], partners=[atlas["xalapa"]])
    response = client.get(f"/es/atlas/partenaires/{atlas['xalapa'].pk}/")
    assert response.status_code == 404  # no Spanish Atlas in this site
    response = client.get(f"/fr/atlas/partenaires/{atlas['xalapa'].pk}/")
    html = response.content.decode()
    assert "<h1>Xalapa</h1>" in html and "Veracruz, Mexique" in html
    assert ">Brest Métropole</a> (Intercommunalité (EPCI)) — 1 projet" in html
    assert ">Brest</a> (Commune) — 1 projet" in html
    assert "2 projets de coopération" in html


def test_atlas_home_counts_published_projects(client, atlas):
    ProjectFactory(status=Project.Status.DRAFT, lead=atlas["region"])
    html = client.get(atlas["page"].url).content.decode()
    assert "L’Atlas en chiffres" in html
    figures = [
        '1</span> <span class="portal-key-figure__label">projets de coopération',
        '1</span> <span class="portal-key-figure__label">collectivités territoriales françaises',
        '1</span> <span class="portal-key-figure__label">collectivités partenaires',
        '1</span> <span class="portal-key-figure__label">pays',
    ]
    for figure in figures:
        assert figure in html


# The count measured when the budget was set plus a margin of three (most of it is Wagtail's
# routing and the shared layout, as in tests/test_query_budgets.py).
# The French authority page: 33 → 33 since it lists the laureate rows naming it and its EXPE-CT label.
# Now the exact counts (a level's state one statement kept under the content version, the
# breadcrumb from the router, a list's page with its total and themes): the "level" budget is that
# of the World, continent and country pages (3) and of the département and authority pages (9, 11).
BUDGETS = {"project": 11, "french authority": 11, "partner authority": 9, "atlas": 3, "project list": 6, "level": 11}


def count_queries(client, url):
    client.get(url)  # warm: site root paths, menus
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def add_volume(atlas, count):
    """More projects of Brest Métropole with Xalapa, each with links, themes and funding."""
    theme = ThemeFactory(name="Culture", slug="culture")
    for number in range(count):
        project = ProjectFactory(
            title=f"Projet supplémentaire {number}", lead=atlas["epci"], partners=[atlas["xalapa"]]
        )
        project.themes.set([theme])
        project.save()
        ProjectPartner.objects.create(project=project, name="Partenaire saisi", sort_order=5)
        FundingLine.objects.create(project=project, source="eu", amount=1000, year=2021)


@pytest.mark.parametrize(
    "name,url",
    [
        ("project", lambda atlas: project_url(atlas, atlas["project"])),
        ("french authority", lambda atlas: "/fr/atlas/collectivites/epci/242900314/"),
        ("partner authority", lambda atlas: f"/fr/atlas/partenaires/{atlas['xalapa'].pk}/"),
        ("atlas", lambda atlas: atlas["page"].url),
    ],
)
def test_query_budgets_stay_flat(client, atlas, name, url):
    few, _html = count_queries(client, url(atlas))
    add_volume(atlas, 25)
    cache.clear()
    many, html = count_queries(client, url(atlas))
    assert few <= BUDGETS[name] and many <= BUDGETS[name], (few, many)
    assert many <= few
    if name in ("french authority", "partner authority"):
        assert "Projet supplémentaire" in html
