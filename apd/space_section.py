"""The APD section of the space home, and the person's declarations in "Download my data"."""

from django.template.loader import render_to_string

from apd import access
from apd.models import Campaign, DeclarationVersion


def render_section(request):
    authorities = access.declarable_authority_list(request.user)[:20]
    if not authorities:
        return None
    campaign = Campaign.objects.current()
    return render_to_string(
        "apd/space_section.html", {"authorities": authorities, "campaign": campaign}, request=request
    )


def personal_data(user):
    return [
        {
            "reference": version.reference,
            "submitted_at": version.submitted_at.isoformat(),
            "nothing_to_declare": version.nothing_to_declare,
            "total": str(version.total),
        }
        for version in DeclarationVersion.objects.filter(submitted_by=user).select_related("declaration")
    ]
