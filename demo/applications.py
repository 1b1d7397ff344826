"""Demo of the online applications: the first open call of the demo takes applications on the
portal, with one extra question and a scoring grid; La Rochelle has a draft and a submitted
application is under instruction. Space accounts (public passwords, refused in production mode):
``collectivite``, ``prefecture``, ``ambassade``, ``ministere`` / ``demo-espace-2026``."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, Organisation
from applications.models import Application, OnlineCall, ReferenceCounter, StatusChange
from calls.models import CallPage
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.models import Country

PASSWORD = "demo-espace-2026"


def person(username, first_name, organisation):
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", "first_name": first_name, "last_name": "Démo"}
    )
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    Membership.objects.get_or_create(
        person=user, organisation=organisation, defaults={"status": "approved", "role": "manager"}
    )
    return user


@transaction.atomic
def ensure_demo_applications():
    call = (
        CallPage.objects.live()
        .filter(locale__language_code="fr")
        .exclude(call_type="turnkey")
        .open()
        .order_by("pk")
        .first()
    )
    mexico = Country.objects.filter(iso_code="MX").first()
    if call is None or mexico is None:
        return 0
    online, created = OnlineCall.objects.get_or_create(
        call=call,
        defaults={
            "questions": [
                (
                    "question",
                    {
                        "label": "Comment les jeunes des deux territoires participent-ils au projet ?",
                        "help_text": "",
                        "required": True,
                        "long_answer": True,
                    },
                )
            ],
            "scoring_grid": [
                ("criterion", {"label": "Pertinence", "max_points": 10}),
                ("criterion", {"label": "Qualité du partenariat", "max_points": 10}),
            ],
            "opinion_deadline": call.closing_date + datetime.timedelta(days=30),
        },
    )
    departement = FrenchAuthority.objects.get_or_create(
        kind="departement", code="17", defaults={"name": "Charente-Maritime"}
    )[0]
    rochelle = FrenchAuthority.objects.get_or_create(
        kind="commune",
        code="17300",
        defaults={"name": "La Rochelle", "siren": "211703004", "departement": departement},
    )[0]
    campeche = PartnerAuthority.objects.get_or_create(
        name="Campeche", country=mexico, defaults={"origin": PartnerAuthority.Origin.DEMO}
    )[0]
    organisations = {
        "collectivite": Organisation.objects.get_or_create(
            kind="french_authority", authority=rochelle, defaults={"name": "La Rochelle"}
        )[0],
        "prefecture": Organisation.objects.get_or_create(
            kind="prefecture", departement="17", defaults={"name": "Préfecture de la Charente-Maritime"}
        )[0],
        "ambassade": Organisation.objects.get_or_create(
            kind="embassy", country=mexico, defaults={"name": "Ambassade de France au Mexique"}
        )[0],
        "ministere": Organisation.objects.get_or_create(kind="ministry", defaults={"name": "Ministère (DAECT)"})[0],
    }
    people = {name: person(name, name.capitalize(), organisation) for name, organisation in organisations.items()}
    if Application.objects.filter(online_call=online).exists():
        return 0
    application = Application.objects.create(
        online_call=online,
        call=call,
        organisation=organisations["collectivite"],
        lead_authority=rochelle,
        departement="17",
        status=Application.Status.SUBMITTED,
        title="Jeunes ambassadeurs du littoral La Rochelle – Campeche",
        summary="Échanges de jeunes volontaires autour de la protection du littoral et de la participation citoyenne.",
        duration_months=24,
        expected_results="Quarante jeunes formés ; un conseil de jeunes dans chaque ville ; un guide partagé.",
        budget={
            "expenses": [{"label": "Mobilités", "amount": "30000.00"}, {"label": "Ateliers", "amount": "10000.00"}],
            "resources": [{"source": "own", "amount": "20000.00"}, {"source": "ministry", "amount": "20000.00"}],
        },
        answers=[
            {
                "key": online.question_list()[0]["key"] if online.question_list() else "",
                "label": "Comment les jeunes des deux territoires participent-ils au projet ?",
                "answer": "Un comité de jeunes de chaque ville choisit les actions et les évalue.",
            }
        ],
        reference=ReferenceCounter.next_reference(timezone.localdate().year),
        submitted_at=timezone.now(),
        created_by=people["collectivite"],
        updated_by=people["collectivite"],
    )
    application.countries.set([mexico])
    application.partner_authorities.set([campeche])
    for status in (Application.Status.DRAFT, Application.Status.SUBMITTED):
        StatusChange.objects.create(application=application, status=status, author=people["collectivite"])
    return 1
