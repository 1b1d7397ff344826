"""Submitting a declaration: one transaction writes the declaration, its new (immutable) version
and its flows, and queues the receipt (PDF and e-mail) with ``portal.tasks.enqueue``."""

from decimal import Decimal

from django.db import transaction
from django.utils import translation

from apd import tasks
from apd.models import Declaration, DeclarationVersion, Flow, withdraw_figures
from portal.tasks import enqueue


@transaction.atomic
def submit(campaign, authority, user, *, nothing_to_declare, flows):
    """Write a new version of the declaration of ``authority`` for ``campaign``."""
    declaration, _created = Declaration.objects.select_for_update().get_or_create(
        campaign=campaign, authority=authority
    )
    last = declaration.versions.order_by("-number").values_list("number", flat=True).first() or 0
    total = sum((flow["amount"] for flow in flows), Decimal("0.00"))
    version = DeclarationVersion.objects.create(
        declaration=declaration,
        number=last + 1,
        nothing_to_declare=nothing_to_declare,
        total=Decimal("0.00") if nothing_to_declare else total,
        submitted_by=user,
        language=translation.get_language() or "fr",
    )
    if not nothing_to_declare:
        Flow.objects.bulk_create(
            Flow(
                version=version,
                country=flow["country"],
                project_id=flow.get("project"),
                proposed_project=flow.get("proposed_project", ""),
                amount=flow["amount"],
                purpose_code=flow["purpose_code"],
                channel=flow["channel"],
                cofinancing=flow.get("cofinancing") or Decimal("0.00"),
            )
            for flow in flows
        )
    if declaration.status == Declaration.Status.VALIDATED:
        withdraw_figures(declaration)  # a correction of a validated declaration waits for its own validation
    declaration.current_version = version
    declaration.status = Declaration.Status.SUBMITTED
    declaration.save(update_fields=["current_version", "status", "updated_at"])
    enqueue(tasks.make_receipt, version.pk, reference=version.reference)
    return version
