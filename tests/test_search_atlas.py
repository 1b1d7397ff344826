"""The Atlas in the site search: projects and authorities found in every language, with the same
facets as pages (search registers them through ``search.sources``; it never imports the Atlas)."""

import re

import pytest
from django.utils import translation

from tests.factories import CountryFactory, ThemeFactory, translate_page
from tests.factories.atlas import (
    AtlasIndexPageFactory,
    FrenchAuthorityFactory,
    PartnerAuthorityFactory,
    ProjectFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

RESULT = re.compile(r'<h3 class="fr-h6 fr-mb-1v"><a href="([^"]*)"[^>]*>(.*?)</a>')


def results(client, lang, query, **params):
    path = "/fr/recherche/" if lang == "fr" else f"/{lang}/search/"
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200
    html = response.content.decode()
    return [(url, re.sub(r"<[^>]+>", "", title)) for url, title in RESULT.findall(html)], response


def facet(response, name):
    return {option.value: option.count for option in response.context["facets"].get(name, [])}


@pytest.fixture
def atlas(site_tree, requires_postgresql):
    page = AtlasIndexPageFactory()
    page_ar = translate_page(page, "ar", title="أطلس التعاون اللامركزي")
    senegal = CountryFactory(name="Sénégal", iso_code="SN", name_ar="السنغال")
    water = ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    brest = FrenchAuthorityFactory(kind="commune", code="29019", name="Brest")
    ziguinchor = PartnerAuthorityFactory(name="Ziguinchor", country=senegal, region="Casamance")
    projects = [
        ProjectFactory(
            title=f"Assainissement des quartiers de Ziguinchor, phase {number}",
            objectives="Raccorder les écoles au réseau d’eau.",
            start_year=2019 + number,
            lead=brest,
            partners=[ziguinchor],
            themes=[water],
        )
        for number in (1, 2, 3)
    ]
    ProjectFactory(title="Assainissement en brouillon à Ziguinchor", status="draft", lead=brest)
    FrenchAuthorityFactory(kind="commune", code="29020", name="Brestoise-sur-Mer")  # in no project
    news_index = NewsIndexPageFactory()
    NewsPageFactory(parent=news_index, title="Assainissement : une mission à Ziguinchor").save_revision().publish()
    for project in projects:  # as the task queue does after the commit: with its authorities
        project.save()
    return {"page": page, "page_ar": page_ar, "projects": projects, "brest": brest, "ziguinchor": ziguinchor}


def test_a_project_is_found_by_its_title_in_french_and_arabic(client, atlas):
    found, _response = results(client, "fr", "Assainissement des quartiers de Ziguinchor, phase 2")
    project = atlas["projects"][1]
    assert found[0] == (f"/fr/atlas/projets/{project.pk}/", "Assainissement des quartiers de Ziguinchor, phase 2")
    found, _response = results(client, "ar", "Assainissement quartiers Ziguinchor phase 2")
    assert (f"/ar/atlas/projets/{project.pk}/", "Assainissement des quartiers de Ziguinchor, phase 2") in found


def test_draft_projects_and_authorities_outside_projects_are_not_found(client, atlas):
    found, _response = results(client, "fr", "brouillon")
    assert found == []
    found, _response = results(client, "fr", "Brestoise")
    assert found == []


def test_the_type_facet_counts_atlas_projects_exactly(client, atlas):
    with translation.override("fr"):
        found, response = results(client, "fr", "assainissement Ziguinchor")
    types = facet(response, "type")
    assert types["atlas.project"] == 3
    assert types["news.newspage"] == 1
    labels = {option.value: option.label for option in response.context["facets"]["type"]}
    assert labels["atlas.project"] == "Projet de l’Atlas"
    assert facet(response, "theme") == {"eau-assainissement": 3}
    assert facet(response, "country") == {"SN": 3}
    assert facet(response, "year") == {"2020": 1, "2021": 1, "2022": 1, **facet(response, "year")}
    clicked, response = results(client, "fr", "assainissement Ziguinchor", type="atlas.project")
    assert len(clicked) == types["atlas.project"] == response.context["total"]
    clicked, response = results(client, "fr", "assainissement Ziguinchor", year="2021")
    assert [title for _url, title in clicked] == ["Assainissement des quartiers de Ziguinchor, phase 2"]


def test_an_authority_is_found_by_its_name(client, atlas):
    found, response = results(client, "fr", "Brest")
    assert ("/fr/atlas/collectivites/commune/29019/", "Brest") in found
    found, response = results(client, "fr", "Ziguinchor", type="portal.partnerauthority")
    assert found == [(f"/fr/atlas/partenaires/{atlas['ziguinchor'].pk}/", "Ziguinchor")]


def test_autocomplete_suggests_projects(client, atlas):
    response = client.get("/fr/recherche/suggestions/", {"q": "Assainissement des quartiers"})
    titles = [result["title"] for result in response.json()["results"]]
    assert "Assainissement des quartiers de Ziguinchor, phase 1" in titles


def test_autocomplete_costs_a_fixed_number_of_queries(client, atlas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/fr/recherche/suggestions/", {"q": "Assainissement"})  # warm: site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/recherche/suggestions/", {"q": "Assainissement"})
    assert len(response.json()["results"]) == 4  # three projects and the news item, not the draft
    # One statement for every source (pages with their columns, the view restrictions read in it;
    # search/postgres.py) and the projects shown; the site and the Atlas page (the projects'
    # addresses) are kept per process: not per suggestion nor per source (9 before issue 13's
    # last pass, then 4).
    assert len(queries) == 2, "\n".join(query["sql"][:300] for query in queries.captured_queries)
