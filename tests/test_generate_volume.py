"""The volume generator (``generate_volume``): on top of the demo, live news items and calls in
every locale, laureates, published offers; all of them on the public lists and in site search;
then the Atlas (its demo and its volume); a second run changes nothing, other counts replace,
``--clean`` removes."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.html import escape
from wagtail.models import Page

from atlas.models import AtlasIndexPage, Project
from calls.models import CallPage, Laureate
from demo.management.commands.generate_volume import OFFER_EMAIL_DOMAIN, SLUG_PREFIX
from forms.listings import OfferListing
from forms.models import PartnershipOffer
from forms.pages import BourseIndexPage
from news.models import NewsIndexPage, NewsPage
from portal.authorities import PartnerAuthority

LOCALES = ("fr", "en", "es", "ar")
SMALL = ["--news", "20", "--calls", "5", "--laureates", "50", "--big-call", "30", "--offers", "10", "--no-atlas"]
# Only the Atlas, small: its referential of French authorities is loaded whatever the counts.
ATLAS_ONLY = ["--news", "0", "--calls", "0", "--laureates", "0", "--offers", "0", "--countries", "3"]


def generate(*args):
    out = io.StringIO()
    call_command("generate_volume", *args, stdout=out)
    return out.getvalue()


def generated_news():
    return NewsPage.objects.filter(slug__startswith=SLUG_PREFIX)


def generated_calls():
    return CallPage.objects.filter(slug__startswith=SLUG_PREFIX)


def generated_offers():
    return PartnershipOffer.objects.filter(contact_email__endswith=f"@{OFFER_EMAIL_DOMAIN}")


def list_page_of(position, per_page):
    return position // per_page + 1


def assert_news_item_listed(client, item):
    """The item is on the page of its locale's news list where its rank puts it."""
    index = NewsIndexPage.objects.get(locale=item.locale)
    ranked = list(index.news_items().values_list("pk", flat=True))
    page = list_page_of(ranked.index(item.pk), NewsIndexPage.PAGE_SIZE)
    response = client.get(f"{index.url}?page={page}")
    assert response.status_code == 200
    assert escape(item.title) in response.content.decode(), (item.title, index.url, page)


def assert_offer_listed(client, offer, language_code):
    bourse = BourseIndexPage.objects.get(locale__language_code=language_code)
    ranked = list(PartnershipOffer.objects.published().order_by("-published_at", "-pk").values_list("pk", flat=True))
    page = list_page_of(ranked.index(offer.pk), OfferListing.per_page)
    response = client.get(f"{bourse.url}?page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert offer.reference in html and escape(offer.project_title) in html


@pytest.mark.django_db(transaction=True)
def test_generates_live_content_in_every_locale_on_top_of_the_demo(client):
    # An empty site: the command loads the demo first.
    output = generate(*SMALL)
    assert "running load_demo" in output
    assert Page.find_problems() == ([], [], [], [], [])

    news = generated_news()
    assert news.count() == 20
    assert news.filter(live=True, has_unpublished_changes=False).count() == 20
    for code in LOCALES:
        items = news.filter(locale__language_code=code)
        assert items.exists(), code
        for item in items:
            assert isinstance(item.get_parent().specific, NewsIndexPage)
            assert item.get_parent().locale_id == item.locale_id
            assert item.live_revision_id == item.latest_revision_id is not None
            assert item.get_latest_revision_as_object().title == item.title
            assert item.themes.filter(locale=item.locale).exists()
        item = items.first()
        assert client.get(item.url).status_code == 200
        assert_news_item_listed(client, item)
    # Every filter value of the generated items is one the list offers.
    item = news.filter(locale__language_code="fr").first()
    theme = item.themes.first()
    response = client.get(f"{item.get_parent().url}?theme={theme.slug}&year={item.date.year}&category={item.category}")
    assert escape(item.title) in response.content.decode()

    calls = generated_calls()
    assert calls.count() == 5 and calls.filter(live=True).count() == 5
    assert {call.locale.language_code for call in calls} == set(LOCALES)
    assert Laureate.objects.filter(page__in=calls).count() == 50
    big = calls.get(slug=f"{SLUG_PREFIX}00000")
    assert big.locale.language_code == "fr" and big.laureates.count() == 30
    response = client.get(big.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert all(escape(laureate.french_authority) in html for laureate in big.laureates.all())
    assert big.status == CallPage.Status.RESULTS
    for call in calls:
        assert client.get(call.get_parent().url).status_code == 200
        assert escape(call.title) in client.get(call.url).content.decode()

    offers = generated_offers()
    assert offers.count() == 10
    assert offers.published().count() == 10
    assert {offer.language for offer in offers} == set(LOCALES)
    for code in LOCALES:
        offer = offers.filter(language=code).first()
        assert_offer_listed(client, offer, code)
        assert_offer_listed(client, offer, "fr")
        assert offer.history().count() == 2

    # Indexed for site search at the end of the run.
    item = news.filter(locale__language_code="fr").first()
    # The title's words: SQLite's full-text syntax gives a colon a meaning of its own.
    response = client.get("/fr/recherche/", {"q": " ".join(re.findall(r"\w+", item.title))})
    assert item.url in response.content.decode()
    offer = offers.filter(language="fr").first()  # each language's words are stemmed its own way
    response = client.get("/fr/recherche/", {"q": offer.project_title})
    assert offer.reference in response.content.decode()

    # A second run keeps everything as it is.
    pks = set(news.values_list("pk", flat=True))
    output = generate(*SMALL)
    assert "are there already" in output and "running load_demo" not in output
    assert set(generated_news().values_list("pk", flat=True)) == pks
    assert generated_offers().count() == 10
    assert Laureate.objects.filter(page__in=generated_calls()).count() == 50

    # Other counts replace what was generated.
    generate("--news", "8", "--calls", "3", "--laureates", "12", "--offers", "4", "--no-atlas")
    assert generated_news().count() == 8 and not generated_news().filter(pk__in=pks).exists()
    assert generated_calls().count() == 3 and Laureate.objects.filter(page__in=generated_calls()).count() == 12
    assert generated_offers().count() == 4
    assert Page.find_problems() == ([], [], [], [], [])

    # --clean leaves the demo as it was.
    demo_news = NewsPage.objects.exclude(slug__startswith=SLUG_PREFIX).count()
    generate("--clean", "--no-atlas")
    assert not generated_news().exists() and not generated_calls().exists() and not generated_offers().exists()
    assert NewsPage.objects.count() == demo_news > 0
    assert Page.find_problems() == ([], [], [], [], [])
    assert client.get("/fr/actualites/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_brings_the_atlas_at_the_requested_scale(client):
    """The Atlas's demo (its pages) and its volume come with the rest, at the requested scale;
    kept on a second run, replaced with other counts, removed by ``--clean`` (the demo stays)."""
    output = generate(*ATLAS_ONLY, "--projects", "30", "--french-authorities", "120", "--partners", "12")
    assert "Atlas volume generated: 30 projects" in output
    projects = Project.objects.filter(origin="volume", status="published")
    assert projects.count() == 30
    assert PartnerAuthority.objects.filter(origin="volume").count() == 12
    atlas = AtlasIndexPage.objects.live().get(locale__language_code="fr")
    project = projects.order_by("pk").first()
    response = client.get(atlas.project_url(project))
    assert response.status_code == 200 and project.title in response.content.decode()

    output = generate(*ATLAS_ONLY, "--projects", "30", "--french-authorities", "120", "--partners", "12")
    assert "Atlas volume is there already: 30 projects" in output
    generate(*ATLAS_ONLY, "--projects", "10", "--french-authorities", "120", "--partners", "12")
    assert Project.objects.filter(origin="volume").count() == 10

    demo_projects = Project.objects.exclude(origin="volume").count()
    generate("--clean")
    assert not Project.objects.filter(origin="volume").exists()
    assert not PartnerAuthority.objects.filter(origin="volume").exists()
    assert Project.objects.count() == demo_projects > 0


def test_refused_in_production_mode(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="refused in production"):
        generate(*SMALL)


def test_negative_counts_are_refused(db):
    with pytest.raises(CommandError, match="cannot be negative"):
        generate("--news", "-1")
