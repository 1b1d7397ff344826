"""Pages of the online applications in the professional space (``/<lang>/espace/candidatures/``).

Signed-in only, never cached. An application the person may not see answers 404 (whatever its
existence); an action the person may see but not do answers 403.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from accounts.models import Organisation
from applications import exports, permissions, services
from applications.forms import (
    ApplicationForm,
    AttachmentForm,
    DecisionForm,
    MessageForm,
    NoteForm,
    OpinionForm,
    PiecesForm,
    ScoreForm,
    StartForm,
    referential_label,
    referential_matches,
)
from applications.models import Application, ApplicationAttachment, Note, OnlineCall, Opinion, Score
from portal import facts
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.private_media import private_storage
from portal.uploads import ACCEPT


def space_view(view):
    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapper


def post_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    return wrapper


def visible_or_404(user, pk):
    """The application as its applicant, its instructor or a concerned prefecture/embassy sees it."""
    queryset = Application.objects.select_related("online_call__call", "call", "organisation", "lead_authority")
    application = queryset.filter(pk=pk).first()
    if application is None:
        raise Http404
    if permissions.own_applications(user).filter(pk=pk).exists():
        application.viewer_is_applicant = True
        return application
    if permissions.instructed_applications(user).filter(pk=pk).exists():
        application.viewer_is_applicant = False
        return application
    raise Http404


@space_view
def index(request):
    """The applicant's applications and the calls open to them; the applications to examine."""
    user = request.user
    own = permissions.own_applications(user).for_list()
    examined = permissions.instructed_applications(user).for_list().annotate(opinion_count=Count("opinions"))[:500]
    authorities = permissions.organisations(user, Organisation.Kind.FRENCH_AUTHORITY)
    open_calls = (
        [
            online
            for online in OnlineCall.objects.select_related("call").filter(accepts_applications=True)
            if online.is_accepting()
        ]
        if authorities
        else []
    )
    return render(
        request,
        "applications/index.html",
        {
            "own": own,
            "examined": examined,
            "open_calls": open_calls,
            "is_instructor": permissions.is_instructor(user),
            "calls": OnlineCall.objects.select_related("call") if permissions.is_instructor(user) else [],
        },
    )


def _suggestions(request, model):
    """The rows of the referential matching ``q`` (20 at most), for the pickers of the form."""
    query = request.GET.get("q", "").strip()[:100]
    if len(query) < 2:
        return JsonResponse({"results": [], "status": ""})
    rows = [{"id": row.pk, "label": referential_label(row)} for row in referential_matches(model, query)]
    status = (
        ngettext("%(count)d suggestion.", "%(count)d suggestions.", len(rows)) % {"count": len(rows)}
        if rows
        else _("No authority of the referential matches “%(text)s”.") % {"text": query}
    )
    return JsonResponse({"results": rows, "status": status})


@space_view
def french_authorities(request):
    return _suggestions(request, FrenchAuthority)


@space_view
def partner_authorities(request):
    return _suggestions(request, PartnerAuthority)


@space_view
def start(request, call_pk):
    """Start (or reopen) the application of one of the person's authorities to a call."""
    online = get_object_or_404(OnlineCall.objects.select_related("call"), pk=call_pk, accepts_applications=True)
    authorities = permissions.organisations(request.user, Organisation.Kind.FRENCH_AUTHORITY).select_related(
        "authority"
    )
    if not authorities:
        raise Http404
    form = StartForm(request.POST or None, organisations=authorities, initial={"organisation": authorities[0]})
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        existing = Application.objects.filter(online_call=online, organisation=organisation).first()
        if existing:
            return redirect("applications:edit" if existing.is_editable else "applications:detail", existing.pk)
        if not online.is_accepting():
            messages.error(request, _("This call does not accept applications now."))
            return redirect("applications:index")
        try:
            with transaction.atomic():
                application = Application.objects.create(
                    online_call=online,
                    call=online.call,
                    organisation=organisation,
                    lead_authority=organisation.authority,
                    departement=_departement_code(organisation.authority),
                    language=translation.get_language(),
                    created_by=request.user,
                    updated_by=request.user,
                )
                application.record(Application.Status.DRAFT, request.user)
        except IntegrityError:
            application = Application.objects.get(online_call=online, organisation=organisation)
        return redirect("applications:edit", application.pk)
    return render(request, "applications/start.html", {"online": online, "form": form})


def _departement_code(authority):
    if authority.kind == "departement":
        return authority.code
    return authority.departement.code if authority.departement_id else ""


def _conflict_message(application):
    who = application.updated_by.get_full_name() or application.updated_by.email if application.updated_by else "?"
    return _(
        "%(who)s saved this application at %(when)s, after you opened it. Your text below has NOT been "
        "saved; the version of %(who)s is kept. Compare with it (open the application in another tab), "
        "then save again to replace it with yours."
    ) % {"who": who, "when": formats.date_format(timezone.localtime(application.updated_at), "SHORT_DATETIME_FORMAT")}


def _closed_message(online):
    call = online.call
    closing = call.closing_at
    return _("This call closed on %(date)s (Paris time): applications are no longer accepted. Your draft is kept.") % {
        "date": formats.date_format(timezone.localtime(closing), "DATETIME_FORMAT")
    }


@space_view
def edit(request, pk):
    application = visible_or_404(request.user, pk)
    if not application.viewer_is_applicant:
        raise Http404
    if not application.is_editable:
        return redirect("applications:detail", pk)
    online = application.online_call
    autosave = request.headers.get("X-Autosave") == "1"
    status = 200
    if request.method == "POST":
        submitting = request.POST.get("action") == "submit" and not autosave
        form = ApplicationForm(request.POST, instance=application, online_call=online, submitting=submitting)
        if form.is_valid():
            try:
                services.save_draft(application, form, request.user)
            except services.StaleVersion:
                application.refresh_from_db()
                if autosave:
                    return JsonResponse({"error": _conflict_message(application)}, status=409)
                form = ApplicationForm(
                    _with_version(request.POST, application.version), instance=application, online_call=online
                )
                form.is_valid()
                messages.error(request, _conflict_message(application))
                status = 409
            else:
                if autosave:
                    saved_at = formats.time_format(timezone.localtime(application.updated_at), "H:i:s")
                    return JsonResponse(
                        {"version": application.version, "message": _("Draft saved at %(time)s.") % {"time": saved_at}}
                    )
                if not submitting:
                    messages.success(request, _("Your draft has been saved."))
                    return redirect("applications:edit", pk)
                try:
                    services.submit(application, request.user)
                except services.SubmissionClosed:
                    messages.error(request, _closed_message(online))
                    return _render_edit(request, application, form, status=403)
                messages.success(
                    request,
                    _("Your application has been submitted under the reference %(reference)s. A receipt is on its way.")
                    % {"reference": application.reference},
                )
                return redirect("applications:detail", pk)
        else:
            if autosave:
                return JsonResponse({"error": _("The draft could not be saved: check the fields shown.")}, status=400)
            status = 400
    else:
        form = ApplicationForm(instance=application, online_call=online)
    return _render_edit(request, application, form, status=status)


def _render_edit(request, application, form, status=200, attachment_form=None):
    return render(
        request,
        "applications/edit.html",
        {
            "application": application,
            "form": form,
            "accepting": application.online_call.is_accepting(),
            "attachment_rows": attachment_rows(application, attachment_form),
            "accept": ACCEPT,
            "max_size": filesizeformat(settings.INTAKE_MAX_FILE_SIZE),
        },
        status=status,
    )


def attachment_rows(application, refused=None):
    """Each attachment the call asks, with its current document if any, then the other
    documents; the errors of a ``refused`` upload go with its attachment."""
    current = list(application.current_attachments())
    refused_key = refused.data.get("key") if refused is not None else None
    rows = [
        {
            **item,
            "documents": [doc for doc in current if doc.key == item["key"]],
            "errors": refused.errors if item["key"] == refused_key else {},
        }
        for item in application.online_call.attachment_list()
    ]
    asked = {row["key"] for row in rows}
    return {
        "asked": rows,
        "others": [doc for doc in current if doc.key not in asked],
        "other_errors": refused.errors if refused_key not in asked and refused is not None else {},
        "other_description": refused.data.get("description", "") if refused is not None else "",
    }


def _with_version(post, version):
    data = post.copy()
    data["version"] = str(version)
    return data


def _detail_context(request, application):
    user = request.user
    instructor = not application.viewer_is_applicant and permissions.is_instructor(user)
    opinion_org = None if application.viewer_is_applicant else permissions.opinion_organisation(user, application)
    context = {
        "application": application,
        "history": application.history.select_related("author"),
        "is_instructor": instructor,
        "opinion_organisation": opinion_org,
        "partner_authorities": application.partner_authorities.select_related("country"),
        "partner_french_authorities": application.partner_french_authorities.all(),
        "countries": application.countries.all(),
        "themes": application.themes.all(),
        "goals": application.goals.all(),
        "documents": application.current_attachments(),
    }
    if application.viewer_is_applicant or instructor:
        context["messages_list"] = application.messages.select_related("author")
        context["message_form"] = MessageForm()
    if instructor:
        online = application.online_call
        year = timezone.localtime(application.submitted_at or timezone.now()).year - 1
        context["apd_year"] = year
        context["apd_declared"] = facts.ask("apd_declared", application.lead_authority, year)
        own_score = application.scores.filter(instructor=user).first()
        context.update(
            opinions=application.opinions.select_related("organisation", "author"),
            scores=application.scores.select_related("instructor"),
            notes=application.notes.select_related("author"),
            note_form=NoteForm(),
            pieces_form=PiecesForm(),
            score_form=ScoreForm(criteria=online.criteria(), initial_points=own_score.points if own_score else None),
            decision_form=DecisionForm(),
        )
    elif opinion_org:
        existing = application.opinions.filter(organisation=opinion_org).first()
        context.update(
            my_opinion=existing,
            opinion_form=OpinionForm(instance=existing),
            opinions_open=application.online_call.opinions_open(),
        )
    return context


@space_view
def detail(request, pk):
    application = visible_or_404(request.user, pk)
    return render(request, "applications/detail.html", _detail_context(request, application))


def _rerender(request, application, status=400, **forms):
    context = _detail_context(request, application)
    context.update(forms)
    return render(request, "applications/detail.html", context, status=status)


@space_view
def receipt(request, pk):
    application = visible_or_404(request.user, pk)
    if not application.receipt:
        raise Http404
    storage = private_storage("applications")
    if not storage.exists(application.receipt):
        raise Http404
    return FileResponse(
        storage.open(application.receipt),
        as_attachment=True,
        filename=f"{application.reference}.pdf",
        content_type="application/pdf",
    )


@space_view
@post_only
def upload_attachment(request, pk):
    """The applicant adds a document to a file they may edit (a draft, or a file sent back for
    missing pieces); checked as the intake's attachments are (``portal.uploads``)."""
    application = visible_or_404(request.user, pk)
    if not application.viewer_is_applicant:
        raise Http404
    if not application.is_editable:
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES, online_call=application.online_call)
    if not form.is_valid():
        messages.error(request, _("The document was not added: see the error under its field."))
        return _render_edit(
            request,
            application,
            ApplicationForm(instance=application, online_call=application.online_call),
            status=400,
            attachment_form=form,
        )
    document = services.add_attachment(application, form, request.user)
    messages.success(request, _("“%(name)s” has been added to the application.") % {"name": document.original_name})
    return redirect(reverse("applications:edit", args=[pk]) + "#attachments")


@space_view
@post_only
def remove_attachment(request, pk, document_pk):
    application = visible_or_404(request.user, pk)
    if not application.viewer_is_applicant:
        raise Http404
    document = get_object_or_404(application.attachments, pk=document_pk, replaced_at__isnull=True)
    if not application.is_editable or application.reference:
        raise PermissionDenied
    services.remove_attachment(document)
    messages.success(request, _("“%(name)s” has been removed.") % {"name": document.original_name})
    return redirect(reverse("applications:edit", args=[pk]) + "#attachments")


@space_view
def attachment(request, pk, document_pk):
    """A document of an application, to those who see the application (its authority's members,
    the instructors, the concerned prefecture and embassies); anyone else gets 404."""
    application = visible_or_404(request.user, pk)
    document = get_object_or_404(ApplicationAttachment, pk=document_pk, application=application)
    storage = document.file.storage
    if not storage.exists(document.file.name):
        raise Http404
    response = FileResponse(
        storage.open(document.file.name),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.mime_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@space_view
@post_only
def opinion(request, pk):
    application = visible_or_404(request.user, pk)
    organisation = (
        None if application.viewer_is_applicant else permissions.opinion_organisation(request.user, application)
    )
    if organisation is None:
        raise PermissionDenied
    if not application.online_call.opinions_open():
        messages.error(request, _("The date for giving opinions has passed."))
        return _rerender(request, application, status=403)
    existing = application.opinions.filter(organisation=organisation).first()
    form = OpinionForm(request.POST, instance=existing)
    if not form.is_valid():
        return _rerender(request, application, opinion_form=form)
    item = form.save(commit=False)
    item.application, item.organisation, item.author = application, organisation, request.user
    item.created_at = timezone.now()
    item.save()
    messages.success(request, _("Your opinion has been recorded."))
    return redirect("applications:detail", pk)


@space_view
@post_only
def message(request, pk):
    application = visible_or_404(request.user, pk)
    from_ministry = not application.viewer_is_applicant
    if from_ministry and not permissions.is_instructor(request.user):
        raise PermissionDenied
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _rerender(request, application, message_form=form)
    services.send_message(application, request.user, form.cleaned_data["body"], from_ministry)
    messages.success(request, _("Your message has been sent."))
    return redirect("applications:detail", pk)


def instructor_only(view):
    @wraps(view)
    def wrapper(request, pk):
        application = visible_or_404(request.user, pk)
        if application.viewer_is_applicant or not permissions.is_instructor(request.user):
            raise PermissionDenied
        return view(request, application)

    return wrapper


@space_view
@post_only
@instructor_only
def note(request, application):
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _rerender(request, application, note_form=form)
    Note.objects.create(application=application, author=request.user, body=form.cleaned_data["body"])
    messages.success(request, _("Your note has been saved."))
    return redirect("applications:detail", application.pk)


@space_view
@post_only
@instructor_only
def pieces(request, application):
    if application.status != Application.Status.SUBMITTED:
        messages.error(request, _("Missing pieces can be requested from a submitted application only."))
        return _rerender(request, application, status=409)
    form = PiecesForm(request.POST)
    if not form.is_valid():
        return _rerender(request, application, pieces_form=form)
    services.request_pieces(application, request.user, form.cleaned_data["body"])
    messages.success(request, _("The application has gone back to the applicant, who is told by e-mail."))
    return redirect("applications:detail", application.pk)


@space_view
@post_only
@instructor_only
def score(request, application):
    form = ScoreForm(request.POST, criteria=application.online_call.criteria())
    if not form.is_valid():
        return _rerender(request, application, score_form=form)
    points = form.points()
    Score.objects.update_or_create(
        application=application,
        instructor=request.user,
        defaults={"points": points, "total": sum(points.values()), "created_at": timezone.now()},
    )
    messages.success(request, _("Your scores have been saved."))
    return redirect("applications:detail", application.pk)


@space_view
@post_only
@instructor_only
def decision(request, application):
    if application.status not in (Application.Status.SUBMITTED,):
        messages.error(request, _("A decision is recorded on a submitted application only."))
        return _rerender(request, application, status=409)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _rerender(request, application, decision_form=form)
    data = form.cleaned_data
    services.decide(application, request.user, data["decision"], data.get("amount_granted"), data.get("comment", ""))
    messages.success(request, _("The decision has been recorded; the applicant is told by e-mail."))
    return redirect("applications:detail", application.pk)


@space_view
def export_xlsx(request, call_pk):
    """Every sent application of a call with its opinions and scores (the committee's file)."""
    if not permissions.is_instructor(request.user):
        raise Http404
    online = get_object_or_404(OnlineCall.objects.select_related("call"), pk=call_pk)
    applications = (
        Application.objects.filter(online_call=online, status__in=Application.SENT)
        .select_related("organisation", "lead_authority")
        .prefetch_related(
            "countries",
            "partner_authorities",
            Prefetch("opinions", queryset=Opinion.objects.select_related("organisation")),
            "scores",
        )
        .order_by("reference")
    )
    return exports.applications_xlsx(online, applications)
