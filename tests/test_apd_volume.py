"""The generated volume of APD declarations (demo/apd_volume.py): declarations of each year with
their versions and flows, the Atlas's figures of the validated ones; a second run adds nothing;
``--clean`` removes them."""

import io

import pytest
from django.core.management import call_command

from apd.models import Declaration, DeclarationVersion, Flow
from atlas.models import ApdFlowFigure
from tests.factories import CountryFactory
from tests.factories.accounts import commune

pytestmark = pytest.mark.django_db


def test_generate_apd_volume_small(site_tree):
    CountryFactory(iso_code="SN", name="Sénégal", continent="002")
    for number in range(6):
        commune(code=f"29{number:03d}", siren=f"2129000{number:02d}", name=f"Commune {number}", departement_code="29")
    out = io.StringIO()
    call_command("generate_apd_volume", "--authorities", "5", "--years", "3", stdout=out)
    assert Declaration.objects.count() == 15
    assert DeclarationVersion.objects.count() == 15
    assert Flow.objects.exists() and ApdFlowFigure.objects.exists()
    assert all(d.current_version_id for d in Declaration.objects.all())
    call_command("generate_apd_volume", "--authorities", "5", "--years", "3", stdout=out)
    assert Declaration.objects.count() == 15
    call_command("generate_apd_volume", "--clean", stdout=out)
    assert not Declaration.objects.exists() and not ApdFlowFigure.objects.exists()
