"""Former home of the seeding helpers, now in ``portal.seeding`` (the demo moved to ``demo/``).

Kept only because ``portal/taxonomy.py`` and ``seed_taxonomy``, rewritten in a parallel branch,
import from here: point them at ``portal.seeding`` and delete this module.
"""

from portal.seeding import TRANSLATED_LANGUAGES, T, ensure_locales, translate

__all__ = ["TRANSLATED_LANGUAGES", "T", "ensure_locales", "translate"]
