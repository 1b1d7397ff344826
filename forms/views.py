"""The private attachments, served to the staff allowed to see the submitters' data only."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from forms.models import Attachment, can_see_personal_data


def download_attachment(request, pk):
    """Send an attachment as a download (never inline) to a user with the personal-data permission
    of its record's model; 403 to anyone else (the admin URLs already refuse anonymous users)."""
    attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
    model = attachment.content_type.model_class()
    if not can_see_personal_data(request.user, model):
        raise PermissionDenied
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.mime_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
