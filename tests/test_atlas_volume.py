"""The Atlas at volume: the generator (real French authorities, real partner places, published
projects with links, themes, SDGs and funding; kept, replaced, cleaned, refused in production),
query counts that do not grow with it, the map's data under 300 KB and the CSV export in flat memory."""

import gzip
import io
import json
import tracemalloc
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError

from atlas.models import ApdFigure, FundingLine, Project, ProjectFrenchAuthority, ProjectPartner
from atlas.volume import generate_atlas_volume
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.models import Theme
from portal.pagecache import bump_content_version
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.atlas import AtlasIndexPageFactory, FrenchAuthorityFactory

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


def test_atlas_pages_take_as_many_queries_whatever_the_volume(client, site_tree, settings):
    """The Atlas home, a country page, a filtered list and an authority's and a partner's pages on
    the generated volume, at two sizes: the same number of queries, within the budgets of
    tests/test_query_budgets.py."""
    from tests.test_query_budgets import ATLAS_BUDGETS, count_queries

    settings.PAGE_CACHE_SECONDS = 0
    for iso, name, continent in (("SN", "Sénégal", "002"), ("MX", "Mexique", "019"), ("VN", "Vietnam", "142")):
        CountryFactory(iso_code=iso, name=name, continent=continent)
    ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    page = AtlasIndexPageFactory()
    routes = {
        "atlas": (page.url, None),
        "atlas country": (f"{page.url}pays/SN/", None),
        "atlas list, filtered": (
            f"{page.url}projets/",
            {"country": "SN", "theme": "eau-assainissement", "funding": "own"},
        ),
    }

    def counts():
        """The pages of the list, and those of the first project's lead and partner (both
        generated anew with other counts)."""
        first = Project.objects.filter(origin="volume").order_by("reference").first()
        lead, partner = first.lead_link().authority, first.partner_links.first().partner
        pages = routes | {
            "atlas authority": (page.french_authority_url(lead), None),
            "atlas partner": (page.partner_authority_url(partner), None),
        }
        return {name: len(count_queries(client, url, data)[0]) for name, (url, data) in pages.items()}

    generate("--projects", "40", "--french", "150", "--partners", "30", "--countries", "3")
    few = counts()
    generate("--projects", "400", "--french", "150", "--partners", "200", "--countries", "3")
    assert Project.objects.filter(origin="volume").count() == 400
    many = counts()
    assert many == few
    assert all(many[name] <= ATLAS_BUDGETS[name] for name in many), (many, ATLAS_BUDGETS)


def bulk_projects(count, country, authority, prefix):
    """``count`` published projects, each led by ``authority`` with a partner of its own in
    ``country`` (placed on the map), a theme and two funding lines, written in bulk."""
    theme = Theme.objects.get(slug="eau-assainissement")
    projects = Project.objects.bulk_create(
        Project(
            title=f"{prefix} — accès à l’eau potable et assainissement, projet {n}",
            status="published",
            kind="cooperation",
            start_year=2015 + n % 10,
            objectives="Améliorer durablement l’accès à l’eau potable des quartiers périphériques.",
            description="Forages, bornes-fontaines, formation des comités de gestion et suivi de la qualité de l’eau.",
        )
        for n in range(count)
    )
    partners = PartnerAuthority.objects.bulk_create(
        PartnerAuthority(
            name=f"Municipalidad de San Juan Bautista {prefix} {n}",
            kind="municipality",
            country=country,
            latitude=Decimal("15.5") + Decimal(n % 997) / 100,
            longitude=Decimal("-95.1") + Decimal(n % 991) / 100,
        )
        for n in range(count)
    )
    ProjectFrenchAuthority.objects.bulk_create(
        ProjectFrenchAuthority(project=project, authority=authority, role="lead") for project in projects
    )
    ProjectPartner.objects.bulk_create(
        ProjectPartner(project=project, partner=partner, country=country)
        for project, partner in zip(projects, partners, strict=True)
    )
    Project.themes.through.objects.bulk_create(Project.themes.through(project=p, theme=theme) for p in projects)
    FundingLine.objects.bulk_create(
        FundingLine(project=project, source=source, amount=12000, year=2020)
        for project in projects
        for source in ("own", "eu")
    )
    bump_content_version()


@pytest.fixture
def volume_site(site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 0
    ThemeFactory(name="Eau et assainissement", slug="eau-assainissement")
    return {
        "page": AtlasIndexPageFactory(),
        "country": CountryFactory(iso_code="MX", name="Mexique", continent="019"),
        "authority": FrenchAuthorityFactory(kind="epci", code="242900314", name="Brest Métropole"),
    }


def test_world_map_data_of_ten_thousand_partners_is_under_300_kb_compressed(client, volume_site):
    """The map's data at the documents' scale (10,000 partner authorities with coordinates, each
    with its project): every partner is there, and it stays under 300 KB gzipped."""
    bulk_projects(10_000, volume_site["country"], volume_site["authority"], "Oaxaca")
    response = client.get(f"{volume_site['page'].url}carte/donnees/")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert len(data["points"]) == 10_000
    assert data["countries"] == {"484": 10_000}
    assert len(gzip.compress(response.content)) < 300_000


def test_csv_export_streams_in_flat_memory(client, volume_site):
    """The CSV export of the whole list, streamed: the Python allocation peak while reading 5,000
    rows is about that of 600 rows (one chunk of projects and their links at a time), while the
    file is eight times larger."""

    def export():
        cache.clear()
        response = client.get(f"{volume_site['page'].url}projets/export/csv/")
        assert response.status_code == 200 and response.streaming
        tracemalloc.start()
        size = sum(len(chunk) for chunk in response.streaming_content)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return size, peak

    bulk_projects(600, volume_site["country"], volume_site["authority"], "Oaxaca")
    few_size, few_peak = export()
    bulk_projects(4_400, volume_site["country"], volume_site["authority"], "Puebla")
    many_size, many_peak = export()
    assert many_size > 7 * few_size
    assert many_peak < 1.5 * few_peak, (few_peak, many_peak)
