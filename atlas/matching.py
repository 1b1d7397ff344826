"""Links from what people typed to the referential of authorities, when the match is certain.

Laureate rows ("Brest Métropole – Xalapa"), partnership offers and EXPE-CT requests name
authorities as text. A name links to an authority only when, folded (accents, case, apostrophes
ignored: ``normalize_name``), it names exactly one current French authority, or exactly one
partner authority of the row's country; otherwise the text stays as typed, unlinked.
"""

from atlas.models import AtlasIndexPage
from calls.models import Laureate
from forms.models import ExpertiseLabelRequest, PartnershipOffer
from portal.authorities import unique_french_authorities, unique_partner_authorities
from portal.gazetteer import normalize_name
from portal.i18n import active_locale
from portal.visibility import public


def active_atlas():
    """The live Atlas page of the active language (of the first one created when untranslated),
    or None (registered by AppConfig.ready as the page that shows authorities). One query."""
    locale_id = active_locale().pk
    pages = list(public(AtlasIndexPage.objects.live()).order_by("pk"))
    return next((page for page in pages if page.locale_id == locale_id), pages[0] if pages else None)


def laureate_rows_of(authority):
    """The laureate rows whose French lead authority is typed as ``authority``'s name, when that
    name is certain (no other current authority has it). One or two queries."""
    if authority.search_name not in unique_french_authorities([authority.name]):
        return []
    rows = Laureate.objects.filter(french_authority__iexact=authority.name, page__live=True).select_related("page")
    return list(rows.order_by("-page__first_published_at", "sort_order", "pk"))


def expertise_label_of(authority):
    """The valid EXPE-CT label of ``authority``, or None: the request that carries its SIREN, else
    one whose typed name folds (``normalize_name``) to its name when that name is certain (no
    other current authority has it). Labels are tens, not thousands: folded here, two queries."""
    labels = list(
        ExpertiseLabelRequest.objects.labelled().order_by("-published_at", "-pk").only("pk", "authority_name", "siren")
    )
    if authority.siren:
        by_siren = next((label for label in labels if label.siren == authority.siren), None)
        if by_siren is not None:
            return ExpertiseLabelRequest.objects.get(pk=by_siren.pk)
    if authority.search_name not in unique_french_authorities([authority.name]):
        return None
    by_name = next((label for label in labels if normalize_name(label.authority_name) == authority.search_name), None)
    return ExpertiseLabelRequest.objects.get(pk=by_name.pk) if by_name is not None else None


def offers_of(partner):
    """The published Bourse offers made by ``partner``: those of its country whose typed name
    folds (``normalize_name``) to its name, when that name names no other partner authority of
    the country. A country has a few offers: folded here, two queries."""
    if (partner.search_name, partner.country_id) not in unique_partner_authorities(
        [(partner.name, partner.country_id)]
    ):
        return []
    offers = PartnershipOffer.objects.published().filter(country=partner.country)
    return [
        offer
        for offer in offers.order_by("-published_at", "-pk")
        if normalize_name(offer.authority_name) == partner.search_name
    ]


def localized_page(model):
    """The live page of type ``model`` in the active language (else any), or None."""
    pages = public(model.objects.live())
    return pages.filter(locale=active_locale()).first() or pages.order_by("pk").first()
