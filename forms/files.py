"""Files sent through the intake forms: checked by ``portal.uploads`` (type by content, size),
kept in the private storage (``portal.private_media``).

Files are written ``PRIVATE_MEDIA_PERMISSIONS`` (0640) in folders
``PRIVATE_MEDIA_DIRECTORY_PERMISSIONS`` (0750): personal data, for the application's group only.
"""

import uuid

from django.utils import timezone

from portal.private_media import private_storage  # noqa: F401 - the intake attachments' storage (forms migrations name it here)
from portal.uploads import (  # noqa: F401 - the intake's names for the shared checks
    ALLOWED_TYPES,
    MAX_ARCHIVE_MEMBERS,
    archive_is_reasonable,
    content_matches,
    validate_attachment,
)


def attachment_path(instance, filename):
    """A random name (the original one is kept in the database, never on disk)."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"intake/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"
