"""Where each language version of the current page lives (switcher and hreflang links), and
linked pages shown in the active language, matched by ``translation_key``. Themes and countries
in the active language: ``portal.taxonomy``."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from portal.visibility import public


def language_versions(request, page=None):
    """One entry per language: its code, name and the address of this page in it.

    For a Wagtail page, the address is its live translation when one exists, otherwise the home
    page of that locale (``is_translation`` tells which). For other views (search, forms), the
    same view in the other language. Two queries for a page, none otherwise.
    """
    current = get_language()
    versions = []
    if page is not None and getattr(page, "translation_key", None):
        translations = {
            p.locale.language_code: p
            for p in public(Page.objects.live()).filter(translation_key=page.translation_key).select_related("locale")
        }
        homes = {
            p.locale.language_code: p for p in public(Page.objects.live()).filter(depth=2).select_related("locale")
        }
        # A route of a routable page (an offer of the Bourse: …/offres/BP-2026-00002/) is the same in
        # every language: each version points to the same record, not to the list.
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
                    "is_current": code == current,
                }
            )
    return versions


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
