"""Files sent through the intake forms: allowed types checked by content, private storage.

The browser's name and content type are not trusted: a file is accepted only when its
extension is allowed *and* its first bytes (or, for the office formats, its ZIP container)
match that extension. No libmagic: the few signatures we accept are checked here.
"""

import io
import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ZIP_SIGNATURE = b"PK\x03\x04"

# extension -> MIME type sent back to staff when they download the file
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}


def private_storage():
    """Storage outside MEDIA_ROOT: nothing here is reachable by a public URL."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def attachment_path(instance, filename):
    """A random name (the original one is kept in the database, never on disk)."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"intake/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def _is_odt(archive):
    try:
        return archive.read("mimetype").strip() == ODT_MIMETYPE
    except KeyError:
        return False


def _is_docx(archive):
    names = archive.namelist()
    return "[Content_Types].xml" in names and any(name.startswith("word/") for name in names)


def content_matches(extension, head, read_all):
    """Whether the file's content is of the type its extension claims."""
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension in ("odt", "docx"):
        if not head.startswith(ZIP_SIGNATURE):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(read_all())) as archive:
                return _is_odt(archive) if extension == "odt" else _is_docx(archive)
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
    return False


def validate_attachment(upload):
    """Refuse a file whose type, content or size is not allowed. Returns the MIME type."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _("“%(name)s”: this type of file is not accepted (PDF, ODT, DOCX, JPEG or PNG only)."),
            code="file_type",
            params={"name": name},
        )
    if upload.size > settings.INTAKE_MAX_FILE_SIZE:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); the limit is %(limit)s per file."),
            code="file_size",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.INTAKE_MAX_FILE_SIZE),
            },
        )

    def read_all():
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        return data

    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not content_matches(extension, head, read_all):
        raise ValidationError(
            _("“%(name)s”: its content is not a real %(type)s file."),
            code="file_content",
            params={"name": name, "type": extension.upper()},
        )
    return ALLOWED_TYPES[extension]
