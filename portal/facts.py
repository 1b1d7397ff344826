"""Facts one app knows about a French authority and another app shows, without either knowing
the other (apps of the same layer are independent; see pyproject's import-linter contracts).

The app that knows answers, in its ``AppConfig.ready``::

    facts.register("apd_declared", Declaration.objects.has_declared)   # (authority, year) -> bool

and the app that shows asks ``facts.ask("apd_declared", authority, year)``: the answer, or
``None`` when no installed app answers (shown as "unknown", never as "no").

Known keys: ``apd_declared`` (``apd``): whether the authority submitted its APD declaration of
that year (shown to the instructors of an online application, ``applications``).
"""

from collections.abc import Callable

_providers: dict[str, Callable] = {}


def register(key, provider):
    """Registering a key twice replaces it (reloads)."""
    _providers[key] = provider


def ask(key, *args, **kwargs):
    provider = _providers.get(key)
    return None if provider is None else provider(*args, **kwargs)
