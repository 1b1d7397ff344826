"""The foundation: pages render in every locale, language switcher, lang/dir/hreflang, SEO."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.core.management import call_command

from home.models import HomePage
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

LANGS = ["fr", "en", "es", "ar"]


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.parametrize("code", LANGS)
def test_home_page_renders_in_each_locale_with_lang_and_dir(client, site_tree, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    tag = html_tag(response)
    assert f'lang="{code}"' in tag
    assert ('dir="rtl"' if code == "ar" else 'dir="ltr"') in tag
    assert site_tree["homes"][code].hero_title in response.content.decode()


def test_root_redirects_to_a_language(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


@pytest.mark.parametrize("code", LANGS)
def test_every_page_type_renders_in_each_locale(client, site_tree, code):
    """Content and site map pages render in each locale (French page when untranslated)."""
    for page in (site_tree["content"], site_tree["site_map"]):
        url = page.localized.url if code == "fr" else page.url
        with_translation = page.get_translation_or_none(HomePage.objects.get(locale__language_code=code).locale)
        response = client.get((with_translation or page).url)
        assert response.status_code == 200, url


def test_language_switcher_lands_on_translation_or_home(client, site_tree):
    response = client.get(site_tree["content"].url)
    html = response.content.decode()
    # English translation exists: switcher points at it; Spanish does not: Spanish home.
    assert f'hreflang="en" lang="en" href="{site_tree["content_en"].url}"' in html
    assert 'hreflang="es" lang="es" href="/es/"' in html
    assert 'hreflang="fr" lang="fr" href="/fr/cadre-juridique/" aria-current="true"' in html


def test_hreflang_alternates_list_only_real_translations(client, site_tree):
    # Under the configured root URL (WAGTAILADMIN_BASE_URL, "http://testserver" in the tests), one rule.
    html = client.get(site_tree["content"].url).content.decode()
    alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html)
    assert alternates == [
        ("fr", "http://testserver/fr/cadre-juridique/"),
        ("en", "http://testserver/en/cadre-juridique/"),
    ]


def test_seo_tags(client, site_tree):
    page = site_tree["content"]
    page.seo_title = "Le cadre juridique de l’AECT"
    page.search_description = "Les lois qui encadrent la coopération décentralisée."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<title>Le cadre juridique de l’AECT — " in html
    assert '<meta name="description" content="Les lois qui encadrent la coopération décentralisée.">' in html
    assert '<link rel="canonical" href="http://testserver/fr/cadre-juridique/">' in html
    assert '<meta property="og:title" content="Le cadre juridique de l’AECT">' in html


def test_main_menu_and_footer_links_follow_the_locale(client, site_tree):
    fr = client.get("/fr/").content.decode()
    assert '<a class="fr-nav__link" href="/fr/cadre-juridique/">Cadre juridique</a>' in fr
    assert "Accessibilité : non conforme" in fr
    en = client.get("/en/").content.decode()
    # The menu item is translated into English; the untranslated accessibility page stays French.
    assert '<a class="fr-nav__link" href="/en/cadre-juridique/">Legal framework</a>' in en
    assert "Accessibility: non compliant" in en


def test_menu_queries_do_not_grow_with_items(client, site_tree, django_assert_max_num_queries):
    from portal.models import NavigationMenu

    menu = NavigationMenu.objects.get(placement="main")
    pages = [ContentPageFactory(show_in_menus=True) for _ in range(8)]
    client.get("/fr/")
    cache.clear()  # measure the menus being built, not read from their cache
    with django_assert_max_num_queries(40) as few:
        client.get("/fr/")
    menu.items = [("link", {"page": p, "url": "", "label": ""}) for p in pages]
    menu.save()
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/fr/").content.decode()
    assert html.count('class="fr-nav__link"') == 8


def test_site_map_page_lists_the_locale_tree(client, site_tree):
    child = ContentPageFactory(title="Loi Thiollière", parent=site_tree["content"])
    hidden = ContentPageFactory(title="Page masquée", exclude_from_sitemap=True)
    html = client.get(site_tree["site_map"].url).content.decode()
    assert f'<a href="{child.url}">Loi Thiollière</a>' in html
    assert hidden.title not in html
    assert "Legal framework" not in html  # English pages are not in the French site map


def test_sitemap_xml_covers_every_locale_with_alternates(client, site_tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    for code in LANGS:
        assert f"http://localhost/{code}/" in locations
    content = locations["http://localhost/fr/cadre-juridique/"]
    alternates = {link.get("hreflang"): link.get("href") for link in content.findall("x:link", ns)}
    assert alternates == {
        "fr": "http://localhost/fr/cadre-juridique/",
        "en": "http://localhost/en/cadre-juridique/",
    }


def test_robots_txt_points_at_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_unknown_page_is_a_translated_404(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Page introuvable" in client.get("/fr/pas-de-page/").content.decode()


def test_interface_strings_are_translated(client, site_tree):
    assert "Rechercher" in client.get("/fr/").content.decode()
    assert "Buscar" in client.get("/es/").content.decode()
    assert "بحث" in client.get("/ar/").content.decode()


def run_check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("secret", [None, "", "django-insecure-development-key-do-not-use-in-production"])
def test_production_refuses_a_missing_or_default_secret_key(secret):
    env = {"DJANGO_ENV": "production", "ALLOWED_HOSTS": "portal.example.org"}
    if secret is not None:
        env["SECRET_KEY"] = secret
    result = run_check(env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_pass_check_deploy():
    result = run_check(
        {
            "DJANGO_ENV": "production",
            "ALLOWED_HOSTS": "portal.example.org",
            "SECRET_KEY": "k3y-" + "x9Q!z" * 12,
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_demo_accounts_are_refused_in_production(settings):
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="refused in production"):
        call_command("load_demo")


def test_drop_down_menu_links_follow_the_locale(client, site_tree):
    from portal.models import NavigationMenu

    menu = NavigationMenu.objects.get(placement="main")
    menu.items = [
        (
            "link",
            {
                "page": None,
                "url": "",
                "label": "Comprendre l’AECT",
                "children": [{"page": site_tree["content"], "url": "", "label": ""}],
            },
        )
    ]
    menu.save()
    fr = client.get("/fr/").content.decode()
    assert '<button class="fr-nav__btn" aria-expanded="false" aria-controls="menu-1">Comprendre l’AECT</button>' in fr
    assert '<a class="fr-nav__link" href="/fr/cadre-juridique/">Cadre juridique</a>' in fr
    # The English menu falls back to the French one, its link leads to the English translation.
    en = client.get("/en/").content.decode()
    assert '<a class="fr-nav__link" href="/en/cadre-juridique/">Legal framework</a>' in en


def test_a_page_in_the_menu_twice_is_marked_current_once(client, site_tree):
    """Issue 15, item 4: the "Comprendre l'AECT" drop-down repeats top-level items; the page is
    the current one at the top level only, not a second time in the drop-down."""
    from portal.models import NavigationMenu

    menu = NavigationMenu.objects.get(placement="main")
    content = {"page": site_tree["content"], "url": "", "label": ""}
    menu.items = [
        ("link", content),
        ("link", {"page": None, "url": "", "label": "Comprendre l’AECT", "children": [content]}),
    ]
    menu.save()
    cache.clear()  # the menu is cached per locale
    html = client.get("/fr/cadre-juridique/").content.decode()
    nav = re.search(r'<nav class="fr-nav" id="fr-navigation".*?</nav>', html, re.S).group(0)
    assert nav.count('href="/fr/cadre-juridique/"') == 2
    assert nav.count('aria-current="page"') == 1
    assert '<a class="fr-nav__link" href="/fr/cadre-juridique/" aria-current="page">Cadre juridique</a>' in nav
    # The drop-down holding the page is marked as containing it.
    assert '<button class="fr-nav__btn" aria-expanded="false" aria-controls="menu-2" aria-current="true">' in nav
