"""What staff read of the background tasks: a label per task (``register_label``) and per
``kind`` of task (``register_kind``), shown by the admin's list of tasks (``portal/admin_tasks.py``).

Model-free, so that the task model (``portal.models.BackgroundTask``) and the queue's wiring
(``portal/tasks.py``, which uses the models) both read it without importing each other.
"""

from django.utils.translation import gettext_lazy as _

# Labels of tasks in the admin, by task path. Apps add theirs with ``register_label``.
TASK_LABELS = {
    "modelsearch.tasks.insert_or_update_object_task": _("Search index update"),
    "wagtail.tasks.update_reference_index_task": _("Reference index update"),
    "wagtail.tasks.delete_file_from_storage_task": _("File deletion"),
    "wagtail.images.tasks.set_image_focal_point_task": _("Image focal point"),
}


# Labels of the ``kind`` keyword some tasks take (e.g. the e-mails': "acknowledgement").
KIND_LABELS = {}


def register_label(task, label):
    """Name ``task`` for staff in the admin's list of background tasks."""
    TASK_LABELS[task.module_path] = label
    return task


def register_kind(kind, label):
    """Name a ``kind`` of task (e.g. of e-mail) for staff."""
    KIND_LABELS[kind] = label


def task_label(task_path, kwargs=None):
    label = TASK_LABELS.get(task_path)
    if label is None:
        return task_path.rsplit(".", 1)[-1].replace("_", " ")
    kind = (kwargs or {}).get("kind")
    return f"{label} · {KIND_LABELS.get(kind, kind)}" if kind else label
