"""In Chromium: an editor writes and submits a news item, a moderator publishes it, and it
tops the public list and the RSS feed; axe-core finds no serious violation on the news pages."""

import datetime

import feedparser
import pytest
from django.core.management import call_command

from demo.accounts import DEMO_ACCOUNTS, ensure_demo_accounts
from news.models import NewsPage
from tests.axe import serious_violations
from tests.factories import ThemeFactory, build_site
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory, paris

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


PASSWORDS = {username: password for username, password, _, _ in DEMO_ACCOUNTS}
TITLE = "Ouverture de l’appel à projets Jeunesse 2025"


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORDS[username])
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def test_editor_writes_moderator_publishes_item_tops_list_and_feed(live_server, browser):
    site = build_site()
    index = NewsIndexPageFactory(parent=site["homes"]["fr"])
    youth = ThemeFactory(name="Jeunesse", slug="jeunesse")
    NewsPageFactory(
        parent=index,
        title="Lauréats Généraliste 2021",
        date=datetime.date(2021, 4, 28),
        category=NewsPage.Category.LAUREATES,
        themes=[youth],
    )
    call_command("setup_roles", verbosity=0)
    ensure_demo_accounts()
    base = live_server.url

    # The editor writes the item and submits it to moderation.
    editor = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    editor.set_default_timeout(15000)
    log_in(editor, base, "editeur")
    editor.goto(f"{base}/admin/pages/add/news/newspage/{index.pk}/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_summary", "Le ministère ouvre l’appel à projets Jeunesse pour 2025.")
    editor.select_option("#id_category", "call")
    editor.click("footer .w-dropdown__toggle")
    try:
        with editor.expect_navigation():
            editor.click("button[name=action-submit]")
        editor.wait_for_url(lambda url: "/add/" not in url)
    except Exception:
        editor.screenshot(path="/tmp/news_editor.png", full_page=True)
        raise
    item = NewsPage.objects.get(title=TITLE)
    assert not item.live
    assert item.current_workflow_state.status == "in_progress"

    # Not public yet.
    public = browser.new_context(locale="fr-FR").new_page()
    public.goto(f"{base}{index.url}")
    assert public.locator(".fr-card__title").first.inner_text() != TITLE

    # The moderator approves it, which publishes it.
    moderator = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}).new_page()
    moderator.set_default_timeout(15000)
    log_in(moderator, base, "moderateur")
    moderator.goto(f"{base}/admin/pages/{item.pk}/edit/")
    moderator.click("footer .w-dropdown__toggle")
    with moderator.expect_navigation():
        moderator.click("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    item.refresh_from_db()
    assert item.live

    # It tops the public list and the RSS feed.
    public.goto(f"{base}{index.url}")
    assert public.locator(".fr-card__title").first.inner_text() == TITLE
    feed = feedparser.parse(public.request.get(f"{base}{index.url}rss/").body())
    assert feed.entries[0].title == TITLE


def test_news_pages_have_no_serious_accessibility_violation(live_server, browser_page):
    site = build_site()
    index = NewsIndexPageFactory(parent=site["homes"]["fr"])
    youth = ThemeFactory(name="Jeunesse", slug="jeunesse")
    for n in range(12):
        NewsPageFactory(parent=index, title=f"Actualité {n}", date=datetime.date(2024, 1, 1 + n), themes=[youth])
    event = NewsPageFactory(
        parent=index,
        title="Webinaire : réussir sa candidature",
        category=NewsPage.Category.EVENT,
        event_start=paris(2030, 2, 8, 10),
        event_end=paris(2030, 2, 8, 12),
        event_online=True,
        registration_url="https://example.org/inscription",
        themes=[youth],
    )
    base = live_server.url
    for path in (index.url, f"{index.url}?theme=jeunesse&page=2", event.url, f"{index.url}agenda/", "/fr/"):
        browser_page.goto(base + path)
        assert serious_violations(browser_page) == [], path
