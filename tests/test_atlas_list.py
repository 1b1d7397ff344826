"""The Atlas project list: filters (lenient), exports of the filtered list (CSV, XLSX, JSON,
streamed) and the open data files with their schema."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from openpyxl import load_workbook

from atlas.exports import FIELDNAMES
from atlas.models import FundingLine, Project
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.atlas import FrenchAuthorityFactory, PartnerAuthorityFactory, ProjectFactory
from tests.test_atlas_pages import BUDGETS, add_volume, atlas, count_queries, no_page_cache  # noqa: F401

pytestmark = pytest.mark.django_db
LIST = "/fr/atlas/projets/"


@pytest.fixture
def senegal(atlas):  # noqa: F811
    """A second project: Nouvelle-Aquitaine with Saint-Louis (Senegal), on culture, since 2015."""
    region = FrenchAuthorityFactory(kind="region", code="75", name="Nouvelle-Aquitaine")
    region.region = region
    region.save()
    country = CountryFactory(name="Sénégal", iso_code="SN", name_ar="السنغال", continent="002")
    partner = PartnerAuthorityFactory(name="Saint-Louis", country=country)
    culture = ThemeFactory(name="Culture", slug="culture")
    project = ProjectFactory(
        title="=Festival de jazz de Saint-Louis",
        kind=Project.Kind.TWINNING,
        start_year=2015,
        end_year=2018,
        lead=region,
        partners=[partner],
        themes=[culture],
    )
    FundingLine.objects.create(project=project, source="eu", amount=12000, year=2016)
    return project


def titles(client, query=""):
    response = client.get(LIST + query)
    assert response.status_code == 200
    html = response.content.decode()
    return {"xalapa": "Xalapa" in html and "Gestión del agua" in html, "jazz": "Festival de jazz" in html}, html


@pytest.mark.parametrize(
    "query,xalapa,jazz",
    [
        ("", True, True),
        ("?theme=eau-assainissement", True, False),
        ("?kind=twinning", False, True),
        ("?funding=ministry", True, False),
        ("?funding=eu", False, True),
        ("?country=SN", False, True),
        ("?continent=019", True, False),
        ("?region=53", True, False),
        ("?departement=29", True, False),
        ("?authority=brest+metropole", True, False),
        ("?authority=242900314", True, False),
        ("?authority=saint-louis", False, True),
        ("?year=2021", True, False),
        ("?year=2016", False, True),
        ("?q=jazz", False, True),
        ("?q=agua+Xalapa", True, False),
        # invalid values are dropped: the whole list, never an error
        ("?theme=nope&kind=x&funding=%00&country=ZZ&continent=999&region=zz&year=1800&page=abc", True, True),
        ("?year=" + "9" * 40, True, True),
    ],
)
def test_filters(client, senegal, query, xalapa, jazz):
    found, html = titles(client, query)
    assert found == {"xalapa": xalapa, "jazz": jazz}, query


def test_list_in_french_shows_filters_and_export_links(client, senegal):
    found, html = titles(client, "?country=SN")
    assert "<h1>Projets de coopération</h1>" in html
    assert "1 projet" in html
    assert '<label class="fr-label" for="id_funding">Source de financement</label>' in html
    assert '<option value="SN" selected>Sénégal</option>' in html
    assert 'href="/fr/atlas/projets/export/csv/?country=SN"' in html
    assert 'href="/fr/atlas/projets/export/xlsx/?country=SN"' in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_list_in_arabic(client, senegal, atlas):  # noqa: F811
    response = client.get("/ar/atlas/projets/?country=SN")
    assert response.status_code == 200
    html = response.content.decode()
    assert "السنغال" in html
    assert "Festival de jazz" in html


def rows_of_csv(response):
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_export_of_the_filtered_list(client, senegal):
    response = client.get("/fr/atlas/projets/export/csv/?continent=002")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = rows_of_csv(response)
    assert len(rows) == 1
    row = rows[0]
    assert list(row) == FIELDNAMES
    assert row["titre"] == "'=Festival de jazz de Saint-Louis"  # neutralised formula
    assert row["type"] == "twinning" and row["type_libelle"] == "Jumelage"
    assert row["pays_partenaires"] == "SN" and row["continents"] == "002"
    assert row["cheffe_de_file_code"] == "75" and row["cheffe_de_file_type"] == "region"
    assert row["financement_ue"] == "12000" and row["financement_total"] == "12000"
    assert row["thematiques"] == "culture" and row["thematiques_libelles"] == "Culture"
    assert row["url"] == f"http://testserver/fr/atlas/projets/{senegal.pk}/"


def test_csv_export_of_water_project(client, senegal, atlas):  # noqa: F811
    rows = rows_of_csv(client.get("/fr/atlas/projets/export/csv/?theme=eau-assainissement"))
    assert [row["titre"] for row in rows] == [atlas["project"].title]
    row = rows[0]
    assert row["cheffe_de_file_nom"] == "Brest Métropole" and row["cheffe_de_file_code"] == "242900314"
    assert row["region_code"] == "53" and row["departement_code"] == "29" and row["departement_nom"] == "Finistère"
    assert row["financement_ministere"] == "35000" and row["financement_fonds_propres"] == "38000"
    assert row["financement_total"] == "73000"
    assert row["odd"] == "6; 13"
    assert row["annee_debut"] == "2020" and row["annee_fin"] == "2023"


def test_xlsx_and_json_exports(client, senegal):
    response = client.get("/fr/atlas/projets/export/xlsx/?kind=twinning")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    values = list(workbook.active.values)
    assert list(values[0]) == FIELDNAMES
    assert len(values) == 2 and values[1][FIELDNAMES.index("titre")] == "'=Festival de jazz de Saint-Louis"
    response = client.get("/fr/atlas/projets/export/json/?kind=twinning&year=bad")
    assert response.streaming
    data = json.loads(b"".join(response.streaming_content))
    assert data["metadata"]["filters"] == {"kind": "twinning"}
    assert [project["titre"] for project in data["projects"]] == ["=Festival de jazz de Saint-Louis"]


def test_open_data_page_and_files(client, senegal, atlas):  # noqa: F811
    Project.objects.create(title="Brouillon", status=Project.Status.DRAFT)
    html = client.get("/fr/atlas/donnees/").content.decode()
    assert "<h1>Données ouvertes de l’Atlas</h1>" in html
    assert "/fr/atlas/donnees/csv/" in html and "/fr/atlas/donnees/json/" in html
    assert '<code dir="ltr">cheffe_de_file_code</code>' in html
    assert "Licence Ouverte" in html
    rows = rows_of_csv(client.get("/fr/atlas/donnees/csv/"))
    assert len(rows) == 2 and "Brouillon" not in {row["titre"] for row in rows}
    # labels in French whatever the language of the address
    rows = rows_of_csv(client.get("/ar/atlas/donnees/csv/"))
    assert {row["type_libelle"] for row in rows} == {"Jumelage", "Coopération décentralisée conventionnée"}
    data = json.loads(b"".join(client.get("/fr/atlas/donnees/json/").streaming_content))
    assert len(data["projects"]) == 2
    assert {column["name"] for column in data["metadata"]["schema"]} == set(FIELDNAMES)
    assert client.get("/ar/atlas/donnees/").status_code == 200


def test_export_queries_do_not_grow_with_rows(client, atlas, django_assert_max_num_queries):  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/fr/atlas/projets/export/csv/")
            rows = rows_of_csv(response)
        return len(queries), len(rows)

    few, count = measure()
    add_volume(atlas, 30)
    many, more = measure()
    assert more == count + 30
    assert many <= few + 2, (few, many)


def test_list_query_budget_stays_flat(client, atlas):  # noqa: F811
    few, _html = count_queries(client, LIST + "?theme=culture&country=MX&year=2021")
    add_volume(atlas, 25)
    cache.clear()
    many, html = count_queries(client, LIST + "?theme=culture&country=MX&year=2021")
    assert "Projet supplémentaire" in html
    assert few <= BUDGETS["project list"] and many <= BUDGETS["project list"], (few, many)
    assert many <= few


def test_pdf_extract_of_the_filtered_list(client, senegal):
    html = client.get(LIST + "?country=SN").content.decode()
    assert 'href="/fr/atlas/projets/export/pdf/?country=SN"' in html
    response = client.get("/fr/atlas/projets/export/pdf/?country=SN&year=bad")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get("/ar/atlas/projets/export/pdf/?country=SN").content.startswith(b"%PDF")
