"""Point partnership offers at the one row kept for each country (see portal.0004/0005)."""

from django.db import migrations

from portal.country_migration import remap_countries


def forwards(apps, schema_editor):
    remap_countries(apps, "intake", "PartnershipOffer", foreign_keys=["country"])


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0003_remove_outgoingemail_single_addresses"),
        ("portal", "0004_country_reference_columns"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]
    run_before = [("portal", "0005_country_reference")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
