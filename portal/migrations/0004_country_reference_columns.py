"""Countries become a reference table (one row per ISO code), step 1 of 3.

Adds the per-language name columns, and points every row at the one
row kept for its ISO code (``canonical``): the French one, else the oldest. The names of the
locale copies move into the kept row's columns, so no editor's wording is lost. The apps remap
their relations to the kept row (their own migrations, which run before step 3), then
``0005_country_reference`` deletes the copies and the translation fields.
"""

from django.db import migrations, models

LANGUAGES = ("fr", "en", "es", "ar")


def merge_names(apps, schema_editor):
    Country = apps.get_model("portal", "Country")
    groups = {}
    for country in Country.objects.select_related("locale").order_by("pk"):
        groups.setdefault(country.iso_code.strip().upper(), []).append(country)
    for iso_code, rows in groups.items():
        french = [row for row in rows if row.locale.language_code == "fr"]
        keeper = french[0] if french else rows[0]
        for row in [keeper] + [row for row in rows if row.pk != keeper.pk]:
            code = row.locale.language_code.split("-")[0]
            field = f"name_{code}"
            if code in LANGUAGES and not getattr(keeper, field):
                setattr(keeper, field, row.name)
        if not keeper.name_fr:  # the French name is the one every language falls back on
            keeper.name_fr = keeper.name
        keeper.iso_code = iso_code
        keeper.canonical_id = keeper.pk
        keeper.save()
        Country.objects.filter(pk__in=[row.pk for row in rows if row.pk != keeper.pk]).update(canonical=keeper)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_task_queue"),
    ]

    operations = [
        migrations.AddField(
            model_name="country",
            name="name_fr",
            field=models.CharField(default="", max_length=120, verbose_name="name in French"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="country",
            name="name_en",
            field=models.CharField(blank=True, max_length=120, verbose_name="name in English"),
        ),
        migrations.AddField(
            model_name="country",
            name="name_es",
            field=models.CharField(blank=True, max_length=120, verbose_name="name in Spanish"),
        ),
        migrations.AddField(
            model_name="country",
            name="name_ar",
            field=models.CharField(blank=True, max_length=120, verbose_name="name in Arabic"),
        ),
        migrations.AddField(
            model_name="country",
            name="canonical",
            field=models.ForeignKey(null=True, on_delete=models.deletion.SET_NULL, related_name="+", to="portal.country"),
        ),
        migrations.RunPython(merge_names, migrations.RunPython.noop),
    ]
