"""PostgreSQL text search configurations of the portal: stemming per language, accents folded.

``portal_fr`` is French stemming after ``unaccent`` (so "coopération", "cooperation" and
"coopérations" share one lexeme); ``portal_en`` does the same in English; ``portal_es`` stems
Spanish (accents kept, see below); ``portal_ar`` uses PostgreSQL's Arabic stemmer; ``portal_simple`` (autocomplete) only
lowercases and folds accents. Nothing happens on other databases (SQLite has no such thing).
"""

from django.db import migrations

# name: (configuration copied, dictionaries of words). Spanish keeps its accents: its stemmer
# only knows accented suffixes ("cooperación" and "cooperaciones" give "cooper", but
# "cooperacion" would not), so stemming wins over accent folding there.
CONFIGURATIONS = {
    "portal_fr": ("french", "unaccent, french_stem"),
    "portal_en": ("english", "unaccent, english_stem"),
    "portal_es": ("spanish", "spanish_stem"),
    "portal_ar": ("arabic", "unaccent, arabic_stem"),
    "portal_simple": ("simple", "unaccent, simple"),
}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        for name, (source, dictionaries) in CONFIGURATIONS.items():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source})")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} "
                f"ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part "
                f"WITH {dictionaries}"
            )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in CONFIGURATIONS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configurations, drop_configurations, elidable=False)]
