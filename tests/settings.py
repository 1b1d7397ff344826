"""Test settings: the portal's settings with fast hashing, captcha test mode and outbox e-mail.

The database comes from DATABASE_URL like in production (CI sets it to PostgreSQL); without it
the suite runs on SQLite, and tests that need PostgreSQL skip and say so.
"""

import tempfile
from pathlib import Path

from portal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CAPTCHA_TEST_MODE = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
_tmp = Path(tempfile.mkdtemp(prefix="portal-tests-"))
MEDIA_ROOT = _tmp / "media"
PRIVATE_MEDIA_ROOT = _tmp / "private_media"
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Browser tests never fetch map tiles from outside this machine: the map draws its markers only.
INTAKE_MAP_TILE_URL = ""
# The full-page cache is off unless a test switches it on (tests/test_page_cache.py): most tests
# change content without publishing it through Wagtail's signals.
PAGE_CACHE_SECONDS = 0
# Tasks run at once in the test process, after the transaction commits (portal.tasks.enqueue):
# Wagtail's index updates and the e-mails behave as before the queue. tests/test_task_queue.py
# runs the database queue with real worker processes.
TASKS_BACKEND = "immediate"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}
# The local OpenID Connect provider of tests/test_accounts_oidc.py (django-oauth-toolkit, a
# development dependency): its tables exist in the test database, its URLs only in
# tests/oidc_provider.py, which that test alone mounts.
INSTALLED_APPS = [*INSTALLED_APPS, "oauth2_provider"]  # noqa: F405
