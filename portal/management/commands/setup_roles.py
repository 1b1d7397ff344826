"""Create or update the editors' groups, their permissions and the moderation workflow.

Idempotent: run it after every deployment (``make run`` and the demo loader do).
"""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Éditeurs"
MODERATORS = "Modérateurs"
REVIEWERS = "Instructeurs"
WORKFLOW_NAME = "Validation éditoriale"

# Page permissions on the whole tree. Editors write and submit; moderators also publish.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "delete_page", "lock_page", "unlock_page"],
    REVIEWERS: [],
}
# Image and document permissions on the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
    MODERATORS: [
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    ],
    REVIEWERS: ["choose_document"],
}
# Other model permissions, as "app_label.codename". Each app adds its own here.
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "portal.add_theme",
        "portal.change_theme",
        "portal.add_country",
        "portal.change_country",
        "portal.change_navigationmenu",
        "wagtail_localize.submit_translation",
        "calls.add_laureate",
        "calls.change_laureate",
        "calls.delete_laureate",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "portal.add_theme",
        "portal.change_theme",
        "portal.delete_theme",
        "portal.add_country",
        "portal.change_country",
        "portal.delete_country",
        "portal.add_navigationmenu",
        "portal.change_navigationmenu",
        "portal.change_portalsettings",
        "wagtail_localize.submit_translation",
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "wagtailsearchpromotions.view_querydailyhits",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        # Login lock-outs (django-axes): see them, lift one by deleting it.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        # Intake records without the submitters' personal data (reviewers only see those).
        "intake.view_partnershipoffer",
        "intake.view_expertiselabelrequest",
        "calls.add_laureate",
        "calls.change_laureate",
        "calls.delete_laureate",
    ],
    REVIEWERS: [
        "wagtailadmin.access_admin",
        "intake.view_partnershipoffer",
        "intake.change_partnershipoffer",
        "intake.view_offer_personal_data",
        "intake.view_expertiselabelrequest",
        "intake.change_expertiselabelrequest",
        "intake.view_labelrequest_personal_data",
        # The task queue: the intake's e-mails (recipients, text) are among its tasks.
        "portal.view_backgroundtask",
        "portal.retry_backgroundtask",
    ],
}


def permission(label):
    app_label, codename = label.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


class Command(BaseCommand):
    help = "Create the Éditeurs, Modérateurs and Instructeurs groups and the moderation workflow."

    @transaction.atomic
    def handle(self, *args, **options):
        root = Page.get_first_root_node()
        root_collection = Collection.get_first_root_node()
        groups = {}
        for name in PAGE_PERMISSIONS:
            group, _ = Group.objects.get_or_create(name=name)
            groups[name] = group
            group.permissions.set(p for p in map(permission, MODEL_PERMISSIONS[name]) if p is not None)
            GroupPagePermission.objects.filter(group=group).exclude(
                permission__codename__in=PAGE_PERMISSIONS[name]
            ).delete()
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root,
                    permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
                )
            for codename in COLLECTION_PERMISSIONS[name]:
                app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(f"{app_label}.{codename}")
                )

        # Publishing goes through one moderation step, approved by a moderator.
        task, _ = GroupApprovalTask.objects.get_or_create(name="Relecture par un modérateur")
        task.groups.set([groups[MODERATORS]])
        workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
        # Wagtail's own starter groups would only confuse editors next to the French ones.
        Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()
        Workflow.objects.exclude(pk=workflow.pk).update(active=False)
        self.stdout.write(f"Groups {', '.join(groups)} and workflow “{WORKFLOW_NAME}” are ready.")
