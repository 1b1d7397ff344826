"""Full-page cache for anonymous visitors: per language, invalidated on publish/unpublish and on
the changes visitors see, bounded by the next call opening or closing, never for editors or
pages holding a form; menus and footer cached with the same version."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import translation
from wagtail.models import Page

from calls.models import CallPage
from forms.models import PartnershipOffer
from news.models import NewsPage
from portal.models import NavigationMenu
from tests.factories import ContentPageFactory
from tests.factories.calls import CallIndexPageFactory, CallPageFactory
from tests.factories.intake import OfferFactory, build_intake_site
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


def retitle_without_publishing(page, title):
    """Change what the database holds without any signal: only a fresh render can show it."""
    Page.objects.filter(pk=page.pk).update(title=title)
    type(page).objects.filter(pk=page.pk).update(title=title)


def test_second_anonymous_visit_is_served_from_cache_without_queries(client, site_tree, django_assert_num_queries):
    first = client.get("/fr/cadre-juridique/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/fr/cadre-juridique/")
    assert second["X-Page-Cache"] == "hit"
    assert second.status_code == 200
    assert "Cadre juridique" in second.content.decode()
    assert not second.cookies


def test_each_language_has_its_own_entry(client, site_tree):
    client.get("/fr/cadre-juridique/")
    english_url = site_tree["content_en"].url
    english = client.get(english_url)
    assert english["X-Page-Cache"] == "miss"
    assert '<html lang="en"' in english.content.decode()
    assert "Legal framework" in client.get(english_url).content.decode()
    assert "Cadre juridique" in client.get("/fr/cadre-juridique/").content.decode()


def test_publishing_invalidates_at_once(client, site_tree):
    page = site_tree["content"]
    client.get(page.url)
    retitle_without_publishing(page, "Titre jamais publié")
    assert "Titre jamais publié" not in client.get(page.url).content.decode()  # the cached page

    page = Page.objects.get(pk=page.pk).specific
    page.title = "Cadre juridique révisé"
    page.save_revision().publish()
    fresh = client.get(page.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Cadre juridique révisé" in fresh.content.decode()


def test_unpublishing_removes_the_page_at_once(client, site_tree):
    page = ContentPageFactory(title="Page éphémère", slug="ephemere")
    assert client.get("/fr/ephemere/").status_code == 200
    assert client.get("/fr/ephemere/")["X-Page-Cache"] == "hit"
    page.unpublish()
    assert client.get("/fr/ephemere/").status_code == 404


def test_logged_in_editors_never_get_cached_pages(client, site_tree):
    page = site_tree["content"]
    client.get(page.url)
    retitle_without_publishing(page, "Brouillon visible de l’éditeur")
    editor = get_user_model().objects.create_user("editrice", password="correct-horse-battery", is_staff=True)
    client.force_login(editor)
    response = client.get(page.url)
    assert "X-Page-Cache" not in response
    assert "Brouillon visible de l’éditeur" in response.content.decode()


def test_form_pages_are_never_stored(client, db):
    site = build_intake_site()
    url = site["offer_form"].url
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()
        assert response.get("X-Page-Cache") != "hit"


def test_the_nonce_of_a_cached_page_is_new_on_every_response(client, site_tree):
    client.get("/fr/")
    nonces = []
    for _ in range(2):
        response = client.get("/fr/")
        assert response["X-Page-Cache"] == "hit"
        header_nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        assert f'nonce="{header_nonce}"' in response.content.decode()
        nonces.append(header_nonce)
    assert nonces[0] != nonces[1]


def test_a_call_page_is_not_served_open_after_its_deadline(client, site_tree):
    with translation.override("fr"):
        labels = {"open": str(CallPage.Status.OPEN.label), "closed": str(CallPage.Status.CLOSED.label)}
    with time_machine.travel(datetime.datetime(2025, 6, 14, 23, 50, tzinfo=PARIS), tick=False):
        index = CallIndexPageFactory()
        call = CallPageFactory(
            parent=index, opening_date=datetime.date(2025, 5, 1), closing_date=datetime.date(2025, 6, 14)
        )
        assert labels["open"] in client.get(call.url).content.decode()
        assert client.get(call.url)["X-Page-Cache"] == "hit"
    with time_machine.travel(datetime.datetime(2025, 6, 15, 0, 0, 1, tzinfo=PARIS), tick=False):
        response = client.get(call.url)
        assert response["X-Page-Cache"] == "miss"
        assert labels["closed"] in response.content.decode()
        assert f">{labels['open']}<" not in response.content.decode()


def test_publishing_an_offer_updates_the_bourse(client, db):
    site = build_intake_site()
    offer = OfferFactory(country=site["countries"]["SN"], project_title="Maraîchage à Podor")
    assert "Maraîchage à Podor" not in client.get(site["bourse"].url).content.decode()
    offer.change_status(PartnershipOffer.Status.PUBLIC)
    assert "Maraîchage à Podor" in client.get(site["bourse"].url).content.decode()


def test_menu_changes_show_on_the_next_visit(client, site_tree, django_assert_max_num_queries):
    client.get("/fr/cadre-juridique/")
    new_page = ContentPageFactory(title="Nouvelle rubrique", slug="nouvelle-rubrique")
    menu = NavigationMenu.objects.get(placement="main")
    menu.items = [*[("link", item.value) for item in menu.items], ("link", {"page": new_page, "url": "", "label": ""})]
    menu.save()
    html = client.get("/fr/cadre-juridique/").content.decode()
    assert '<a class="fr-nav__link" href="/fr/nouvelle-rubrique/">Nouvelle rubrique</a>' in html


@override_settings(PAGE_CACHE_SECONDS=0)
def test_menus_are_cached_even_without_the_page_cache(client, site_tree, django_assert_max_num_queries):
    client.get("/fr/")
    with django_assert_max_num_queries(100) as cold:
        from django.core.cache import cache

        cache.clear()
        client.get("/fr/")
    with django_assert_max_num_queries(len(cold.captured_queries) - 3):
        html = client.get("/fr/").content.decode()
    assert '<a class="fr-nav__link" href="/fr/cadre-juridique/">Cadre juridique</a>' in html


def test_identical_searches_are_served_from_cache_and_each_one_is_counted(client, site_tree):
    from wagtail.contrib.search_promotions.models import Query

    hits = []
    for _ in range(3):
        response = client.get("/fr/recherche/?q=cadre")
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]  # never kept by browsers or shared caches
        hits.append(response.get("X-Page-Cache"))
    assert hits == [None, "hit", "hit"]  # the search's own short cache (search/views.py)
    assert Query.get("cadre").hits == 3


def test_publishing_a_news_item_refreshes_what_shows_it_and_keeps_the_rest(client, site_tree):
    """A publication no longer empties the whole cache: the item's list and the home page are
    rendered afresh, a call page elsewhere in the tree stays cached."""
    news_index = NewsIndexPageFactory(title="Actualités", slug="actualites")
    NewsPageFactory(parent=news_index, title="Assises de la coopération", slug="assises")
    call = CallPageFactory(parent=CallIndexPageFactory(), title="Appel franco-sénégalais")
    site_map = site_tree["site_map"]
    for url in ("/fr/", news_index.url, call.url, site_map.url):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"

    item = NewsPageFactory(
        parent=news_index, title="Jumelage Brest–Xalapa", slug="jumelage", live=False, date=datetime.date(2026, 12, 1)
    )
    item.save_revision().publish()

    news_list = client.get(news_index.url)
    assert news_list["X-Page-Cache"] == "miss"
    assert "Jumelage Brest–Xalapa" in news_list.content.decode()
    home = client.get("/fr/")
    assert home["X-Page-Cache"] == "miss"
    assert "Jumelage Brest–Xalapa" in home.content.decode()
    assert "Jumelage Brest–Xalapa" in client.get(site_map.url).content.decode()
    assert client.get(call.url)["X-Page-Cache"] == "hit"


def test_a_publication_during_a_render_does_not_leave_a_stale_entry(client, site_tree):
    """The tag's version is read before rendering: an entry rendered before a publication that
    lands while it renders is stale at once."""
    news_index = NewsIndexPageFactory(title="Actualités", slug="actualites")
    item = NewsPageFactory(parent=news_index, title="Version rendue", slug="rendue")
    original_render = NewsPage.serve

    def serve_while_publishing(page, request, *args, **kwargs):
        response = original_render(page, request, *args, **kwargs)
        fresh = NewsPage.objects.get(pk=page.pk)
        fresh.title = "Version publiée pendant le rendu"
        fresh.save_revision().publish()
        return response

    NewsPage.serve = serve_while_publishing
    try:
        assert "Version rendue" in client.get(item.url).content.decode()
    finally:
        NewsPage.serve = original_render
    again = client.get(item.url)
    assert again["X-Page-Cache"] == "miss"
    assert "Version publiée pendant le rendu" in again.content.decode()
