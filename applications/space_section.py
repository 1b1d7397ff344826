"""The "My applications" section of the space home and the applications in "Download my data"
(``portal/space.py``)."""

from django.template.loader import render_to_string

from applications import permissions
from applications.models import Application


def render(request):
    """At most three queries: the person's organisations, their applications, the count to examine."""
    user = request.user
    rows = permissions.organisation_rows(user)
    authorities = [row["pk"] for row in rows if row["kind"] == "french_authority"]
    reviewing = any(row["kind"] in ("prefecture", "embassy", "ministry") for row in rows)
    if not authorities and not reviewing:
        return None
    own = list(Application.objects.filter(organisation__in=authorities).for_list()[:20]) if authorities else []
    examined = permissions.instructed_applications(user, rows).count() if reviewing else 0
    return render_to_string("applications/space_section.html", {"own": own, "examined": examined}, request=request)


def personal_data(user):
    return [
        {"reference": a.reference, "title": a.title, "status": a.status, "created_at": a.created_at.isoformat()}
        for a in Application.objects.filter(created_by=user).order_by("pk")
    ]
