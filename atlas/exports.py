"""Exports of the Atlas: the filtered project list as CSV, XLSX and JSON, and the open data (the
whole Atlas as CSV and JSON at stable addresses), with one documented schema (``COLUMNS``).

Memory stays flat whatever the number of projects: rows are read with ``.iterator()`` in
chunks (each chunk's links, themes and funding prefetched in a fixed number of queries) and
written out as they come, through a ``StreamingHttpResponse`` for CSV and JSON. An XLSX file is
a zip that can only be finished at the end: openpyxl's write-only mode spools the rows to a
temporary file (flat memory), which is then streamed. tablib is not used: its ``Dataset`` holds
every row in memory before writing any format.

Conventions of data.gouv.fr: UTF-8, one header row, ISO 8601 dates, official codes (INSEE code
or SIREN of French authorities, official codes of régions and départements, ISO 3166-1 country
codes, UN M49 continent codes, ISO 639-1 languages), several values in a cell separated by
``;``, amounts in euros with a dot as decimal separator.
"""

import csv
import json
import tempfile
from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from atlas.models import FundingLine, Project, ProjectFrenchAuthority, ProjectPartner
from portal.exports import neutralise
from portal.models import Theme
from portal.taxonomy import localize_themes

CHUNK_SIZE = 500
SEPARATOR = "; "

#: The schema of every export: column, type, description (shown on the open-data page).
COLUMNS = [
    ("identifiant", "integer", _("Number of the project in the Atlas (stable; its page is /atlas/projets/<number>/).")),
    ("reference", "string", _("Identifier in the source of the data (e.g. the former Atlas), when there is one.")),
    ("titre", "string", _("Title, in the language of the project.")),
    ("langue", "string", _("Language of the title and texts (ISO 639-1 code).")),
    ("type", "string", _("Kind of action: cooperation, twinning or other.")),
    ("type_libelle", "string", _("Kind of action, in words.")),
    ("thematiques", "string", _("Themes (identifiers), separated by “;”.")),
    ("thematiques_libelles", "string", _("Themes in words, separated by “;”.")),
    ("annee_debut", "integer", _("Start year.")),
    ("annee_fin", "integer", _("End year (empty while it goes on).")),
    ("cheffe_de_file_nom", "string", _("Lead French authority: name.")),
    ("cheffe_de_file_type", "string", _("Lead French authority: kind (region, departement, epci, commune…).")),
    (
        "cheffe_de_file_code",
        "string",
        _(
            "Lead French authority: official code (INSEE code of a commune, SIREN of an EPCI, "
            "code of a région or département)."
        ),
    ),
    ("autres_collectivites_francaises", "string", _("Other French authorities taking part (names), separated by “;”.")),
    ("autres_collectivites_francaises_codes", "string", _("Their official codes (kind:code), separated by “;”.")),
    ("region_code", "string", _("Official code of the French région of the lead authority.")),
    ("region_nom", "string", _("Name of that région.")),
    ("departement_code", "string", _("Official code of the département of the lead authority.")),
    ("departement_nom", "string", _("Name of that département.")),
    ("collectivites_partenaires", "string", _("Partner authorities abroad (names), separated by “;”.")),
    ("pays_partenaires", "string", _("Their countries (ISO 3166-1 alpha-2 codes), separated by “;”.")),
    ("continents", "string", _("Their continents (UN M49 codes), separated by “;”.")),
    ("financement_total", "number", _("Total funding recorded, in euros.")),
    ("financement_fonds_propres", "number", _("Of which own funds of the authorities, in euros.")),
    ("financement_ministere", "number", _("Of which ministry calls for projects, in euros.")),
    ("financement_afd", "number", _("Of which AFD (FICOL), in euros.")),
    ("financement_ue", "number", _("Of which European Union, in euros.")),
    ("financement_autres", "number", _("Of which other funding, in euros.")),
    ("odd", "string", _("Sustainable Development Goals (numbers), separated by “;”.")),
    ("date_publication", "date", _("Date of publication on the portal (ISO 8601).")),
    ("url", "string", _("Address of the project's page.")),
]
FIELDNAMES = [name for name, _type, _description in COLUMNS]
SOURCE_COLUMNS = {
    FundingLine.Source.OWN: "financement_fonds_propres",
    FundingLine.Source.MINISTRY: "financement_ministere",
    FundingLine.Source.AFD: "financement_afd",
    FundingLine.Source.EU: "financement_ue",
    FundingLine.Source.OTHER: "financement_autres",
}


def export_queryset(queryset):
    """``queryset`` (projects) with everything a row shows, prefetched chunk by chunk."""
    return (
        queryset.select_related("region", "departement")
        .prefetch_related(
            "themes",
            "goals",
            Prefetch(
                "french_authority_links",
                queryset=ProjectFrenchAuthority.objects.select_related("authority").order_by("role", "sort_order"),
            ),
            Prefetch(
                "partner_links",
                queryset=ProjectPartner.objects.select_related("partner", "country").order_by("sort_order"),
            ),
            Prefetch("funding_lines", queryset=FundingLine.objects.only("project_id", "source", "amount")),
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )


def amount(value):
    """An amount as text with a dot, without useless decimals (``35000``, ``35000.5``)."""
    text = format(Decimal(value).normalize(), "f")
    return text


def project_rows(queryset, project_url, language_code=None):
    """One dict per project of ``queryset`` (keys: ``FIELDNAMES``), produced as read; labels in
    ``language_code`` (the active language by default), looked up now, not when streaming."""
    language_code = language_code or translation.get_language()
    with translation.override(language_code):
        theme_names = {theme.translation_key: theme.name for theme in localize_themes(Theme.objects.all())}
        kinds = {value: str(label) for value, label in Project.Kind.choices}
    return _rows(queryset, project_url, theme_names, kinds)


def _rows(queryset, project_url, theme_names, kinds):
    for project in export_queryset(queryset):
        links = sorted(project.french_authority_links.all(), key=lambda link: (link.role != "lead", link.sort_order))
        lead = links[0] if links else None
        others = links[1:]
        partners = list(project.partner_links.all())
        project_themes = sorted(project.themes.all(), key=lambda theme: theme.slug)
        funding = defaultdict(Decimal)
        for line in project.funding_lines.all():
            funding[line.source] += line.amount
        countries = [link.country for link in partners if link.country_id]
        row = {
            "identifiant": project.pk,
            "reference": project.reference or "",
            "titre": project.title,
            "langue": project.language,
            "type": project.kind,
            "type_libelle": kinds.get(project.kind, project.kind),
            "thematiques": SEPARATOR.join(theme.slug for theme in project_themes),
            "thematiques_libelles": SEPARATOR.join(
                theme_names.get(theme.translation_key, theme.name) for theme in project_themes
            ),
            "annee_debut": project.start_year,
            "annee_fin": project.end_year,
            "cheffe_de_file_nom": lead.display_name if lead else "",
            "cheffe_de_file_type": lead.authority.kind if lead and lead.authority_id else "",
            "cheffe_de_file_code": lead.authority.code if lead and lead.authority_id else "",
            "autres_collectivites_francaises": SEPARATOR.join(link.display_name for link in others),
            "autres_collectivites_francaises_codes": SEPARATOR.join(
                f"{link.authority.kind}:{link.authority.code}" for link in others if link.authority_id
            ),
            "region_code": project.region.code if project.region_id else "",
            "region_nom": project.region.name if project.region_id else "",
            "departement_code": project.departement.code if project.departement_id else "",
            "departement_nom": project.departement.name if project.departement_id else "",
            "collectivites_partenaires": SEPARATOR.join(link.display_name for link in partners),
            "pays_partenaires": SEPARATOR.join(dict.fromkeys(country.iso_code for country in countries)),
            "continents": SEPARATOR.join(dict.fromkeys(c.continent for c in countries if c.continent)),
            "financement_total": amount(sum(funding.values(), Decimal("0"))),
            "odd": SEPARATOR.join(str(goal.number) for goal in project.goals.all()),
            "date_publication": project.published_at.date().isoformat() if project.published_at else "",
            "url": project_url(project),
        }
        for source, column in SOURCE_COLUMNS.items():
            row[column] = amount(funding[source]) if source in funding else ""
        # A prefetched link points back to its project (``link.project`` is set by the
        # prefetch): project → prefetch cache → link → project is a reference cycle, which only
        # the garbage collector's rare full passes free. Without this, every chunk read stays
        # in memory until then and the peak grows with the number of rows; emptying the cache
        # lets each project and its links go as soon as the next chunk replaces them.
        project._prefetched_objects_cache = {}
        yield row


class Echo:
    """A file-like object that gives back what is written (for csv.writer in a stream)."""

    def write(self, value):
        return value


def csv_stream(rows):
    writer = csv.writer(Echo())
    yield "\ufeff" + writer.writerow(FIELDNAMES)
    for row in rows:
        yield writer.writerow([neutralise(row[name]) if row[name] is not None else "" for name in FIELDNAMES])


def json_stream(rows, metadata):
    """``{"metadata": …, "projects": [ … ]}`` written project by project."""
    head = json.dumps({"metadata": metadata}, ensure_ascii=False)[:-1]
    yield head + ', "projects": ['
    first = True
    for row in rows:
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "]}\n"


def csv_response(rows, filename):
    response = StreamingHttpResponse(csv_stream(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def json_response(rows, filename, metadata, attachment=True):
    response = StreamingHttpResponse(json_stream(rows, metadata), content_type="application/json; charset=utf-8")
    if attachment:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(rows, filename):
    """An XLSX file of ``rows``: written row by row to a temporary file by openpyxl's
    write-only mode (flat memory), then streamed."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Atlas")
    sheet.append(FIELDNAMES)
    numbers = {name for name, kind, _description in COLUMNS if kind in ("integer", "number")}
    for row in rows:
        sheet.append(
            [
                (float(row[name]) if name in numbers and row[name] not in ("", None) else neutralise(row[name]))
                if not (name in numbers and row[name] in ("", None))
                else None
                for name in FIELDNAMES
            ]
        )
    spool = tempfile.TemporaryFile()
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def pdf_available():
    """Whether WeasyPrint (and the system libraries it needs) can be imported."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


PDF_LIMIT = 300


def pdf_response(request, listing, page):
    """A PDF extract of the filtered list: its first ``PDF_LIMIT`` projects as a table, the
    filters and the total (the CSV has every row), in the visitor's language, by WeasyPrint."""
    import weasyprint
    from django.template.loader import render_to_string
    from django.utils import timezone

    total = listing.queryset.count()
    projects = listing.decorate(listing.queryset[:PDF_LIMIT])
    form = listing.filters.form
    filters = []
    for name, value in listing.filters.active.items():
        field = form.fields[name]
        label = dict(getattr(field, "choices", ())).get(value, value) if hasattr(field, "choices") else value
        filters.append((field.label, label))
    html = render_to_string(
        "atlas/project_list_pdf.html",
        {
            "page": page,
            "projects": projects,
            "total": total,
            "shown": len(projects),
            "filters": filters,
            "generated": timezone.localtime(),
            "language_code": translation.get_language(),
            "bidi": translation.get_language_bidi(),
        },
        request=request,
    )
    pdf = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="atlas-projets-extrait.pdf"'
    return response
