"""``manage.py seed_taxonomy``: the themes and the countries of the portal. Idempotent.

Production runs it after each deployment and ``load_demo`` runs it for the demo. It creates what
is missing and fills what is empty, and never overwrites what editors changed:

- **Themes** (editorial, translated snippets): the French theme of each slug below, and its
  translation into each language where it has none (through wagtail-localize, as editors do).
- **Countries** (reference table): one row per ISO 3166-1 code (plus Kosovo), its names in
  French, English, Spanish and Arabic from the Unicode CLDR through Babel, and its UN M49
  continent and sub-region from ``portal/data/country_regions.json`` (CLDR's territory
  containment; ``scripts/import_country_regions.py`` says where it comes from). Empty names and
  regions are filled; a name corrected in the admin is kept.
"""

import json
from pathlib import Path

from babel import Locale as BabelLocale
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from portal.models import Country, Theme
from portal.pagecache import bump_content_version
from portal.seeding import TRANSLATED_LANGUAGES, T, ensure_locales, translate

REGIONS_FILE = Path(__file__).resolve().parents[2] / "data" / "country_regions.json"
COUNTRY_LANGUAGES = ("fr", "en", "es", "ar")

THEMES = [
    (
        "jeunesse",
        T("Jeunesse et volontariat", en="Youth and volunteering", es="Juventud y voluntariado", ar="الشباب والتطوع"),
    ),
    (
        "education",
        T(
            "Éducation et formation professionnelle",
            en="Education and vocational training",
            es="Educación y formación profesional",
            ar="التعليم والتكوين المهني",
        ),
    ),
    ("sport", T("Sport", en="Sport", es="Deporte", ar="الرياضة")),
    (
        "egalite-femmes-hommes",
        T("Égalité femmes-hommes", en="Gender equality", es="Igualdad de género", ar="المساواة بين المرأة والرجل"),
    ),
    ("numerique", T("Numérique", en="Digital", es="Digital", ar="الرقمنة")),
    (
        "securite-alimentaire",
        T("Sécurité alimentaire", en="Food security", es="Seguridad alimentaria", ar="الأمن الغذائي"),
    ),
    ("patrimoine", T("Patrimoine", en="Heritage", es="Patrimonio", ar="التراث")),
    (
        "climat-environnement",
        T("Climat et environnement", en="Climate and environment", es="Clima y medio ambiente", ar="المناخ والبيئة"),
    ),
    (
        "eau-assainissement",
        T("Eau et assainissement", en="Water and sanitation", es="Agua y saneamiento", ar="الماء والتطهير"),
    ),
    ("gouvernance-locale", T("Gouvernance locale", en="Local governance", es="Gobernanza local", ar="الحوكمة المحلية")),
    ("sante", T("Santé", en="Health", es="Salud", ar="الصحة")),
    ("culture", T("Culture", en="Culture", es="Cultura", ar="الثقافة")),
    (
        "developpement-economique",
        T("Développement économique", en="Economic development", es="Desarrollo económico", ar="التنمية الاقتصادية"),
    ),
    (
        "developpement-urbain",
        T("Développement urbain", en="Urban development", es="Desarrollo urbano", ar="التنمية الحضرية"),
    ),
    ("dechets", T("Gestion des déchets", en="Waste management", es="Gestión de residuos", ar="تدبير النفايات")),
    ("energie", T("Énergie", en="Energy", es="Energía", ar="الطاقة")),
]


def country_data():
    """``{ISO code: {"name_fr": …, "name_en": …, "name_es": …, "name_ar": …, "continent": …,
    "sub_region": …}}`` for every country of the regions file, names from Babel's CLDR."""
    regions = json.loads(REGIONS_FILE.read_text())["countries"]
    names = {code: BabelLocale.parse(code).territories for code in COUNTRY_LANGUAGES}
    return {
        iso_code: {f"name_{code}": names[code].get(iso_code, "") for code in COUNTRY_LANGUAGES}
        | {"continent": continent, "sub_region": sub_region}
        for iso_code, (continent, sub_region) in regions.items()
    }


def seed_countries():
    """Create the missing countries and fill the empty fields of the others. Returns the number
    of rows created and of rows completed."""
    created = completed = 0
    existing = {country.iso_code: country for country in Country.objects.all()}
    with transaction.atomic():
        for iso_code, values in country_data().items():
            country = existing.get(iso_code)
            if country is None:
                Country.objects.create(iso_code=iso_code, **values)
                created += 1
                continue
            empty = {name: value for name, value in values.items() if value and not getattr(country, name)}
            if empty:
                Country.objects.filter(pk=country.pk).update(**empty)
                completed += 1
    return created, completed


def seed_themes(language_codes=TRANSLATED_LANGUAGES):
    """Create the French themes that are missing and translate each where it is not."""
    french = Locale.objects.get(language_code="fr")
    for slug, name in THEMES:
        theme, created = Theme.objects.get_or_create(slug=slug, locale=french, defaults={"name": name.fr})
        if created or Theme.objects.filter(translation_key=theme.translation_key).count() < 1 + len(language_codes):
            for code in language_codes:
                translate(theme, code, [name])


class Command(BaseCommand):
    help = "Create the themes (French and translations) and the countries (CLDR names, UN M49 regions). Idempotent."

    def handle(self, *args, **options):
        ensure_locales()
        seed_themes()
        created, completed = seed_countries()
        if created or completed:
            bump_content_version()  # updates send no signal: cached pages must show the new names
        self.stdout.write(
            f"Themes and countries are ready ({created} countries created, {completed} completed, "
            f"{Country.objects.count()} in all)."
        )
