"""Search and reference indexing in bulk, for the demo commands that create hundreds or thousands
of objects at once.

Saved one at a time, each page is indexed for search and its references recorded on every save
(a page is saved three to five times on its way to being published): that costs more than the
pages themselves (30 ms a page on PostgreSQL, against 1 ms in bulk). So while a command creates
objects, both updates are switched off with public switches — Wagtail's
``disable_reference_index_auto_update()`` and the search backends' documented ``AUTO_UPDATE``
option — and the command then indexes what it created in bulk, the way ``update_index`` and
``rebuild_references_index`` do. Deletions are unaffected: removing an object still removes it
from both indexes at once.
"""

import contextlib
import copy
from collections import defaultdict

from django.conf import settings
from django.test.utils import override_settings
from modelsearch.backends import get_search_backends
from modelsearch.index import class_is_indexed
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

CHUNK_SIZE = 1000


@contextlib.contextmanager
def indexing_deferred():
    """Objects saved in this block are neither indexed for search nor have their references
    recorded: pass them to ``index_in_bulk`` afterwards."""
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    for params in backends.values():
        params["AUTO_UPDATE"] = False
    # override_settings is Django's public way to change a setting for a block of code.
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield


def index_in_bulk(objects, stdout=None):
    """Add ``objects`` (pages, snippets, records, in any order) to every search backend and record
    their references, a model and a chunk at a time. Returns how many were indexed."""
    by_model = defaultdict(list)
    for obj in objects:
        by_model[type(obj)].append(obj.pk)
    backends = list(get_search_backends(with_auto_update=True))
    count = 0
    for model, pks in by_model.items():
        for start in range(0, len(pks), CHUNK_SIZE):
            chunk = pks[start : start + CHUNK_SIZE]
            if class_is_indexed(model):
                indexed = list(model.get_indexed_objects().filter(pk__in=chunk))
                for backend in backends:
                    backend.add_bulk(model, indexed)
            if ReferenceIndex.is_indexed(model):
                for obj in model.objects.filter(pk__in=chunk):
                    ReferenceIndex.create_or_update_for_object(obj)
            count += len(chunk)
    return count
