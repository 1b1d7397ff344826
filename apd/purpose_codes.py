"""The OECD DAC (CRS) purpose codes: the sector of each aid flow, with French and English labels.

No package on PyPI or npm ships this list with its French labels (searched on 2026-12-03:
``pip index``/``npm view`` for IATI and OECD codelists found placeholders only), so the list is
a CSV in ``apd/data/dac_purpose_codes.csv`` (columns ``code,category,name_en,name_fr``), read once
per process. Provenance: the OECD DAC "CRS purpose codes" list (version of 2024, as published by
the OECD in English and French and mirrored by the IATI "Sector" codelist, vocabulary 1); the
file currently ships the purpose codes the local authorities' declarations use (education,
health, water and sanitation, governance and decentralisation, culture, agriculture, urban and
rural development, environment, emergency aid...). ``manage.py refresh_dac_codes`` rewrites it
from the IATI codelist CSV files (English and French) of the full official list.

Spanish and Arabic pages show the English label (the OECD publishes the list in English and
French only).
"""

import csv
import functools
from pathlib import Path

from django.utils import translation

DATA_FILE = Path(__file__).resolve().parent / "data" / "dac_purpose_codes.csv"


@functools.cache
def purpose_codes():
    """``{code: {"category", "name_en", "name_fr"}}`` in the order of the file."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def label(code, language=None):
    row = purpose_codes().get(code)
    if row is None:
        return code
    language = language or translation.get_language() or "en"
    return row["name_fr"] if language.startswith("fr") else row["name_en"]


def choices():
    return [(code, f"{code} — {label(code)}") for code in purpose_codes()]
