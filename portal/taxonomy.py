"""Themes and countries in the visitor's language, and the one rule filters match them by.

Every app shows and filters taxonomy through this module (lists, item pages, feeds, exports,
forms, search facets):

- **Values are stable codes**, the same in every language: a theme's ``slug``, a country's ISO
  code. A filtered URL (``?theme=jeunesse&country=SN``) therefore works under every language
  prefix.
- **Themes** are editorial snippets translated with wagtail-localize: the copies of one theme
  share a ``translation_key``, and a page or record may point at any copy (wagtail-localize
  copies relations as they are). So a theme filter matches on ``translation_key``
  (``filter_by_theme``) and a theme is shown as its copy in the active locale, the French one
  when untranslated (``localize_themes``, ``attach_localized_themes``): one query per list.
- **Countries** are one row per ISO code with a name column per language (``Country.name`` is the
  active language's): they match on ``iso_code`` (``filter_by_country``) and cost no query to
  show.

``theme_choices`` and ``country_choices`` give the ``(code, name)`` pairs of filter and form
selects, sorted by name in the active language.
"""

import unicodedata

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from portal.models import Country, Theme
from portal.pagecache import per_content_version


def sort_key(name):
    """Alphabetical order that ignores case and accents ("Égypte" between "Djibouti" and "Érythrée")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# --- Themes -------------------------------------------------------------------------------------


def content_language(language_code=None):
    """The locale code of the active language (``fr``, ``en``…), without a query."""
    return get_supported_content_language_variant(language_code or get_language() or settings.LANGUAGE_CODE)


def _read_theme_index():
    themes = list(Theme.objects.select_related("locale"))  # ordered by name (Theme.Meta)
    by_key = {}
    for theme in themes:
        by_key.setdefault(theme.translation_key, []).append(theme)
    return (
        {(theme.translation_key, theme.locale.language_code): theme for theme in themes},
        {theme.pk: theme for theme in themes},
        by_key,
    )


def _theme_index():
    """``(copies by (translation key, language code), copies by id, copies by translation key
    in the order of their names)`` of every theme: a few dozen rows that change only when an
    editor saves a theme (which bumps the content version, portal/apps.py), read once per process
    and version instead of once per list (``portal.pagecache.per_content_version``)."""
    return per_content_version("themes", None, _read_theme_index)


def theme_copies():
    """``{(translation_key, language code): theme}`` of every theme copy. The themes are shared
    by the requests of the process: read them, never change them."""
    return _theme_index()[0]


def localize_themes(themes, language_code=None):
    """``themes`` (copies in any locale) as their copies in the active language, in the same
    order; an untranslated theme stays as it is. No query (``theme_copies``)."""
    themes = list(themes)
    if not themes:
        return []
    code = content_language(language_code)
    copies = theme_copies()
    return [copies.get((theme.translation_key, code), theme) for theme in themes]


def attach_localized_themes(objects, field="themes", language_code=None):
    """Give each object its themes in the active language, for a whole list in one query.

    ``field`` is a many-to-many (prefetched: ``localized_themes``, a list sorted by name) or a
    foreign key (``localized_theme``, a theme or None). Returns the objects as a list.
    """
    objects = list(objects)
    if not objects:
        return objects
    many = objects[0]._meta.get_field(field).many_to_many
    if many:
        own = [list(getattr(obj, field).all()) for obj in objects]
    else:
        own = [[getattr(obj, field)] if getattr(obj, field) is not None else [] for obj in objects]
    translated = iter(localize_themes([theme for themes in own for theme in themes], language_code))
    for obj, themes in zip(objects, own, strict=True):
        localized = [next(translated) for _theme in themes]
        if many:
            setattr(obj, f"localized_{field}", sorted(localized, key=lambda theme: sort_key(theme.name)))
        else:
            setattr(obj, f"localized_{field}", localized[0] if localized else None)
    return objects


def theme_choices(themes=None, language_code=None):
    """``(slug, name in the active language)`` of ``themes`` (a queryset of copies in any locale;
    every theme by default), one per theme (the French copy when untranslated), sorted by name.
    One query (``theme_choices_of`` gives them from theme ids without one)."""
    keys = (themes if themes is not None else Theme.objects.all()).values("translation_key")
    copies = Theme.objects.filter(translation_key__in=keys).select_related("locale")
    return _best_copies(copies, language_code)


def theme_choices_of(theme_ids, language_code=None):
    """``theme_choices`` of the themes whose copies have these ids (the values a list's rows
    point at), from the themes kept per process (``theme_copies``): no query."""
    _copies, by_id, by_key = _theme_index()
    keys = {by_id[pk].translation_key for pk in theme_ids if pk in by_id}
    return _best_copies((theme for key, themes in by_key.items() if key in keys for theme in themes), language_code)


def _best_copies(copies, language_code):
    """One ``(slug, name)`` per translation key of ``copies``: the copy in the active language,
    else the French one, else the first; sorted by name."""
    preferred = [content_language(language_code), content_language(settings.LANGUAGE_CODE)]
    best = {}
    for theme in copies:
        code = theme.locale.language_code
        rank = preferred.index(code) if code in preferred else 2
        if theme.translation_key not in best or rank < best[theme.translation_key][0]:
            best[theme.translation_key] = (rank, theme)
    pairs = [(theme.slug, theme.name) for _rank, theme in best.values()]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def theme_names(slugs, language_code=None):
    """``{slug: name in the active language}`` for theme slugs (search facets), from the themes
    kept per process (``theme_choices_of``): no query."""
    by_id = _theme_index()[1]
    return dict(theme_choices_of([pk for pk, theme in by_id.items() if theme.slug in slugs], language_code))


def filter_by_theme(queryset, fields, slug):
    """Items of ``queryset`` whose theme (``fields``: one relation name or several, OR-ed) is the
    theme ``slug`` in any language. Multi-valued relations go through a subquery: no duplicates."""
    keys = Theme.objects.filter(slug=slug).values("translation_key")
    return _filter_related(queryset, fields, "translation_key__in", keys)


# --- Countries ----------------------------------------------------------------------------------


def all_countries():
    """``{id: country}`` of every country, in the database's order (French names): the
    referential of about 250 rows that forms and filters name, read once per process and content
    version (saving a country bumps it). Shared by the requests of the process: read them, never
    change them."""
    return per_content_version("countries", None, lambda: {country.pk: country for country in Country.objects.all()})


def country_choices(countries=None):
    """``(ISO code, name in the active language)`` of ``countries`` (every country by default,
    without a query: ``all_countries``), sorted by name. One query for a queryset."""
    countries = countries if countries is not None else all_countries().values()
    return sorted(((c.iso_code, c.name) for c in countries), key=lambda pair: sort_key(pair[1]))


def country_choices_of(country_ids):
    """``country_choices`` of the countries with these ids (the values a list's rows point at),
    from ``all_countries``: no query."""
    countries = all_countries()
    wanted = set(country_ids)
    return country_choices(country for pk, country in countries.items() if pk in wanted)


def filter_by_country(queryset, fields, iso_code):
    """Items of ``queryset`` related to the country ``iso_code`` through ``fields`` (OR-ed)."""
    return _filter_related(queryset, fields, "iso_code", iso_code)


def _filter_related(queryset, fields, lookup, value):
    fields = [fields] if isinstance(fields, str) else list(fields)
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__{lookup}": value})
    multi_valued = any(queryset.model._meta.get_field(name).many_to_many for name in fields)
    if multi_valued or len(fields) > 1:
        return queryset.filter(pk__in=queryset.model._default_manager.filter(condition).values("pk"))
    return queryset.filter(condition)
