"""Index a page again once it is published with its many-to-many relations saved.

Wagtail indexes a page on ``post_save``, before django-modelcluster saves its parental
many-to-many relations (themes, countries): the names of themes and countries that the index
carries (``portal.search_text.taxonomy_text``) would lag one publication behind. ``page_published`` is
sent once everything is saved.
"""

from wagtail.search import index
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    if hasattr(instance, "search_taxonomy"):
        index.insert_or_update_object(instance)


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="site_search_reindex_published_page")
