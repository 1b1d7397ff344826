"""A page or record shown untranslated says so and leads to its original; its content carries the
original's language (issue 15: untranslated pages do not pretend)."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from portal.seeding import T, translate_into
from tests.factories import build_site
from tests.factories.calls import CallIndexPageFactory, CallPageFactory
from tests.factories.intake import OfferFactory, build_intake_site

pytestmark = pytest.mark.django_db

TITLE = "Appel à projets jeunesse"
SUMMARY = "Soutien aux projets des jeunes."


def translated(page, texts):
    """``page`` translated through wagtail-localize (see ``portal.seeding``), each language published."""
    for version in translate_into(page, texts).values():
        if not version.live:
            version.save_revision().publish()


@pytest.fixture
def calls():
    build_site()
    index = CallIndexPageFactory()
    translated(index, [T("Appels à projets", en="Calls for projects", ar="الدعوات لتقديم المشاريع")])
    call = CallPageFactory(parent=index, title=TITLE, slug="jeunesse", summary=SUMMARY)
    return index, call


def test_a_synchronised_page_not_yet_translated_says_so_and_links_to_the_french_one(client, calls):
    _, call = calls
    translated(call, [])  # wagtail-localize made the pages; no translator has worked on them
    with translation.override("fr"):
        french_url = call.url
    arabic = call.get_translation(Locale.objects.get(language_code="ar"))
    html = client.get(arabic.url).content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert "لم تُترجم هذه الصفحة بعد: تُعرض باللغة الفرنسية." in html
    assert f'<a class="fr-notice__link" href="{french_url}" hreflang="fr">اقرأها باللغة الفرنسية</a>' in html
    assert f'<h1 lang="fr" dir="ltr">{TITLE}</h1>' in html
    assert f'<p class="fr-text--lead" lang="fr" dir="ltr">{SUMMARY}</p>' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    english = client.get(call.get_translation(Locale.objects.get(language_code="en")).url).content.decode()
    assert "This page has not been translated yet: it is shown in French." in english
    # The French page does not offer the untranslated copies as its translations.
    french = client.get(french_url).content.decode()
    assert 'hreflang="ar"' not in french.split("</head>")[0]
    assert "fr-notice__link" not in french
    assert f"<h1>{TITLE}</h1>" in french


def test_a_translated_page_has_no_notice(client, calls):
    _, call = calls
    translated(call, [T(TITLE, ar="دعوة الشباب"), T(SUMMARY, ar="دعم مشاريع الشباب.")])
    html = client.get(call.get_translation(Locale.objects.get(language_code="ar")).url).content.decode()
    assert "<h1>دعوة الشباب</h1>" in html
    assert "fr-notice__link" not in html
    assert "noindex" not in html
    assert 'hreflang="ar" href=' in html.split("</head>")[0]


def test_an_alias_of_the_french_page_is_untranslated(client, calls):
    index, call = calls
    arabic_index = index.get_translation(Locale.objects.get(language_code="ar"))
    alias = call.copy_for_translation(Locale.objects.get(language_code="ar"), alias=True)
    assert alias.get_parent().pk == arabic_index.pk
    html = client.get(alias.url).content.decode()
    assert "لم تُترجم هذه الصفحة بعد" in html
    assert f'<h1 lang="fr" dir="ltr">{TITLE}</h1>' in html


def test_an_offer_written_in_french_on_a_spanish_page_offers_the_french_page(client):
    site = build_intake_site(spanish=True)
    offer = OfferFactory(published=True, country=site["countries"]["MX"], project_title="Centre historique")
    with translation.override("fr"):
        french_url = offer.get_absolute_url()
    with translation.override("es"):
        spanish_url = offer.get_absolute_url()
    html = client.get(spanish_url).content.decode()
    assert "Este contenido se escribió en francés y no se ha traducido." in html
    assert f'href="{french_url}" hreflang="fr">Leerlo en francés</a>' in html
    french = client.get(french_url).content.decode()
    assert "fr-notice__link" not in french
