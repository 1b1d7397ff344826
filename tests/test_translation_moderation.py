"""Translations go through the moderation of their source (portal/translation_moderation.py):
"Translate this page" creates a draft that is not live; the editor submits the translation from
wagtail-localize's editor; a moderator approves and publishes it (or requests changes)."""

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from demo.accounts import DEMO_ACCOUNTS, ensure_demo_accounts
from news.models import NewsPage
from tests.factories import translate_page
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

PASSWORDS = {username: password for username, password, _, _ in DEMO_ACCOUNTS}
TITLE_AR = "التعاون في مجال المياه"
SUMMARY_AR = "ملخص الخبر."


@pytest.fixture
def item(site_tree):
    call_command("setup_roles", verbosity=0)
    ensure_demo_accounts()
    index = NewsIndexPageFactory(parent=site_tree["homes"]["fr"])
    translate_page(index, "ar", title="الأخبار", slug="akhbar")
    return NewsPageFactory(parent=index, title="Coopération de l’eau", summary="Résumé de l’actualité.")


def logged_in(client, username):
    client.logout()
    assert client.post("/admin/login/", {"username": username, "password": PASSWORDS[username]}).status_code == 302
    return client


def translate(client, page):
    """The editor's "Translate this page" into Arabic (wagtail-localize's submit view)."""
    arabic = Locale.objects.get(language_code="ar")
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [arabic.pk]})
    assert response.status_code == 302
    return NewsPage.objects.get(translation_key=page.translation_key, locale=arabic)


def fill_strings(page, user, translations):
    """What the editor types in the translation editor: source string → translated string."""
    target = Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code="ar")
    for segment in StringSegment.objects.filter(source=target.source).select_related("string", "context"):
        if segment.string.data in translations:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=target.target_locale,
                context=segment.context,
                data=translations[segment.string.data],
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                last_translated_by=user,
            )


def edit(client, page, **data):
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def refused(response):
    """Wagtail's admin answers a refused action with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response.url == "/admin/"


def test_translate_creates_a_draft_that_is_not_live(client, item):
    arabic = translate(logged_in(client, "editeur"), item)
    assert not arabic.live
    client.logout()
    assert client.get(f"/ar/akhbar/{arabic.slug}/").status_code == 404
    assert item.title not in client.get("/ar/akhbar/").content.decode()


def test_editor_submits_the_translation_and_the_moderator_publishes_it(client, item, django_user_model):
    editor = django_user_model.objects.get(username="editeur")
    arabic = translate(logged_in(client, "editeur"), item)
    fill_strings(item, editor, {item.title: TITLE_AR, item.summary: SUMMARY_AR})

    with translation.override("fr"):
        html = client.get(f"/admin/pages/{arabic.pk}/edit/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Soumettre la traduction à la modération" in html
    assert "Approuver et publier la traduction" not in html
    # The editor may not publish it, nor approve it.
    assert refused(edit(client, arabic, action="publish"))
    assert refused(edit(client, arabic, **{"portal-translation-moderation": "approve"}))
    assert not NewsPage.objects.get(pk=arabic.pk).live

    response = edit(client, arabic, **{"portal-translation-moderation": "submit"})
    assert response.status_code == 302
    arabic = NewsPage.objects.get(pk=arabic.pk)
    assert not arabic.live
    assert arabic.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert arabic.get_latest_revision_as_object().title == TITLE_AR
    # Submitted, it cannot be submitted twice.
    assert refused(edit(client, arabic, **{"portal-translation-moderation": "submit"}))

    logged_in(client, "moderateur")
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert TITLE_AR in html.split("En attente de votre vérification")[1]
    html = client.get(f"/admin/pages/{arabic.pk}/edit/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Approuver et publier la traduction" in html
    assert edit(client, arabic, **{"portal-translation-moderation": "approve"}).status_code == 302
    arabic = NewsPage.objects.get(pk=arabic.pk)
    assert arabic.live and arabic.title == TITLE_AR and arabic.summary == SUMMARY_AR
    assert arabic.current_workflow_state is None
    assert arabic.workflow_states.get().status == WorkflowState.STATUS_APPROVED

    client.logout()
    response = client.get(f"/ar/akhbar/{arabic.slug}/")
    assert response.status_code == 200
    assert TITLE_AR in response.content.decode()


def test_moderator_requests_changes_and_the_editor_resubmits(client, item, django_user_model):
    editor = django_user_model.objects.get(username="editeur")
    arabic = translate(logged_in(client, "editeur"), item)
    fill_strings(item, editor, {item.title: TITLE_AR})
    edit(client, arabic, **{"portal-translation-moderation": "submit"})

    logged_in(client, "moderateur")
    response = edit(client, arabic, **{"portal-translation-moderation": "reject", "comment": "Le résumé manque."})
    assert response.status_code == 302
    arabic = NewsPage.objects.get(pk=arabic.pk)
    assert not arabic.live
    assert arabic.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    logged_in(client, "editeur")
    fill_strings(item, editor, {item.summary: SUMMARY_AR})
    with translation.override("fr"):
        html = client.get(f"/admin/pages/{arabic.pk}/edit/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Soumettre à nouveau" in html
    edit(client, arabic, **{"portal-translation-moderation": "submit"})
    arabic = NewsPage.objects.get(pk=arabic.pk)
    assert arabic.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert arabic.get_latest_revision_as_object().summary == SUMMARY_AR


def test_moderators_publish_button_approves_the_translation_in_moderation(client, item, django_user_model):
    editor = django_user_model.objects.get(username="editeur")
    arabic = translate(logged_in(client, "editeur"), item)
    fill_strings(item, editor, {item.title: TITLE_AR})
    edit(client, arabic, **{"portal-translation-moderation": "submit"})

    logged_in(client, "moderateur")
    assert edit(client, arabic, action="publish").status_code == 302
    arabic = NewsPage.objects.get(pk=arabic.pk)
    assert arabic.live and arabic.title == TITLE_AR
    assert arabic.workflow_states.get().status == WorkflowState.STATUS_APPROVED


def test_sync_translated_pages_publishes_immediately_only_for_moderators(
    client, item, django_user_model, django_capture_on_commit_callbacks
):
    editor = django_user_model.objects.get(username="editeur")
    arabic = translate(logged_in(client, "editeur"), item)
    fill_strings(item, editor, {item.title: TITLE_AR})
    source = Translation.objects.get(source__object_id=item.translation_key).source
    url = f"/admin/localize/update/{source.pk}/"
    with translation.override("fr"):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Les traductions sont publiées après modération" in html
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish_translations": "on"}).status_code == 302
    assert not NewsPage.objects.get(pk=arabic.pk).live

    logged_in(client, "moderateur")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish_translations": "on"}).status_code == 302
    assert NewsPage.objects.get(pk=arabic.pk).live


def test_translated_call_keeps_its_laureates_through_moderation(client, item, site_tree, django_user_model):
    """Laureate rows are synchronised (README): the Arabic call, a draft until approved, has the
    source's rows once published through moderation."""
    from calls.models import CallPage, Laureate
    from tests.factories import CountryFactory
    from tests.factories.calls import CallIndexPageFactory, CallPageFactory

    editor = django_user_model.objects.get(username="editeur")
    index = CallIndexPageFactory(parent=site_tree["homes"]["fr"])
    translate_page(index, "ar", title="الدعوات", slug="daawat")
    call = CallPageFactory(parent=index, title="Appel Eau 2025")
    mexico = CountryFactory(iso_code="MX", name="Mexique", name_ar="المكسيك")
    Laureate.objects.create(page=call, french_authority="La Rochelle", partner_authority="Campeche", country=mexico)
    call.save_revision().publish()

    logged_in(client, "editeur")
    arabic_locale = Locale.objects.get(language_code="ar")
    assert client.post(f"/admin/localize/submit/page/{call.pk}/", {"locales": [arabic_locale.pk]}).status_code == 302
    arabic = CallPage.objects.get(translation_key=call.translation_key, locale=arabic_locale)
    assert not arabic.live
    fill_strings(call, editor, {call.title: "دعوة المياه 2025"})
    edit(client, arabic, **{"portal-translation-moderation": "submit"})

    logged_in(client, "moderateur")
    edit(client, arabic, **{"portal-translation-moderation": "approve"})
    arabic = CallPage.objects.get(pk=arabic.pk)
    assert arabic.live and arabic.title == "دعوة المياه 2025"
    assert list(arabic.laureates.values_list("french_authority", "partner_authority")) == [("La Rochelle", "Campeche")]
    client.logout()
    response = client.get(arabic.url)
    assert response.status_code == 200 and "La Rochelle" in response.content.decode()
