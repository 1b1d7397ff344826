"""The "My applications" section of the space home and the applications in "Download my data"
(``portal/space.py``)."""

from django.template.loader import render_to_string

from applications import permissions
from applications.models import Application


def render(request):
    user = request.user
    own = list(permissions.own_applications(user).for_list()[:20])
    examined = permissions.instructed_applications(user).count()
    if not own and not examined and not permissions.organisations(user, "french_authority").exists():
        return None
    return render_to_string("applications/space_section.html", {"own": own, "examined": examined}, request=request)


def personal_data(user):
    return [
        {"reference": a.reference, "title": a.title, "status": a.status, "created_at": a.created_at.isoformat()}
        for a in Application.objects.filter(created_by=user).order_by("pk")
    ]
