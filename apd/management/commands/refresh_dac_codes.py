"""Rewrite ``apd/data/dac_purpose_codes.csv`` from the official list.

The OECD publishes the DAC/CRS purpose codes in English and French; the IATI "Sector" codelist
(vocabulary 1, the same codes) is the machine-readable copy, as CSV files with the columns
``code``, ``name`` and ``category`` — in English at
https://iatistandard.org/reference_downloads/203/codelists/downloads/clv3/csv/en/Sector.csv and in
French at …/clv3/csv/fr/Sector.csv. Give both files (paths or URLs)::

    manage.py refresh_dac_codes --english Sector-en.csv --french Sector-fr.csv

Codes withdrawn from the list (``status`` "withdrawn") are left out; a code with no French name
keeps the English one. The command prints how many codes the file now holds.
"""

import csv
import io
import urllib.request

from django.core.management.base import BaseCommand, CommandError

from apd.purpose_codes import DATA_FILE, purpose_codes


def read_codelist(source):
    if source.startswith(("https://", "http://")):
        with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310 - an address the operator gives
            text = response.read().decode("utf-8-sig")
    else:
        with open(source, encoding="utf-8-sig") as handle:
            text = handle.read()
    rows = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = (row.get("code") or row.get("Code") or "").strip()
        if len(code) != 5 or not code.isdigit() or (row.get("status") or "").lower() == "withdrawn":
            continue
        rows[code] = {
            "name": (row.get("name") or row.get("Name") or "").strip(),
            "category": (row.get("category") or row.get("Category") or code[:3]).strip(),
        }
    return rows


class Command(BaseCommand):
    help = "Rewrite the OECD DAC purpose codes list (apd/data/dac_purpose_codes.csv) from the IATI Sector codelists."

    def add_arguments(self, parser):
        parser.add_argument("--english", required=True, help="English Sector.csv (path or URL)")
        parser.add_argument("--french", required=True, help="French Sector.csv (path or URL)")

    def handle(self, *args, **options):
        try:
            english, french = read_codelist(options["english"]), read_codelist(options["french"])
        except (OSError, csv.Error, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read the codelists: {error}") from error
        if len(english) < 50:
            raise CommandError("the English file holds fewer than 50 purpose codes: is it the Sector codelist?")
        with DATA_FILE.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["code", "category", "name_en", "name_fr"])
            for code in sorted(english):
                name_fr = french.get(code, {}).get("name") or english[code]["name"]
                writer.writerow([code, english[code]["category"], english[code]["name"], name_fr])
        purpose_codes.cache_clear()
        self.stdout.write(self.style.SUCCESS(f"{len(english)} purpose codes written to {DATA_FILE}."))
