"""Content-Security-Policy (django-csp 4, portal/csp.py): scripts only from this origin or with
the request's nonce on every public page and in previews; the admin's own explicit policy, under
which it must keep working (checked in Chromium)."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.factories import build_site
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory
from tests.factories.intake import OfferFactory, build_intake_site

PASSWORD = "correct-horse-battery"


def policy(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


def nonce_of(response):
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)


def inline_scripts_without_nonce(html, nonce):
    tags = re.findall(r"<script\b[^>]*>", html)
    return [tag for tag in tags if "src=" not in tag and f'nonce="{nonce}"' not in tag and "application/" not in tag]


@pytest.mark.django_db
def test_public_pages_allow_only_own_and_nonced_scripts(client):
    site = build_intake_site()
    OfferFactory(published=True, country=site["countries"]["SN"])
    for url in ["/fr/", site["content"].url, site["bourse"].url, site["offer_form"].url, "/fr/recherche/?q=eau"]:
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        assert directives["script-src"] == ["'self'", f"'nonce-{nonce_of(response)}'"], url
        assert directives["script-src-attr"] == ["'none'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["base-uri"] == ["'self'"]
        html = response.content.decode()
        assert inline_scripts_without_nonce(html, nonce_of(response)) == [], url
        assert not re.search(r"\son[a-z]+=", html), f"inline event handler on {url}"


@pytest.mark.django_db
def test_each_response_gets_a_new_nonce(client, site_tree):
    first, second = client.get("/fr/"), client.get("/fr/")
    assert nonce_of(first) != nonce_of(second)
    assert f'nonce="{nonce_of(second)}"' in second.content.decode()  # DSFR's loader carries it


@pytest.mark.django_db
def test_the_map_tile_host_may_serve_images(client, settings):
    settings.INTAKE_MAP_TILE_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    site = build_intake_site()
    assert "https://*.tiles.example.org" in policy(client.get(site["bourse"].url))["img-src"]


SMUGGLED = "<script>window.pwned = document.cookie;</script>"


def call_with_smuggled_script():
    """A call whose content holds a script (rich text is not re-cleaned when rendered: think of
    an import or a provider's embed HTML)."""
    from wagtail.rich_text import RichText

    call = CallPageFactory(parent=CallIndexPageFactory(), title="Appel Jeunesse")
    call.body = [("paragraph", RichText(f"<p>Texte</p>{SMUGGLED}"))]
    call.save_revision().publish()
    return call


@pytest.mark.django_db
def test_admin_has_an_explicit_policy_of_its_own(client, site_tree):
    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", PASSWORD)
    client.force_login(admin)
    call = CallPageFactory(parent=CallIndexPageFactory())
    response = client.get(f"/admin/pages/{call.pk}/edit/")
    assert response.status_code == 200
    directives = policy(response)
    # Wagtail's inline scripts are allowed, and said to be: no nonce handed to every script.
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "nonce-" not in response["Content-Security-Policy"]
    assert "nonce=" not in response.content.decode()
    for name, value in {
        "script-src-attr": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "connect-src": ["'self'"],
    }.items():
        assert directives[name] == value, name


@pytest.mark.django_db
def test_previews_get_the_public_policy_so_smuggled_scripts_get_no_nonce(client, site_tree):
    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", PASSWORD)
    client.force_login(admin)
    call = call_with_smuggled_script()
    # A preview as the editor sees it in the side panel: the form's content, then the preview.
    unavailable = client.get(f"/admin/pages/{call.pk}/edit/preview/")  # nothing posted yet
    assert policy(unavailable)["frame-ancestors"] == ["'self'"]
    preview = client.get(f"/admin/pages/{call.pk}/revisions/{call.latest_revision.pk}/view/")
    assert preview.status_code == 200
    directives = policy(preview)
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["script-src"] == ["'self'", f"'nonce-{nonce_of(preview)}'"]
    html = preview.content.decode()
    # Before, the middleware gave this script the nonce too, in the editor's session.
    assert SMUGGLED in html
    assert inline_scripts_without_nonce(html, nonce_of(preview)) == ["<script>"]
    # On the public page as well, the smuggled script is left without the nonce.
    public = client.get(call.url)
    assert inline_scripts_without_nonce(public.content.decode(), nonce_of(public)) == ["<script>"]


# --- in Chromium: nothing refused, scripts really run ---------------------------------------------


def csp_errors(page):
    errors = []
    page.on("console", lambda message: "Content Security Policy" in message.text and errors.append(message.text))
    return errors


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_run_their_scripts_under_the_policy(live_server, browser_page):
    site = build_intake_site()
    OfferFactory(published=True, country=site["countries"]["SN"], latitude=14.69, longitude=-17.44)
    page = browser_page
    errors = csp_errors(page)
    page.goto(f"{live_server.url}/fr/")
    # DSFR's script (nonced module) ran: it marks the document as enhanced.
    page.wait_for_function("() => document.documentElement.getAttribute('data-fr-js') === 'true'")
    page.goto(f"{live_server.url}{site['bourse'].url}")
    page.locator("#bourse-map").scroll_into_view_if_needed()  # the map is loaded near the viewport
    page.locator("#bourse-map .leaflet-marker-icon").first.wait_for()
    page.goto(f"{live_server.url}{site['offer_form'].url}")
    page.wait_for_function("() => document.documentElement.getAttribute('data-fr-js') === 'true'")
    assert errors == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_works_under_the_policy(live_server, browser_page):
    build_site()
    get_user_model().objects.create_superuser("chef", "chef@example.org", PASSWORD)
    call = CallPageFactory(parent=CallIndexPageFactory(), title="Appel Jeunesse")
    LaureateFactory(page=call)
    page = browser_page
    errors = csp_errors(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chef")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/{call.pk}/edit/")
    # The laureates are edited in their own screens: from the call's editor, add one.
    page.locator("a[href$='/laureates/']").first.click()
    page.locator("a[href$='/laureates/add/']").click()
    page.fill("#id_french_authority", "Commune de Dieppe")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.get_by_role("link", name="Commune de Dieppe").wait_for()
    # The page explorer lists the call.
    page.goto(f"{live_server.url}/admin/pages/{call.pk}/")
    page.get_by_role("link", name="Appel Jeunesse").first.wait_for()
    assert errors == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_script_smuggled_into_a_page_does_not_run_in_the_editors_preview(live_server, browser_page):
    build_site()
    get_user_model().objects.create_superuser("chef", "chef@example.org", PASSWORD)
    call = call_with_smuggled_script()
    page = browser_page
    errors = csp_errors(page)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chef")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/{call.pk}/revisions/{call.latest_revision.pk}/view/")
    page.wait_for_function("() => document.documentElement.getAttribute('data-fr-js') === 'true'")  # DSFR ran
    assert page.evaluate("() => window.pwned === undefined")
    assert any("script-src" in error for error in errors)
