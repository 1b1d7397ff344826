"""What changes an application: saving a draft (optimistic concurrency), submitting it (in time,
judged on the server in Paris time), the instruction's actions and the committee's decision,
which writes the call's laureate row and the Atlas project (no retyping)."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import emails, tasks
from applications.models import Application, ApplicationAttachment, Message, ReferenceCounter, attachments_storage
from atlas.models import FundingLine, Project, ProjectFrenchAuthority, ProjectPartner
from calls.models import Laureate
from portal.tasks import enqueue


class StaleVersion(Exception):  # noqa: N818 - a refusal, shown to the person
    """The draft was saved by someone else since the form was opened."""


class SubmissionClosed(Exception):  # noqa: N818
    """The call no longer (or not yet) accepts applications."""


def save_draft(application, form, user):
    """Write the form into the application if its version is still the one the form was opened
    with; otherwise raise ``StaleVersion`` (the newer copy is kept, the form keeps what was typed)."""
    data = form.cleaned_data
    with transaction.atomic():
        updated = Application.objects.filter(
            pk=application.pk, version=data["version"], status__in=Application.EDITABLE
        ).update(
            title=data.get("title") or "",
            summary=data.get("summary") or "",
            duration_months=data.get("duration_months"),
            expected_results=data.get("expected_results") or "",
            budget=data["budget"],
            answers=form.answers(),
            version=F("version") + 1,
            updated_by=user,
            updated_at=timezone.now(),
        )
        if not updated:
            raise StaleVersion
        application.refresh_from_db()
        application.partner_authorities.set(data.get("partner_authorities") or [])
        application.countries.set(_countries(data))
        application.themes.set(data.get("themes") or [])
        application.goals.set(data.get("goals") or [])
        application.partner_french_authorities.set(data.get("partner_french_authorities") or [])
    return application


def add_attachment(application, form, user):
    """Store an uploaded document; it replaces the previous one of the same attachment (a
    draft's is deleted, a sent file's is kept as replaced: the instruction may have read it)."""
    upload = form.cleaned_data["file"]
    key = form.cleaned_data["key"]
    with transaction.atomic():
        Application.objects.select_for_update().filter(pk=application.pk).first()
        if key != ApplicationAttachment.OTHER:
            previous = list(application.attachments.filter(key=key, replaced_at__isnull=True))
            for item in previous:
                if application.reference:
                    item.replaced_at = timezone.now()
                    item.save(update_fields=["replaced_at"])
                else:
                    item.delete()
                    transaction.on_commit(lambda name=item.file.name: attachments_storage().delete(name))
        return ApplicationAttachment.objects.create(
            application=application,
            key=key,
            label=form.label(),
            file=upload,
            original_name=upload.name[:255],
            mime_type=upload.checked_mime_type,
            size=upload.size,
            uploaded_by=user,
        )


def remove_attachment(attachment):
    """Remove a document from a draft never sent (a sent file keeps its documents)."""
    name = attachment.file.name
    with transaction.atomic():
        attachment.delete()
        transaction.on_commit(lambda: attachments_storage().delete(name))


def _countries(data):
    countries = {country.pk: country for country in data.get("countries") or []}
    for partner in data.get("partner_authorities") or []:
        countries.setdefault(partner.country_id, partner.country)
    return list(countries.values())


def submit(application, user, now=None):
    """Submit a saved, complete draft: refused once the call is closed (``SubmissionClosed``).
    The reference, the history, the e-mail and the receipt task are written in one transaction."""
    now = now or timezone.now()
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("online_call__call").get(pk=application.pk)
        returning = application.status == Application.Status.PIECES_REQUESTED
        # A file the ministry sent back for missing pieces returns after the deadline too.
        if not returning and not application.online_call.is_accepting(now):
            raise SubmissionClosed
        if not application.reference:
            application.reference = ReferenceCounter.next_reference(timezone.localtime(now).year)
        application.submitted_at = now
        application.record(Application.Status.SUBMITTED, user, _("Completed file sent again") if returning else "")
        application.save()
        # The acknowledgement goes once the receipt is written, with the PDF attached.
        acknowledge_to = emails.applicant_addresses(application, user)
        enqueue(tasks.make_receipt, application.pk, reference=application.reference, acknowledge_to=acknowledge_to)
    return application


def request_pieces(application, user, body):
    with transaction.atomic():
        application.record(Application.Status.PIECES_REQUESTED, user, body)
        application.save(update_fields=["status"])
        Message.objects.create(application=application, author=user, from_ministry=True, body=body)
        emails.queue_applicant_notice(application, "pieces")


def send_message(application, user, body, from_ministry):
    with transaction.atomic():
        Message.objects.create(application=application, author=user, from_ministry=from_ministry, body=body)
        if from_ministry:
            emails.queue_applicant_notice(application, "message")


def decide(application, user, decision, amount, comment):
    """Record the committee's decision; a selected application becomes a laureate row of the
    call (published with a new revision of the call page) and a published Atlas project."""
    with transaction.atomic():
        application.record(decision, user, comment)
        application.amount_granted = amount if decision == Application.Status.SELECTED else None
        if decision == Application.Status.SELECTED and not application.laureate_id:
            application.laureate = add_laureate(application, user)
            application.project = create_project(application)
        application.save()
        emails.queue_applicant_notice(application, "decision", comment=comment)


def partner_label(application):
    partners = list(application.partner_authorities.all())
    return ", ".join(partner.name for partner in partners)


def add_laureate(application, user):
    """The laureate row, added through a new revision of the call page so that a later
    publication of the page keeps it."""
    call = application.call.specific
    page = call.get_latest_revision_as_object() if call.has_unpublished_changes else call
    countries = list(application.countries.all())
    themes = list(application.themes.all())
    page.laureates.add(
        Laureate(
            french_authority=application.lead_authority.name,
            partner_authority=partner_label(application),
            country=countries[0] if countries else None,
            project_title=application.title,
            theme=themes[0] if themes else None,
            amount=application.amount_granted,
        )
    )
    # The committee's decision is the ministry's act, not an editor's: the instructor publishes
    # the new laureate row without holding Wagtail's publishing permission (logged under their name).
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return Laureate.objects.filter(page=call, project_title=application.title).order_by("-pk").first()


def create_project(application):
    """The Atlas project sheet of a selected application, published."""
    year = timezone.localdate().year
    months = application.duration_months or 12
    project = Project(
        title=application.title,
        language=application.language,
        status=Project.Status.PUBLISHED,
        objectives=application.expected_results,
        description=application.summary,
        start_year=year,
        end_year=year + (months - 1) // 12,
        reference=f"{application.reference}",
    )
    project.save()
    project.themes.set(application.themes.all())
    project.goals.set(application.goals.all())
    ProjectFrenchAuthority.objects.create(
        project=project, authority=application.lead_authority, role=ProjectFrenchAuthority.Role.LEAD, sort_order=0
    )
    for index, authority in enumerate(application.partner_french_authorities.all(), start=1):
        ProjectFrenchAuthority.objects.create(
            project=project, authority=authority, role=ProjectFrenchAuthority.Role.PARTNER, sort_order=index
        )
    for index, partner in enumerate(application.partner_authorities.all()):
        ProjectPartner.objects.create(project=project, partner=partner, sort_order=index)
    FundingLine.objects.create(
        project=project,
        source=FundingLine.Source.MINISTRY,
        amount=application.amount_granted,
        year=year,
        call=application.call,
        laureate=application.laureate,
    )
    project.update_location()
    return project
