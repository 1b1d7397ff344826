"""Helpers shared by the demo-content loaders of every app.

Demo content is written once, in French, with its translations beside it (``T``). The French
page is built from the French strings; the other locales are created through wagtail-localize
(a real ``Translation`` with ``StringTranslation`` rows), so editors see demo translations
exactly as they would see their own.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class T:
    """A piece of demo text in French (the source) with its translations.

    A translation left empty means "not translated": the French text is used in that locale.
    """

    fr: str
    en: str = ""
    es: str = ""
    ar: str = ""

    def get(self, language_code: str) -> str:
        return getattr(self, language_code, "") or self.fr


LANGUAGE_CODES = ("fr", "en", "es", "ar")
TRANSLATED_LANGUAGES = ("en", "es", "ar")


def ensure_locales():
    """Create the four locales of the portal (French exists from Wagtail's migrations)."""
    from wagtail.models import Locale

    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


def strings_for(language_code, texts):
    """Map each French text of ``texts`` (``T`` values) to its translation, plus the HTML-escaped
    form that wagtail-localize extracts from rich text."""
    from django.utils.html import escape

    mapping = {}
    for text in texts:
        translated = getattr(text, language_code, "")
        if translated:
            mapping[text.fr] = translated
            mapping[escape(text.fr)] = escape(translated)
    return mapping


def collect_texts(value):
    """Every ``T`` found in a nested structure of dicts, lists and tuples."""
    if isinstance(value, T):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from collect_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from collect_texts(item)


def translate(instance, language_code, texts, update=False):
    """Translate a page or snippet into ``language_code`` through wagtail-localize.

    ``texts`` holds the ``T`` values used to build the French instance; each string segment
    whose French text is among them gets its translation, the others keep the French text.
    An existing translation is kept as it is unless ``update`` is true. Returns the translated
    instance.
    """
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not update:
        return existing
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    mapping = strings_for(language_code, texts)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        data = mapping.get(segment.string.data)
        if data:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": data},
            )
    translation.save_target(publish=True)
    return instance.get_translation(locale)


DEMO_ACCOUNTS = [
    # username, password, group, superuser
    ("admin", "demo-admin-2026", None, True),
    ("editeur", "demo-editeur-2026", "Éditeurs", False),
    ("moderateur", "demo-moderateur-2026", "Modérateurs", False),
    ("instructeur", "demo-instructeur-2026", "Instructeurs", False),
]


def ensure_demo_accounts():
    """Local demo accounts, one per group (documented in the README; refused in production)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.exceptions import ImproperlyConfigured

    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo accounts have public passwords: they are refused in production mode.")
    User = get_user_model()
    for username, password, group_name, is_superuser in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": username.capitalize()},
        )
        user.is_superuser = user.is_staff = is_superuser
        user.set_password(password)
        user.save()
        if group_name:
            user.groups.set([Group.objects.get(name=group_name)])
