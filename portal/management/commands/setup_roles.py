"""Create or update the editors' groups, their permissions and the moderation workflow.

Idempotent: run it after every deployment (``make run`` and the demo loader do).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
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
        # The Atlas: editors write and correct projects; publishing them is for moderators and reviewers.
        "atlas.add_project",
        "atlas.change_project",
        "atlas.add_apdfigure",
        "atlas.change_apdfigure",
        "portal.add_partnerauthority",
        "portal.change_partnerauthority",
        "portal.view_frenchauthority",
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
        "atlas.add_project",
        "atlas.change_project",
        "atlas.delete_project",
        "atlas.publish_project",
        "atlas.add_apdfigure",
        "atlas.change_apdfigure",
        "atlas.delete_apdfigure",
        "portal.add_partnerauthority",
        "portal.change_partnerauthority",
        "portal.delete_partnerauthority",
        "portal.view_frenchauthority",
        "portal.change_frenchauthority",
    ],
    REVIEWERS: [
        "wagtailadmin.access_admin",
        "intake.view_partnershipoffer",
        "intake.change_partnershipoffer",
        "intake.view_offer_personal_data",
        "intake.view_expertiselabelrequest",
        "intake.change_expertiselabelrequest",
        "intake.view_labelrequest_personal_data",
        # The addresses of the alert subscribers (alerts/wagtail_hooks.py).
        "alerts.view_subscription",
        "alerts.view_subscriber_addresses",
        # The task queue: the intake's e-mails (recipients, text) are among its tasks.
        "portal.view_backgroundtask",
        "portal.retry_backgroundtask",
        # Reviewers check and correct Atlas projects, and publish them.
        "atlas.add_project",
        "atlas.change_project",
        "atlas.publish_project",
        "portal.add_partnerauthority",
        "portal.change_partnerauthority",
        "portal.view_frenchauthority",
        # The yearly APD declarations: campaigns, reopenings, follow-up, validation, export.
        "apd.review_declaration",
        "apd.add_campaign",
        "apd.change_campaign",
        "apd.view_campaign",
        "apd.add_reopening",
        "apd.change_reopening",
        "apd.delete_reopening",
        "apd.view_reopening",
        # Proposals of changes to Atlas projects sent by authorities from the professional space.
        "proposals.view_projectproposal",
        "proposals.review_projectproposal",
    ],
}


# Permissions that apps create in data migrations rather than in models' Meta, with the content
# type they hang on: a database emptied by a flush (the tests that run a live server) has lost
# them, and post_migrate does not bring them back, so the roles recreate them as the migrations do.
MIGRATION_PERMISSIONS = {
    "wagtailadmin.access_admin": ("admin", "Can access Wagtail admin"),
    "wagtail_localize.submit_translation": ("translation", "Can submit translations"),
}


def permission(label):
    app_label, codename = label.split(".")
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if found is None and label in MIGRATION_PERMISSIONS:
        model, name = MIGRATION_PERMISSIONS[label]
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        found, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
    return found


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
