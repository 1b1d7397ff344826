"""What the search indexes besides a page's own fields, and the folding of each language.

- ``taxonomy_text(obj)``: the names of an object's themes and countries in its own language, plus
  the countries' adjectives (``portal/data/demonyms.csv``), so that "Sénégal" finds a text that says
  *franco-sénégalais* and "mexicano" finds a page about Mexico.
- ``normalize(text, language)``: what PostgreSQL's stemmers do not fold, applied to the indexed
  text and to the query alike. Arabic: alef forms (أ إ آ ٱ → ا), alef maqsura (ى → ي), taa
  marbuta (ة → ه), diacritics (tashkeel) and tatweel removed. Spanish: the stemmer only knows the
  accented suffixes ``-ción`` and ``-logía``, so "cooperacion" (typed without the accent) is
  written "cooperación" before stemming; the stemmer then drops the remaining accents itself.
"""

import csv
import re
from functools import cache
from pathlib import Path

from portal.taxonomy import localize_themes

DEMONYMS_FILE = Path(__file__).resolve().parent / "data" / "demonyms.csv"

ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
SPANISH_SUFFIXES = [(re.compile(r"(?<=\w)cion\b", re.IGNORECASE), "ción"), (re.compile(r"(?<=\w)logia\b"), "logía")]


def normalize(text, language):
    """``text`` folded for the search in ``language`` (``fr``, ``en``, ``es``, ``ar``…)."""
    language = (language or "").split("-")[0]
    if language == "ar":
        return ARABIC_DIACRITICS.sub("", text).translate(ARABIC_LETTERS)
    if language == "es":
        for pattern, replacement in SPANISH_SUFFIXES:
            text = pattern.sub(replacement, text)
    return text


@cache
def demonyms():
    """{(ISO code, language): "adjectives…"} from the data file."""
    table = {}
    with DEMONYMS_FILE.open(encoding="utf-8") as data:
        rows = csv.DictReader(line for line in data if not line.startswith("#"))
        for row in rows:
            table[(row["iso"], row["language"])] = row["forms"]
    return table


def country_words(country, language):
    """A country's name and adjectives in ``language`` (French when the language is unknown)."""
    name = getattr(country, f"name_{language}", None) or country.name_fr
    return " ".join(part for part in (name, demonyms().get((country.iso_code, language), "")) if part)


def taxonomy_text(obj, language=None):
    """Names of ``obj``'s themes and countries in its language, with the countries' adjectives."""
    language = language or getattr(getattr(obj, "locale", None), "language_code", None) or "fr"
    parts = []
    names = {f.name for f in obj._meta.get_fields()}
    for field in ("themes", "theme"):
        if field in names:
            value = getattr(obj, field)
            themes = list(value.all()) if hasattr(value, "all") else [value] if value else []
            parts += [theme.name for theme in localize_themes(themes, language)]
    for field in ("countries", "country", "partner_country"):
        if field in names:
            value = getattr(obj, field)
            countries = list(value.all()) if hasattr(value, "all") else [value] if value else []
            parts += [country_words(country, language) for country in countries]
    return " ".join(dict.fromkeys(parts))
