"""The admin's laureate import view (the public lists are ``calls/listings.py``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from calls.importer import ImportForm, import_laureates
from calls.models import CallPage


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
                return redirect("wagtailadmin_pages:edit", page.pk)
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "calls/admin/import_laureates.html",
        {"page": page, "form": form, "errors": errors, "can_publish": can_publish},
    )
