"""Translations go through the same moderation as their source.

wagtail-localize's translation editor offers a "Publish in …" button to whoever may publish, and
nothing to the others: its translated page would be published directly, outside the moderation
workflow, and an editor could not ask for it to be published. Here (README, Decisions):

- "Translate this page" creates the target page as a draft (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_
  TRANSLATE = False`` in the settings): it is not live, so its URL answers 404, until it is
  published through moderation.
- The translation editor shows a moderation panel (the template
  ``wagtail_localize/admin/edit_translation.html`` is extended): an editor *submits the
  translation for moderation* (the translated strings are saved as a draft revision of the target
  page, then the page's workflow starts, or resumes after changes were requested); a moderator
  of the current task *approves and publishes* it, or *requests changes* with a comment. The
  revision approved is saved from the strings shown in the editor at that moment.
- "Sync translated pages" offers "Publish immediately" only to those who may publish the page.
- A moderator's "Publish in …" on a translation in moderation approves the task rather than
  bypassing it (Wagtail would cancel the workflow), so the history shows who approved it.

Everything is done by the ``before_edit_page`` hook below, registered before wagtail-localize's
(which renders its editor for the target page of a synchronised translation).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

FIELD = "portal-translation-moderation"
SUBMIT, APPROVE, REJECT = "submit", "approve", "reject"


def synchronised_translation(page):
    """The enabled wagtail-localize translation whose target is ``page``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def moderation_of(page, user):
    """What ``user`` may do with the moderation of ``page`` (a translated page): the workflow, its
    active state, and whether the user may submit, approve or request changes."""
    workflow = page.get_workflow()
    state = page.current_workflow_state
    task_state = state.current_task_state if state and state.status == WorkflowState.STATUS_IN_PROGRESS else None
    actions = set()
    if task_state:
        actions = {name for name, _label, _modal in task_state.task.specific.get_actions(page, user)}
    permissions = page.permissions_for_user(user)
    needs_changes = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return {
        "workflow": workflow,
        "state": state,
        "task_state": task_state,
        "needs_changes": needs_changes,
        "can_submit": workflow is not None
        and permissions.can_edit()
        and (needs_changes or permissions.can_submit_for_moderation()),
        "can_approve": APPROVE in actions,
        "can_reject": REJECT in actions,
    }


def save_translation_draft(request, translation, page):
    """Save the strings translated so far as a draft revision of the target page; False (with an
    error message) if the page does not validate."""
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(
            request,
            _("The translation of “%(title)s” has errors: fix them and try again.") % {"title": page.title},
        )
        return False
    return True


def before_edit_page(request, page):
    """Handle the moderation actions posted from wagtail-localize's editor (see the module)."""
    if request.method != "POST":
        return None
    action = request.POST.get(FIELD)
    if action is None and request.POST.get("action") == "publish":
        action = "publish"
    if action not in (SUBMIT, APPROVE, REJECT, "publish"):
        return None
    translation = synchronised_translation(page)
    if translation is None:
        return None
    page = page.specific
    moderation = moderation_of(page, request.user)
    if action == "publish":
        if not moderation["can_approve"]:
            return None  # wagtail-localize publishes directly (a moderator, no moderation in progress)
        action = APPROVE
    if action == SUBMIT and not moderation["can_submit"]:
        raise PermissionDenied
    if action in (APPROVE, REJECT) and not moderation[f"can_{action}"]:
        raise PermissionDenied

    with transaction.atomic():
        if action == REJECT:
            task_state = moderation["task_state"]
            task_state.task.specific.on_action(
                task_state, request.user, REJECT, comment=request.POST.get("comment", "").strip()
            )
            messages.success(request, _("Changes requested to the translation “%(title)s”.") % {"title": page.title})
            return redirect(request.path)
        if not save_translation_draft(request, translation, page):
            return redirect(request.path)
        page = Page.objects.get(pk=page.pk).specific
        if action == SUBMIT:
            state = moderation["state"]
            if moderation["needs_changes"]:
                state.resume(user=request.user)
            else:
                moderation["workflow"].start(page, request.user)
            messages.success(
                request, _("The translation “%(title)s” was submitted for moderation.") % {"title": page.title}
            )
        else:
            task_state = moderation["task_state"]
            task_state.task.specific.on_action(task_state, request.user, APPROVE)
            messages.success(request, _("The translation “%(title)s” was approved.") % {"title": page.title})
    return redirect(request.path)


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" is kept for those
    who may publish the page: for an editor the synchronised strings are saved in the translation
    memory and the translations are published through moderation like any change."""

    def may_publish(self):
        instance = self.object.get_source_instance()
        return not isinstance(instance, Page) or instance.permissions_for_user(self.request.user).can_publish()

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            field = form.fields["publish_translations"]
            field.disabled = True
            field.help_text = _("Translations are published through moderation: submit each one from its editor.")
        return form


def admin_urls():
    # Registered before wagtail-localize's URLs, which use the same address.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="portal_update_translations",
        )
    ]
