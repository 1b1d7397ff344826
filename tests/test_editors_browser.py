"""In Chromium, the editors' day: ``editeur`` writes a French news item with a theme and a
country, previews it and submits it; ``moderateur`` finds it on the dashboard and approves it;
it is in the French list and its RSS feed. ``editeur`` translates it into Arabic with
wagtail-localize (strings filled in its translation editor): the Arabic page is a draft, not online,
until ``editeur`` submits it for moderation and ``moderateur``, from the dashboard, reviews the
strings and approves it; then it is in the Arabic list,
right to left, with the Arabic theme and country names; the language switcher links the two.
axe-core finds no serious violation on the public pages visited. The same for a call with its
laureates, and a news item scheduled for later goes live at its time by itself."""

import datetime
import io

import feedparser
import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from calls.models import CallPage
from demo.accounts import DEMO_ACCOUNTS, ensure_demo_accounts
from news.models import NewsPage
from tests.axe import serious_violations
from tests.factories import CountryFactory, ThemeFactory, build_site, translate_page
from tests.factories.calls import CallIndexPageFactory
from tests.factories.news import NewsIndexPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORDS = {username: password for username, password, _, _ in DEMO_ACCOUNTS}
TITLE = "Coopération de l’eau avec l’Algérie"
TITLE_AR = "التعاون في مجال المياه مع الجزائر"
SUMMARY = "Les collectivités françaises et algériennes s’associent pour l’eau."
SUMMARY_AR = "تتعاون الجماعات الفرنسية والجزائرية في مجال المياه."


def log_in(browser, base_url, username):
    page = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(20000)
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORDS[username])
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
    return page


def approve(moderator, base, title):
    """The moderator opens the item from the dashboard's review panel and approves it."""
    moderator.goto(f"{base}/admin/")
    try:
        moderator.locator("[id^=awaiting-review]").locator("a", has_text=title).first.click()
        moderator.wait_for_url("**/edit/")
        moderator.click("footer .w-dropdown__toggle")
        with moderator.expect_navigation():
            moderator.click("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    except Exception:
        moderator.screenshot(path="/tmp/editors_approve.png", full_page=True)
        raise


def submit_for_moderation(editor):
    editor.click("footer .w-dropdown__toggle")
    with editor.expect_navigation():
        editor.click("button[name=action-submit]")


def check_axe(page, url):
    page.goto(url)
    assert serious_violations(page) == [], url


def test_editor_writes_translates_and_moderator_publishes_in_both_languages(live_server, browser):
    site = build_site()
    index = NewsIndexPageFactory(parent=site["homes"]["fr"])
    index_ar = translate_page(index, "ar", title="الأخبار", slug="akhbar")
    water = ThemeFactory(name="Eau et assainissement", slug="eau")
    water_ar = water.copy_for_translation(Locale.objects.get(language_code="ar"))
    water_ar.name = "المياه والصرف الصحي"
    water_ar.save()
    CountryFactory(iso_code="DZ", name="Algérie", name_ar="الجزائر", name_en="Algeria")
    call_command("setup_roles", verbosity=0)
    ensure_demo_accounts()
    base = live_server.url

    # The editor writes the French item with a theme and a country (only French choices).
    editor = log_in(browser, base, "editeur")
    editor.get_by_role("link", name="Ajouter une actualité").click()
    editor.wait_for_url(f"**/admin/pages/add/news/newspage/{index.pk}/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_summary", SUMMARY)
    editor.select_option("#id_category", "institutional")
    editor.locator("#id_themes").select_option(label="Eau et assainissement")
    editor.locator("#id_countries").select_option(label="Algérie")
    # The body starts with a paragraph, ready to type.
    editor.locator("[data-contentpath=body] .public-DraftEditor-content").first.click()
    editor.keyboard.type("Un partenariat pour l’accès à l’eau potable.")
    try:
        submit_for_moderation(editor)
        editor.wait_for_url(lambda url: "/add/" not in url)
    except Exception:
        editor.screenshot(path="/tmp/editors_add.png", full_page=True)
        raise
    item = NewsPage.objects.get(title=TITLE)
    assert not item.live and item.current_workflow_state.status == "in_progress"

    # The editor previews the draft.
    editor.goto(f"{base}/admin/pages/{item.pk}/view_draft/")
    assert editor.locator("h1").first.inner_text() == TITLE
    assert "Eau et assainissement" in editor.content() and "Algérie" in editor.content()

    # The moderator finds it on the dashboard and approves it: it is published.
    moderator = log_in(browser, base, "moderateur")
    approve(moderator, base, TITLE)
    item.refresh_from_db()
    assert item.live

    public = browser.new_context(locale="fr-FR").new_page()
    check_axe(public, f"{base}/fr/actualites/")
    assert public.locator(".fr-card__title").first.inner_text() == TITLE
    feed = feedparser.parse(public.request.get(f"{base}/fr/actualites/rss/").body())
    assert feed.entries[0].title == TITLE

    # The editor translates it into Arabic with wagtail-localize and fills in the strings.
    editor.goto(f"{base}/admin/localize/submit/page/{item.pk}/")
    arabic_locale = Locale.objects.get(language_code="ar")
    editor.locator(f"input[name=locales][value='{arabic_locale.pk}']").check()
    with editor.expect_navigation():
        editor.locator("main input[type=submit]").click()
    arabic = NewsPage.objects.get(translation_key=item.translation_key, locale__language_code="ar")
    try:
        for source, translated in ((TITLE, TITLE_AR), (SUMMARY, SUMMARY_AR)):
            segment = editor.locator("li", has_text=source).last
            segment.get_by_role("button", name="Traduire").first.click()
            segment.locator("textarea").fill(translated)
            segment.get_by_role("button", name="Enregistrer").click()
            segment.get_by_role("button", name="Modifier").wait_for()
    except Exception:
        editor.screenshot(path="/tmp/editors_translate.png", full_page=True)
        raise

    # Until it is published through moderation, the Arabic page is not online.
    assert not NewsPage.objects.get(pk=arabic.pk).live
    assert public.request.get(f"{base}{index_ar.url}{arabic.slug}/").status == 404

    # The editor submits the translation for moderation from the translation editor.
    try:
        with editor.expect_navigation():
            editor.get_by_role("button", name="Soumettre la traduction à la modération").click()
        assert "soumise à la modération" in editor.content()
    except Exception:
        editor.screenshot(path="/tmp/editors_submit_ar.png", full_page=True)
        raise
    arabic.refresh_from_db()
    assert not arabic.live and arabic.current_workflow_state.status == "in_progress"

    # The moderator finds it on the dashboard, reviews the strings and approves it: published.
    try:
        moderator.goto(f"{base}/admin/")
        moderator.locator("[id^=awaiting-review]").locator("a", has_text=TITLE_AR).first.click()
        moderator.wait_for_url("**/edit/")
        assert moderator.locator("li", has_text=TITLE).last.locator("p", has_text=TITLE_AR).count() == 1
        with moderator.expect_navigation():
            moderator.get_by_role("button", name="Approuver et publier la traduction").click()
    except Exception:
        moderator.screenshot(path="/tmp/editors_publish_ar.png", full_page=True)
        raise
    arabic.refresh_from_db()
    assert arabic.live and arabic.title == TITLE_AR

    # In the Arabic list, right to left, with the Arabic theme and country names.
    check_axe(public, f"{base}{index_ar.url}")
    assert public.locator("html").get_attribute("dir") == "rtl"
    assert public.locator(".fr-card__title").first.inner_text() == TITLE_AR
    check_axe(public, f"{base}{arabic.url}")
    html = public.content()
    assert "المياه والصرف الصحي" in html and "الجزائر" in html
    assert "Eau et assainissement" not in html

    # The language switcher leads from one to the other.
    for code, target in (("fr", item), ("ar", arabic)):
        public.locator(".fr-translate__btn").first.click()
        public.locator(f"a.fr-translate__language[hreflang={code}]").first.click()
        public.wait_for_url(f"{base}{target.url}")


CALL_TITLE = "Appel à projets Eau 2026"
CALL_TITLE_AR = "دعوة لتقديم مشاريع المياه 2026"
CALL_SUMMARY = "Soutien aux partenariats pour l’eau potable."
CALL_SUMMARY_AR = "دعم الشراكات من أجل مياه الشرب."
SCHEDULED_TITLE = "Annonce programmée du séminaire"


def save_draft(editor):
    with editor.expect_navigation():
        editor.locator("footer button.action-save").first.click()


def translate_into_arabic(editor, base, page, strings):
    """wagtail-localize's "Translate": the Arabic draft, ``strings`` ({source: translation})
    filled in its translation editor, then submitted for moderation from there."""
    editor.goto(f"{base}/admin/localize/submit/page/{page.pk}/")
    arabic_locale = Locale.objects.get(language_code="ar")
    editor.locator(f"input[name=locales][value='{arabic_locale.pk}']").check()
    with editor.expect_navigation():
        editor.locator("main input[type=submit]").click()
    try:
        for source, translated in strings.items():
            segment = editor.locator("li", has_text=source).last
            segment.get_by_role("button", name="Traduire").first.click()
            segment.locator("textarea").fill(translated)
            segment.get_by_role("button", name="Enregistrer").click()
            segment.get_by_role("button", name="Modifier").wait_for()
        with editor.expect_navigation():
            editor.get_by_role("button", name="Soumettre la traduction à la modération").click()
    except Exception:
        editor.screenshot(path="/tmp/editors_translate_call.png", full_page=True)
        raise


def publish_translation(moderator, base, title_ar):
    moderator.goto(f"{base}/admin/")
    try:
        moderator.locator("[id^=awaiting-review]").locator("a", has_text=title_ar).first.click()
        moderator.wait_for_url("**/edit/")
        with moderator.expect_navigation():
            moderator.get_by_role("button", name="Approuver et publier la traduction").click()
    except Exception:
        moderator.screenshot(path="/tmp/editors_publish_call_ar.png", full_page=True)
        raise


def test_call_with_laureates_translated_and_a_scheduled_item_goes_live_by_itself(live_server, browser, settings):
    """A call with its laureate (added in the laureates' screen), moderated, published, translated
    into Arabic: the Arabic call has the same laureate rows (synchronised, README "Decisions"), its
    country and theme in Arabic. Then a news item scheduled for later is approved, stays offline,
    and goes live at its time through the scheduler and the task worker, nobody clicking."""
    site = build_site()
    calls = CallIndexPageFactory(parent=site["homes"]["fr"])
    translate_page(calls, "ar", title="الدعوات", slug="daawat")
    news = NewsIndexPageFactory(parent=site["homes"]["fr"])
    water = ThemeFactory(name="Eau et assainissement", slug="eau")
    water_ar = water.copy_for_translation(Locale.objects.get(language_code="ar"))
    water_ar.name = "المياه والصرف الصحي"
    water_ar.save()
    CountryFactory(iso_code="DZ", name="Algérie", name_ar="الجزائر", name_en="Algeria")
    call_command("setup_roles", verbosity=0)
    ensure_demo_accounts()
    base = live_server.url
    today = timezone.localdate()

    # The editor writes the call, saves it, then adds its laureate in the laureates' screen.
    editor = log_in(browser, base, "editeur")
    editor.get_by_role("link", name="Ajouter un appel à projets").click()
    editor.wait_for_url(f"**/admin/pages/add/calls/callpage/{calls.pk}/")
    try:
        editor.fill("#id_title", CALL_TITLE)
        editor.fill("#id_summary", CALL_SUMMARY)
        editor.select_option("#id_call_type", "thematic")
        editor.fill("#id_edition_year", str(today.year))
        editor.fill("#id_opening_date", (today - datetime.timedelta(days=60)).isoformat())
        editor.fill("#id_closing_date", (today - datetime.timedelta(days=10)).isoformat())
        editor.fill("#id_application_url", "https://www.example.org/candidater")
        editor.locator("#id_themes").select_option(label="Eau et assainissement")
        save_draft(editor)
        editor.get_by_role("link", name="Modifier les lauréats").click()
        editor.get_by_role("link", name="Ajouter un lauréat").click()
        editor.fill("#id_french_authority", "Ville de Lyon")
        editor.fill("#id_partner_authority", "Ville d’Oran")
        editor.select_option("#id_country", label="Algérie")
        editor.select_option("#id_theme", label="Eau et assainissement")
        editor.fill("#id_amount", "20000")
        with editor.expect_navigation():
            editor.get_by_role("button", name="Enregistrer").click()
        editor.get_by_role("link", name="Ville de Lyon").wait_for()
        editor.get_by_role("link", name="Retour à l’appel").click()
        editor.wait_for_url("**/edit/")
        assert "Cet appel a 1 lauréat." in editor.content()
        submit_for_moderation(editor)
    except Exception:
        editor.screenshot(path="/tmp/editors_call.png", full_page=True)
        raise
    call = CallPage.objects.get(title=CALL_TITLE)
    assert not call.live and call.current_workflow_state.status == "in_progress"

    moderator = log_in(browser, base, "moderateur")
    approve(moderator, base, CALL_TITLE)
    call.refresh_from_db()
    assert call.live and list(call.laureates.values_list("french_authority", flat=True)) == ["Ville de Lyon"]

    public = browser.new_context(locale="fr-FR").new_page()
    check_axe(public, f"{base}{call.url}")
    assert public.locator("table", has_text="Ville de Lyon").locator("td", has_text="Algérie").count() == 1

    # Translated into Arabic through the same moderation: the same laureate row, in Arabic.
    translate_into_arabic(editor, base, call, {CALL_TITLE: CALL_TITLE_AR, CALL_SUMMARY: CALL_SUMMARY_AR})
    publish_translation(moderator, base, CALL_TITLE_AR)
    arabic = CallPage.objects.get(translation_key=call.translation_key, locale__language_code="ar")
    assert arabic.live and arabic.title == CALL_TITLE_AR
    check_axe(public, f"{base}{arabic.url}")
    assert public.locator("html").get_attribute("dir") == "rtl"
    row = public.locator("tr", has_text="Ville de Lyon")
    assert "الجزائر" in row.inner_text() and "Ville d’Oran" in row.inner_text()
    assert "المياه والصرف الصحي" in public.content()

    # A news item scheduled for later: approved, it stays offline until its time.
    go_live = (timezone.localtime() + datetime.timedelta(hours=3)).replace(second=0, microsecond=0)
    editor.goto(f"{base}/admin/")
    editor.get_by_role("link", name="Ajouter une actualité").click()
    editor.wait_for_url(f"**/admin/pages/add/news/newspage/{news.pk}/")
    try:
        editor.fill("#id_title", SCHEDULED_TITLE)
        editor.fill("#id_summary", "Le séminaire annuel de la coopération décentralisée.")
        editor.select_option("#id_category", "institutional")
        editor.locator("[data-contentpath=body] .public-DraftEditor-content").first.click()
        editor.keyboard.type("Programme et inscriptions.")
        editor.locator("button[data-side-panel-toggle=status]").click()
        editor.locator("button[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
        dialog = editor.locator("#schedule-publishing-dialog")
        dialog.locator("#id_go_live_at").fill(go_live.strftime("%Y-%m-%d %H:%M"))
        # The date picker opens on focus, sometimes only after the fill: wait for it, close it by
        # clicking the dialog's heading, and wait until it is gone from over the submit button.
        picker = editor.locator(".xdsoft_datetimepicker:visible")
        picker.first.wait_for()
        dialog.get_by_role("heading", name="Définir la programmation de publication").click()
        picker.first.wait_for(state="hidden")
        with editor.expect_navigation():
            dialog.locator("button[type=submit]").click()
        editor.wait_for_url("**/edit/")
        submit_for_moderation(editor)
    except Exception:
        editor.screenshot(path="/tmp/editors_schedule.png", full_page=True)
        raise
    scheduled = NewsPage.objects.get(title=SCHEDULED_TITLE)
    assert scheduled.go_live_at == go_live or scheduled.get_latest_revision_as_object().go_live_at == go_live
    approve(moderator, base, SCHEDULED_TITLE)
    scheduled.refresh_from_db()
    assert not scheduled.live
    check_axe(public, f"{base}/fr/actualites/")
    assert SCHEDULED_TITLE not in public.content()

    # At its time, the scheduler (run_scheduler, as the portal runs it) queues the publication
    # in the database and the task worker (db_worker) runs it: the item is online.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with time_machine.travel(go_live + datetime.timedelta(minutes=6), tick=True):
        call_command("run_scheduler", "--once", stdout=io.StringIO())
        scheduled.refresh_from_db()
        assert not scheduled.live  # queued, not run yet
        call_command("db_worker", "--batch", "--queue-name=*", "--no-startup-delay", verbosity=0)
        scheduled.refresh_from_db()
        assert scheduled.live
        check_axe(public, f"{base}/fr/actualites/")
        assert public.locator(".fr-card__title").first.inner_text() == SCHEDULED_TITLE
