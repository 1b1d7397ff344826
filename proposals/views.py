"""The proposals in the professional space (``/<language>/espace/propositions/…``): a French
authority's members see its Atlas projects, propose changes or a new project, and follow their
proposals. Signed-in only, never cached; what the person's organisations do not own answers 404.
The review is in the Wagtail admin (``proposals/wagtail_hooks.py``), like the offers'."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache

from accounts.models import Organisation, approved_organisations
from atlas.models import Project
from proposals import emails
from proposals.forms import ProposalForm
from proposals.models import ProjectProposal, ProposalEvent, snapshot

# How the space names a proposal's status.
SPACE_STATUS = {
    "submitted": pgettext_lazy("status of a record in the space", "under examination"),
    "accepted": pgettext_lazy("status of a proposal in the space", "accepted"),
    "refused": pgettext_lazy("status of a record in the space", "not accepted"),
}
SECTION_PROJECTS = 100


def space_status(status):
    return str(SPACE_STATUS.get(status, status))


def space_view(view):
    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapper


def authority_organisations(user):
    """The French authorities' organisations ``user`` is an approved member of (any role)."""
    return (
        Organisation.objects.of_person(user).filter(kind=Organisation.Kind.FRENCH_AUTHORITY).select_related("authority")
    )


def projects_of(organisation):
    return Project.objects.of_french_authority(organisation.authority).order_by("-start_year", "title", "pk")


def visible_proposals(user):
    return ProjectProposal.objects.filter(organisation__in=authority_organisations(user))


# --- The section of the space home --------------------------------------------------------------
def render_section(request):
    organisations = [o for o in approved_organisations(request.user) if o.kind == Organisation.Kind.FRENCH_AUTHORITY]
    if not organisations:
        return None
    for organisation in organisations:
        projects = projects_of(organisation).only("pk", "title", "start_year", "end_year", "status")
        organisation.atlas_projects = list(projects[:SECTION_PROJECTS])
        organisation.more_projects = len(organisation.atlas_projects) == SECTION_PROJECTS
    proposals = list(
        visible_proposals(request.user).select_related("organisation", "project").order_by("-created_at")[:100]
    )
    for proposal in proposals:
        proposal.space_status = space_status(proposal.status)
    return render_to_string(
        "proposals/section.html", {"organisations": organisations, "proposals": proposals}, request=request
    )


# --- Proposing ---------------------------------------------------------------------------------------
@space_view
def propose_change(request, organisation_pk, project_pk):
    organisation = get_object_or_404(authority_organisations(request.user), pk=organisation_pk)
    project = get_object_or_404(projects_of(organisation), pk=project_pk)
    return proposal_form(request, organisation, project)


@space_view
def propose_new(request, organisation_pk):
    organisation = get_object_or_404(authority_organisations(request.user), pk=organisation_pk)
    return proposal_form(request, organisation, None)


def proposal_form(request, organisation, project):
    base = snapshot(project)
    if request.method == "POST":
        form = ProposalForm(request.POST, base=base)
        if form.is_valid():
            values = form.proposed_values()
            if project is not None and values == {field: base.get(field) for field in values}:
                form.add_error(None, _("You changed nothing: change at least one field."))
            else:
                with transaction.atomic():
                    proposal = ProjectProposal.objects.create(
                        organisation=organisation,
                        project=project,
                        is_new_project=project is None,
                        proposed=values,
                        base=base,
                        message=form.cleaned_data.get("message", ""),
                        submitted_by=request.user,
                        language=translation.get_language(),
                    )
                    ProposalEvent.objects.create(
                        proposal=proposal, status=proposal.status, user=request.user, message=proposal.message
                    )
                    emails.queue_submission_emails(proposal)
                messages.success(
                    request,
                    _("Proposal %(reference)s sent to the ministry: the Atlas changes once it is accepted.")
                    % {"reference": proposal.reference},
                )
                return redirect("proposals:detail", proposal.pk)
    else:
        form = ProposalForm(base=base)
    return render(
        request,
        "proposals/proposal_form.html",
        {"form": form, "organisation": organisation, "project": project, "crumb": _("Proposal")},
    )


@space_view
def proposal_detail(request, pk):
    proposal = get_object_or_404(visible_proposals(request.user).select_related("organisation", "project"), pk=pk)
    proposal.space_status = space_status(proposal.status)
    history = list(proposal.history())
    for event in history:
        event.space_status = space_status(event.status)
    rows = [row for row in proposal.comparison(current=proposal.base) if row["changed"]]
    return render(
        request,
        "proposals/proposal_detail.html",
        {"proposal": proposal, "rows": rows, "history": history, "crumb": proposal.reference},
    )


# --- Personal data -----------------------------------------------------------------------------
def personal_data(user):
    def moment(value):
        return timezone.localtime(value).isoformat() if value else None

    return [
        {
            "reference": proposal.reference,
            "organisation": proposal.organisation.name,
            "project": proposal.project_id,
            "new_project": proposal.is_new_project,
            "status": proposal.status,
            "submitted_at": moment(proposal.created_at),
            "decided_at": moment(proposal.decided_at),
            "message": proposal.message,
            "proposed": proposal.proposed,
        }
        for proposal in ProjectProposal.objects.filter(submitted_by=user).select_related("organisation")
    ]
