"""Search backends of the portal, named in ``WAGTAILSEARCH_BACKENDS``.

``search.backends.database``: Wagtail's database backend, with one PostgreSQL text search
configuration per language (stemming and accent folding, created by this app's migration).
``search.backends.elasticsearch``: Wagtail's Elasticsearch 9 backend that never lets an
unreachable engine break publishing.
"""
