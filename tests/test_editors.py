"""The editors' admin: choosers in the page's language, taxonomy mapped on translation, laureate
rows synchronised, the dashboard's panels and shortcuts, the body ready to type."""

import datetime
import json
import re

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from calls.models import CallPage, Laureate
from demo.accounts import DEMO_ACCOUNTS, ensure_demo_accounts
from news.models import NewsPage
from portal.models import Theme
from portal.tasks import enqueue_due_jobs
from tests.factories import CountryFactory, ThemeFactory, translate_page
from tests.factories.calls import CallIndexPageFactory, CallPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

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


def test_laureate_form_offers_the_themes_and_country_names_of_the_call_locale(editor_client, site_tree, taxonomy):
    """A call's laureates are edited in their own form (calls/views.py), with the call's language."""
    index = CallIndexPageFactory(parent=site_tree["homes"]["ar"], title="الدعوات", slug="daawat")
    call = CallPageFactory(parent=index)
    with translation.override("fr"):
        html = editor_client.get(f"/admin/calls/{call.pk}/laureates/add/").content.decode()
    assert sorted(select_options(html, "theme")) == sorted(["---------", "المياه والصرف الصحي", "الثقافة"])
    assert sorted(select_options(html, "country")) == sorted(["---------", "الجزائر", "السنغال"])


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


def test_editor_dashboard_shows_shortcuts_and_own_drafts(editor_client, site_tree, django_user_model):
    news_index = NewsIndexPageFactory(parent=site_tree["homes"]["fr"])
    call_index = CallIndexPageFactory(parent=site_tree["homes"]["fr"])
    item = NewsPageFactory(parent=news_index, title="Brouillon de l’éditeur")
    item.title = "Brouillon de l’éditeur (révisé)"
    item.save_revision(user=django_user_model.objects.get(username="editeur"))
    with translation.override("fr"):
        html = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Raccourcis" in html
    assert f'href="/admin/pages/add/news/newspage/{news_index.pk}/"' in html and "Ajouter une actualité" in html
    assert f'href="/admin/pages/add/calls/callpage/{call_index.pk}/"' in html and "Ajouter un appel à projets" in html
    assert "Publier une liste de lauréats" in html
    assert f'href="/admin/pages/{news_index.pk}/"' in html and "Ouvrir la liste des actualités" in html
    assert "Vos brouillons et pages en attente de modération" in html
    assert "Brouillon de l’éditeur (révisé)" in html


def test_moderator_dashboard_lists_the_item_to_review(client, site_tree, django_user_model):
    call_command("setup_roles", verbosity=0)
    ensure_demo_accounts()
    index = NewsIndexPageFactory(parent=site_tree["homes"]["fr"])
    item = NewsPageFactory(parent=index, title="À relire")
    item.save_revision(user=django_user_model.objects.get(username="editeur"))
    item.get_workflow().start(item, django_user_model.objects.get(username="editeur"))
    client.post("/admin/login/", {"username": "moderateur", "password": PASSWORDS["moderateur"]})
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "En attente de votre vérification" in html
    assert "À relire" in html.split("En attente de votre vérification")[1]


def test_new_body_starts_with_a_paragraph_an_untouched_one_is_dropped(editor_client, site_tree, django_user_model):
    index = NewsIndexPageFactory(parent=site_tree["homes"]["fr"])
    with translation.override("fr"):
        html = editor_client.get(
            f"/admin/pages/add/news/newspage/{index.pk}/", HTTP_ACCEPT_LANGUAGE="fr"
        ).content.decode()
    form_class = NewsPage.get_edit_handler().get_form_class()
    editor = django_user_model.objects.get(username="editeur")
    form = form_class(instance=NewsPage(locale=index.locale), parent_page=index, for_user=editor)
    assert [block.block_type for block in form.initial["body"]] == ["paragraph"]
    assert "Paragraphe" in html
    response = editor_client.post(
        f"/admin/pages/add/news/newspage/{index.pk}/",
        {
            "title": "Sans corps",
            "slug": "sans-corps",
            "summary": "Résumé",
            "date": "2025-01-10",
            "category": "institutional",
            "body-count": "1",
            "body-0-type": "paragraph",
            "body-0-value": json.dumps({"blocks": [{"key": "a", "text": "", "type": "unstyled"}], "entityMap": {}}),
            "body-0-deleted": "",
            "body-0-order": "0",
            "documents-count": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert len(NewsPage.objects.get(slug="sans-corps").get_latest_revision_as_object().body) == 0


def test_approved_item_with_a_go_live_time_goes_live_through_the_scheduler(
    client, site_tree, django_user_model, django_capture_on_commit_callbacks
):
    """Nobody clicks at the publication time: the scheduler queues publish_scheduled_pages."""
    call_command("setup_roles", verbosity=0)
    ensure_demo_accounts()
    editor = django_user_model.objects.get(username="editeur")
    moderator = django_user_model.objects.get(username="moderateur")
    index = NewsIndexPageFactory(parent=site_tree["homes"]["fr"])
    go_live = timezone.now() + datetime.timedelta(days=1)
    page = NewsPageFactory.build(title="Annonce programmée", slug="annonce-programmee", live=False)
    page.go_live_at = go_live
    index.add_child(instance=page)
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "approve")
    page.refresh_from_db()
    assert not page.live
    assert "Annonce programmée" not in client.get("/fr/actualites/").content.decode()
    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert "publish_scheduled_pages" in enqueue_due_jobs()
        page.refresh_from_db()
        assert page.live
        assert "Annonce programmée" in client.get("/fr/actualites/").content.decode()
