"""Links from what people typed to the referential of authorities, when the match is certain.

Laureate rows ("Brest Métropole – Xalapa"), partnership offers and EXPE-CT requests name
authorities as text. A name links to an authority only when, folded (accents, case, apostrophes
ignored: ``normalize_name``), it names exactly one current French authority, or exactly one
partner authority of the row's country; otherwise the text stays as typed, unlinked.
"""

from collections import defaultdict

from portal.authorities import FrenchAuthority, PartnerAuthority, normalize_name


def unique_french(names):
    """``{folded name: FrenchAuthority}`` for the names that fold to exactly one current
    authority. One query."""
    folded = {normalize_name(name) for name in names if name}
    found = defaultdict(list)
    for authority in FrenchAuthority.objects.filter(search_name__in=folded, is_current=True).only(
        "pk", "kind", "code", "name", "search_name"
    ):
        found[authority.search_name].append(authority)
    return {name: rows[0] for name, rows in found.items() if len(rows) == 1}


def unique_partners(pairs):
    """``{(folded name, country id): PartnerAuthority}`` for the (name, country) pairs that name
    exactly one partner authority of that country. One query."""
    folded = {normalize_name(name) for name, _country in pairs if name}
    found = defaultdict(list)
    for partner in PartnerAuthority.objects.filter(search_name__in=folded).only("pk", "name", "search_name", "country"):
        found[(partner.search_name, partner.country_id)].append(partner)
    return {key: rows[0] for key, rows in found.items() if len(rows) == 1}


def attach_laureate_links(laureates, atlas):
    """Give each laureate row ``french_url`` and ``partner_url`` (empty when not certain) on the
    Atlas page ``atlas`` (None: no links). Two queries for the whole list."""
    laureates = list(laureates)
    for laureate in laureates:
        laureate.french_url = laureate.partner_url = ""
    if atlas is None or not laureates:
        return laureates
    french = unique_french(laureate.french_authority for laureate in laureates)
    partners = unique_partners((laureate.partner_authority, laureate.country_id) for laureate in laureates)
    for laureate in laureates:
        authority = french.get(normalize_name(laureate.french_authority))
        if authority is not None:
            laureate.french_url = atlas.french_authority_url(authority)
        partner = partners.get((normalize_name(laureate.partner_authority), laureate.country_id))
        if partner is not None:
            laureate.partner_url = atlas.partner_authority_url(partner)
    return laureates


def active_atlas():
    """The live Atlas page of the active language (of the first one created when untranslated),
    or None. One query."""
    from atlas.models import AtlasIndexPage
    from portal.i18n import active_locale

    locale_id = active_locale().pk
    pages = list(AtlasIndexPage.objects.live().public().order_by("pk"))
    return next((page for page in pages if page.locale_id == locale_id), pages[0] if pages else None)


def laureate_rows_of(authority):
    """The laureate rows whose French lead authority is typed as ``authority``'s name, when that
    name is certain (no other current authority has it). One or two queries."""
    from calls.models import Laureate

    if authority.search_name not in unique_french([authority.name]):
        return []
    rows = Laureate.objects.filter(french_authority__iexact=authority.name, page__live=True).select_related("page")
    return list(rows.order_by("-page__first_published_at", "sort_order", "pk"))


def expertise_label_of(authority):
    """The valid EXPE-CT label of ``authority`` (its request, typed with its exact name), or None."""
    from forms.models import ExpertiseLabelRequest

    return ExpertiseLabelRequest.objects.labelled().filter(authority_name__iexact=authority.name).first()


def offers_of(partner):
    """The published Bourse offers made by ``partner`` (its exact name, in its country), when
    the name names no other partner authority of that country."""
    from forms.models import PartnershipOffer

    if (partner.search_name, partner.country_id) not in unique_partners([(partner.name, partner.country_id)]):
        return []
    offers = PartnershipOffer.objects.published().filter(authority_name__iexact=partner.name, country=partner.country)
    return list(offers.order_by("-published_at", "-pk"))


def localized_page(model):
    """The live page of type ``model`` in the active language (else any), or None."""
    from portal.i18n import active_locale

    pages = model.objects.live().public()
    return pages.filter(locale=active_locale()).first() or pages.order_by("pk").first()
