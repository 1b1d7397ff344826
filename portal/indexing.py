"""Search and reference indexing of objects created in bulk (``bulk_create``, or saved while
``demo.indexing.indexing_deferred`` held the per-save updates back): the way ``update_index`` and
``rebuild_references_index`` do it, through the search backends' and the reference index's public
methods, a model and a chunk at a time."""

from collections import defaultdict

from modelsearch.backends import get_search_backends
from modelsearch.index import class_is_indexed
from wagtail.models import ReferenceIndex

CHUNK_SIZE = 1000


def index_in_bulk(objects):
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
