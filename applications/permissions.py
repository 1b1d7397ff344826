"""Who sees which application, from approved memberships (``accounts.models``):

- the members of the applicant authority see and edit their own applications;
- the prefecture of the lead authority's département sees the submitted applications of its
  département, and the embassy of a country sees those that name that country; both give an
  opinion;
- the ministry's members (its instructors) see every submitted application.

Drafts are seen by the applicant only. Anything else answers 404.
"""

from django.db.models import Q

from accounts.models import Membership, Organisation, approved_organisations
from applications.models import Application


def organisations(user, kind):
    return Organisation.objects.of_person(user).filter(kind=kind)


def is_instructor(user):
    return (
        user.is_authenticated
        and Membership.objects.approved().filter(person=user, organisation__kind=Organisation.Kind.MINISTRY).exists()
    )


def own_applications(user):
    return Application.objects.filter(organisation__in=organisations(user, Organisation.Kind.FRENCH_AUTHORITY))


def reviewing_organisations(user):
    """The prefectures and embassies ``user`` acts for."""
    return Organisation.objects.of_person(user).filter(
        kind__in=[Organisation.Kind.PREFECTURE, Organisation.Kind.EMBASSY]
    )


def instructed_applications(user, memberships=None):
    """Applications ``user`` examines: all sent ones for the ministry, the concerned ones for a
    prefecture or an embassy. ``memberships`` (``organisation_rows(user)``) saves its query."""
    if not user.is_authenticated:
        return Application.objects.none()
    rows = organisation_rows(user) if memberships is None else memberships
    sent = Application.objects.filter(status__in=Application.SENT)
    if any(row["kind"] == Organisation.Kind.MINISTRY for row in rows):
        return sent
    departements = [row["departement"] for row in rows if row["kind"] == Organisation.Kind.PREFECTURE]
    countries = [row["country_id"] for row in rows if row["kind"] == Organisation.Kind.EMBASSY]
    if not departements and not countries:
        return Application.objects.none()
    concerned = Q(departement__in=departements) | Q(countries__in=countries)
    return sent.filter(pk__in=Application.objects.filter(concerned).values("pk"))


def organisation_rows(user):
    """The kind, département and country of each organisation ``user`` is an approved member of (one
    query per request, ``approved_organisations``)."""
    return [
        {"pk": o.pk, "kind": o.kind, "departement": o.departement, "country_id": o.country_id}
        for o in approved_organisations(user)
    ]


def opinion_organisation(user, application):
    """The prefecture or embassy for which ``user`` may give an opinion on ``application``, or None."""
    for organisation in reviewing_organisations(user):
        if organisation.kind == Organisation.Kind.PREFECTURE and organisation.departement == application.departement:
            return organisation
        if (
            organisation.kind == Organisation.Kind.EMBASSY
            and application.countries.filter(pk=organisation.country_id).exists()
        ):
            return organisation
    return None
