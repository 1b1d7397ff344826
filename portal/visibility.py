"""Which pages are private (under a view restriction), known without a query each time.

Wagtail's ``PageQuerySet.public()`` reads every ``PageViewRestriction`` each time it is called,
and serving a page reads its ancestors and their restrictions (``Page.get_view_restrictions``):
three or four queries per page for a table that is almost always empty. Here the restricted
paths are read once per process and content version (``portal.pagecache.per_content_version``:
saving or deleting a restriction bumps it, ``portal/apps.py``), so that:

- ``public(queryset)`` is Wagtail's ``public()`` without the query (the same condition: not the
  restricted page nor under it);
- ``BasePage.get_view_restrictions`` answers "none" without a query when no page is restricted,
  and asks Wagtail otherwise (aliases included).
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from portal.pagecache import per_content_version


def restricted_paths() -> list[str]:
    """Tree paths of the pages that carry a view restriction (their descendants are private too)."""
    return per_content_version(
        "page-view-restrictions",
        None,
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def private_q() -> Q:
    """Pages under a view restriction, as Wagtail's ``PageQuerySet.private_q``."""
    condition = Q()
    for path in restricted_paths():
        condition |= Q(path__startswith=path)
    return condition if condition else Q(pk__in=[])


def public(queryset):
    """``queryset`` without the private pages: Wagtail's ``.public()``, without its query."""
    paths = restricted_paths()
    return queryset.exclude(private_q()) if paths else queryset


def no_restriction_anywhere() -> bool:
    return not restricted_paths()
