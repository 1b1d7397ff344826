"""Form fields every app shares.

``AmountField``: an amount in euros as people type it, in any of the portal's languages —
``12 500``, ``12 500,50`` (spaces, no-break or narrow no-break spaces between thousands),
``12500.50``, ``12,500.50`` / ``12.500,50`` (the last separator is the decimal one), ``12 500 €``,
and Arabic-Indic or Persian digits with the Arabic separators (``١٢٬٥٠٠٫٥٠``). A single comma
or point is the decimal separator (``12,5`` is twelve and a half euros). Anything else (letters,
exponents, ``NaN``) is refused with a translated message, never a 500.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Arabic-Indic (U+0660–0669) and extended Arabic-Indic / Persian (U+06F0–06F9) digits.
DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")} | {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
# Spaces people (and word processors) put between thousands, the euro sign, the Arabic
# thousands separator (U+066C) and the right-to-left / left-to-right marks.
IGNORED = re.compile("[\\s\u00a0\u202f\u2009\u2007\u066c\u200e\u200f\u061c€'’]")
NUMBER = re.compile(r"^(\d+)(?:[.,](\d+))?$")


def normalize_amount(text):
    """The amount written in ``text`` as a ``Decimal``, or None when ``text`` is not an amount."""
    text = IGNORED.sub("", str(text).translate(DIGITS)).replace("\u066b", ",")  # U+066B: Arabic decimal
    if "," in text and "." in text:
        # Both: the last one is the decimal separator, the other the thousands separator.
        decimal_separator = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_separator == "," else ","
        if text.count(decimal_separator) > 1:
            return None
        text = text.replace(thousands, "")
    elif text.count(",") > 1 or text.count(".") > 1:
        text = text.replace(",", "").replace(".", "")  # 1.234.567 or 1,234,567: thousands only
    match = NUMBER.match(text)
    if not match:
        return None
    try:
        return Decimal(f"{match.group(1)}.{match.group(2) or '0'}")
    except InvalidOperation:
        return None


class AmountField(forms.DecimalField):
    """An amount in euros (see the module's docstring), in a text input (``type="number"``
    would refuse ``12 500``). Defaults: two decimals, shown in the page's language."""

    default_error_messages = {"invalid": _("Enter an amount in euros, e.g. 12 500 or 12500,50.")}

    def __init__(self, *, max_digits=14, decimal_places=2, **kwargs):
        kwargs.setdefault("localize", True)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        amount = normalize_amount(value)
        if amount is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return amount

    def clean(self, value):
        amount = super().clean(value)  # validated: no more digits or decimals than allowed
        return None if amount is None else amount.quantize(Decimal(1).scaleb(-self.decimal_places))

    def widget_attrs(self, widget):
        # DecimalField would add step/min/max for a number input; a text input takes none of them.
        return forms.Field.widget_attrs(self, widget)
