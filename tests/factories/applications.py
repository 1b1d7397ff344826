"""Factories of the online applications: a call taking applications with a question and a
scoring grid, the organisations around it (applicant authority in Charente-Maritime, another
authority in Gironde, their prefectures, the embassies in Mexico and Senegal, the ministry), one
person per role, and applications."""

import datetime

from django.utils import timezone

from applications.models import Application, OnlineCall
from portal.authorities import PartnerAuthority
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.accounts import authority_organisation, embassy, member, ministry, person, prefecture
from tests.factories.atlas import AtlasIndexPageFactory, PartnerAuthorityFactory
from tests.factories.calls import CallIndexPageFactory, CallPageFactory

ROLES = [
    "applicant",
    "other_authority",
    "prefecture",
    "other_prefecture",
    "embassy",
    "other_embassy",
    "instructor",
]


def online_call(call, **kwargs):
    return OnlineCall.objects.create(
        call=call,
        questions=[
            (
                "question",
                {"label": "Quelle place pour la jeunesse ?", "help_text": "", "required": True, "long_answer": True},
            )
        ],
        scoring_grid=[
            ("criterion", {"label": "Pertinence", "max_points": 10}),
            ("criterion", {"label": "Partenariat", "max_points": 5}),
        ],
        **kwargs,
    )


def build_world(call_kwargs=None, atlas=True):
    """Everything a test of the applications needs (call ``build_site()`` first)."""
    index = CallIndexPageFactory()
    if atlas:
        AtlasIndexPageFactory()
    call = CallPageFactory(parent=index, title="Appel Jeunesse 2026", slug="jeunesse-2026", **(call_kwargs or {}))
    online = online_call(call, opinion_deadline=timezone.localdate() + datetime.timedelta(days=60))
    theme = ThemeFactory(name="Jeunesse", slug="jeunesse")
    mexico = CountryFactory(name="Mexique", name_es="México", iso_code="MX")
    CountryFactory(name="Sénégal", name_es="Senegal", iso_code="SN")
    xalapa = PartnerAuthorityFactory(name="Xalapa", country=mexico)
    organisations = {
        "applicant": authority_organisation(),  # La Rochelle, Charente-Maritime (17)
        "other_authority": authority_organisation(
            code="33063", siren="213300635", name="Bordeaux", departement_code="33"
        ),
        "prefecture": prefecture("17", "Charente-Maritime"),
        "other_prefecture": prefecture("33", "Gironde"),
        "embassy": embassy("MX", "Mexique"),
        "other_embassy": embassy("SN", "Sénégal"),
        "instructor": ministry(),
    }
    people = {}
    for role in ROLES:
        people[role] = person(f"{role}@example.org", first_name=role.replace("_", " ").title(), last_name="Test")
        member(people[role], organisations[role])
    return {
        "index": index,
        "call": call,
        "online": online,
        "theme": theme,
        "mexico": mexico,
        "xalapa": xalapa,
        "organisations": organisations,
        "people": people,
    }


def complete_data(application, **overrides):
    """POST data of a complete, balanced application (``version`` from the application)."""
    data = {
        "version": str(application.version),
        "title": "Jeunes citoyens de La Rochelle et Xalapa",
        "summary": "Échanges de jeunes volontaires entre les deux villes.",
        "duration_months": "24",
        "expected_results": "Quarante jeunes formés à la participation citoyenne.",
        "partner_authorities": [
            str(pk) for pk in PartnerAuthority.objects.filter(name="Xalapa").values_list("pk", flat=True)
        ],
        "countries": [str(Application._meta.get_field("countries").related_model.objects.get(iso_code="MX").pk)],
        "expense_label_0": "Mobilités",
        "expense_amount_0": "30000",
        "expense_label_1": "Ateliers",
        "expense_amount_1": "10 000",
        "resource_source_0": "own",
        "resource_amount_0": "20000",
        "resource_source_1": "ministry",
        "resource_amount_1": "20000",
        "action": "save",
    }
    for question in application.online_call.question_list():
        data[f"question_{question['key']}"] = "Les jeunes pilotent le projet."
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submitted_application(world, **kwargs):
    """A submitted application of La Rochelle with Xalapa (Mexico), without going through the views."""
    from applications.models import ReferenceCounter, StatusChange

    organisation = world["organisations"]["applicant"]
    application = Application.objects.create(
        online_call=world["online"],
        call=world["call"],
        organisation=organisation,
        lead_authority=organisation.authority,
        departement="17",
        status=Application.Status.SUBMITTED,
        title=kwargs.pop("title", "Jeunes citoyens de La Rochelle et Xalapa"),
        summary="Échanges de jeunes volontaires.",
        duration_months=24,
        expected_results="Quarante jeunes formés.",
        budget={
            "expenses": [{"label": "Mobilités", "amount": "40000"}],
            "resources": [{"source": "own", "amount": "40000"}],
        },
        answers=[{"key": "x", "label": "Quelle place pour la jeunesse ?", "answer": "Centrale."}],
        reference=ReferenceCounter.next_reference(timezone.localdate().year),
        submitted_at=timezone.now(),
        created_by=world["people"]["applicant"],
        **kwargs,
    )
    application.countries.set([world["mexico"]])
    application.partner_authorities.set([world["xalapa"]])
    application.themes.set([world["theme"]])
    StatusChange.objects.create(application=application, status="submitted", author=world["people"]["applicant"])
    return application
