"""Themes and countries of intake records shown in the visitor's language.

Records point at the French (source) themes and countries; pages show their translation in the
active locale, matched by ``translation_key``, with one query per model for a whole listing.
"""

from portal.i18n import translations_by_key
from portal.models import Country, Theme


def attach_localized(records):
    """Set each record's localized themes (and country) in two queries for the whole list.

    The records' themes must be prefetched (``for_listing()``).
    """
    records = list(records)
    theme_keys = {theme.translation_key for record in records for theme in record.themes.all()}
    themes = translations_by_key(Theme, theme_keys)
    with_country = [record for record in records if hasattr(record, "country_id")]
    countries = translations_by_key(Country, {record.country.translation_key for record in with_country})
    for record in records:
        record._localized_themes = sorted(
            (themes.get(theme.translation_key, theme) for theme in record.themes.all()), key=lambda t: t.name
        )
        if record in with_country:
            record._localized_country = countries.get(record.country.translation_key, record.country)
    return records


def localized_choices(model, value_field, queryset=None):
    """``(slug or ISO code, name in the active language)`` pairs for the French ``queryset``."""
    from wagtail.models import Locale

    if queryset is None:
        queryset = model.objects.filter(locale=Locale.get_default())
    sources = list(queryset)
    translated = translations_by_key(model, {obj.translation_key for obj in sources})
    pairs = [(getattr(obj, value_field), translated.get(obj.translation_key, obj).name) for obj in sources]
    return sorted(pairs, key=lambda pair: pair[1].casefold())
