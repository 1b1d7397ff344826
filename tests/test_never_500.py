"""No public URL answers 5xx, whatever the query string, path or form body (hypothesis).

Runs on a small site with a page of every type. Requests that change nothing (GET) are fuzzed on
every public route; the intake forms are fuzzed with POST bodies that must never store a record.
"""

import re
import string

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from forms.models import ExpertiseLabelRequest, PartnershipOffer
from tests.factories import ThemeFactory
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory, LaureatesPageFactory
from tests.factories.intake import LabelRequestFactory, OfferFactory, build_intake_site
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

PARAMETERS = ["q", "page", "theme", "country", "year", "category", "status", "type", "call", "region", "authority_type"]
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
text = st.text(alphabet=st.characters(codec="utf-8"), max_size=60) | st.sampled_from(
    [
        "",
        "-1",
        "0",
        "99999999999999999999",
        "abc",
        "2024",
        "' OR 1=1 --",
        "&|!:*()",
        '"',
        "\x00",
        "🙂",
        "مرحبا",
        "é" * 1000,
    ]
)


@pytest.fixture
def public_urls(db):
    """Every public route: each live page, and each argument-free route of routable pages."""
    site = build_intake_site()
    home = site["homes"]["fr"]
    theme = ThemeFactory(name="Jeunesse", slug="jeunesse")
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, themes=[theme])
    NewsPageFactory(parent=news, event=True)
    calls = CallIndexPageFactory(parent=home)
    call = CallPageFactory(parent=calls, themes=[theme])
    LaureateFactory(page=call)
    LaureatesPageFactory(parent=calls)
    OfferFactory(published=True, country=site["countries"]["SN"])
    LabelRequestFactory(labelled=True)
    urls = {"/sitemap.xml", "/robots.txt", "/health/", "/fr/recherche/", "/fr/recherche/suggestions/"}
    for page in Page.objects.live().specific():
        url = page.url
        if url is None:
            continue
        urls.add(url)
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_subpage_urls():
                route = str(pattern.pattern)
                if "<" not in route and "(" not in route:
                    urls.add(url + route.lstrip("^").rstrip("$"))
    form_urls = [site["offer_form"].url, site["label_form"].url]
    return sorted(urls), form_urls


@pytest.mark.django_db
@FUZZ
@given(data=st.data())
def test_get_never_answers_5xx(public_urls, data):
    urls, _ = public_urls
    url = data.draw(st.sampled_from(urls))
    params = data.draw(st.dictionaries(st.sampled_from(PARAMETERS) | text, text, max_size=4))
    response = Client().get(url, params)
    assert response.status_code < 500, (url, params, response.status_code)


@pytest.mark.django_db
@FUZZ
@given(path=st.text(alphabet=string.ascii_letters + string.digits + "-_./%~é€😀", max_size=80))
def test_random_paths_never_answer_5xx(path):
    for prefix in ("/fr/", "/ar/", "/"):
        response = Client().get(prefix + re.sub(r"^/+", "", path))
        assert response.status_code < 500, (prefix, path, response.status_code)


@pytest.mark.django_db
@FUZZ
@given(data=st.data())
def test_invalid_form_bodies_are_refused_and_store_nothing(public_urls, data):
    _, form_urls = public_urls
    url = data.draw(st.sampled_from(form_urls))
    body = data.draw(st.dictionaries(text, text | st.lists(text, max_size=3), max_size=12))
    before = PartnershipOffer.objects.count(), ExpertiseLabelRequest.objects.count()
    response = Client(REMOTE_ADDR=data.draw(st.ip_addresses(v=4)).exploded).post(url, body)
    assert response.status_code < 500, (url, body, response.status_code)
    # Without the captcha answer no body is valid: nothing is stored.
    assert (PartnershipOffer.objects.count(), ExpertiseLabelRequest.objects.count()) == before
