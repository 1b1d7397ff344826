"""Countries: one row per ISO 3166-1 code, named in the visitor's language from the CLDR, grouped
by UN M49 continent and sub-region (what the Atlas navigates), seeded idempotently, matched by
ISO code everywhere; and the migration helpers that merged the former locale copies."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from portal.country_migration import remap, remap_content
from portal.management.commands.seed_taxonomy import seed_countries
from portal.models import Country
from portal.taxonomy import country_choices
from tests.factories.intake import build_intake_site

pytestmark = pytest.mark.django_db

C, S = Country.Continent, Country.SubRegion


@pytest.fixture
def seeded(db):
    """The countries as ``manage.py seed_taxonomy`` seeds them (without the themes: faster)."""
    seed_countries()


def test_every_iso_country_with_its_names_in_four_languages(seeded):
    countries = {country.iso_code: country for country in Country.objects.all()}
    assert len(countries) == 250  # the 249 ISO 3166-1 codes and Kosovo
    for code in ("FR", "SN", "MX", "PS", "TW", "XK", "AQ", "ZW"):
        assert code in countries
    assert all(
        country.name_fr and country.name_en and country.name_es and country.name_ar for country in countries.values()
    )
    algeria = countries["DZ"]
    assert (algeria.name_fr, algeria.name_en, algeria.name_es, algeria.name_ar) == (
        "Algérie",
        "Algeria",
        "Argelia",
        "الجزائر",
    )
    assert countries["CI"].name_fr == "Côte d’Ivoire"


@pytest.mark.parametrize(
    ("code", "continent", "sub_region"),
    [
        ("DZ", C.AFRICA, S.NORTHERN_AFRICA),
        ("MA", C.AFRICA, S.NORTHERN_AFRICA),
        ("SN", C.AFRICA, S.SUB_SAHARAN_AFRICA),
        ("MG", C.AFRICA, S.SUB_SAHARAN_AFRICA),
        ("ZA", C.AFRICA, S.SUB_SAHARAN_AFRICA),
        ("CA", C.AMERICAS, S.NORTHERN_AMERICA),
        ("MX", C.AMERICAS, S.LATIN_AMERICA),
        ("HT", C.AMERICAS, S.LATIN_AMERICA),
        ("BR", C.AMERICAS, S.LATIN_AMERICA),
        ("LB", C.ASIA, S.WESTERN_ASIA),
        ("VN", C.ASIA, S.SOUTH_EASTERN_ASIA),
        ("IN", C.ASIA, S.SOUTHERN_ASIA),
        ("JP", C.ASIA, S.EASTERN_ASIA),
        ("KZ", C.ASIA, S.CENTRAL_ASIA),
        ("FR", C.EUROPE, S.WESTERN_EUROPE),
        ("UA", C.EUROPE, S.EASTERN_EUROPE),
        ("AM", C.ASIA, S.WESTERN_ASIA),
        ("PF", C.OCEANIA, S.POLYNESIA),
        ("NC", C.OCEANIA, S.MELANESIA),
        ("AU", C.OCEANIA, S.AUSTRALIA_NEW_ZEALAND),
        ("AQ", "", ""),  # UN M49 puts Antarctica in no region
    ],
)
def test_continent_and_sub_region_follow_un_m49(seeded, code, continent, sub_region):
    country = Country.objects.get(iso_code=code)
    assert (country.continent, country.sub_region) == (continent, sub_region)


def test_every_sub_region_belongs_to_its_continent(seeded):
    for country in Country.objects.exclude(iso_code="AQ"):
        assert country.sub_region in Country.SUB_REGIONS[country.continent], country.iso_code
    assert Country.objects.filter(continent="").count() == 1
    with translation.override("fr"):
        assert str(S.SUB_SAHARAN_AFRICA.label) == "Afrique subsaharienne"
    with translation.override("ar"):
        assert str(C.AFRICA.label) == "أفريقيا"


def test_seeding_again_keeps_corrections_and_fills_gaps(seeded):
    Country.objects.filter(iso_code="CA").update(name_fr="Canada (Québec)", name_es="")
    Country.objects.filter(iso_code="SN").delete()
    out = io.StringIO()
    call_command("seed_taxonomy", stdout=out)
    canada = Country.objects.get(iso_code="CA")
    assert canada.name_fr == "Canada (Québec)"  # an editor's correction stays
    assert canada.name_es == "Canadá"  # an empty name is filled from the CLDR
    assert Country.objects.get(iso_code="SN").name_fr == "Sénégal"
    assert "1 countries created, 1 completed, 250 in all" in out.getvalue()


def test_the_name_follows_the_visitor_language(seeded):
    senegal = Country.objects.get(iso_code="SN")
    for code, name in (("fr", "Sénégal"), ("en", "Senegal"), ("es", "Senegal"), ("ar", "السنغال")):
        with translation.override(code):
            assert senegal.name == name == str(senegal)
    senegal.name_ar = ""
    with translation.override("ar"):
        assert senegal.name == "Sénégal"  # French when a name is missing


def test_choosers_list_every_country_once_in_one_language_sorted(seeded):
    with translation.override("fr"):
        names = [name for _code, name in country_choices()]
    assert len(names) == 250 and len(set(names)) == 250
    # Accents do not push "Égypte" after "Zimbabwe".
    assert names.index("Dominique") < names.index("Égypte") < names.index("Équateur") < names.index("Espagne")
    with translation.override("es"):
        spanish = dict(country_choices())
    assert spanish["EG"] == "Egipto" and spanish["SN"] == "Senegal"


def test_the_offer_form_country_select_is_in_the_page_language(client, db):
    site = build_intake_site(spanish=True)
    html = client.get(site["offer_form_es"].url).content.decode()
    assert '<option value="MX">México</option>' in html
    assert "Mexique" not in html


def test_migration_helpers_remap_copies_to_the_kept_row():
    mapping = {11: 1, 12: 1, 21: 2}
    assert remap(11, mapping) == 1
    assert remap(None, mapping) is None
    assert remap([11, 1, 21, 3], mapping) == [1, 2, 3]  # a page linked to two copies keeps one
    content = {"partner_country": 12, "countries": [21, 2], "laureates": [{"country": 11}, {"country": None}]}
    assert remap_content(content, mapping, ["partner_country", "countries"], {"laureates": ["country"]})
    assert content == {"partner_country": 1, "countries": [2], "laureates": [{"country": 1}, {"country": None}]}
    assert not remap_content(content, mapping, ["partner_country", "countries"], {"laureates": ["country"]})
