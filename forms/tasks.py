"""Background work of the intake (run by the task worker; see ``portal/tasks.py``)."""

import datetime

from django.utils.translation import gettext_lazy as _
from django_tasks import task

from portal.scheduler import periodic
from portal.task_labels import register_kind, register_label
from portal.tasks import run_command


@periodic(daily_at=datetime.time(3, 0))
@task()
def purge_intake_personal_data():
    """Erase the personal data of rejected and archived records past the retention period."""
    return run_command("purge_intake_personal_data")


register_label(purge_intake_personal_data, _("Purge of the intake's personal data"))
# The kinds of e-mail the intake queues (forms/emails.py), as staff read them.
register_kind("acknowledgement", _("acknowledgement of receipt"))
register_kind("notification", _("notice to the reviewers"))
