"""Template helpers of the Atlas pages: marking text written in another language, amounts in euros."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def lang_attrs(language_code):
    """`` lang="es" dir="ltr"`` when content in ``language_code`` sits on a page in another
    language (nothing otherwise), so that screen readers and browsers read it right."""
    code = (language_code or "").split("-")[0]
    current = (get_language() or "").split("-")[0]
    if not code or code == current:
        return ""
    try:
        bidi = get_language_info(code)["bidi"]
    except KeyError:
        bidi = False
    return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


@register.filter
def euros(amount):
    """An amount in whole euros with the language's digit grouping: ``35 000 €``, ``€35,000``."""
    if amount is None or amount == "":
        return ""
    return _("%(amount)s €") % {"amount": floatformat(amount, "0g")}
