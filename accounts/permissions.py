"""What a person may see and do in the professional space, computed from their approved
memberships (permissions are data, see ``accounts/models.py``):

- an embassy sees the partnership offers it owns;
- a French local authority sees the EXPE-CT requests it owns and those sent with its SIREN;
- a prefecture sees the EXPE-CT requests of the authorities of its département;
- managers of an organisation decide on the membership requests to it; members of the ministry
  decide on every request (the ministry's reviewers keep the Wagtail admin for the records).
"""

from django.db.models import Q

from accounts.models import Membership, Organisation
from forms.models import ExpertiseLabelRequest, PartnershipOffer


def organisations(user, kind=None):
    queryset = Organisation.objects.of_person(user)
    return queryset.filter(kind=kind) if kind else queryset


def is_ministry_member(user):
    return (
        user.is_authenticated
        and Membership.objects.approved().filter(person=user, organisation__kind=Organisation.Kind.MINISTRY).exists()
    )


def visible_offers(user):
    embassies = organisations(user, Organisation.Kind.EMBASSY)
    return PartnershipOffer.objects.filter(ownership__organisation__in=embassies)


def editable_offers(user):
    return visible_offers(user).exclude(status=PartnershipOffer.Status.ARCHIVED)


def visible_label_requests(user):
    condition = Q(ownership__organisation__in=organisations(user, Organisation.Kind.FRENCH_AUTHORITY))
    sirens = [
        siren
        for siren in organisations(user, Organisation.Kind.FRENCH_AUTHORITY).values_list("authority__siren", flat=True)
        if siren
    ]
    if sirens:
        condition |= Q(siren__in=sirens)
    departements = list(organisations(user, Organisation.Kind.PREFECTURE).values_list("departement", flat=True))
    if departements:
        condition |= Q(department__in=departements) | Q(
            ownership__organisation__authority__departement__code__in=departements
        )
    if not user.is_authenticated:
        return ExpertiseLabelRequest.objects.none()
    return ExpertiseLabelRequest.objects.filter(condition).distinct()


def can_manage(user, organisation):
    return is_ministry_member(user) or Organisation.objects.managed_by(user).filter(pk=organisation.pk).exists()


def can_see_organisation(user, organisation):
    return can_manage(user, organisation) or organisations(user).filter(pk=organisation.pk).exists()
