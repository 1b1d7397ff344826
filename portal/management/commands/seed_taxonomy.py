from django.core.management.base import BaseCommand

from portal.demo import ensure_locales
from portal.taxonomy import seed_taxonomy


class Command(BaseCommand):
    help = "Create the themes and countries (French and their translations). Idempotent."

    def handle(self, *args, **options):
        ensure_locales()
        seed_taxonomy()
        self.stdout.write("Themes and countries are ready.")
