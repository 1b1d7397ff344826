"""Recompute the Atlas's APD figures from the validated declarations: what validating each of them
in turn publishes (``Declaration.validate``), in bulk — their amounts by authority, year and
country, their yearly totals, and the yearly summary the Atlas pages read. After a bulk load, a
restore, or to check that the figures published one validation at a time add up."""

from django.core.management.base import BaseCommand
from django.db.models import Sum

from apd.models import Declaration, Flow
from atlas.models import ApdCountryTotal, ApdFlowFigure, ApdYearTotal


class Command(BaseCommand):
    help = "Recompute the Atlas's APD figures (by authority, country and year) from the validated declarations."

    def handle(self, *args, **options):
        validated = Declaration.objects.filter(status=Declaration.Status.VALIDATED, current_version__isnull=False)
        amounts = {
            (authority, year, country): amount
            for authority, year, country, amount in Flow.objects.filter(version__in=validated.values("current_version"))
            .order_by()
            .values_list("version__declaration__authority", "version__declaration__campaign__year", "country")
            .annotate(Sum("amount"))
        }
        totals = {
            (authority, year): (total, f"{reference}-V{number}")
            for authority, year, total, reference, number in validated.order_by().values_list(
                "authority", "campaign__year", "current_version__total", "reference", "current_version__number"
            )
        }
        ApdFlowFigure.objects.republish_all(amounts, totals)
        self.stdout.write(
            self.style.SUCCESS(
                f"APD figures rebuilt: {len(totals)} validated declarations, {len(amounts)} amounts by country, "
                f"{ApdCountryTotal.objects.count()} totals by year and country, "
                f"{ApdYearTotal.objects.count()} years."
            )
        )
