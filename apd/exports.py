"""The Treasury's export of a campaign: one row per aid flow of the current version of each
declaration, with the official codes (CSV and XLSX, cells neutralised as every export of the
portal, ``portal.exports.neutralise``).

Columns (in this order; amounts in euros with two decimals, a point as decimal separator):

``year``                 the year declared
``reference``            the declaration's reference (``APD-2025-COM-29019``)
``version``              the number of the version exported (the current one)
``status``               ``submitted``, ``question`` or ``validated``
``authority``            the authority's name
``authority_kind``       ``region``, ``departement``, ``overseas``, ``epci`` or ``commune``
``siren``                its SIREN (9 digits; empty when the referential has none)
``insee_code``           the INSEE (COG) code: commune code, département or région code; the SIREN
                         for an EPCI (its official code)
``nothing_to_declare``   ``yes`` for a declaration "no APD this year" (then one row, amount 0)
``country_iso``          the beneficiary country, ISO 3166-1 alpha-2; empty: several / unallocated
``dac_purpose_code``     the OECD DAC (CRS) purpose code, 5 digits
``dac_category``         its 3-digit DAC sector category
``channel``              ``direct``, ``association``, ``multilateral`` or ``emergency``
``amount_eur``           the amount of the flow
``cofinancing_eur``      the co-financing received for it
``project_reference``    the Atlas project's reference, if any
``proposed_project``     the title of a project not (yet) in the Atlas
"""

import io
from decimal import Decimal

import openpyxl
from django.http import HttpResponse

from apd.models import Declaration, Flow
from apd.purpose_codes import purpose_codes
from portal.exports import csv_response, neutralise

COLUMNS = [
    "year",
    "reference",
    "version",
    "status",
    "authority",
    "authority_kind",
    "siren",
    "insee_code",
    "nothing_to_declare",
    "country_iso",
    "dac_purpose_code",
    "dac_category",
    "channel",
    "amount_eur",
    "cofinancing_eur",
    "project_reference",
    "proposed_project",
]


AMOUNTS = ("amount_eur", "cofinancing_eur")


def rows(campaign, validated_only=False):
    """The export's rows (dicts keyed by ``COLUMNS``), by authority name. Two queries."""
    declarations = Declaration.objects.filter(campaign=campaign, current_version__isnull=False)
    if validated_only:
        declarations = declarations.filter(status=Declaration.Status.VALIDATED)
    declarations = list(declarations.select_related("authority", "current_version").order_by("authority__name", "pk"))
    flows = {}
    for flow in Flow.objects.filter(version__in=[d.current_version_id for d in declarations]).select_related(
        "country", "project"
    ):
        flows.setdefault(flow.version_id, []).append(flow)
    codes = purpose_codes()
    for declaration in declarations:
        authority, version = declaration.authority, declaration.current_version
        base = {
            "year": campaign.year,
            "reference": declaration.reference,
            "version": version.number,
            "status": declaration.status,
            "authority": authority.name,
            "authority_kind": authority.kind,
            "siren": authority.siren,
            "insee_code": authority.code,
            "nothing_to_declare": "yes" if version.nothing_to_declare else "no",
        }
        empty = dict.fromkeys(COLUMNS[9:], "")
        if version.nothing_to_declare:
            yield base | empty | {"amount_eur": "0.00", "cofinancing_eur": "0.00"}
            continue
        for flow in flows.get(version.pk, []):
            yield base | {
                "country_iso": flow.country.iso_code if flow.country_id else "",
                "dac_purpose_code": flow.purpose_code,
                "dac_category": codes.get(flow.purpose_code, {}).get("category", ""),
                "channel": flow.channel,
                "amount_eur": f"{flow.amount:.2f}",
                "cofinancing_eur": f"{flow.cofinancing:.2f}",
                "project_reference": flow.project.reference if flow.project_id else "",
                "proposed_project": flow.proposed_project,
            }


def csv_export(campaign, validated_only=False):
    return csv_response(f"apd-{campaign.year}.csv", COLUMNS, rows(campaign, validated_only))


def xlsx_export(campaign, validated_only=False):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(f"APD {campaign.year}")
    sheet.append(COLUMNS)
    for row in rows(campaign, validated_only):
        sheet.append([Decimal(row[name]) if name in AMOUNTS else neutralise(row[name]) for name in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="apd-{campaign.year}.xlsx"'
    return response
