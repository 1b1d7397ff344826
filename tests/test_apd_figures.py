"""The yearly summary of the declared APD (``atlas.ApdCountryTotal``, ``ApdYearTotal``): written in
the transaction that validates a declaration, replaced (never added to) when a corrected version is
validated, withdrawn when a declaration stops being validated, and rebuilt from the validated
declarations by ``manage.py rebuild_apd_figures`` with the same numbers; the figures pages read
it."""

import io
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.management import call_command

from apd.models import Declaration
from atlas.models import ApdCountryTotal, ApdFigure, ApdFlowFigure, ApdYearTotal
from tests.factories.apd import declare, flow
from tests.test_apd_atlas import declared  # noqa: F401
from tests.test_atlas_pages import atlas  # noqa: F401

pytestmark = pytest.mark.django_db


def summary(year=2025):
    by_country = {
        (row.country.iso_code if row.country_id else "", row.amount)
        for row in ApdCountryTotal.objects.filter(year=year).select_related("country")
    }
    year_total = ApdYearTotal.objects.filter(year=year).values_list("amount", flat=True).first()
    return by_country, year_total


def page(client, url):
    cache.clear()
    return client.get(url).content.decode()


def row_2025(html):
    """The 2025 amount of the declared APD table ("APD declared towards this place"), or None."""
    if 'id="atlas-declared-apd-table"' not in html:
        return None
    html = html.split('id="atlas-declared-apd-table"', 1)[1].split("</table>", 1)[0]
    match = re.search(r'<th scope="row">2025</th><td class="atlas-amount" dir="ltr">([^<]*)</td>', html)
    return match.group(1).replace("\u202f", " ").replace("\xa0", " ") if match else None


def validate_current(authority):
    Declaration.objects.get(authority=authority).validate(None)


def test_validating_updates_the_country_continent_and_world_figures(client, declared):  # noqa: F811
    assert summary() == (
        {("MX", Decimal("15000.50")), ("SN", Decimal("5000.00")), ("", Decimal("999.50"))},
        Decimal("21000.00"),
    )
    # A second authority's validated declaration adds to the same year and countries.
    commune = declared["commune"]
    declare(declared["campaign"], commune, None, [flow(declared["mexico"], "4000.00"), flow(None, "500.00")])
    assert row_2025(page(client, "/fr/atlas/pays/MX/")) == "15 001 €"  # submitted, not validated yet
    validate_current(commune)
    assert summary() == (
        {("MX", Decimal("19000.50")), ("SN", Decimal("5000.00")), ("", Decimal("1499.50"))},
        Decimal("25500.00"),
    )
    assert row_2025(page(client, "/fr/atlas/pays/MX/")) == "19 001 €"
    assert row_2025(page(client, "/fr/atlas/monde/019/")) == "19 001 €"
    assert row_2025(page(client, "/fr/atlas/monde/002/")) == "5 000 €"
    world = page(client, "/fr/atlas/monde/")
    assert re.search(r"2025 : 25\s500\s€ au total", world)
    assert re.search(r"Amériques</th><td[^>]*>19\s001\s€</td><td[^>]*>74,5 %", world)


def test_a_correction_replaces_the_figures_when_validated_never_adds(client, declared):  # noqa: F811
    epci, mexico = declared["epci"], declared["mexico"]
    declare(declared["campaign"], epci, None, [flow(mexico, "1000.00"), flow(mexico, "250.25")])
    # Corrected: no longer validated, its figures are withdrawn until the ministry validates again.
    assert Declaration.objects.get(authority=epci).status == Declaration.Status.SUBMITTED
    assert summary() == (set(), Decimal("0.00"))
    assert not ApdFigure.objects.filter(authority=epci).exists()
    assert "Aucune déclaration validée pour l’instant." in page(client, "/fr/atlas/pays/MX/")
    validate_current(epci)
    validate_current(epci)  # validated twice: still replaced, not doubled
    assert summary() == ({("MX", Decimal("1250.25"))}, Decimal("1250.25"))
    assert ApdFigure.objects.get(authority=epci, year=2025).amount == Decimal("1250.25")
    assert ApdFlowFigure.objects.filter(authority=epci).count() == 1
    assert row_2025(page(client, "/fr/atlas/pays/MX/")) == "1 250 €"
    assert re.search(r"2025 : 1\s250\s€ au total", page(client, "/fr/atlas/monde/"))
    assert row_2025(page(client, "/fr/atlas/monde/002/")) is None


def test_a_question_after_the_validation_withdraws_the_figures_and_keeps_staff_totals(declared):  # noqa: F811
    commune = declared["commune"]
    ApdFigure.objects.create(authority=commune, year=2025, amount=Decimal("700.00"))  # entered by staff
    declare(declared["campaign"], commune, None, [flow(declared["senegal"], "300.00")])
    validate_current(commune)
    assert ApdFigure.objects.get(authority=commune, year=2025).amount == Decimal("300.00")
    Declaration.objects.get(authority=declared["epci"]).ask(None, "Quel projet ?")
    assert summary() == ({("SN", Decimal("300.00"))}, Decimal("300.00"))
    assert not ApdFigure.objects.filter(authority=declared["epci"]).exists()


def snapshot():
    return {
        "flows": set(ApdFlowFigure.objects.values_list("authority", "year", "country", "amount", "source")),
        "totals": set(ApdFigure.objects.values_list("authority", "year", "amount", "source", "note")),
        "by_country": set(ApdCountryTotal.objects.values_list("year", "country", "amount")),
        "by_year": set(ApdYearTotal.objects.exclude(amount=0).values_list("year", "amount")),
    }


def test_the_rebuild_command_gives_the_numbers_of_the_incremental_path(declared):  # noqa: F811
    epci, commune, mexico, senegal = declared["epci"], declared["commune"], declared["mexico"], declared["senegal"]
    declare(declared["campaign"], commune, None, [flow(senegal, "800.00"), flow(None, "100.00")])
    validate_current(commune)
    declare(declared["campaign"], commune, None, [flow(mexico, "650.00")])  # corrected
    validate_current(commune)
    declare(declared["campaign"], declared["departement"], None, nothing=True)
    validate_current(declared["departement"])
    declare(declared["campaign"], declared["region"], None, [flow(mexico, "5.00")])  # not validated
    incremental = snapshot()
    assert incremental["by_year"] == {(2025, Decimal("21650.00"))}
    assert (declared["departement"].pk, 2025, Decimal("0.00"), "declaration", "APD-2025-DEP-29-V1") in incremental[
        "totals"
    ]
    # A summary gone wrong (a bulk load, a restore) is put right by the rebuild.
    ApdCountryTotal.objects.all().delete()
    ApdFlowFigure.objects.filter(authority=epci).update(amount=1)
    call_command("rebuild_apd_figures", stdout=io.StringIO())
    assert snapshot() == incremental
