"""What the apps built on the professional space add to it, without the space knowing them.

The space (``accounts``) owns sign-in, organisations and the home page ``/<lang>/espace/``; the
capabilities that live in it (online applications, APD declarations, alerts) sit in apps above it
in the layers and must not be imported by it. Each such app declares, in its ``AppConfig.ready``:

    space.register_section("applications", render_section, order=20)
    space.register_personal_data("applications", personal_data)

- a *section* is a callable ``(request) -> str | None``: the HTML of its part of the space home
  (a ``<section>`` with an ``<h2>``), or ``None`` when the person has nothing there;
- a *personal-data* provider is a callable ``(user) -> JSON-serialisable`` added under its key to
  the file a person downloads from "Download my data".

Sections are shown in ``order``, then by key; registering a key twice replaces it (reloads).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    render: Callable
    order: int


_sections: dict[str, Section] = {}
_personal_data: dict[str, Callable] = {}


def register_section(key, render, order=50):
    _sections[key] = Section(key, render, order)


def register_personal_data(key, provider):
    _personal_data[key] = provider


def rendered_sections(request):
    """The HTML of every registered section that has something for this person, in order."""
    parts = []
    for section in sorted(_sections.values(), key=lambda section: (section.order, section.key)):
        html = section.render(request)
        if html:
            parts.append(html)
    return parts


def extra_personal_data(user):
    return {key: provider(user) for key, provider in sorted(_personal_data.items())}
