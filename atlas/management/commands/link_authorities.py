"""Recompute the links of laureate rows, partnership offers and EXPE-CT requests to the
referential of authorities (``atlas.matching.link_all``): after a bulk load or once the
referential has changed. Each row is also linked when it is saved."""

from django.core.management.base import BaseCommand

from atlas.matching import link_all


class Command(BaseCommand):
    help = "Link the laureate rows, partnership offers and EXPE-CT requests to the authorities they name."

    def handle(self, *args, **options):
        linked = link_all(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"{linked} rows linked to the referential of authorities."))
