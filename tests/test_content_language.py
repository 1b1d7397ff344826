"""Content in another language than the page's carries ``lang``/``dir`` (WCAG 3.1.2, RGAA 8.7);
dates and lists follow the page's language through CLDR (issue 15, item 2)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from tests.factories.intake import OfferFactory, build_intake_site

pytestmark = pytest.mark.django_db


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load portal_tags %}" + source).render(Context(context))


def test_french_offer_is_marked_french_on_a_spanish_page_and_not_on_a_french_one(client):
    site = build_intake_site(spanish=True)
    offer = OfferFactory(published=True, country=site["countries"]["MX"], project_title="Centre historique")
    with translation.override("es"):
        spanish_url = offer.get_absolute_url()
        list_url = site["bourse_es"].url
    assert spanish_url.startswith("/es/")
    html = client.get(spanish_url).content.decode()
    assert '<h1 lang="fr" dir="ltr">Centre historique</h1>' in html
    assert '<html lang="es" dir="ltr"' in html
    assert 'lang="fr" dir="ltr">Centre historique</a>' in client.get(list_url).content.decode()
    with translation.override("fr"):
        french = client.get(offer.get_absolute_url()).content.decode()
    assert "<h1>Centre historique</h1>" in french


def test_lang_attrs_sets_the_direction_when_it_changes():
    assert render('<p{{ "fr"|lang_attrs }}>', "ar") == '<p lang="fr" dir="ltr">'
    assert render('<p{{ "ar"|lang_attrs }}>', "fr") == '<p lang="ar" dir="rtl">'
    assert render('<p{{ "fr"|lang_attrs }}>', "fr") == "<p>"
    assert render('<p{{ ""|lang_attrs }}>', "es") == "<p>"


def test_dates_and_lists_in_the_page_language():
    deadline = timezone.make_aware(datetime.datetime(2026, 12, 10, 23, 59))
    assert render("{{ value|datetime_text }}", "es", value=deadline) == "10 de diciembre de 2026, 23:59"
    assert render("{{ value|datetime_text }}", "fr", value=deadline) == "10 décembre 2026, 23:59"
    assert render('{{ value|date:"DATE_FORMAT" }}', "es", value=deadline) == "10 de diciembre de 2026"
    names = ["الماء", "الثقافة", "الشباب"]
    assert render("{{ names|join_list }}", "ar", names=names) == "الماء والثقافة والشباب"
    assert "," not in render("{{ names|join_list }}", "ar", names=names)
    assert render("{{ names|join_list }}", "fr", names=["Eau", "Culture", "Jeunesse"]) == "Eau, Culture et Jeunesse"
