"""The APD demo (demo/data/apd.yaml): loaded after the Atlas demo, it opens last year's campaign,
keeps the year before closed, and adds declarations (one validated, whose figures the Atlas's
country pages show in every language); loading it again changes nothing."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from apd.models import Campaign, Declaration, DeclarationVersion
from atlas.models import ApdFlowFigure

pytestmark = pytest.mark.django_db


def test_apd_demo_loads_once_and_feeds_the_atlas(client, site_tree, django_capture_on_commit_callbacks):
    call_command("seed_taxonomy", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_atlas_demo", stdout=io.StringIO())
        call_command("load_apd_demo", stdout=io.StringIO())
        call_command("load_apd_demo", stdout=io.StringIO())
    assert Campaign.objects.count() == 2
    assert Declaration.objects.count() == 3
    assert DeclarationVersion.objects.count() == 3
    assert sorted(Declaration.objects.values_list("status", flat=True)) == ["question", "validated", "validated"]
    assert ApdFlowFigure.objects.filter(country__iso_code="SN").exists()
    titles = {
        "fr": "Aide publique au développement déclarée",
        "en": "Official development aid declared",
        "es": "Ayuda oficial al desarrollo declarada",
        "ar": "المساعدة الإنمائية الرسمية المصرّح بها",
    }
    for code, title in titles.items():
        html = client.get(f"/{code}/atlas/pays/SN/").content.decode()
        assert title in html, code
        assert re.search(r"45\D{0,2}000", html), code
    user = get_user_model().objects.get(username="collectivite")
    assert user.check_password("demo-espace-2026")
    client.force_login(user)
    html = client.get("/fr/espace/apd/").content.decode()
    assert "Corriger" in html
