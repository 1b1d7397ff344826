"""Seed the 17 Sustainable Development Goals (atlas/goals.py holds their official names)."""

from django.db import migrations


def seed(apps, schema_editor):
    from atlas.goals import ensure_goals

    ensure_goals(apps.get_model("atlas", "SustainableDevelopmentGoal"))


class Migration(migrations.Migration):
    dependencies = [("atlas", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
