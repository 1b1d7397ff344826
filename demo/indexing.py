"""Search and reference indexing in bulk, for the demo commands that create hundreds or thousands
of objects at once.

Saved one at a time, each page is indexed for search and its references recorded on every save
(a page is saved three to five times on its way to being published): that costs more than the
pages themselves (30 ms a page on PostgreSQL, against 1 ms in bulk). So while a command creates
objects, those updates are held back (``indexing_deferred``) and the command then indexes what
it created in bulk (``portal.indexing.index_in_bulk``), the way ``update_index`` and
``rebuild_references_index`` do, through the search backends' and the reference index's public methods.
"""

import contextlib

from django.conf import settings
from django.test.utils import override_settings

DUMMY_TASK_BACKEND = "django_tasks.backends.dummy.DummyBackend"


@contextlib.contextmanager
def indexing_deferred():
    """Objects saved in this block are neither indexed for search nor have their references
    recorded: pass them to ``portal.indexing.index_in_bulk`` afterwards.

    Wagtail asks for both updates through background tasks (django-tasks) enqueued on each save.
    In this block every task backend is django-tasks' ``DummyBackend``, which records a task
    and runs nothing — so no task at all runs here (nor would an alert e-mail be sent for each
    generated page); ``override_settings`` is Django's public way to change a setting for a
    block of code. Deletions are unaffected: they update both indexes at once, not by a task.
    """
    configured = getattr(settings, "TASKS", None) or {"default": {}}
    backends = {alias: {**params, "BACKEND": DUMMY_TASK_BACKEND} for alias, params in configured.items()}
    with override_settings(TASKS=backends):
        yield
