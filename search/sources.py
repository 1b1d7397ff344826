"""Where apps above the search add their content to the site search (public: named in
pyproject's import contracts as the one module of ``search`` others may import).

The search knows the pages and the intake records by itself; an app that stands above it (the
Atlas: projects, authorities) registers a ``Source`` from its ``AppConfig.ready``, so that the
search never imports it. A source's model must be indexed (``index.Indexed`` with
``search_fields``); its records join the same results, facets and autocomplete as pages.
"""

from collections.abc import Callable
from dataclasses import dataclass

_sources = {}


@dataclass(frozen=True)
class Source:
    """What the search needs of a kind of record.

    - ``label``: the model, ``"app_label.ModelName"``.
    - ``public``: ``() -> queryset`` of what visitors may find (published only).
    - ``urls``: ``(objects) -> [url, …]`` the public address of each object of a page of results,
      in order, with a bounded number of queries for the whole page.
    - ``year_field``: the integer field whose value the year facet counts (e.g. a start year);
      None: the year of the object's date (``search.engine.date_expression``).
    - ``country_field``: the path to the countries the country facet counts
      (``"partner_links__country"``); None: a ``countries`` or ``country`` field if any.
    """

    label: str
    public: Callable
    urls: Callable
    year_field: str | None = None
    country_field: str | None = None


def register(source):
    """Add (or replace) the source of ``source.label``; returns it."""
    _sources[source.label.lower()] = source
    return source


def registered():
    """The registered sources, in the order of registration."""
    return list(_sources.values())


def source_of(model):
    """The registered source of ``model``, or None."""
    return _sources.get(model._meta.label_lower)
