"""Where each language version of the current page lives (switcher and hreflang links), and
linked pages shown in the active language, matched by ``translation_key``. Themes and countries
in the active language: ``portal.taxonomy``."""

from babel import Locale as BabelLocale
from django.conf import settings
from django.db import connections
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from portal.pagecache import per_content_version
from portal.visibility import public, restricted_paths


def language_versions(request, page=None):
    """One entry per language: its code, name and the address of this page in it.

    For a Wagtail page, the address is its live translation when one exists, otherwise the home
    page of that locale (``is_translation`` tells which). For other views (search, forms), the
    same view in the other language. One query for a page (``page_versions``), none otherwise.

    ``is_untranslated``: that language's page exists but shows the original's text (see
    ``untranslated_languages``); ``is_original``: the page it was translated from.
    """
    current = get_language()
    versions = []
    if page is not None and getattr(page, "translation_key", None):
        pages = page_versions(page.translation_key)
        translations = {p.locale.language_code: p for p in pages if p.translation_key == page.translation_key}
        homes = {p.locale.language_code: p for p in pages if p.depth == 2}
        # A route of a routable page (an offer of the Bourse: …/offres/BP-2026-00002/) is the same in
        # every language: each version points to the same record, not to the list.
        untranslated, original = untranslated_languages(translations)
        page_url = page.get_url(request) or ""
        route = request.path[len(page_url) :] if page_url and request.path.startswith(page_url) else ""
        for code, name in settings.LANGUAGES:
            target = translations.get(code) or homes.get(code)
            if target is None:
                continue
            url = target.get_url(request) + (route if code in translations else "")
            versions.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "full_url": public_url(url),
                    "is_translation": code in translations,
                    "is_untranslated": code in untranslated,
                    "is_original": code == original,
                    "is_current": code == current,
                }
            )
    else:
        path = request.get_full_path()
        for code, name in settings.LANGUAGES:
            url = translate_url(path, code)
            versions.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "full_url": public_url(url),
                    "is_translation": True,
                    "is_untranslated": False,
                    "is_original": False,
                    "is_current": code == current,
                }
            )
    return versions


PAGE_VERSIONS_SQL = """
SELECT page.*,
       (SELECT source_locale.language_code
          FROM wagtail_localize_translation translation
          JOIN wagtail_localize_translationsource source ON source.id = translation.source_id
          JOIN wagtailcore_locale source_locale ON source_locale.id = source.locale_id
         WHERE source.object_id = %(key)s AND translation.target_locale_id = page.locale_id
           AND translation.enabled
         LIMIT 1) AS managed_from,
       EXISTS (SELECT 1
                 FROM wagtail_localize_stringtranslation string
                 JOIN wagtail_localize_translationcontext context ON context.id = string.context_id
                WHERE context.object_id = %(key)s AND string.locale_id = page.locale_id) AS strings_done
  FROM wagtailcore_page page
 WHERE page.live AND (page.translation_key = %(key)s OR page.depth = 2) {public}
 ORDER BY page.path
"""


def page_versions(translation_key):
    """The live public versions of the page of ``translation_key`` and the home pages, each with
    its locale and what ``untranslated_languages`` needs to know of it: ``managed_from``, the
    language its wagtail-localize translation comes from (``None`` when it has none, or it is
    disabled), and ``strings_done``, whether a translator has translated any of its strings. One
    query.

    Written as SQL rather than built with the ORM: every page of the portal runs it, and building
    and compiling the same statement with its two subqueries through the ORM cost several times
    what the database takes to answer it. Private pages are left out as ``portal.visibility.public``
    does (not under a restricted path)."""
    connection = connections[Page.objects.db]
    params = {"key": Page._meta.get_field("translation_key").get_db_prep_value(translation_key, connection)}
    restricted = restricted_paths()
    for number, path in enumerate(restricted):
        params[f"restricted_{number}"] = path + "%"
    public = "".join(f" AND page.path NOT LIKE %(restricted_{number})s" for number in range(len(restricted)))
    pages = list(Page.objects.raw(PAGE_VERSIONS_SQL.format(public=public), params))
    locales = per_content_version("locales", None, lambda: {locale.pk: locale for locale in Locale.objects.all()})
    locale_field = Page._meta.get_field("locale")
    for version in pages:
        locale_field.set_cached_value(version, locales[version.locale_id])
        version.strings_done = bool(version.strings_done)  # SQLite answers 0 or 1
    return pages


def untranslated_languages(translations):
    """The language codes in which ``page`` exists without being translated, and the code of the
    language it comes from (``None`` when no language version is untranslated).

    Untranslated: a Wagtail alias of a page of another language (it shows that page's content),
    or a wagtail-localize translation none of whose strings has been translated yet (a synced
    page shows the source's text until a translator works on it). A page translated by hand
    (no wagtail-localize translation, or one converted to manual editing) counts as translated.
    ``translations``: the page's live versions by language code, from ``page_versions``. No
    query.
    """
    untranslated, original = set(), None
    for code, version in translations.items():
        if version.alias_of_id is not None:
            source = next((p for p in translations.values() if p.pk == version.alias_of_id), None)
            if source is not None and source.locale_id != version.locale_id:
                untranslated.add(code)
                original = source.locale.language_code
    for code, version in translations.items():
        if version.managed_from is not None and not version.strings_done and version.alias_of_id is None:
            untranslated.add(code)
            original = version.managed_from
    return untranslated, (original if untranslated else None)


def untranslated_original(versions):
    """The version of the original language when the current language's one is untranslated,
    else ``None``."""
    if not any(v["is_current"] and v["is_untranslated"] for v in versions):
        return None
    return next((v for v in versions if v["is_original"]), None)


def version_in(versions, language_code):
    """The version in ``language_code`` of the current page (the original of a record written in
    it), or ``None`` when it is the current language or not one of the portal's."""
    code = (language_code or "").split("-")[0]
    return next((v for v in versions if v["code"] == code and not v["is_current"]), None)


def language_name(code, in_language=None):
    """The name of a language in the active one, from the CLDR ("français", "French", "الفرنسية")."""
    try:
        return BabelLocale.parse((in_language or get_language() or "fr").replace("-", "_")).languages.get(code, code)
    except ValueError:
        return code


def public_url(path):
    """The address of ``path`` under the site's configured root URL (``WAGTAILADMIN_BASE_URL``,
    also used in e-mails), whatever host the request came by: canonical, hreflang and og:url
    follow one rule."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def active_locale():
    """The Locale of the active language, falling back to the default one."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def localized_pages(pages):
    """Map each page's id to its live version in the active locale (itself when untranslated).

    One query whatever the number of pages: menus must not query once per link.
    """
    pages = [p for p in pages if p is not None]
    if not pages:
        return {}
    locale = active_locale()
    translated = {
        p.translation_key: p
        for p in public(Page.objects.live()).filter(
            translation_key__in={p.translation_key for p in pages}, locale=locale
        )
    }
    return {p.pk: translated.get(p.translation_key, p) for p in pages}
