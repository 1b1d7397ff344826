"""Routing in one query (portal/page_routing.py): the page found for each address is the one
Wagtail's own walk of the tree finds, with the same 404s, and the path costs one query whatever
its depth."""

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from news.models import NewsIndexPage
from portal.page_routing import route
from tests.factories import ContentPageFactory, build_site, translate_page
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return build_site()


def wagtail_route(rf, path, language):
    """What Wagtail's own routing finds for ``/<language>/<path>``: (page pk, args) or None."""
    request = rf.get(f"/{language}/{path}")
    with translation.override(language):
        found = Page.route_for_request(request, path)
    return described(found)


def described(found):
    """(page pk, page class, view name and its arguments): comparable across two routings (the
    view of a routable page is a method bound to each routing's own instance)."""
    if found is None:
        return None
    page, args = found[0], found[1]
    if args:
        view, view_args, view_kwargs = args
        args = (view.__name__, view_args, view_kwargs)
    return (page.pk, type(page), args)


def portal_route(rf, path, language):
    request = rf.get(f"/{language}/{path}")
    with translation.override(language):
        try:
            found = route(request, path)
        except Http404:  # what Wagtail's route_for_request turns into None
            found = None
    return described(found)


def test_same_page_as_wagtail(rf, site):
    """Home pages, nested pages, a routable page's own routes and its children, a page in draft
    and a live page under it, translated and untranslated pages, unknown slugs."""
    index = NewsIndexPageFactory(title="Actualités", slug="actualites")
    item = NewsPageFactory(parent=index, title="Un article", slug="un-article")
    draft = ContentPageFactory(title="Brouillon", slug="brouillon", live=False)
    under_draft = ContentPageFactory(parent=draft, title="Publiée", slug="publiee")
    deep = ContentPageFactory(parent=under_draft, title="Profonde", slug="profonde")
    translate_page(index, "en", title="News", slug="news")
    paths = [
        "",
        "actualites/",
        "actualites/un-article/",
        "actualites/agenda/",  # a route of the routable news index
        "actualites/rss/",
        "actualites/un-article/ics/",  # a route of the routable news item
        "actualites/inconnu/",
        "brouillon/",  # in draft: 404
        "brouillon/publiee/",  # live under a draft
        "brouillon/publiee/profonde/",
        "cadre-juridique/",
        "inconnu/",
        "news/",
    ]
    for language in ("fr", "en", "es"):
        for path in paths:
            assert portal_route(rf, path, language) == wagtail_route(rf, path, language), (language, path)
    assert portal_route(rf, "actualites/un-article/", "fr")[0] == item.pk
    assert portal_route(rf, "brouillon/publiee/profonde/", "fr")[0] == deep.pk
    assert portal_route(rf, "brouillon/", "fr") is None
    assert portal_route(rf, "news/", "en")[1] is NewsIndexPage
    assert portal_route(rf, "", "en")[0] == site["homes"]["en"].pk


def test_one_query_whatever_the_depth(client, site):
    """The site is known (cached) after the first request: one query finds the pages of the path,
    one more loads the page found."""
    page = site["content"]
    for depth in range(4):
        page = ContentPageFactory(parent=page, title=f"Niveau {depth}", slug=f"niveau-{depth}")
    client.get(page.url)
    request = client.get(page.url).wsgi_request
    with CaptureQueriesContext(connection) as queries:
        found = route(request, page.url.removeprefix("/fr/"))
    assert found[0].pk == page.pk
    assert [query["sql"].split(" FROM ")[1].split(" ")[0] for query in queries.captured_queries] == [
        '"wagtailcore_page"',
        '"home_contentpage"',
    ]


def test_served_pages_and_breadcrumb(client, site):
    """A page served through the router shows its content and its whole breadcrumb."""
    index = NewsIndexPageFactory(title="Actualités", slug="actualites")
    NewsPageFactory(parent=index, title="Un article", slug="un-article")
    html = client.get("/fr/actualites/un-article/").content.decode()
    assert "Un article" in html
    breadcrumb = html.split('class="fr-breadcrumb__list"')[1].split("</ol>")[0]
    assert "Accueil" in breadcrumb and "Actualités" in breadcrumb
    assert client.get("/fr/actualites/inconnu/").status_code == 404
    assert client.get("/fr/actualites/agenda/").status_code == 200
