"""The amount field every form shares (portal/fields.py: the applications' budget and grant, the
APD flows): amounts as people type them in French, Spanish, Arabic or English, and clear
translated errors for anything else."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from portal.fields import AmountField


class AmountForm(forms.Form):
    amount = AmountField(label="Montant", min_value=Decimal("0"), max_value=Decimal("100000000"), required=False)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12500", Decimal("12500.00")),
        ("12 500", Decimal("12500.00")),
        ("12\xa0500,50", Decimal("12500.50")),  # no-break space, French decimal comma
        ("12\u202f500,5", Decimal("12500.50")),  # narrow no-break space (French typography)
        ("12 500 €", Decimal("12500.00")),
        ("12500.50", Decimal("12500.50")),
        ("12,500.50", Decimal("12500.50")),  # English
        ("12.500,50", Decimal("12500.50")),  # Spanish
        ("1.234.567", Decimal("1234567.00")),
        ("١٢٬٥٠٠٫٥٠", Decimal("12500.50")),  # Arabic-Indic digits, Arabic separators
        ("١٢٥٠٠", Decimal("12500.00")),
        ("۱۲۵۰۰", Decimal("12500.00")),  # extended Arabic-Indic (Persian) digits
        ("\u200f١٢٥٠٠ €", Decimal("12500.00")),  # with a right-to-left mark
        ("", None),
    ],
)
def test_amounts_as_people_type_them(typed, amount):
    form = AmountForm({"amount": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == amount
    if amount is not None:
        assert form.cleaned_data["amount"].as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("fr", "douze mille", "Saisissez un montant en euros, par exemple 12 500 ou 12500,50."),
        ("fr", "1e999", "Saisissez un montant en euros, par exemple 12 500 ou 12500,50."),
        ("fr", "NaN", "Saisissez un montant en euros, par exemple 12 500 ou 12500,50."),
        ("fr", "-5", "Saisissez un montant en euros, par exemple 12 500 ou 12500,50."),
        ("fr", "12,555", "Assurez-vous qu’il n’y a pas plus de 2 chiffres après la virgule."),
        ("fr", "100000000,01", "Assurez-vous que cette valeur est inférieure ou égale à 100000000."),
        ("es", "doce", "Introduzca un importe en euros, p. ej. 12 500 o 12500,50."),
        ("ar", "اثنا عشر", "أدخل مبلغًا باليورو، مثل 12 500 أو 12500,50."),
    ],
)
def test_anything_else_is_refused_with_a_translated_message(language, typed, message):
    with translation.override(language):
        form = AmountForm({"amount": typed})
        assert not form.is_valid()
        assert form.errors["amount"] == [message]


def test_the_input_is_text_so_that_spaces_can_be_typed():
    html = str(AmountForm()["amount"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html and "step" not in html
