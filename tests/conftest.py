import os

import pytest
from django.conf import settings

from tests.factories import build_site


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached menus, pages and rate-limit counters of a
    previous test (whose data was rolled back) must not leak into it."""
    from django.core.cache import cache

    from portal import locales

    cache.clear()
    locales.forget()  # the process's locales: a rolled-back test's rows are gone


@pytest.fixture(autouse=True)
def wagtail_base_data(request):
    """Wagtail's root page, root collection and French locale come from its migrations; the
    flush after a transactional test (browser tests, concurrency tests) removes them, so put
    them back before each transactional test."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code="fr")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(
                title="Root", slug="root", locale=locale, content_type=ContentType.objects.get_for_model(Page)
            )
        )
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


@pytest.fixture
def site_tree(db):
    """French home page with en/es/ar translations, a content page translated into English
    only, the site map page and the footer settings."""
    return build_site()


@pytest.fixture
def requires_postgresql():
    if not settings.USING_POSTGRESQL:
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (``playwright install`` cannot download here)."""
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.path.exists(executable):
        pytest.skip(f"needs Chromium at {executable} (apt-get install chromium; CI installs it)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
