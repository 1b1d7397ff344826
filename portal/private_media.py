"""Storage of private files: outside MEDIA_ROOT, so nothing in it is reachable by a public URL;
files are served only by views that check who asks. Files and the folders created for them are
readable by the application's user and group only (``PRIVATE_MEDIA_PERMISSIONS``, 0640)."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage(subdirectory=""):
    """The private storage, or its ``subdirectory`` (one per app that keeps files there)."""
    return FileSystemStorage(
        location=settings.PRIVATE_MEDIA_ROOT / subdirectory if subdirectory else settings.PRIVATE_MEDIA_ROOT,
        base_url=None,
        file_permissions_mode=settings.PRIVATE_MEDIA_PERMISSIONS,
        directory_permissions_mode=settings.PRIVATE_MEDIA_DIRECTORY_PERMISSIONS,
    )
