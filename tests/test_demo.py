"""The demo (``load_demo``, ``demo/data/*.yaml``): every text in four languages, a complete portal in
each locale built through wagtail-localize, indexed for search, idempotent, and the same on
SQLite (``make run``) as on PostgreSQL."""

import datetime
import io
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail_localize.models import StringTranslation

from demo.loader import DATA_DIR, read
from forms.models import ExpertiseLabelRequest, PartnershipOffer
from portal.models import NavigationMenu, Theme
from portal.seeding import T

ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]")


def texts(value, path=""):
    """Every (path, text) of a data file; the records' texts are versions by language, not
    translations, and are left out."""
    if isinstance(value, T):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "records":
                yield from texts(item, f"{path}/{value.get('slug', key) if key == 'children' else key}")
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from texts(item, f"{path}[{number}]")


@pytest.mark.parametrize("name", sorted(path.stem for path in DATA_DIR.glob("*.yaml")))
def test_every_demo_text_has_its_english_spanish_and_arabic_translation(name):
    found = list(texts(read(name)))
    for path, text in found:
        assert text.en and text.es and text.ar, (name, path, text.fr)
        assert ARABIC_LETTERS.search(text.ar), (name, path, text.ar)
    if name != "accounts":
        assert found


def year_of(days_from_today):
    return (timezone.localdate() + datetime.timedelta(days=days_from_today)).year


# What a visitor reads in each language: the home page's hero and "Find your way" block with its
# first tile, an open call on the call list (the "Jeunesse" call of the current year closes in
# nine days), a past call's page, a news item on the news list and another one's page.
PAGES = {
    "fr": {
        "hero": "Coopérer entre territoires, en France et dans le monde",
        "find_your_way": "Orientez-vous",
        "calls_tile": "Appels à projets",
        "open_call": "Appel à projets Jeunesse {year}",
        "call": "Appel à projets Jeunesse 2024",
        "listed_news": "Rencontre : la coopération décentralisée pour l’eau et l’assainissement",
        "news": "Aide humanitaire au Liban : appel aux contributions des collectivités",
        "menu_item": "Les réseaux régionaux multi-acteurs",
    },
    "en": {
        "hero": "Local authorities working together, in France and around the world",
        "find_your_way": "Find your way",
        "calls_tile": "Calls for projects",
        "open_call": "Youth call for projects {year}",
        "call": "Youth call for projects 2024",
        "listed_news": "Meeting: decentralised cooperation for water and sanitation",
        "news": "Humanitarian aid to Lebanon: local authorities are invited to contribute",
        "menu_item": "Regional multi-stakeholder networks",
    },
    "es": {
        "hero": "Territorios que cooperan, en Francia y en el mundo",
        "find_your_way": "Oriéntese",
        "calls_tile": "Convocatorias de proyectos",
        "open_call": "Convocatoria Juventud {year}",
        "call": "Convocatoria Juventud 2024",
        "listed_news": "Encuentro: la cooperación descentralizada para el agua y el saneamiento",
        "news": "Ayuda humanitaria al Líbano: llamamiento a las contribuciones de los gobiernos locales",
        "menu_item": "Las redes regionales multiactor",
    },
    "ar": {
        "hero": "تعاون بين الأقاليم في فرنسا وحول العالم",
        "find_your_way": "اعثر على وجهتك",
        "calls_tile": "الدعوات لتقديم المشاريع",
        "open_call": "دعوة الشباب لتقديم المشاريع {year}",
        "call": "دعوة الشباب لتقديم المشاريع 2024",
        "listed_news": "لقاء: التعاون اللامركزي من أجل الماء والتطهير",
        "news": "مساعدة إنسانية للبنان: دعوة الجماعات المحلية إلى المساهمة",
        "menu_item": "الشبكات الجهوية متعددة الفاعلين",
    },
}


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def stored_counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "menus": NavigationMenu.objects.count(),
        "offers": PartnershipOffer.objects.count(),
        "label requests": ExpertiseLabelRequest.objects.count(),
    }


@pytest.mark.django_db(transaction=True)
def test_the_demo_is_a_complete_portal_in_every_language_and_loads_once(client):
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert "Created and indexed" in output.getvalue()
    # A call takes online applications, and one is under instruction (applications/).
    from applications.models import Application

    assert Application.objects.filter(status="submitted", reference__startswith="AAP-").count() == 1

    # Every French page has its live translation in English, Spanish and Arabic.
    french = set(
        Page.objects.filter(locale__language_code="fr", depth__gte=2).values_list("translation_key", flat=True)
    )
    assert len(french) > 80
    for code in ("en", "es", "ar"):
        translated = Page.objects.live().filter(locale__language_code=code).values_list("translation_key", flat=True)
        assert set(translated) == french, code
        assert NavigationMenu.objects.filter(locale__language_code=code, placement="main").exists()

    # A second run changes nothing.
    before = stored_counts()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert stored_counts() == before
    assert "Created and indexed" not in output.getvalue()

    year = year_of(9)
    for code, text in PAGES.items():
        home = html(client, f"/{code}/")
        assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}"' in home
        assert f"<h1>{text['hero']}</h1>" in home
        assert f'<h2 id="entry-points-title">{text["find_your_way"]}</h2>' in home
        assert f'<a href="/{code}/appels-a-projets/">{text["calls_tile"]}</a>' in home
        assert text["menu_item"] in home
        assert text["open_call"].format(year=year) in html(client, f"/{code}/appels-a-projets/")
        assert f"<h1>{text['call']}</h1>" in html(client, f"/{code}/appels-a-projets/jeunesse-2024/")
        assert text["listed_news"] in html(client, f"/{code}/actualites/")
        assert f"<h1>{text['news']}</h1>" in html(client, f"/{code}/actualites/aide-liban-2020/")

    # The footer links lead to each locale's translation of the legal pages.
    assert 'href="/es/accessibilite/"' in html(client, "/es/")

    # Indexed in bulk: the search finds the translated pages, the reference index knows what
    # uses a theme.
    with translation.override("ar"):
        search_url = reverse("search")
    results = html(client, f"{search_url}?q=التوأمة")
    assert "/ar/action-exterieure-collectivites/cooperation-decentralisee-et-jumelages/" in results
    youth = Theme.objects.get(slug="jeunesse", locale__language_code="fr")
    assert ReferenceIndex.get_references_to(youth).exists()

    # `make run` then loads the Atlas demo, which adds the Atlas to the menus: the other links
    # keep their translated labels.
    call_command("load_atlas_demo", stdout=io.StringIO())
    for code, about in (("fr", "Comprendre l’AECT"), ("en", "About AECT"), ("ar", "فهم العمل الخارجي")):
        home = html(client, f"/{code}/")
        assert f">{about}</button>" in home, code
        assert f'href="/{code}/atlas/"' in home, code


@pytest.mark.skipif(not settings.USING_POSTGRESQL, reason="the suite runs on SQLite already")
def test_make_run_loads_the_demo_on_sqlite(tmp_path):
    """``make run`` loads the demo into SQLite: the same demo, in its own database file."""
    database = tmp_path / "demo.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "portal.settings"}
    root = Path(__file__).resolve().parent.parent
    for command in (["migrate", "--noinput"], ["load_demo"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=root, env=env, capture_output=True, text=True, timeout=900
        )
        assert result.returncode == 0, result.stderr[-3000:]
    with sqlite3.connect(database) as connection:
        counts = dict(
            connection.execute(
                "SELECT l.language_code, COUNT(*) FROM wagtailcore_page p "
                "JOIN wagtailcore_locale l ON l.id = p.locale_id WHERE p.depth >= 2 AND p.live GROUP BY 1"
            ).fetchall()
        )
    assert counts["fr"] > 80
    assert counts == dict.fromkeys(("fr", "en", "es", "ar"), counts["fr"])
