"""Import a call's laureates from the spreadsheet editors receive (CSV or XLSX).

Columns are recognised by their header, in French or English, whatever the case and accents
("Collectivité française", "french_authority"…); the CSV the site exports imports back as is.
Every row is checked before anything is written: one bad row and the file is rejected with the
list of faulty rows, nothing saved (all or nothing).
"""

from dataclasses import dataclass, field
from decimal import InvalidOperation

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from calls.models import Laureate
from portal.spreadsheets import cell, lookup_tables, normalize, parse_amount, read_rows

MAX_ROWS = 2000
MAX_SIZE = 5 * 1024 * 1024

HEADERS = {
    "french_authority": [
        "french_authority",
        "french_lead_authority",
        "collectivite_francaise",
        "collectivite_francaise_cheffe_de_file",
        "collectivite_chef_de_file",
        "porteur",
    ],
    "partner_authority": ["partner_authority", "collectivite_partenaire", "partenaire", "autorite_partenaire"],
    "country": ["country_code", "country", "pays", "code_pays"],
    "project_title": ["project_title", "project", "projet", "titre_du_projet", "intitule", "intitule_du_projet"],
    "theme": ["theme_slug", "theme", "thematique"],
    "amount": ["amount", "montant", "montant_accorde", "subvention", "amount_granted"],
}


ALIASES = {alias: key for key, aliases in HEADERS.items() for alias in aliases}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (CSV or XLSX)"),
        help_text=gettext_lazy(
            "First row: column headers. Recognised columns: French authority (required), partner authority, "
            "country (ISO code or name), project title, theme (name or identifier), amount granted."
        ),
    )
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the current laureates"),
        required=False,
        initial=True,
        help_text=gettext_lazy("Unticked, the rows are added after the current laureates."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(gettext_lazy("Choose a .csv or .xlsx file."))
        if upload.size > MAX_SIZE:
            raise forms.ValidationError(gettext_lazy("The file is larger than 5 MB."))
        try:  # an unreadable file (another encoding, binary, a broken workbook) is the field's error
            read_rows(upload)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        finally:
            upload.seek(0)
        return upload


@dataclass
class ImportResult:
    count: int = 0
    errors: list = field(default_factory=list)  # (row number, message)


def parse(upload):
    """Check every row; return (laureate field dicts, errors)."""
    try:
        rows = read_rows(upload)
    except ValueError as error:
        return [], [(0, str(error))]
    rows = [row for row in rows if any(cell(value) for value in row)]
    if not rows:
        return [], [(0, _("The file is empty."))]
    header = [ALIASES.get(normalize(name)) for name in rows[0]]
    if "french_authority" not in header:
        return [], [(1, _("No “French authority” column found in the first row."))]
    if len(rows) - 1 > MAX_ROWS:
        return [], [(0, _("The file has more than %(max)s rows.") % {"max": MAX_ROWS})]
    countries, themes = lookup_tables()
    limits = {
        name: Laureate._meta.get_field(name).max_length
        for name in HEADERS
        if name not in ("country", "theme", "amount")
    }
    parsed, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        values = {}
        for key, value in zip(header, row, strict=False):
            if key and key not in values:
                values[key] = value
        item, problems = {}, []
        for name, limit in limits.items():
            text = cell(values.get(name))
            if len(text) > limit:
                problems.append(_("%(column)s is longer than %(max)s characters.") % {"column": name, "max": limit})
            item[name] = text
        if not item["french_authority"]:
            problems.append(_("the French authority is missing."))
        country = cell(values.get("country"))
        item["country"] = None
        if country:
            item["country"] = countries.get(country.lower()) or countries.get(normalize(country))
            if item["country"] is None:
                problems.append(_("unknown country “%(value)s”.") % {"value": country})
        theme = cell(values.get("theme"))
        item["theme"] = None
        if theme:
            item["theme"] = themes.get(theme.lower()) or themes.get(normalize(theme))
            if item["theme"] is None:
                problems.append(_("unknown theme “%(value)s”.") % {"value": theme})
        try:
            item["amount"] = parse_amount(values.get("amount"))
        except (InvalidOperation, ValueError):
            item["amount"] = None
            problems.append(_("the amount “%(value)s” is not a number.") % {"value": cell(values.get("amount"))})
        if problems:
            errors.append((number, " ".join(problems)))
        else:
            parsed.append(item)
    return parsed, errors


def import_laureates(page, upload, *, replace=True, user=None, publish=False):
    """Import the file into ``page`` as a new revision (published when ``publish``); all or nothing."""
    rows, errors = parse(upload)
    if errors:
        return ImportResult(errors=errors)
    with transaction.atomic():
        draft = page.get_latest_revision_as_object()
        kept = [] if replace else sorted(draft.laureates.all(), key=lambda laureate: laureate.sort_order or 0)
        for number, laureate in enumerate(kept):
            laureate.sort_order = number
        start = len(kept)
        new = [Laureate(sort_order=start + index, **row) for index, row in enumerate(rows)]
        draft.laureates = kept + new
        revision = draft.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
    return ImportResult(count=len(new))
