"""What the spreadsheet importers share (the laureates of a call, the Atlas projects): reading a
CSV or XLSX upload into rows, recognising column headers whatever their case and accents,
parsing amounts in euros, and finding themes and countries by code or name in any language."""

import csv
import io
import unicodedata
from decimal import Decimal, InvalidOperation

import openpyxl
from django.utils.translation import gettext as _

from portal.exports import restore
from portal.models import Country, Theme


def normalize(header):
    """A header or a label folded for matching: ``"Collectivité française"`` → ``"collectivite_francaise"``."""
    text = unicodedata.normalize("NFKD", str(header or "")).encode("ascii", "ignore").decode().strip().lower()
    for char in " -’'()€/.":
        text = text.replace(char, "_")
    return "_".join(part for part in text.split("_") if part)


def aliases(headers):
    """``{folded alias: field}`` from ``{field: [aliases]}``."""
    return {alias: key for key, names in headers.items() for alias in names}


def cell(value):
    """The text of a cell, without the quote our CSV exports put before formula-like text."""
    return "" if value is None else restore(str(value).strip()).strip()


def read_rows(upload):
    """The rows of a CSV (UTF-8 or Windows-1252, comma, semicolon or tab) or XLSX file as lists
    of cell values, header first. Raises ``ValueError`` with a message for the user."""
    data = upload.read()
    if upload.name.lower().endswith(".xlsx"):
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds on a corrupt file
            raise ValueError(_("The file is not a readable XLSX workbook.")) from error
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    text = None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    # UTF-16 (and most binary files) decode as Windows-1252 too, with NUL characters no CSV has.
    if text is None or "\x00" in text:
        raise ValueError(_("The file is neither UTF-8 nor Windows-1252 text: save it as CSV UTF-8."))
    # The header row says which separator the spreadsheet used (comma, semicolon or tab).
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def parse_amount(value):
    """An amount in euros as a Decimal with two places (``"35 000,50 €"`` → ``35000.50``);
    ``None`` for an empty cell; ``InvalidOperation`` when it is not a positive number."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value)).quantize(Decimal("0.01"))
    text = str(value).replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace("€", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    text = text.replace(",", "")
    amount = Decimal(text).quantize(Decimal("0.01"))
    if amount < 0:
        raise InvalidOperation
    return amount


def lookup_tables():
    """Countries by ISO code and by name (any language), themes by slug and by name (every
    locale, the French theme first)."""
    # Theme relations point at the French (source) snippets when they exist.
    french_themes = {t.translation_key: t for t in Theme.objects.filter(locale__language_code="fr")}
    countries, themes = {}, {}
    for country in Country.objects.all():
        countries.setdefault(country.iso_code.lower(), country)
        for name in country.names():
            countries.setdefault(normalize(name), country)
    for theme in Theme.objects.all():
        target = french_themes.get(theme.translation_key, theme)
        themes.setdefault(theme.slug.lower(), target)
        themes.setdefault(normalize(theme.name), target)
    return countries, themes
