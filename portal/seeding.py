"""Content written by the project itself (French source text with its translations beside it),
turned into French objects and their wagtail-localize translations.

The seeding of production (``seed_taxonomy``) and the demo loader (``demo/``) use it. The other
locales are created through wagtail-localize — a real ``Translation`` with ``StringTranslation``
rows — so editors see these translations exactly as they would see their own, and can edit them
in the translation editor.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


@dataclass(frozen=True)
class T:
    """A piece of text in French (the source) with its translations.

    A translation left empty means "not translated": the French text is used in that locale.
    """

    fr: str
    en: str = ""
    es: str = ""
    ar: str = ""

    def get(self, language_code: str) -> str:
        return getattr(self, language_code, "") or self.fr

    def format(self, **values):
        """The same text in every language with ``values`` put in its ``{placeholders}``."""
        return T(*(text.format(**values) if text else "" for text in (self.fr, self.en, self.es, self.ar)))


LANGUAGE_CODES = ("fr", "en", "es", "ar")
TRANSLATED_LANGUAGES = ("en", "es", "ar")


def ensure_locales():
    """Create the four locales of the portal (French exists from Wagtail's migrations)."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


def strings_for(language_code, texts):
    """Map each French text of ``texts`` (``T`` values) to its translation, plus the HTML-escaped
    form that wagtail-localize extracts from rich text."""
    mapping = {}
    for text in texts:
        translated = getattr(text, language_code, "")
        if translated:
            mapping.setdefault(text.fr, translated)
            mapping.setdefault(escape(text.fr), escape(translated))
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


def translate_into(instance, texts, language_codes=TRANSLATED_LANGUAGES, update=False):
    """Translate a page or snippet into each of ``language_codes`` through wagtail-localize.

    ``texts`` holds the ``T`` values used to build the French instance; each string segment
    whose French text is among them gets its translation, the others keep the French text.

    Existing translations are kept as they are, with one exception: a page published again
    since its translations were last synchronised is synchronised the way an editor's "Sync
    translated pages" does — its new strings get their translations, the string translations
    already there (an editor may have changed them) are kept. ``update`` overwrites those too.
    The source is read once for all languages, and each language is saved in a transaction of
    its own: the translated page is published when that transaction commits, before its
    children are translated. Returns the translations it created or synchronised, by language
    code.
    """
    locales = Locale.objects.filter(language_code__in=language_codes)
    existing = {obj.locale_id: obj for obj in type(instance).objects.filter(translation_key=instance.translation_key)}
    synchronised_at = (
        TranslationSource.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id)
        .values_list("last_updated_at", flat=True)
        .first()
    )
    changed_at = getattr(instance, "last_published_at", None)
    stale = bool(synchronised_at and changed_at and synchronised_at < changed_at)
    missing = [locale for locale in locales if update or stale or existing.get(locale.pk) is None]
    translated = {}
    if not missing:
        return translated
    with transaction.atomic():
        source, created = TranslationSource.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for locale in missing:
        mapping = strings_for(locale.language_code, texts)
        wanted = {
            (segment.string_id, segment.context_id): mapping[segment.string.data]
            for segment in segments
            if segment.string.data in mapping
        }
        with transaction.atomic():
            translation, _ = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            done = StringTranslation.objects.filter(
                locale=locale, translation_of_id__in={string_id for string_id, _ in wanted}
            )
            for row in done:
                key = (row.translation_of_id, row.context_id)
                if update and key in wanted and row.data != wanted[key]:
                    row.data = wanted[key]
                    row.save(update_fields=["data"])
                wanted.pop(key, None)
            StringTranslation.objects.bulk_create(
                StringTranslation(
                    translation_of_id=string_id,
                    context_id=context_id,
                    locale=locale,
                    data=data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                )
                for (string_id, context_id), data in wanted.items()
            )
            translation.save_target(publish=True)
        translated[locale.language_code] = instance.get_translation(locale)
    return translated


def translate(instance, language_code, texts, update=False):
    """Translate a page or snippet into one language (see ``translate_into``); returns the
    translated instance."""
    translated = translate_into(instance, texts, (language_code,), update=update)
    return translated.get(language_code) or instance.get_translation(Locale.objects.get(language_code=language_code))
