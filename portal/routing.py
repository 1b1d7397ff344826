"""What a routable page's routes show, built in another module of its app without the models
importing that module.

A Wagtail page's routes are methods of its model, but the lists they show (``<app>/listings.py``)
and the views they render (``atlas/views.py``) query the models: were the models to import them,
models and views would import each other. Instead the module declares what serves a page:

    @serves(CallIndexPage, "list")
    class CallListing(Listing): ...

and the route asks for it: ``handler_for(self, "list")(request, self)``. The app's
``AppConfig.ready`` imports the module (``calls/apps.py``), so every handler is in place before
the first request; a missing one is a configuration error, said as such.
"""

from django.core.exceptions import ImproperlyConfigured

_handlers = {}


def serves(page_class, name):
    """Decorator: the callable serves ``page_class``'s route ``name`` (and its subclasses')."""

    def attach(handler):
        _handlers[page_class, name] = handler
        return handler

    return attach


def handler_for(page, name):
    """The callable declared with ``@serves`` for ``page``'s class (or a parent class) and ``name``."""
    for page_class in type(page).__mro__:
        if (page_class, name) in _handlers:
            return _handlers[page_class, name]
    raise ImproperlyConfigured(
        f"Nothing serves {type(page).__name__}'s route {name!r}: is the module declaring it imported by "
        "its AppConfig.ready?"
    )
