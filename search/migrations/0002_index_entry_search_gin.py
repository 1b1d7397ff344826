"""The GIN index PostgreSQL needs for a search in Wagtail's database backend.

The backend matches ``title || body`` of ``wagtailsearch_indexentry`` against the query; its own
GIN indexes cover ``title`` and ``body`` one at a time, so a search read every index entry
(a sequential scan, ~0.1 s at the generated volume). This index is on the very expression the
query uses. Nothing happens on other databases.
"""

from django.db import migrations

NAME = "site_search_indexentry_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} USING gin ((title || body))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_text_search_configurations"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
