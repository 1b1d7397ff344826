"""Countries become a reference table (one row per ISO code), step 3 of 3.

The apps have remapped their relations to the kept rows (their migrations declare
``run_before`` this one). Wagtail's reference index is remapped the same way; wagtail-localize's
records of country translations are deleted (countries are no longer translated); then the
copies go and so do the translation fields.
"""

from django.db import migrations, models

import django.core.validators


def drop_copies(apps, schema_editor):
    Country = apps.get_model("portal", "Country")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    TranslatableObject = apps.get_model("wagtail_localize", "TranslatableObject")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    content_type = ContentType.objects.filter(app_label="portal", model="country").first()
    copies = dict(Country.objects.exclude(canonical_id=models.F("pk")).values_list("pk", "canonical_id"))
    if content_type is not None:
        for reference in ReferenceIndex.objects.filter(to_content_type=content_type, to_object_id__in=map(str, copies)):
            keeper = str(copies[int(reference.to_object_id)])
            duplicate = ReferenceIndex.objects.filter(
                base_content_type_id=reference.base_content_type_id,
                object_id=reference.object_id,
                to_content_type=content_type,
                to_object_id=keeper,
                content_path_hash=reference.content_path_hash,
            ).exists()
            if duplicate:
                reference.delete()
            else:
                reference.to_object_id = keeper
                reference.save(update_fields=["to_object_id"])
        # Their translation sources (with their segments, which protect their contexts) first,
        # then the objects (with the page segments pointing at them and their contexts).
        TranslationSource.objects.filter(object__content_type=content_type).delete()
        TranslatableObject.objects.filter(content_type=content_type).delete()
    Country.objects.filter(pk__in=copies).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_country_reference_columns"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(drop_copies, migrations.RunPython.noop),
        migrations.AlterUniqueTogether(name="country", unique_together=set()),
        migrations.RemoveField(model_name="country", name="canonical"),
        migrations.RemoveField(model_name="country", name="locale"),
        migrations.RemoveField(model_name="country", name="translation_key"),
        migrations.RemoveField(model_name="country", name="name"),
        migrations.RemoveField(model_name="country", name="zone"),
        migrations.AddField(
            model_name="country",
            name="continent",
            field=models.CharField(
                blank=True,
                choices=[("002", "Africa"), ("019", "Americas"), ("142", "Asia"), ("150", "Europe"), ("009", "Oceania")],
                max_length=3,
                verbose_name="continent",
            ),
        ),
        migrations.AddField(
            model_name="country",
            name="sub_region",
            field=models.CharField(
                blank=True,
                choices=[
                    ("015", "Northern Africa"),
                    ("202", "Sub-Saharan Africa"),
                    ("021", "Northern America"),
                    ("419", "Latin America and the Caribbean"),
                    ("143", "Central Asia"),
                    ("030", "Eastern Asia"),
                    ("035", "South-eastern Asia"),
                    ("034", "Southern Asia"),
                    ("145", "Western Asia"),
                    ("151", "Eastern Europe"),
                    ("154", "Northern Europe"),
                    ("039", "Southern Europe"),
                    ("155", "Western Europe"),
                    ("053", "Australia and New Zealand"),
                    ("054", "Melanesia"),
                    ("057", "Micronesia"),
                    ("061", "Polynesia"),
                ],
                max_length=3,
                verbose_name="sub-region",
            ),
        ),
        migrations.AlterField(
            model_name="country",
            name="iso_code",
            field=models.CharField(
                help_text="Two-letter ISO 3166-1 code, e.g. SN for Senegal.",
                max_length=2,
                unique=True,
                validators=[django.core.validators.RegexValidator("^[A-Z]{2}$", "Two capital letters, e.g. SN.")],
                verbose_name="ISO code",
            ),
        ),
        migrations.AlterModelOptions(
            name="country",
            options={"ordering": ["name_fr"], "verbose_name": "country", "verbose_name_plural": "countries"},
        ),
    ]
