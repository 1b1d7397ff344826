"""What a person may see and do in the professional space, computed from their approved
memberships (permissions are data, see ``accounts/models.py``):

- an embassy sees the partnership offers it owns;
- a French local authority sees the EXPE-CT requests it owns and those sent with its SIREN;
- a prefecture sees the EXPE-CT requests of the authorities of its département;
- managers of an organisation decide on the membership requests to it; members of the ministry
  decide on every request (the ministry's reviewers keep the Wagtail admin for the records).
"""

from django.db.models import Q

from accounts.models import Organisation, approved_organisations
from forms.models import ExpertiseLabelRequest, PartnershipOffer


def organisations(user, kind=None):
    queryset = Organisation.objects.of_person(user)
    return queryset.filter(kind=kind) if kind else queryset


def organisations_of_kind(user, kind):
    """The person's organisations of ``kind``, as a list (no query once ``approved_organisations``
    has been read in the request)."""
    return [o for o in approved_organisations(user) if o.kind == kind]


def is_ministry_member(user):
    return any(o.kind == Organisation.Kind.MINISTRY for o in approved_organisations(user))


def visible_offers(user):
    embassies = organisations(user, Organisation.Kind.EMBASSY)
    return PartnershipOffer.objects.filter(ownership__organisation__in=embassies)


def editable_offers(user):
    return visible_offers(user).exclude(status=PartnershipOffer.Status.ARCHIVED)


def visible_label_requests(user):
    mine = approved_organisations(user)
    authorities = [o for o in mine if o.kind == Organisation.Kind.FRENCH_AUTHORITY]
    condition = Q(ownership__organisation__in=[o.pk for o in authorities])
    sirens = sorted({o.authority.siren for o in authorities if o.authority_id and o.authority.siren})
    if sirens:
        condition |= Q(siren__in=sirens)
    departements = sorted({o.departement for o in mine if o.kind == Organisation.Kind.PREFECTURE})
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
