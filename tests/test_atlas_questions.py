"""The questions the Atlas must answer (issue 16, "done when"), asked of the demo content the way
a visitor asks them, in French and in Spanish:

- "Which French authorities cooperate with Senegal on water, since when, with which funding?":
  the project list filtered on the country and the theme names the French authorities and the
  years; each project's page gives its funding by source.
- "What does Brest Métropole do abroad?": its authority page lists its project with Xalapa, the
  call it won and its official development aid.
"""

import io
import re

import pytest
from django.core.management import call_command

from atlas.models import AtlasIndexPage
from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory

pytestmark = pytest.mark.django_db

SEEN = {
    "fr": {
        "count": "3 projets",
        "since": ("depuis 2016", "depuis 2019", "depuis 2022"),
        "funding": ("Fonds propres", "Autres financements", "Appel à projets du ministère", "AFD (FICOL)"),
        "brest": ("1 projet de coopération", "Appels à projets remportés", "Aide publique au développement"),
    },
    "es": {
        "count": "3 proyectos",
        "since": ("desde 2016", "desde 2019", "desde 2022"),
        "funding": ("Fondos propios", "Otra financiación", "Convocatoria del ministerio", "AFD (FICOL)"),
        "brest": ("1 proyecto de cooperación", "Convocatorias ganadas", "Ayuda oficial al desarrollo"),
    },
}
WATER_IN_SENEGAL = {
    "Eau potable et assainissement dans les villages du département de Matam": "Seine-Maritime",
    "Assainissement des quartiers et eaux pluviales à Ziguinchor": "Lorient",
    "Sécurité alimentaire et maraîchage dans la commune de Podor": "Haute-Savoie",
}


@pytest.fixture
def demo(site_tree, django_capture_on_commit_callbacks):
    call_command("seed_taxonomy", stdout=io.StringIO())
    call = CallPageFactory(
        parent=CallIndexPageFactory(), slug="franco-mexicain-2020", title="Appel franco-mexicain 2020", closed=True
    )
    LaureateFactory(page=call, french_authority="Brest Métropole", partner_authority="Xalapa")
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes translations on commit
        call_command("load_atlas_demo", stdout=io.StringIO())
    return {page.locale.language_code: page for page in AtlasIndexPage.objects.all()}


def text_of(html):
    """What the visitor reads: the HTML without its tags, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("language", ["fr", "es"])
def test_who_cooperates_with_senegal_on_water_since_when_with_which_funding(client, demo, language):
    atlas, seen = demo[language], SEEN[language]
    response = client.get(f"{atlas.url}projets/", {"country": "SN", "theme": "eau-assainissement"})
    assert response.status_code == 200
    html = response.content.decode()
    page = text_of(html)
    assert seen["count"] in page
    for title, authority in WATER_IN_SENEGAL.items():
        assert title in page and authority in page
    for since in seen["since"]:
        assert since in page
    assert "Francophonie et lecture publique à Saint-Louis" not in page  # Senegal, but culture

    project_urls = sorted(set(re.findall(rf'href="({re.escape(atlas.url)}projets/\d+/)"', html)))
    assert len(project_urls) == 3
    sources = set()
    for url in project_urls:
        project_page = text_of(client.get(url).content.decode())
        sources |= {source for source in seen["funding"] if source in project_page}
        if "Matam" in project_page:
            assert "Seine-Maritime" in project_page and "Département de Matam" in project_page
            assert "2016" in project_page and "150 000" in project_page.replace("\u202f", " ").replace("\xa0", " ")
    assert sources == set(seen["funding"])


@pytest.mark.parametrize("language", ["fr", "es"])
def test_what_brest_metropole_does_abroad(client, demo, language):
    atlas, seen = demo[language], SEEN[language]
    response = client.get(f"{atlas.url}collectivites/epci/242900314/")
    assert response.status_code == 200
    page = text_of(response.content.decode())
    assert "Brest Métropole" in page
    assert "Gestión del agua y protección de las cuencas de Xalapa" in page
    assert "Xalapa (M" in page  # the partner and its country (Mexique, México)
    for heading in seen["brest"]:
        assert heading in page
    assert "Appel franco-mexicain 2020" in page
