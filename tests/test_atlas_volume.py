"""The Atlas volume generator: real French authorities, real partner places, published projects
with links, themes, SDGs and funding; a second run keeps it, other counts replace it, ``--clean``
removes it, production refuses it."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from atlas.models import ApdFigure, FundingLine, Project, ProjectFrenchAuthority, ProjectPartner
from atlas.volume import generate_atlas_volume
from portal.authorities import FrenchAuthority, PartnerAuthority
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.atlas import AtlasIndexPageFactory

pytestmark = pytest.mark.django_db

SMALL = ["--projects", "60", "--french", "150", "--partners", "40", "--countries", "3"]


def generate(*args):
    out = io.StringIO()
    call_command("generate_atlas_volume", *args, stdout=out)
    return out.getvalue()


def test_generates_keeps_replaces_and_cleans(client, site_tree):
    for iso, name in (("SN", "Sénégal"), ("MX", "Mexique"), ("VN", "Vietnam")):
        CountryFactory(iso_code=iso, name=name)
    ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    page = AtlasIndexPageFactory()

    output = generate(*SMALL)
    assert "60 projects, 150 French authorities, 40 partner authorities in 3 countries" in output
    projects = Project.objects.filter(origin="volume")
    assert projects.count() == projects.filter(status="published").count() == 60
    assert ProjectFrenchAuthority.objects.filter(project__in=projects, role="lead").count() == 60
    engaged = FrenchAuthority.objects.filter(project_links__project__in=projects).distinct()
    assert 60 <= engaged.count() <= 150  # each project has a lead, a quarter of them a second one
    partners = PartnerAuthority.objects.filter(origin="volume")
    assert partners.count() == 40
    assert set(partners.values_list("country__iso_code", flat=True)) == {"SN", "MX", "VN"}
    assert not partners.filter(latitude=None).exists()
    assert ProjectPartner.objects.filter(project__in=projects).count() >= 60
    assert FundingLine.objects.filter(project__in=projects).count() >= 60
    assert projects.filter(themes__slug="eau-assainissement").exists()
    assert projects.filter(goals__number=6).exists()
    assert ApdFigure.objects.filter(source="volume").count() == 150 * 3
    project = projects.filter(region__isnull=False).first()
    assert project.region_id == project.lead_link().authority.region_id
    response = client.get(page.project_url(project))
    assert response.status_code == 200 and project.title in response.content.decode()

    pks = set(projects.values_list("pk", flat=True))
    assert "is there already" in generate(*SMALL)
    assert set(Project.objects.filter(origin="volume").values_list("pk", flat=True)) == pks

    generate("--projects", "30", "--french", "150", "--partners", "20", "--countries", "3")
    assert Project.objects.filter(origin="volume").count() == 30
    assert PartnerAuthority.objects.filter(origin="volume").count() == 20

    generate("--clean")
    assert not Project.objects.filter(origin="volume").exists()
    assert not PartnerAuthority.objects.filter(origin="volume").exists()
    assert not ApdFigure.objects.exists()
    assert FrenchAuthority.objects.filter(kind="commune").count() > 34000  # the referential stays


def test_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="refused in production"):
        generate(*SMALL)
    with pytest.raises(Exception, match="refused in production"):
        generate_atlas_volume(projects=1)
