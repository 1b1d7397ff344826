"""The admin's list of background tasks: what waits, what failed and why, and a retry button.

Only staff with ``portal.view_backgroundtask`` see it (the "Instructeurs" group and superusers):
a task's arguments may hold personal data (an e-mail's recipients and text). Retrying needs
``portal.retry_backgroundtask``. Nobody adds, edits or deletes tasks here.
"""

import json

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import get_date_max
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from portal.models import BackgroundTask
from portal.task_labels import TASK_LABELS, task_label
from portal.tasks import retry_now, retryable, stale_running

STATUSES = {
    "queued": _("Queued"),
    "waiting": _("Waiting for a new try"),
    "running": _("Running"),
    "stale": _("Running for too long"),
    "failed": _("Failed"),
    "done": _("Done"),
}


def status_filter(status, now):
    never = get_date_max()
    ready = Q(status=TaskResultStatus.READY)
    return {
        "queued": ready & (Q(run_after=never) | Q(run_after__lte=now)),
        "waiting": ready & Q(run_after__gt=now) & ~Q(run_after=never),
        "running": Q(status=TaskResultStatus.RUNNING) & ~stale_running(now),
        "stale": stale_running(now),
        "failed": Q(status=TaskResultStatus.FAILED),
        "done": Q(status=TaskResultStatus.SUCCESSFUL),
    }[status]


def task_choices():
    paths = set(BackgroundTask.objects.values_list("task_path", flat=True).distinct()) | set(TASK_LABELS)
    return sorted(((path, str(task_label(path))) for path in paths), key=lambda choice: choice[1].lower())


class BackgroundTaskFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=list(STATUSES.items()), method="filter_status")
    task_path = django_filters.ChoiceFilter(label=_("Task"), choices=task_choices)
    reference = django_filters.CharFilter(label=_("Reference"), method="filter_reference")

    class Meta:
        model = BackgroundTask
        fields = ["status", "task_path", "reference"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(status_filter(value, timezone.now()))

    def filter_reference(self, queryset, name, value):
        return queryset.filter(args_kwargs__kwargs__reference=value.strip())


class StatusColumn(Column):
    """The task's status in words (a waiting task is "queued" from its retry time on)."""

    def get_value(self, instance):
        return STATUSES.get(instance.display_status(timezone.now()), "")


class BackgroundTaskIndexView(IndexView):
    """Every task, newest first, with its status, attempts and last error."""

    default_ordering = "-enqueued_at"

    @cached_property
    def list_display(self):
        return [
            "label",  # the title column, leading to the detail
            Column("reference", label=_("Reference"), accessor="reference"),
            StatusColumn("status", label=_("Status")),
            Column("attempts", label=_("Attempts"), accessor="attempts"),
            DateColumn("enqueued_at", label=_("Queued on"), sort_key="enqueued_at"),
            DateColumn("next_try", label=_("Next try"), accessor="next_try"),
            Column("last_error", label=_("Last error"), accessor="last_error"),
        ]

    @cached_property
    def columns(self):
        columns = super().columns
        columns[0].label = _("Task")
        return columns


class BackgroundTaskInspectView(InspectView):
    """A task's detail: its status and error in full, an e-mail's recipients and text, the
    other tasks' arguments, and the retry button."""

    template_name = "portal/admin/background_task.html"

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        task = self.object
        now = timezone.now()
        kwargs = task.kwargs
        is_email = task.task_path == "portal.mail.send_email"
        context.update(
            task=task,
            status=STATUSES.get(task.display_status(now), ""),
            email=kwargs if is_email else None,
            arguments="" if is_email else json.dumps(task.args_kwargs, indent=2, ensure_ascii=False),
            can_retry=self.can_retry and BackgroundTask.objects.filter(retryable(now), pk=task.pk).exists(),
        )
        return context

    @cached_property
    def can_retry(self):
        return self.permission_policy.user_has_permission(self.request.user, "retry")

    def post(self, request, *args, **kwargs):
        if not self.can_retry:
            raise PermissionDenied
        if retry_now(self.object.pk):
            messages.success(request, _("The task will run again in a moment."))
        else:
            messages.warning(request, _("This task cannot be retried now: it is queued, running or done."))
        return redirect(reverse("background_tasks:inspect", args=[self.object.pk]))


class BackgroundTaskPermissionPolicy(ModelPermissionPolicy):
    """Tasks are seen (``view``) and retried (``retry``), never added, edited or deleted here."""

    def user_has_permission(self, user, action):
        return action in {"view", "retry"} and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action in {"view", "retry"}])


register_permission_policy(BackgroundTask, BackgroundTaskPermissionPolicy(BackgroundTask), exact_class=True)


class BackgroundTaskViewSet(ModelViewSet):
    model = BackgroundTask
    name = "background_tasks"
    icon = "cogs"
    menu_label = _("Background tasks")
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    index_view_class = BackgroundTaskIndexView
    inspect_view_class = BackgroundTaskInspectView
    filterset_class = BackgroundTaskFilterSet
    list_per_page = 50

    def get_urlpatterns(self):
        # The list and the detail only: no add, edit, delete, history or usage views.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
        ]
