"""Snippets of results with the searched words highlighted (``<mark>``).

Matching ignores case and accents and accepts any ending (a rough stemming: "coopérations"
highlights "coopération"), so that what is highlighted is what the engine matched.
"""

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.fields import StreamField
from wagtail.search import index

SNIPPET_LENGTH = 260
WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=8192)
def _fold_char(ch):
    return (unicodedata.normalize("NFD", ch)[0].lower() or ch)[0]


def fold(text):
    """Lowercase, accents removed, one output character per input character (offsets kept).
    Each character is folded once per process: a page of results folds some 10,000 of them."""
    return "".join(map(_fold_char, text))


def stems(query):
    """The beginnings of the query's words that a matching word must start with."""
    result = set()
    for word in WORD.findall(fold(query)):
        if len(word) < 2:
            continue
        result.add(word if len(word) <= 4 else word[: max(4, len(word) - 3)])
    return result


def searchable_text(obj):
    """The text of an object as indexed (its description first, then its body fields)."""
    parts = [getattr(obj, "search_description", "") or ""]
    for search_field in obj.get_search_fields() if isinstance(obj, index.Indexed) else []:
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        try:
            # Model fields only: methods (e.g. names of related themes) would query per result.
            search_field.get_field(type(obj))
            value = search_field.get_value(obj)
        except Exception:  # noqa: BLE001, S112 - a method or a broken field must not break the results page
            continue
        if isinstance(value, (list, tuple)):
            value = " ".join(str(item) for item in value)
        parts.append(str(value or ""))
    return " ".join(strip_tags(" ".join(part for part in parts if part)).split())


def load_streams_together(objects):
    """Convert the searched StreamFields of ``objects`` all at once, before their snippets are read.

    Reading a stream loads the objects its blocks point at (images, documents, pages): one query
    per block type and per object when each stream loads itself, one per block type for the
    whole list this way.
    """
    owners = defaultdict(list)
    for obj in objects:
        for search_field in obj.get_search_fields() if isinstance(obj, index.Indexed) else []:
            if not isinstance(search_field, index.SearchField):
                continue
            try:
                model_field = search_field.get_field(type(obj))
            except FieldDoesNotExist:  # a method: searchable_text leaves it out too
                continue
            if isinstance(model_field, StreamField):
                owners[model_field].append(obj)
    for model_field, objs in owners.items():
        raw_streams = [list(getattr(obj, model_field.attname).raw_data) for obj in objs]
        for obj, stream in zip(objs, model_field.stream_block.bulk_to_python(raw_streams), strict=True):
            setattr(obj, model_field.attname, stream)


@lru_cache(maxsize=64)
def _matcher(query):
    """The words (``WORD``) that start with one of the query's stems, as one expression."""
    wanted = sorted(stems(query), key=len, reverse=True)
    if not wanted:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, wanted)) + r")\w*", re.UNICODE)


def highlight(text, query, length=SNIPPET_LENGTH):
    """An extract of ``text`` around the first matched word, matches in ``<mark>``, HTML-escaped.

    ``length=None`` keeps the whole text (titles).
    """
    matches = list(_matcher(query).finditer(fold(text)))
    start, end = 0, len(text)
    if length is not None:
        if matches and matches[0].start() > length // 3:
            start = text.rfind(" ", 0, matches[0].start() - length // 4) + 1
        end = min(len(text), start + length)
        if end < len(text):
            end = max(text.rfind(" ", start, end), start + length // 2)
    pieces, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece escaped above


def highlight_title(title, query):
    return highlight(title, query, length=None)


def snippet(obj, query):
    text = searchable_text(obj)
    return highlight(text, query) if text else ""
