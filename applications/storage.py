"""Private storage of the receipts (outside MEDIA_ROOT, served only through a checked view)."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def receipt_storage():
    return FileSystemStorage(
        location=settings.PRIVATE_MEDIA_ROOT / "applications",
        base_url=None,
        file_permissions_mode=settings.PRIVATE_MEDIA_PERMISSIONS,
        directory_permissions_mode=settings.PRIVATE_MEDIA_DIRECTORY_PERMISSIONS,
    )
