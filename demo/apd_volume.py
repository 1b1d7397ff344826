"""A production-like volume of APD declarations, for the benchmark and the query-count tests:
``authorities`` French authorities (those with Atlas projects first) × ``years`` closed
campaigns, each declaration with one to three flows (or "no APD this year" one time in ten),
nine in ten validated — which writes the Atlas's figures (``ApdFlowFigure`` by country and
``ApdFigure`` where staff or the Atlas volume have none, source "volume") and rebuilds the yearly
summary the Atlas pages read (``ApdCountryTotal``, ``ApdYearTotal``).

Generated declarations have references ``APD-<year>-VOL-<authority id>``: a second run keeps
them, ``clean_apd_volume`` removes them (and their figures). Inserted in bulk (minutes for 48,000
declarations), never in production mode.
"""

import random
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone

from apd.models import Campaign, Declaration, DeclarationVersion, Flow
from apd.purpose_codes import purpose_codes
from atlas.models import ApdCountryTotal, ApdFigure, ApdFlowFigure, ProjectFrenchAuthority
from portal.authorities import FrenchAuthority
from portal.models import Country

BATCH_SIZE = 2000
MARK = "-VOL-"


def clean_apd_volume():
    generated = Declaration.objects.filter(reference__contains=MARK)
    Declaration.objects.filter(pk__in=generated.values("pk")).update(current_version=None)
    Flow.objects.filter(version__declaration__in=generated).delete()
    DeclarationVersion.objects.filter(declaration__in=generated).delete()
    generated.delete()
    ApdFlowFigure.objects.filter(source=ApdFigure.Source.VOLUME).delete()
    ApdCountryTotal.objects.rebuild()


def campaigns_for(years):
    this_year = timezone.localdate().year
    result = []
    for offset in range(years, 0, -1):
        year = this_year - offset
        opens = timezone.make_aware(timezone.datetime(year + 1, 4, 15, 0, 0))
        closes = timezone.make_aware(timezone.datetime(year + 1, 5, 31, 23, 59, 59))
        result.append(Campaign.objects.get_or_create(year=year, defaults={"opens_at": opens, "closes_at": closes})[0])
    return result


@transaction.atomic
def generate_apd_volume(authorities=4800, years=10, seed=11, stdout=None):
    if settings.PRODUCTION:
        raise RuntimeError("generate_apd_volume adds invented declarations: refused in production mode.")
    rng = random.Random(seed)  # noqa: S311 - invented figures, not secrets
    engaged = ProjectFrenchAuthority.objects.filter(authority=OuterRef("pk"))
    chosen = list(FrenchAuthority.objects.annotate(engaged=Exists(engaged)).order_by("-engaged", "pk")[:authorities])
    countries = list(Country.objects.exclude(continent="").order_by("iso_code"))
    codes = [code for code, row in purpose_codes().items() if row["status"] != "withdrawn"]
    channels = list(Flow.Channel.values)
    created = 0
    for campaign in campaigns_for(years):
        taken = set(Declaration.objects.filter(campaign=campaign).values_list("authority_id", flat=True))
        new = [a for a in chosen if a.pk not in taken]
        declarations = Declaration.objects.bulk_create(
            [
                Declaration(
                    campaign=campaign,
                    authority=authority,
                    reference=f"APD-{campaign.year}{MARK}{authority.pk}",
                    status=Declaration.Status.VALIDATED if rng.random() < 0.9 else Declaration.Status.SUBMITTED,
                )
                for authority in new
            ],
            batch_size=BATCH_SIZE,
        )
        plans = []
        for declaration in declarations:
            nothing = rng.random() < 0.1
            flows = (
                []
                if nothing
                else [
                    (
                        rng.choice(countries) if countries and rng.random() < 0.9 else None,
                        Decimal(rng.randrange(5, 300)) * 500,
                        rng.choice(codes),
                        rng.choice(channels),
                    )
                    for _n in range(rng.randint(1, 3))
                ]
            )
            plans.append((declaration, nothing, flows))
        versions = DeclarationVersion.objects.bulk_create(
            [
                DeclarationVersion(
                    declaration=declaration,
                    number=1,
                    nothing_to_declare=nothing,
                    total=sum((flow[1] for flow in flows), Decimal("0.00")),
                    submitted_at=campaign.opens_at,
                )
                for declaration, nothing, flows in plans
            ],
            batch_size=BATCH_SIZE,
        )
        Flow.objects.bulk_create(
            [
                Flow(version=version, country=country, amount=amount, purpose_code=code, channel=channel)
                for version, (_d, _n, flows) in zip(versions, plans, strict=True)
                for country, amount, code, channel in flows
            ],
            batch_size=BATCH_SIZE,
        )
        for declaration, version in zip(declarations, versions, strict=True):
            declaration.current_version = version
        Declaration.objects.bulk_update(declarations, ["current_version"], batch_size=BATCH_SIZE)
        # The Atlas's figures of the validated ones, as Declaration.validate writes them.
        validated = [v.pk for d, v in zip(declarations, versions, strict=True) if d.status == "validated"]
        rows = (
            Flow.objects.filter(version__in=validated)
            .values("version__declaration__authority", "country")
            .annotate(total=Sum("amount"))
            .order_by()
        )
        ApdFlowFigure.objects.bulk_create(
            [
                ApdFlowFigure(
                    authority_id=row["version__declaration__authority"],
                    year=campaign.year,
                    country_id=row["country"],
                    amount=row["total"],
                    source=ApdFigure.Source.VOLUME,
                )
                for row in rows
            ],
            batch_size=BATCH_SIZE,
        )
        figured = set(ApdFigure.objects.filter(year=campaign.year).values_list("authority_id", flat=True))
        ApdFigure.objects.bulk_create(
            [
                ApdFigure(
                    authority_id=d.authority_id, year=campaign.year, amount=v.total, source=ApdFigure.Source.VOLUME
                )
                for d, v in zip(declarations, versions, strict=True)
                if d.status == "validated" and d.authority_id not in figured
            ],
            batch_size=BATCH_SIZE,
        )
        created += len(declarations)
    # The yearly summary the Atlas pages read, from all the published figures (generated or not).
    ApdCountryTotal.objects.rebuild()
    if stdout:
        stdout.write(f"APD volume: {created} declarations created ({len(chosen)} authorities × {years} years).\n")
    return created
