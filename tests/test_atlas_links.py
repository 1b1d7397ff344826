"""Laureate rows, partnership offers and EXPE-CT labels link to the referential of authorities
when the typed name is certain, and stay as typed otherwise; the link is stored when the row is
saved (``manage.py link_authorities`` stores them all again) and the authority pages list the rows
by it."""

import io

import pytest
from django.core.management import call_command

from calls.models import Laureate
from forms.models import PartnershipOffer
from tests.factories.atlas import FrenchAuthorityFactory
from tests.factories.calls import CallPageFactory, LaureateFactory
from tests.factories.intake import (
    BourseIndexPageFactory,
    LabelledAuthoritiesPageFactory,
    LabelRequestFactory,
    OfferFactory,
)
from tests.test_atlas_pages import atlas, no_page_cache  # noqa: F401

pytestmark = pytest.mark.django_db


def test_laureate_rows_link_when_certain(client, atlas):  # noqa: F811
    call = atlas["call"]
    mexico = atlas["xalapa"].country
    for laureate in call.laureates.all():
        laureate.country = mexico
        laureate.save()
    FrenchAuthorityFactory(kind="commune", code="17300", name="La Rochelle")
    FrenchAuthorityFactory(kind="commune", code="17301", name="La Rochelle")
    LaureateFactory(page=call, french_authority="La Rochelle", partner_authority="Inconnue", country=mexico)
    LaureateFactory(page=call, french_authority="brest  metropole", partner_authority="XALAPA", country=mexico)
    call.save_revision().publish()
    html = client.get(call.url).content.decode()
    assert '<th scope="row"><a href="/fr/atlas/collectivites/epci/242900314/">Brest Métropole</a></th>' in html
    assert f'<td><a href="/fr/atlas/partenaires/{atlas["xalapa"].pk}/">Xalapa</a></td>' in html
    assert '<a href="/fr/atlas/collectivites/epci/242900314/">brest  metropole</a>' in html  # folded name
    assert '<th scope="row">La Rochelle</th>' in html  # two communes: kept as typed
    assert "<td>Inconnue</td>" in html


def test_french_authority_page_lists_calls_won_and_label(client, atlas):  # noqa: F811
    labelled = LabelledAuthoritiesPageFactory()
    label = LabelRequestFactory(authority_name="Brest Métropole", labelled=True)
    youth = CallPageFactory(parent=atlas["call"].get_parent(), title="Appel à projets Jeunesse 2022", closed=True)
    LaureateFactory(page=youth, french_authority="Brest Métropole", partner_authority="Xalapa")
    html = client.get("/fr/atlas/collectivites/epci/242900314/").content.decode()
    assert "Lauréate des appels à projets du ministère" in html
    assert 'id="atlas-laureate-rows"' in html and "Appel à projets Jeunesse 2022</a>" in html
    # The call that funds one of its Atlas projects is listed once, among the calls won.
    assert html.count("Appel à projets franco-mexicain 2020</a>") == 1
    assert "Label EXPE-CT" in html
    assert f'href="{labelled.url}{label.reference}/"' in html


def test_partner_page_lists_its_offers(client, atlas):  # noqa: F811
    bourse = BourseIndexPageFactory()
    offer = OfferFactory(authority_name="Xalapa", country=atlas["xalapa"].country, published=True)
    OfferFactory(authority_name="Xalapa", country=atlas["xalapa"].country)  # not published
    html = client.get(f"/fr/atlas/partenaires/{atlas['xalapa'].pk}/").content.decode()
    assert "Ses offres sur la Bourse partenariats" in html
    assert f'<a href="{bourse.url}offres/{offer.reference}/">{offer.project_title}</a>' in html
    assert html.count('<li><a href="' + bourse.url + "offres/") == 1


def test_labels_and_offers_link_by_siren_or_folded_name(client, atlas):  # noqa: F811
    """A label request typed "brest metropole" (folded) or carrying Brest Métropole's SIREN is its
    label; an offer typed "XALAPA " is Xalapa's; a name that names two authorities links nothing."""
    labelled = LabelledAuthoritiesPageFactory()
    bourse = BourseIndexPageFactory()
    folded = LabelRequestFactory(authority_name="brest metropole", labelled=True)
    html = client.get("/fr/atlas/collectivites/epci/242900314/").content.decode()
    assert f'href="{labelled.url}{folded.reference}/"' in html
    folded.delete()
    by_siren = LabelRequestFactory(authority_name="Métropole brestoise", siren="242900314", labelled=True)
    html = client.get("/fr/atlas/collectivites/epci/242900314/").content.decode()
    assert f'href="{labelled.url}{by_siren.reference}/"' in html
    offer = OfferFactory(authority_name="XALAPA ", country=atlas["xalapa"].country, published=True)
    html = client.get(f"/fr/atlas/partenaires/{atlas['xalapa'].pk}/").content.decode()
    assert f'<a href="{bourse.url}offres/{offer.reference}/">' in html
    # Two communes named La Rochelle: a label typed "La Rochelle" is nobody's.
    FrenchAuthorityFactory(kind="commune", code="17300", name="La Rochelle")
    FrenchAuthorityFactory(kind="commune", code="17301", name="La Rochelle")
    LabelRequestFactory(authority_name="la rochelle", labelled=True)
    html = client.get("/fr/atlas/collectivites/commune/17300/").content.decode()
    assert "Label EXPE-CT" not in html


def test_saving_a_laureate_row_stores_its_links(atlas):  # noqa: F811
    xalapa = atlas["xalapa"]
    row = LaureateFactory(
        page=atlas["call"], french_authority="Brest Métropole", partner_authority="Xalapa", country=xalapa.country
    )
    row.refresh_from_db()
    assert (row.linked_french_authority.kind, row.linked_french_authority.code) == ("epci", "242900314")
    assert row.linked_partner_authority == xalapa
    # Two communes named La Rochelle: no link, the text stays as typed.
    FrenchAuthorityFactory(kind="commune", code="17300", name="La Rochelle")
    FrenchAuthorityFactory(kind="commune", code="17301", name="La Rochelle")
    ambiguous = LaureateFactory(page=atlas["call"], french_authority="La Rochelle", partner_authority="Xalapa")
    ambiguous.refresh_from_db()
    assert ambiguous.linked_french_authority is None
    assert ambiguous.linked_partner_authority is None  # no country: Xalapa of where?
    assert (ambiguous.french_authority, ambiguous.partner_authority) == ("La Rochelle", "Xalapa")
    # Typed again, saved field by field: the links follow the text.
    row.french_authority = "la rochelle"
    row.save(update_fields=["french_authority"])
    row.refresh_from_db()
    assert row.linked_french_authority is None and row.linked_partner_authority == xalapa
    offer = OfferFactory(authority_name="XALAPA", country=xalapa.country)
    assert PartnershipOffer.objects.get(pk=offer.pk).linked_partner_authority == xalapa


def test_authority_page_lists_the_won_call_by_the_stored_link(client, atlas):  # noqa: F811
    youth = CallPageFactory(parent=atlas["call"].get_parent(), title="Appel à projets Jeunesse 2022", closed=True)
    row = LaureateFactory(page=youth, french_authority="Brest Métropole", partner_authority="Xalapa")
    url = "/fr/atlas/collectivites/epci/242900314/"
    assert "Appel à projets Jeunesse 2022</a>" in client.get(url).content.decode()
    # The page reads the link, not the text: a row written without it (in bulk) is not listed…
    Laureate.objects.filter(pk=row.pk).update(linked_french_authority=None)
    assert "Appel à projets Jeunesse 2022" not in client.get(url).content.decode()
    # …until link_authorities stores the links again.
    out = io.StringIO()
    call_command("link_authorities", stdout=out)
    assert "rows linked to the referential of authorities" in out.getvalue()
    assert "Appel à projets Jeunesse 2022</a>" in client.get(url).content.decode()
    # A name that has become ambiguous in the referential loses its link on the next run.
    FrenchAuthorityFactory(kind="epci", code="200000001", name="Brest Métropole")
    call_command("link_authorities", stdout=io.StringIO())
    assert not Laureate.objects.filter(linked_french_authority__code="242900314").exists()
    assert "Appel à projets Jeunesse 2022" not in client.get(url).content.decode()
