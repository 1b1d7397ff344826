"""The receipt of a declaration version: a PDF made with WeasyPrint (as the Atlas's exports)."""

from django.template.loader import render_to_string
from django.utils import translation


def receipt_pdf(version):
    import weasyprint  # heavy: loaded by the task only

    with translation.override(version.language or "fr"):
        html = render_to_string(
            "apd/receipt_pdf.html",
            {
                "version": version,
                "declaration": version.declaration,
                "flows": list(version.flows.select_related("country", "project")),
                "by_country": country_rows(version.totals_by_country()),
                "LANGUAGE_CODE": version.language,
            },
        )
    return weasyprint.HTML(string=html).write_pdf()


def country_rows(pairs):
    """``[(name, total)]`` from ``[(country id, total)]`` ("several / unallocated" for none)."""
    from django.utils.translation import gettext as _

    from portal.models import Country

    names = {country.pk: country.name for country in Country.objects.filter(pk__in=[pk for pk, _t in pairs if pk])}
    return [(names.get(pk) if pk else _("Several countries / unallocated"), total) for pk, total in pairs]
