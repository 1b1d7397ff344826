"""The ministry's follow-up of a campaign: who declared, who did not (first the authorities that
applied to a call — a funding line of an Atlas project tied to a call — or that have Atlas
projects), and who receives the reminders."""

from django.db.models import Exists, OuterRef

from accounts.models import Membership, Organisation
from apd.models import Declaration
from atlas.models import FundingLine, ProjectFrenchAuthority
from portal.authorities import FrenchAuthority


def not_declared(campaign):
    """The authorities without a declaration for ``campaign``, the expected ones first
    (``applied`` and ``has_projects`` annotations), then by name."""
    applied = FundingLine.objects.filter(
        call__isnull=False,
        project__french_authority_links__authority=OuterRef("pk"),
        project__french_authority_links__role=ProjectFrenchAuthority.Role.LEAD,
    )
    projects = ProjectFrenchAuthority.objects.filter(authority=OuterRef("pk"))
    return (
        FrenchAuthority.objects.filter(is_current=True)
        .exclude(pk__in=Declaration.objects.filter(campaign=campaign).values("authority"))
        .annotate(applied=Exists(applied), has_projects=Exists(projects))
        .order_by("-applied", "-has_projects", "name", "pk")
    )


def expected_not_declared(campaign):
    return not_declared(campaign).filter(Exists(ProjectFrenchAuthority.objects.filter(authority=OuterRef("pk"))))


def reminder_recipients(campaign):
    """``[(authority, [addresses])]``: the authorities that have not declared and have approved
    members in the space, with their members' addresses."""
    organisations = Organisation.objects.filter(
        kind=Organisation.Kind.FRENCH_AUTHORITY,
        authority__in=not_declared(campaign).order_by().values("pk"),
    ).select_related("authority")
    addresses = {}
    for organisation_id, email in (
        Membership.objects.approved()
        .filter(organisation__in=organisations.values("pk"))
        .values_list("organisation", "person__email")
    ):
        if email:
            addresses.setdefault(organisation_id, []).append(email)
    return [
        (organisation.authority, sorted(set(addresses[organisation.pk])))
        for organisation in organisations
        if organisation.pk in addresses
    ]
