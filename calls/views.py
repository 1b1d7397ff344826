"""The admin's laureate screens of a call: the list, a form per row, the import (the public
lists are ``calls/listings.py``).

Laureates are rows of the page (``Laureate``, a child of ``CallPage``), stored in its revisions:
each change here — a row added, edited or deleted, a file imported — becomes a new revision of
the page, published when the page is live and the editor may publish (otherwise a draft for the
usual workflow), so the page editor never resurrects an old list and translations keep getting
the rows on synchronisation. Rows are named by their position in the latest revision (a row
added to a draft has no id until it is published); the revision the form was opened on is sent
back, and a change made meanwhile is refused rather than applied to another row.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from calls.importer import ImportForm, import_laureates
from calls.models import CallPage, Laureate
from portal.admin_forms import TaxonomyChoices
from portal.models import Country, Theme

PER_PAGE = 100


class LaureateForm(forms.ModelForm):
    """One laureate row: its theme among the themes of the call's locale, countries named in
    the call's language (``portal.admin_forms.TaxonomyChoices``)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Laureate
        fields = ["french_authority", "partner_authority", "country", "theme", "amount", "project_title"]

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        TaxonomyChoices(locale).apply(self)


def editable_call(request, page_id):
    """(the call, its latest revision as an object, whether the editor may publish); 403 if
    the user may not edit it."""
    page = get_object_or_404(CallPage, pk=page_id)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    return page, draft, permissions.can_publish()


def ordered(draft):
    return sorted(draft.laureates.all(), key=lambda laureate: laureate.sort_order or 0)


def save_laureates(page, draft, laureates, *, user, can_publish):
    """The call with ``laureates`` as a new revision, published when the page is live and the
    editor may publish."""
    for number, laureate in enumerate(laureates):
        laureate.sort_order = number
    with transaction.atomic():
        draft.laureates = laureates
        revision = draft.save_revision(user=user, log_action=True)
        if can_publish and page.live:
            revision.publish(user=user)


def laureates_view(request, page_id):
    """Admin: the call's laureates (latest revision), a hundred a page, with links to each row."""
    page, draft, can_publish = editable_call(request, page_id)
    laureates = ordered(draft)
    paginator = Paginator(list(enumerate(laureates)), PER_PAGE)
    rows = paginator.get_page(request.GET.get("p"))
    attach_taxonomy([laureate for _index, laureate in rows])
    return TemplateResponse(
        request,
        "calls/admin/laureates.html",
        {
            "page": page,
            "rows": rows,
            "count": len(laureates),
            "revision": page.latest_revision_id,
            "can_publish": can_publish,
        },
    )


def attach_taxonomy(laureates):
    """Load the countries and themes of ``laureates`` in two queries (rows read from a revision
    would load theirs one by one)."""
    countries = Country.objects.in_bulk({laureate.country_id for laureate in laureates} - {None})
    themes = Theme.objects.in_bulk({laureate.theme_id for laureate in laureates} - {None})
    for laureate in laureates:
        laureate.country = countries.get(laureate.country_id)
        laureate.theme = themes.get(laureate.theme_id)


def laureate_edit_view(request, page_id, index=None):
    """Admin: add a laureate (``index`` None) or edit the row at ``index``."""
    page, draft, can_publish = editable_call(request, page_id)
    laureates = ordered(draft)
    if index is not None and not 0 <= index < len(laureates):
        raise Http404(_("This laureate does not exist (any more)."))
    instance = laureates[index] if index is not None else Laureate(page=draft)
    form = LaureateForm(
        request.POST or None,
        instance=instance,
        locale=page.locale,
        initial={"revision": page.latest_revision_id},
    )
    if request.method == "POST" and form.is_valid():
        if stale(form.cleaned_data["revision"], page):
            messages.error(request, _("The laureates were changed meanwhile: nothing was saved, check the list."))
            return redirect("calls_laureates", page.pk)
        laureate = form.save(commit=False)
        if index is None:
            laureates.append(laureate)
        save_laureates(page, draft, laureates, user=request.user, can_publish=can_publish)
        messages.success(request, _("Laureate “%(name)s” saved.") % {"name": laureate.french_authority})
        return redirect("calls_laureates", page.pk)
    return TemplateResponse(
        request,
        "calls/admin/laureate_form.html",
        {"page": page, "form": form, "index": index, "can_publish": can_publish},
    )


def laureate_delete_view(request, page_id, index):
    """Admin: delete the row at ``index`` (POST only, from the list)."""
    if request.method != "POST":
        return redirect("calls_laureates", page_id)
    page, draft, can_publish = editable_call(request, page_id)
    laureates = ordered(draft)
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = None
    if not 0 <= index < len(laureates) or stale(revision, page):
        messages.error(request, _("The laureates were changed meanwhile: nothing was deleted, check the list."))
        return redirect("calls_laureates", page.pk)
    removed = laureates.pop(index)
    save_laureates(page, draft, laureates, user=request.user, can_publish=can_publish)
    messages.success(request, _("Laureate “%(name)s” deleted.") % {"name": removed.french_authority})
    return redirect("calls_laureates", page.pk)


def stale(revision, page):
    """Whether the form was opened on another revision than the page's latest one."""
    return revision != page.latest_revision_id


def import_laureates_view(request, page_id):
    """Admin: replace or extend a call's laureates from a CSV or XLSX file.

    The whole file is checked first; on any error nothing is saved and every faulty row is
    listed. A good file becomes a new revision of the page (published if the page is live and
    the editor may publish), so the page editor never resurrects the old list.
    """
    page = get_object_or_404(CallPage, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    can_publish = permissions.can_publish()
    errors = []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            result = import_laureates(
                page,
                form.cleaned_data["file"],
                replace=form.cleaned_data["replace"],
                user=request.user,
                publish=can_publish and page.live,
            )
            if result.errors:
                errors = result.errors
                messages.error(request, _("The file was not imported: correct the rows below and try again."))
            else:
                messages.success(
                    request,
                    _("%(count)s laureates imported into “%(title)s”.") % {"count": result.count, "title": page.title},
                )
                return redirect("calls_laureates", page.pk)
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "calls/admin/import_laureates.html",
        {"page": page, "form": form, "errors": errors, "can_publish": can_publish},
    )
