"""Factories of the professional space: people with a verified address, organisations of each
kind, memberships."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts.models import Membership, Organisation
from portal.authorities import FrenchAuthority
from tests.factories import CountryFactory

PASSWORD = "Cooperation-Decentralisee-2026"


def person(email, first_name="Camille", last_name="Exemple", verified=True, **extra):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0],
        email=email,
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name,
        **extra,
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def departement(code="17", name="Charente-Maritime"):
    return FrenchAuthority.objects.get_or_create(kind="departement", code=code, defaults={"name": name})[0]


def commune(code="17300", siren="211703004", name="La Rochelle", departement_code="17"):
    return FrenchAuthority.objects.get_or_create(
        kind="commune",
        code=code,
        defaults={"siren": siren, "name": name, "departement": departement(departement_code)},
    )[0]


def embassy(iso_code="SN", name="Sénégal"):
    country = CountryFactory(iso_code=iso_code, name=name)
    return Organisation.objects.create(kind="embassy", country=country, name=f"Ambassade de France — {name}")


def authority_organisation(**kwargs):
    authority = commune(**kwargs)
    return Organisation.objects.create(kind="french_authority", authority=authority, name=authority.name)


def prefecture(code="17", name="Charente-Maritime"):
    departement(code, name)
    return Organisation.objects.create(kind="prefecture", departement=code, name=f"Préfecture — {name}")


def ministry():
    return Organisation.objects.get_or_create(kind="ministry", defaults={"name": "Ministère (DAECT)"})[0]


def member(user, organisation, role="member", status="approved"):
    return Membership.objects.create(person=user, organisation=organisation, role=role, status=status)
