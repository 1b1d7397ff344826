"""Strings of django-dsfr's templates that its own catalogues leave untranslated in Spanish and
Arabic. Marking them here keeps them in the portal's catalogue, where they are translated."""

from django.utils.translation import gettext_noop

THIRD_PARTY_STRINGS = [
    gettext_noop(
        "Unless explicit mention of intellectual property held by third parties, the contents of this site are "
        "offered under"
    ),
    gettext_noop("etalab-2.0 license"),
    gettext_noop("Opens a new window"),
]
