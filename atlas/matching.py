"""The rows that name an authority, by the links stored on them.

Laureate rows ("Brest Métropole – Xalapa"), partnership offers and EXPE-CT requests name
authorities as text; when the name is certain (``portal.authorities.store_authority_links``), the
row stores a link to the authority when it is saved, and the authority pages read those links.
``link_all`` recomputes every link (``manage.py link_authorities``), for rows written in bulk or
after the referential changed.
"""

from django.db import transaction

from atlas.models import AtlasIndexPage
from calls.models import Laureate
from forms.models import ExpertiseLabelRequest, PartnershipOffer
from portal.authorities import store_authority_links
from portal.i18n import active_locale
from portal.pagecache import per_content_version
from portal.visibility import public

LINK_BATCH = 1000


def active_atlas():
    """The live Atlas page of the active language (of the first one created when untranslated),
    or None (registered by AppConfig.ready as the page that shows authorities). Kept in the
    process per content version (a top-level section: publishing, moving or restricting it bumps
    the version): no query. Shared by the requests of the process: read it, never change it."""
    locale_id = active_locale().pk

    def build():
        pages = list(public(AtlasIndexPage.objects.live()).order_by("pk"))
        return next((page for page in pages if page.locale_id == locale_id), pages[0] if pages else None)

    return per_content_version("active-atlas", locale_id, build)


def laureate_rows_of(authority):
    """The laureate rows (of live calls) linked to ``authority`` as their French lead. One query."""
    rows = Laureate.objects.filter(linked_french_authority=authority, page__live=True).select_related("page")
    return list(rows.order_by("-page__first_published_at", "sort_order", "pk"))


def expertise_label_of(authority):
    """The valid EXPE-CT label linked to ``authority`` (by its SIREN or its certain name), the
    latest, or None. One query."""
    labels = ExpertiseLabelRequest.objects.labelled().filter(linked_french_authority=authority)
    return labels.order_by("-published_at", "-pk").first()


def offers_of(partner):
    """The published Bourse offers linked to ``partner``. One query."""
    return list(
        PartnershipOffer.objects.published().filter(linked_partner_authority=partner).order_by("-published_at", "-pk")
    )


def link_all(stdout=None):
    """Recompute the stored links of every laureate row, offer and EXPE-CT request, a batch at a
    time (three queries per batch to match, one to write). Returns the number of rows linked."""
    linked = 0
    for model, fields in (
        (Laureate, ["linked_french_authority", "linked_partner_authority"]),
        (PartnershipOffer, ["linked_partner_authority"]),
        (ExpertiseLabelRequest, ["linked_french_authority"]),
    ):
        rows = model.objects.order_by("pk")
        count = 0
        last = 0
        while batch := list(rows.filter(pk__gt=last)[:LINK_BATCH]):
            last = batch[-1].pk
            store_authority_links(batch, **model.LINKING)
            with transaction.atomic():
                model.objects.bulk_update(batch, fields)
            count += sum(1 for row in batch if any(getattr(row, f"{field}_id") for field in fields))
        linked += count
        if stdout:
            stdout.write(f"{model._meta.verbose_name_plural}: {count} linked to the referential.")
    return linked


def localized_page(model):
    """The live page of type ``model`` in the active language (else any), or None."""
    pages = public(model.objects.live())
    return pages.filter(locale=active_locale()).first() or pages.order_by("pk").first()
