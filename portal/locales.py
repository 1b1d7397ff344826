"""Wagtail's locales, read once per process instead of once per use.

``Locale.get_active()``, ``Locale.get_default()`` and ``page.localized`` each ask the database for
the locale of a language code (``LocaleManager.get_for_language``): five to ten identical queries
on every page (routing, menus, language switcher, lists). The portal has four locales, created
once; so the locale of each language code is kept in the process (``install``, from
``PortalConfig.ready``, puts the cached lookup in place of Wagtail's), each caller getting its own
copy of the instance. Saving or deleting a locale empties the process's copy (and bumps the
content version, ``portal/apps.py``); another server process learns a *new* locale on first use
(a miss is looked up), and a *deleted* one when it restarts — deleting a locale means deleting all
its pages, which the portal never does while serving.
"""

import copy

from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

_by_code = {}
_wagtail_get_for_language = LocaleManager.get_for_language


def get_for_language(manager, language_code):
    """``LocaleManager.get_for_language``, from the process's copy when it has the locale."""
    code = get_supported_content_language_variant(language_code)
    locale = _by_code.get(code)
    if locale is None:
        locale = _wagtail_get_for_language(manager, code)  # raises DoesNotExist as Wagtail does
        _by_code[code] = locale
    return copy.copy(locale)


def forget(**_kwargs):
    _by_code.clear()


def install():
    LocaleManager.get_for_language = get_for_language
    post_save.connect(forget, sender=Locale, dispatch_uid="portal-locales")
    post_delete.connect(forget, sender=Locale, dispatch_uid="portal-locales")
