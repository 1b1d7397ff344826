"""The public side of the intake: the Bourse list (filters, pagination, map data), the offer
pages, the labelled authorities, escaping, and what site search reads."""

import datetime
import json

import pytest
from django.utils import timezone, translation

from forms.models import ExpertiseLabelRequest, PartnershipOffer
from tests.factories.intake import LabelRequestFactory, OfferFactory, build_intake_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def intake_site(db):
    return build_intake_site()


@pytest.fixture
def intake_site_es(db):
    return build_intake_site(spanish=True)


def test_bourse_lists_published_offers_only(client, intake_site):
    senegal = intake_site["countries"]["SN"]
    published = OfferFactory(published=True, country=senegal, project_title="Assainissement de Saint-Louis")
    OfferFactory(country=senegal, project_title="Offre en attente")
    OfferFactory(country=senegal, project_title="Offre refusée", status="rejected")
    html = client.get(intake_site["bourse"].url).content.decode()
    assert "Assainissement de Saint-Louis" in html
    assert published.get_absolute_url() in html
    assert "Offre en attente" not in html and "Offre refusée" not in html
    assert "1 offre" in html


def test_references_stay_whole_in_right_to_left_text(client, intake_site):
    offer = OfferFactory(published=True, country=intake_site["countries"]["SN"])
    # Isolated as left-to-right in the list's sentence, and in a <bdi> on the offer page, so that
    # Arabic pages do not reorder "BP-2000-00001" into "00001-BP-2000".
    assert f"\u2066{offer.reference}\u2069" in client.get(intake_site["bourse"].url).content.decode()
    assert f"<bdi>{offer.reference}</bdi>" in client.get(offer.get_absolute_url()).content.decode()


def test_bourse_filters_by_country_theme_region_and_type(client, intake_site):
    water, heritage = intake_site["themes"]["water"], intake_site["themes"]["heritage"]
    OfferFactory(published=True, country=intake_site["countries"]["SN"], themes=[water], project_title="Puits")
    OfferFactory(
        published=True,
        country=intake_site["countries"]["MX"],
        themes=[heritage],
        region="Oaxaca",
        authority_type="region",
        project_title="Centro histórico",
    )
    url = intake_site["bourse"].url

    def titles(query):
        html = client.get(url + query).content.decode()
        return {title for title in ("Puits", "Centro histórico") if title in html}

    assert titles("") == {"Puits", "Centro histórico"}
    assert titles("?country=MX") == {"Centro histórico"}
    assert titles("?theme=eau-assainissement") == {"Puits"}
    assert titles("?region=Oaxaca") == {"Centro histórico"}
    assert titles("?authority_type=municipality") == {"Puits"}
    # Unknown or malformed values are ignored, never an error.
    assert titles("?country=ZZ&theme=%00&authority_type[]=x&page=abc") == {"Puits", "Centro histórico"}
    assert client.get(url + "?page=999").status_code == 200


def test_filters_work_in_spanish_with_the_same_codes(client, intake_site_es):
    site = intake_site_es
    OfferFactory(published=True, country=site["countries"]["MX"], themes=[site["themes"]["heritage"]])
    html = client.get(intake_site_es["bourse_es"].url + "?theme=patrimoine").content.decode()
    assert "Patrimonio" in html and "México" in html
    assert "1 oferta" in html


def test_bourse_pagination_keeps_filters(client, intake_site):
    for _ in range(13):
        OfferFactory(published=True, country=intake_site["countries"]["SN"])
    html = client.get(intake_site["bourse"].url + "?country=SN").content.decode()
    assert "country=SN&amp;page=2" in html


def test_geojson_gives_located_filtered_offers(client, intake_site):
    offer = OfferFactory(published=True, country=intake_site["countries"]["SN"], latitude=14.69, longitude=-17.44)
    OfferFactory(published=True, country=intake_site["countries"]["SN"], latitude=None, longitude=None)
    OfferFactory(country=intake_site["countries"]["SN"])  # not published
    OfferFactory(published=True, country=intake_site["countries"]["MX"])
    response = client.get(intake_site["bourse"].url + "geojson/?country=SN")
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-17.44, 14.69]}
    assert feature["properties"]["url"] == offer.get_absolute_url()
    assert "contact_email" not in json.dumps(feature) and offer.contact_email not in response.content.decode()


def test_offer_page_shows_no_personal_data(client, intake_site):
    offer = OfferFactory(published=True, country=intake_site["countries"]["SN"], embassy_email="scac@example.org")
    response = client.get(offer.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert offer.project_title in html and "scac@example.org" in html and offer.reference in html
    assert offer.contact_name not in html and offer.contact_email not in html and offer.contact_phone not in html


@pytest.mark.parametrize("status", ["submitted", "under_review", "rejected", "archived"])
def test_unpublished_offers_have_no_public_page(client, intake_site, status):
    offer = OfferFactory(status=status, country=intake_site["countries"]["SN"])
    response = client.get(intake_site["bourse"].url + f"offres/{offer.reference}/")
    assert response.status_code == 404


def test_script_tags_render_escaped(client, intake_site):
    script = "<script>alert('xss')</script>"
    offer = OfferFactory(
        published=True,
        country=intake_site["countries"]["SN"],
        project_title=f"Titre {script}",
        description=f"Description {script}",
        authority_name=f"Commune {script}",
    )
    authority = LabelRequestFactory(labelled=True, authority_name=f"Ville {script}", competences=script)
    urls = (intake_site["bourse"].url, offer.get_absolute_url(), intake_site["labelled"].url)
    for url in (*urls, authority.get_absolute_url()):
        html = client.get(url).content.decode()
        assert script not in html, url
        assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html, url


def test_labelled_authorities_page(client, intake_site):
    water = intake_site["themes"]["water"]
    valid = LabelRequestFactory(labelled=True, authority_name="Brest Métropole", themes=[water])
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    LabelRequestFactory(labelled=True, authority_name="Label expiré", label_valid_until=yesterday)
    LabelRequestFactory(authority_name="Demande en cours")
    html = client.get(intake_site["labelled"].url).content.decode()
    assert "Brest Métropole" in html and "Eau et assainissement" in html
    assert "Label expiré" not in html and "Demande en cours" not in html
    assert valid.label_valid_until.strftime("%Y") in html
    detail = client.get(valid.get_absolute_url())
    assert detail.status_code == 200 and valid.contact_email not in detail.content.decode()
    assert client.get(intake_site["labelled"].url + "?theme=patrimoine").status_code == 200


def test_search_querysets_and_urls(intake_site_es):
    offer = OfferFactory(
        published=True, country=intake_site_es["countries"]["SN"], project_title="Assainissement des quartiers"
    )
    pending = OfferFactory(country=intake_site_es["countries"]["SN"], project_title="Assainissement en attente")
    label = LabelRequestFactory(labelled=True, authority_name="Brest Métropole")
    assert list(PartnershipOffer.objects.published()) == [offer]
    assert list(ExpertiseLabelRequest.objects.labelled()) == [label]
    assert offer.title == "Assainissement des quartiers" and label.title == "Brest Métropole"
    assert offer.listing_date == timezone.localdate()
    assert list(PartnershipOffer.objects.published().search("assainissement")) == [offer]
    assert list(ExpertiseLabelRequest.objects.labelled().search("Brest")) == [label]
    assert pending not in PartnershipOffer.objects.published().search("assainissement")
    assert offer.get_absolute_url() == f"/fr/bourse-partenariats/offres/{offer.reference}/"
    with translation.override("es"):
        assert offer.get_absolute_url() == f"{intake_site_es['bourse_es'].url}offres/{offer.reference}/"
        assert label.get_absolute_url().startswith(intake_site_es["labelled_es"].url)


def test_status_changes_keep_the_search_index_in_step(intake_site):
    from wagtail.search.backends import get_search_backend

    offer = OfferFactory(country=intake_site["countries"]["SN"], project_title="Gestion des déchets de Sousse")
    backend = get_search_backend()

    def found():
        return list(backend.search("Sousse", PartnershipOffer.objects.all()))

    assert found() == []
    offer.change_status(PartnershipOffer.Status.PUBLIC)
    assert found() == [offer]
    offer.change_status(PartnershipOffer.Status.ARCHIVED)
    assert found() == []
