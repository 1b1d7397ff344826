"""The reviewers' admin of proposals: a listing, and a detail view comparing, field by field,
the project's values when the proposal was written, now, and as proposed (a field changed both
in the proposal and in the project since is a conflict, flagged), with the decision form.

Seeing proposals needs ``proposals.view_projectproposal``; deciding needs
``proposals.review_projectproposal`` (the "Instructeurs" group has both). Proposals are made in
the professional space, never in the admin: no add, edit or copy view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from proposals import emails
from proposals.forms import DecisionForm
from proposals.models import ProjectProposal

REVIEW_PERMISSION = "proposals.review_projectproposal"


class ProposalIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("organisation", "project")

    @cached_property
    def list_display(self):
        return [
            Column("reference", label=_("Reference"), accessor="reference"),
            Column("title", label=_("Title"), accessor="title"),
            "organisation",
            "status",
            DateColumn("created_at", label=_("Submitted"), sort_key="created_at"),
        ]

    def get_edit_url(self, instance):
        return None


class ProposalInspectView(InspectView):
    template_name = "proposals/admin/inspect.html"

    def get_fields(self):
        return ["organisation", "project", "is_new_project", "status", "created_at", "submitted_by", "message"]

    @cached_property
    def can_review(self):
        return self.request.user.has_perm(REVIEW_PERMISSION)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.object.comparison()
        context["rows"] = rows
        context["conflicts"] = [row for row in rows if row["conflict"]]
        context["history"] = self.object.history()
        if self.object.status == ProjectProposal.Status.SUBMITTED and self.can_review:
            context.setdefault("decision_form", DecisionForm(conflicts=context["conflicts"]))
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_review or self.object.status != ProjectProposal.Status.SUBMITTED:
            raise PermissionDenied
        form = DecisionForm(request.POST, conflicts=self.object.conflicts())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form))
        message = form.cleaned_data.get("message", "")
        with transaction.atomic():
            proposal = ProjectProposal.objects.select_for_update().get(pk=self.object.pk)
            if proposal.status != ProjectProposal.Status.SUBMITTED:
                raise PermissionDenied
            if form.cleaned_data["decision"] == ProjectProposal.Status.ACCEPTED:
                proposal.accept(request.user, message)
            else:
                proposal.refuse(request.user, message)
            emails.queue_decision_email(proposal)
        messages.success(
            request,
            _("%(reference)s is now “%(status)s”; the authority is told by e-mail.")
            % {"reference": proposal.reference, "status": proposal.get_status_display()},
        )
        return redirect(reverse("project_proposals:inspect", args=[proposal.pk]))


class ProposalViewSet(ModelViewSet):
    model = ProjectProposal
    name = "project_proposals"
    icon = "edit"
    menu_label = _("Atlas proposals")
    menu_order = 255
    add_to_admin_menu = True
    index_view_class = ProposalIndexView
    inspect_view_class = ProposalInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    add_to_reference_index = False
    list_filter = ["status"]
    search_fields = ["organisation__name"]
    form_fields = ["reviewer_message"]


@hooks.register("register_admin_viewset")
def register_proposal_viewset():
    return ProposalViewSet()
