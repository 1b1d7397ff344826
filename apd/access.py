"""Who may declare for an authority: the approved members of its organisation in the space (kind
"French local authority"). Nobody else reaches a declaration from the space: another authority,
an embassy, a prefecture and even the ministry get a 404 there (the ministry follows the
declarations in the Wagtail admin, with the permission ``apd.review_declaration``)."""

from accounts.models import Organisation, approved_organisations
from portal.authorities import FrenchAuthority


def declarable_authorities(user):
    """The French authorities ``user`` may declare for."""
    if not user.is_authenticated:
        return FrenchAuthority.objects.none()
    organisations = Organisation.objects.of_person(user).filter(kind=Organisation.Kind.FRENCH_AUTHORITY)
    return FrenchAuthority.objects.filter(pk__in=organisations.values("authority"))


def declarable_authority_list(user):
    """``declarable_authorities`` as a list sorted by name, from the person's organisations read
    once per request (the space home's section)."""
    authorities = {
        o.authority_id: o.authority
        for o in approved_organisations(user)
        if o.kind == Organisation.Kind.FRENCH_AUTHORITY and o.authority_id
    }
    return sorted(authorities.values(), key=lambda authority: (authority.name, authority.pk))


def can_declare(user, authority):
    return declarable_authorities(user).filter(pk=authority.pk).exists()


def can_review(user):
    return user.is_authenticated and user.has_perm("apd.review_declaration")
