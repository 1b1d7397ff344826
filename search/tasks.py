"""Periodic job of the search: the counts of searched queries, from Redis to the database."""

import datetime

from django_tasks import task

from portal.scheduler import periodic
from search import counting


@periodic(every=datetime.timedelta(minutes=5))
@task()
def flush_search_counts():
    """Move the searches counted in Redis to the editors' report (search/counting.py)."""
    return counting.flush()
