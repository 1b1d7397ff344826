"""The APD declarations of the demo (``data/apd.yaml``), loaded after the Atlas demo by
``manage.py load_apd_demo`` (``make run``): two campaigns, a few declarations of the first
authorities that have Atlas projects (one validated, so the Atlas shows declared APD; one with a
question of the ministry; one "no APD this year"), and a demo account member of the first
authority. Idempotent."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Membership, Organisation
from apd import services
from apd.models import Campaign, Declaration
from atlas.models import ProjectFrenchAuthority
from demo.loader import read
from portal.authorities import FrenchAuthority
from portal.models import Country


def moment(value):
    """``today+30`` → that day at noon, Paris time."""
    days = int(value.replace("today", "") or 0)
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def load_apd_demo(with_account=True):
    data = read("apd")
    this_year = timezone.localdate().year
    campaigns = {}
    for spec in data["campaigns"]:
        year = this_year + spec["year_offset"]
        campaigns[spec["year_offset"]], _created = Campaign.objects.get_or_create(
            year=year,
            defaults={
                "opens_at": moment(spec["opens"]),
                "closes_at": moment(spec["closes"]),
                "reminder_dates": [moment(day).date().isoformat() for day in spec["reminders"]],
            },
        )
    ranked = list(
        FrenchAuthority.objects.filter(
            pk__in=ProjectFrenchAuthority.objects.filter(authority__isnull=False).values("authority")
        ).order_by("name")[:2]
    )
    if not ranked:
        return 0
    user = None
    if with_account and not settings.PRODUCTION:
        account = data["account"]
        user, _created = get_user_model().objects.get_or_create(
            username=account["username"],
            defaults={"email": f"{account['username']}@example.org", "first_name": "Camille"},
        )
        user.set_password(account["password"])
        user.save()
        organisation, _created = Organisation.objects.get_or_create(
            kind=Organisation.Kind.FRENCH_AUTHORITY, authority=ranked[0], defaults={"name": ranked[0].name}
        )
        Membership.objects.get_or_create(
            person=user,
            organisation=organisation,
            defaults={"role": Membership.Role.MANAGER, "status": Membership.Status.APPROVED},
        )
    created = 0
    for spec in data["declarations"]:
        if spec["authority_rank"] >= len(ranked):
            continue
        authority, campaign = ranked[spec["authority_rank"]], campaigns[spec["year_offset"]]
        if Declaration.objects.filter(campaign=campaign, authority=authority).exists():
            continue
        flows = [
            {
                "country": Country.objects.filter(iso_code=flow["country"]).first() if flow["country"] else None,
                "amount": Decimal(flow["amount"]),
                "purpose_code": flow["purpose_code"],
                "channel": flow["channel"],
                "cofinancing": Decimal(flow.get("cofinancing", "0.00")),
            }
            for flow in spec.get("flows", [])
        ]
        version = services.submit(campaign, authority, user, nothing_to_declare=spec.get("nothing", False), flows=flows)
        declaration = version.declaration
        if spec.get("validated"):
            declaration.validate(None)
        elif spec.get("question"):
            declaration.ask(None, spec["question"].fr)
        created += 1
    return created
