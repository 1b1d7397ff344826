"""Checking an uploaded file: allowed types checked by content, and size (shared by the intake's
attachments, ``forms/``, and the applications' attachments, ``applications/``).

The browser's name and content type are not trusted: a file is accepted only when its
extension is allowed *and* its content is of that type:

- PNG and JPEG by their signature (they are only ever downloaded, never displayed inline);
- PDF by a real parser (pypdf): a ``%PDF-`` header followed by HTML or PHP has no cross-reference
  table, trailer or page and is refused;
- ODT and DOCX by their ZIP container, *without expanding it*: only the central directory is
  read (names, declared sizes, compressed sizes), archives whose members are too many or declare
  absurd sizes or compression ratios are refused (a zip bomb of 1 MB may declare gigabytes), and
  of one member (ODT's ``mimetype``) only the first bytes are decompressed.

The size limit is ``INTAKE_MAX_FILE_SIZE``. Request bodies larger than what the forms accept are
refused before being read (``DATA_UPLOAD_MAX_MEMORY_SIZE``/``MAX_REQUEST_BODY_SIZE`` in the
settings, and the proxy's ``client_max_body_size``). Files are kept in ``portal.private_media``.
"""

import logging
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

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

#: The ``accept`` attribute of a file input taking these types.
ACCEPT = ",".join(f".{extension}" for extension in ALLOWED_TYPES)

# Limits of an office document's ZIP container. A real DOCX or ODT of a few megabytes has tens of
# members, expands to a few times its size, and its XML compresses at most ~50:1.
MAX_ARCHIVE_MEMBERS = 1000
MAX_EXPANDED_SIZE = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_ABOVE = 1024 * 1024  # small members (a few kB of repeated XML) may compress more


def archive_is_reasonable(archive):
    """Whether the declared sizes of a ZIP archive's members are those of a real document (read
    from the central directory: nothing is decompressed)."""
    members = archive.infolist()
    if not members or len(members) > MAX_ARCHIVE_MEMBERS:
        return False
    if sum(member.file_size for member in members) > MAX_EXPANDED_SIZE:
        return False
    return all(
        member.file_size <= RATIO_CHECKED_ABOVE
        or member.file_size <= MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        for member in members
    )


def _is_odt(archive):
    """ODF: the first member is ``mimetype``, stored uncompressed, holding the media type."""
    first = archive.infolist()[0]
    if first.filename != "mimetype" or first.file_size > 100:
        return False
    with archive.open(first) as member:
        return member.read(100).strip() == ODT_MIMETYPE


def _is_docx(archive):
    names = archive.namelist()
    return "[Content_Types].xml" in names and any(name.startswith("word/") for name in names)


def is_pdf(upload):
    """Whether pypdf reads a document with at least one page (its cross-reference table,
    trailer and page tree), not only a ``%PDF-`` prefix."""
    pypdf_logger = logging.getLogger("pypdf")
    level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)  # a broken upload is the sender's problem, not a warning
    try:
        upload.seek(0)
        return len(PdfReader(upload).pages) > 0
    except Exception:  # pypdf raises many kinds (PdfReadError, ValueError, KeyError…) on bad input
        return False
    finally:
        pypdf_logger.setLevel(level)
        upload.seek(0)


def content_matches(extension, head, upload):
    """Whether the file's content is of the type its extension claims."""
    if extension == "pdf":
        return head.startswith(b"%PDF-") and is_pdf(upload)
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension in ("odt", "docx"):
        if not head.startswith(ZIP_SIGNATURE):
            return False
        try:
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                if not archive_is_reasonable(archive):
                    return False
                return _is_odt(archive) if extension == "odt" else _is_docx(archive)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError, EOFError):
            return False
        finally:
            upload.seek(0)
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

    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not content_matches(extension, head, upload):
        raise ValidationError(
            _("“%(name)s”: its content is not a real %(type)s file."),
            code="file_content",
            params={"name": name, "type": extension.upper()},
        )
    return ALLOWED_TYPES[extension]
