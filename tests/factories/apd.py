"""Factories of the APD declarations: campaigns open, closed or reopened, declarations."""

import datetime
from decimal import Decimal

from django.utils import timezone

from apd import services
from apd.models import Campaign


def campaign(year=2025, open_=True, **extra):
    now = timezone.now()
    if open_:
        opens, closes = now - datetime.timedelta(days=10), now + datetime.timedelta(days=20)
    else:
        opens, closes = now - datetime.timedelta(days=60), now - datetime.timedelta(days=1)
    return Campaign.objects.create(year=year, opens_at=opens, closes_at=closes, **extra)


def flow(country=None, amount="1000.00", purpose_code="14030", channel="direct", **extra):
    return {
        "country": country,
        "amount": Decimal(amount),
        "purpose_code": purpose_code,
        "channel": channel,
        "cofinancing": Decimal(extra.pop("cofinancing", "0.00")),
        "project": extra.pop("project", None),
        "proposed_project": extra.pop("proposed_project", ""),
    }


def declare(the_campaign, authority, user=None, flows=(), nothing=False):
    return services.submit(the_campaign, authority, user, nothing_to_declare=nothing, flows=list(flows))
