"""What axe does not check on the forms and lists (issue 15, items 3 and 4): autofill tokens,
error summary with links, hints kept in error, DSFR upload, captcha audio and refresh, heading
levels, count live regions, breadcrumb and pagination markup, one rule for canonical/hreflang."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.calls import CallIndexPageFactory, CallPageFactory
from tests.factories.intake import OfferFactory, build_intake_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def intake_site(db):
    return build_intake_site(spanish=True)


def test_personal_fields_have_autofill_tokens(client, intake_site):
    offer = client.get(intake_site["offer_form"].url).content.decode()
    for name, token in (
        ("contact_name", "name"),
        ("contact_role", "organization-title"),
        ("contact_email", "email"),
        ("contact_phone", "tel"),
        ("embassy", "organization"),
    ):
        assert re.search(rf'<input [^>]*name="{name}"[^>]*autocomplete="{token}"', offer), name
    label = client.get(intake_site["label_form"].url).content.decode()
    assert re.search(r'<input [^>]*name="authority_name"[^>]*autocomplete="organization"', label)


def test_error_summary_links_to_each_field_and_takes_the_focus(client, intake_site):
    html = client.post(intake_site["offer_form"].url, {"contact_email": "pas-une-adresse"}).content.decode()
    summary = re.search(r'<div class="fr-alert fr-alert--error[^"]*" id="form-errors"([^>]*)>(.*?)</div>', html, re.S)
    assert summary, "no error summary"
    assert 'tabindex="-1"' in summary.group(1) and "autofocus" in summary.group(1)
    links = dict(re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary.group(2)))
    assert links["id_project_title"] == "Renseignez « Titre du projet »."
    assert links["id_themes_0"] == "Cochez au moins une case de « Domaines de coopération »."
    assert links["id_contact_email"] == "Saisissez une adresse de courriel valide."
    assert links["id_captcha_1"] == "Saisissez les caractères du code de sécurité."
    # Every link leads to an element of the page.
    for target in links:
        assert f'id="{target}"' in html, target
    # Only the summary takes the focus.
    assert html.count("autofocus") == 1
    # The hint stays next to the error message.
    email = re.search(r'<input type="email" name="contact_email"[^>]*>', html).group(0)
    assert 'aria-describedby="id_contact_email_helptext id_contact_email-desc-error"' in email
    assert 'id="id_contact_email_helptext"' in html and 'id="id_contact_email-desc-error"' in html


def test_error_messages_in_spanish_name_the_field(client, intake_site):
    html = client.post(intake_site["offer_form_es"].url, {}).content.decode()
    assert "Complete «Nombre de la autoridad local»." in html


def test_upload_component_captcha_and_privacy_heading(client, intake_site):
    html = client.get(intake_site["offer_form"].url).content.decode()
    upload = re.search(r'<div class="fr-upload-group">(.*?)</div>', html, re.S).group(1)
    assert "PDF, ODT, DOCX, JPEG ou PNG" in upload
    assert re.search(r'<input type="file" name="attachments" class="fr-upload" accept="[^"]*\.pdf', upload)
    # The notice's heading follows the page's h1 without a gap (h2, not h3).
    assert '<h2 class="fr-callout__title fr-h6">Notice sur les données personnelles</h2>' in html
    # The refresh button (shown by forms/captcha.js) and the live region announcing the new code.
    assert 'data-captcha-refresh="/captcha/refresh/"' in html
    assert "Nouveau code de sécurité" in html
    assert 'role="status" data-captcha-status' in html
    # The key of the captcha is hidden: no "required", no ARIA.
    key = re.search(r'<input type="hidden" name="captcha_0"[^>]*>', html).group(0)
    assert "required" not in key and "aria-" not in key


def test_captcha_refresh_gives_a_new_image_and_key(client):
    response = client.get("/captcha/refresh/", headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    data = response.json()
    assert data["image_url"].startswith("/captcha/image/") and data["key"]


def test_counts_in_a_live_region_next_to_a_real_heading(client, intake_site):
    OfferFactory(published=True, country=intake_site["countries"]["SN"])
    html = client.get(intake_site["bourse"].url).content.decode()
    assert '<h2 class="fr-h4 fr-mb-1w" id="bourse-list-title" tabindex="-1">Les offres</h2>' in html
    assert '<p role="status" id="bourse-count">1 offre</p>' in html
    assert not re.search(r"<h\d[^>]*role=", html)
    # The map's markers are tab stops: a link goes past them to the list.
    assert '<a class="fr-link" href="#bourse-list-title">Passer la carte et aller à la liste des offres</a>' in html
    search = client.get("/fr/recherche/", {"q": "eau"}).content.decode()
    assert not re.search(r"<h\d[^>]*role=", search)
    assert '<p role="status" id="results-count">' in search
    assert '<meta name="description" content="' in search


def meta_description(html):
    """The content of the page's one meta description (the test fails when there is none or two)."""
    (content,) = re.findall(r'<meta name="description" content="([^"]*)">', html)
    return content


def test_meta_descriptions_of_call_bourse_form_and_search_in_the_page_language(client, intake_site):
    """Each page type describes itself, in its own words and in the language of the page: the
    call by its summary (it has no intro), the Bourse and the form by their intro, search by a
    translated sentence."""
    call = CallPageFactory(parent=CallIndexPageFactory(), summary="Soutien aux jumelages <Afrique>.")
    descriptions = {
        "call": meta_description(client.get(call.url).content.decode()),
        "bourse": meta_description(client.get(intake_site["bourse"].url).content.decode()),
        "form": meta_description(client.get(intake_site["offer_form"].url).content.decode()),
        "search": meta_description(client.get("/fr/recherche/", {"q": "eau"}).content.decode()),
    }
    assert descriptions == {
        "call": "Soutien aux jumelages &lt;Afrique&gt;.",
        "bourse": "Des collectivités étrangères cherchent un partenaire français.",
        "form": "Formulaire des ambassades.",
        "search": "Rechercher dans les actualités, les appels à projets, les offres de partenariat "
        "et les pages du portail de la coopération décentralisée.",
    }
    # Translated pages are described in their language.
    intake_site["offer_form_es"].intro = "<p>Formulario de las embajadas.</p>"
    intake_site["offer_form_es"].save_revision().publish()
    html = client.get(intake_site["offer_form_es"].url).content.decode()
    assert meta_description(html) == "Formulario de las embajadas."
    with translation.override("es"):
        search_es = reverse("search")
    with translation.override("ar"):
        search_ar = reverse("search")
    assert meta_description(client.get(search_es, {"q": "agua"}).content.decode()).startswith("Buscar en las noticias")
    assert meta_description(client.get(search_ar, {"q": "ماء"}).content.decode()).startswith("ابحث في الأخبار")
    # A search description chosen by the editor comes first.
    call.search_description = "Appel pour les jumelages africains."
    call.save_revision().publish()
    assert meta_description(client.get(call.url).content.decode()) == "Appel pour les jumelages africains."


def test_current_breadcrumb_item_is_not_a_link_without_address(client, intake_site):
    html = client.get(intake_site["offer_form"].url).content.decode()
    assert '<span class="fr-breadcrumb__link" aria-current="page">' in html
    assert not re.search(r"<a(?![^>]*href)[^>]*>", html)


def test_record_hreflang_points_to_the_same_record_under_the_configured_root(client, intake_site, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cncd.example.org"
    offer = OfferFactory(published=True, country=intake_site["countries"]["SN"])
    with translation.override("fr"):
        url = offer.get_absolute_url()
    html = client.get(url).content.decode()
    assert f'<link rel="canonical" href="https://cncd.example.org{url}">' in html
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html))
    assert alternates["fr"] == f"https://cncd.example.org{url}"
    assert alternates["es"].startswith("https://cncd.example.org/es/") and alternates["es"].endswith(
        f"/{offer.reference}/"
    )
