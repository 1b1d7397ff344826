"""Template helpers of the Atlas pages: marking text written in another language, amounts in euros."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from portal.templatetags.portal_tags import lang_attrs

register = template.Library()
# The portal's filter, so that Atlas templates loading only atlas_tags have it too.
register.filter("lang_attrs", lang_attrs)


@register.filter
def euros(amount):
    """An amount in whole euros with the language's digit grouping: ``35 000 €``, ``€35,000``."""
    if amount is None or amount == "":
        return ""
    return _("%(amount)s €") % {"amount": floatformat(amount, "0g")}
