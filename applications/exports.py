"""The committee's XLSX of a call's applications, with the opinions and the scores (openpyxl's
write-only mode, every text cell neutralised against formulas: ``portal.exports``)."""

import tempfile

from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Opinion
from portal.exports import neutralise


def applications_xlsx(online, applications):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Applications")[:31])
    criteria = [criterion["label"] for criterion in online.criteria()]
    verdicts = dict(Opinion.Verdict.choices)
    sheet.append(
        [
            _("Reference"),
            _("Submitted"),
            _("Status"),
            _("Applicant"),
            _("Département"),
            _("Project title"),
            _("Countries"),
            _("Foreign partner authorities"),
            _("Duration (months)"),
            _("Total budget (€)"),
            _("Opinions"),
            *criteria,
            _("Average score"),
            _("Amount granted (€)"),
        ]
    )
    for application in applications:
        scores = list(application.scores.all())
        opinions = "\n".join(
            f"{opinion.organisation.name}: {verdicts.get(opinion.verdict, opinion.verdict)} — {opinion.reasons}"
            for opinion in application.opinions.all()
        )
        per_criterion = [
            (sum(score.points.get(label, 0) for score in scores) / len(scores)) if scores else None
            for label in criteria
        ]
        sheet.append(
            [
                application.reference,
                timezone.localtime(application.submitted_at).strftime("%Y-%m-%d %H:%M")
                if application.submitted_at
                else "",
                str(application.get_status_display()),
                neutralise(application.lead_authority.name),
                application.departement,
                neutralise(application.title),
                ", ".join(country.name for country in application.countries.all()),
                neutralise(", ".join(partner.name for partner in application.partner_authorities.all())),
                application.duration_months,
                float(application.total_expenses),
                neutralise(opinions),
                *per_criterion,
                (sum(score.total for score in scores) / len(scores)) if scores else None,
                float(application.amount_granted) if application.amount_granted is not None else None,
            ]
        )
    spool = tempfile.TemporaryFile()
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"candidatures-{online.call.slug}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
