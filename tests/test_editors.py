"""The editors' admin: choosers in the page's language, taxonomy mapped on translation, laureate
rows synchronised, the dashboard's panels and shortcuts, the body ready to type."""

import re

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from calls.models import CallPage, Laureate
from demo.accounts import DEMO_ACCOUNTS, ensure_demo_accounts
from news.models import NewsPage
from portal.models import Theme
from tests.factories import CountryFactory, ThemeFactory, translate_page
from tests.factories_calls import CallIndexPageFactory, CallPageFactory
from tests.factories_news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

PASSWORDS = {username: password for username, password, _, _ in DEMO_ACCOUNTS}


def theme_in_four_languages(fr, en, es, ar, slug):
    theme = ThemeFactory(name=fr, slug=slug)
    for code, name in (("en", en), ("es", es), ("ar", ar)):
        copy = theme.copy_for_translation(Locale.objects.get(language_code=code))
        copy.name = name
        copy.save()
    return theme


@pytest.fixture
def taxonomy(site_tree):
    water = theme_in_four_languages(
        "Eau et assainissement", "Water and sanitation", "Agua y saneamiento", "المياه والصرف الصحي", "eau"
    )
    culture = theme_in_four_languages("Culture", "Culture", "Cultura", "الثقافة", "culture")
    algeria = CountryFactory(iso_code="DZ", name="Algérie", name_en="Algeria", name_es="Argelia", name_ar="الجزائر")
    senegal = CountryFactory(iso_code="SN", name="Sénégal", name_en="Senegal", name_es="Senegal", name_ar="السنغال")
    return {"water": water, "culture": culture, "algeria": algeria, "senegal": senegal}


@pytest.fixture
def editor_client(client, site_tree):
    call_command("setup_roles", verbosity=0)
    ensure_demo_accounts()
    response = client.post("/admin/login/", {"username": "editeur", "password": PASSWORDS["editeur"]})
    assert response.status_code == 302
    return client


def select_options(html, field):
    """The labels of the options of the select (or checkboxes) named ``field``."""
    match = re.search(rf'<select[^>]*name="{field}"[^>]*>(.*?)</select>', html, re.S)
    if match:
        return [label.strip() for label in re.findall(r"<option[^>]*>(.*?)</option>", match.group(1), re.S)]
    return re.findall(rf'<input[^>]*name="{field}"[^>]*>\s*([^<]+?)\s*</label>', html, re.S)


def test_french_news_item_offers_only_french_themes_and_countries_named_in_french(editor_client, site_tree, taxonomy):
    index = NewsIndexPageFactory(parent=site_tree["homes"]["fr"])
    with translation.override("fr"):
        html = editor_client.get(f"/admin/pages/add/news/newspage/{index.pk}/").content.decode()
    assert select_options(html, "themes") == ["Culture", "Eau et assainissement"]
    countries = select_options(html, "countries")
    assert countries == ["Algérie", "Sénégal"]


def test_arabic_news_item_offers_arabic_themes_and_country_names(editor_client, site_tree, taxonomy):
    index = NewsIndexPageFactory(parent=site_tree["homes"]["ar"], title="الأخبار", slug="akhbar")
    html = editor_client.get(f"/admin/pages/add/news/newspage/{index.pk}/").content.decode()
    assert sorted(select_options(html, "themes")) == sorted(["المياه والصرف الصحي", "الثقافة"])
    assert sorted(select_options(html, "countries")) == sorted(["الجزائر", "السنغال"])


def test_a_theme_not_translated_yet_is_offered_in_french(editor_client, site_tree, taxonomy):
    ThemeFactory(name="Jeunesse", slug="jeunesse")
    index = NewsIndexPageFactory(parent=site_tree["homes"]["ar"], title="الأخبار", slug="akhbar")
    html = editor_client.get(f"/admin/pages/add/news/newspage/{index.pk}/").content.decode()
    assert "Jeunesse" in select_options(html, "themes")
    assert len(select_options(html, "themes")) == 3


def test_posting_a_theme_of_another_language_is_refused(editor_client, site_tree, taxonomy):
    index = NewsIndexPageFactory(parent=site_tree["homes"]["fr"])
    spanish = Theme.objects.get(slug="eau", locale__language_code="es")
    with translation.override("fr"):
        response = editor_client.post(
            f"/admin/pages/add/news/newspage/{index.pk}/",
            {
                "title": "Essai",
                "slug": "essai",
                "summary": "Résumé",
                "date": "2025-01-10",
                "category": "institutional",
                "themes": [spanish.pk],
                "body-count": "0",
                "documents-count": "0",
            },
        )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not NewsPage.objects.filter(slug="essai").exists()


def test_laureate_theme_chooser_opens_on_the_page_locale(editor_client, site_tree, taxonomy):
    index = CallIndexPageFactory(parent=site_tree["homes"]["fr"])
    call = CallPageFactory(parent=index)
    Laureate.objects.create(page=call, french_authority="Lyon", country=taxonomy["algeria"], theme=taxonomy["water"])
    call.save_revision().publish()
    with translation.override("fr"):
        html = editor_client.get(f"/admin/pages/{call.pk}/edit/").content.decode()
    # Each row's theme chooser (the template of a new row too) opens on the French themes.
    chooser = 'data-chooser-url="/admin/snippets/choose/portal/theme/?locale=fr"'
    assert chooser in html.split('id="id_laureates-0-theme-chooser"')[1][:200]
    assert chooser in html.split('id="id_laureates-__prefix__-theme-chooser"')[1][:200]
    modal = editor_client.get("/admin/snippets/choose/portal/theme/?locale=fr").json()["html"]
    assert "Eau et assainissement" in modal and "Culture" in modal
    assert "Agua y saneamiento" not in modal and "Water and sanitation" not in modal


def translate_with_localize(page, language_code):
    """Translate ``page`` the way wagtail-localize's "Translate" action does, and publish it."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.create_or_update_translation(locale, publish=True, fallback=True)
    return page.get_translation(locale).specific


def test_translated_news_item_gets_the_themes_of_its_locale(site_tree, taxonomy):
    index = NewsIndexPageFactory(parent=site_tree["homes"]["fr"])
    translate_page(index, "ar", title="الأخبار")
    item = NewsPageFactory(parent=index, themes=[taxonomy["water"]], countries=[taxonomy["algeria"]])
    arabic = translate_with_localize(item, "ar")
    assert [theme.name for theme in arabic.themes.all()] == ["المياه والصرف الصحي"]
    assert list(arabic.countries.all()) == [taxonomy["algeria"]]

    # A new theme on the source follows on the next synchronisation, as its Arabic copy.
    item.themes.add(taxonomy["culture"])
    item.save_revision().publish()
    source = TranslationSource.objects.get(object_id=item.translation_key)
    source.update_from_db()
    source.create_or_update_translation(Locale.objects.get(language_code="ar"), publish=True, fallback=True)
    arabic = NewsPage.objects.get(pk=arabic.pk)
    assert sorted(theme.name for theme in arabic.themes.all()) == sorted(["المياه والصرف الصحي", "الثقافة"])
    assert {theme.locale.language_code for theme in arabic.themes.all()} == {"ar"}


def test_laureate_rows_are_synchronised_to_translations(site_tree, taxonomy):
    """Decision: laureate rows are data (names of authorities, amounts), not text: a translated
    call has the same rows as its source, copied again on every synchronisation; the country and
    theme are shown in the visitor's language."""
    index = CallIndexPageFactory(parent=site_tree["homes"]["fr"])
    translate_page(index, "ar", title="الدعوات")
    call = CallPageFactory(parent=index)
    Laureate.objects.create(
        page=call,
        french_authority="Lyon",
        partner_authority="Oran",
        country=taxonomy["algeria"],
        theme=taxonomy["water"],
        amount=1000,
    )
    call.save_revision().publish()
    arabic = translate_with_localize(CallPage.objects.get(pk=call.pk), "ar")
    rows = list(arabic.laureates.all())
    assert [(row.french_authority, row.partner_authority, row.country.iso_code) for row in rows] == [
        ("Lyon", "Oran", "DZ")
    ]
    with translation.override("ar"):
        assert rows[0].country.name == "الجزائر"

    call = CallPage.objects.get(pk=call.pk)
    call.laureates.add(Laureate(french_authority="Nantes", country=taxonomy["senegal"]))
    call.save_revision().publish()
    source = TranslationSource.objects.get(object_id=call.translation_key)
    source.update_from_db()
    source.create_or_update_translation(Locale.objects.get(language_code="ar"), publish=True, fallback=True)
    assert sorted(CallPage.objects.get(pk=arabic.pk).laureates.values_list("french_authority", flat=True)) == [
        "Lyon",
        "Nantes",
    ]
    assert Laureate.objects.filter(page_id=call.pk).count() == 2
