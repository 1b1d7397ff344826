"""Load the Atlas demo (atlas/demo/atlas.toml): the Atlas page, partner authorities, projects,
APD figures; the French authorities from the official geographic code when missing."""

from django.core.management.base import BaseCommand

from atlas.demo import load_atlas_demo


class Command(BaseCommand):
    help = "Load the Atlas demo content (idempotent). Run after load_demo, which creates the home pages and calls."

    def handle(self, *args, **options):
        page = load_atlas_demo(stdout=self.stdout)
        if page is None:
            self.stdout.write("No home page yet: run load_demo first for the Atlas page (the data is loaded).")
        else:
            self.stdout.write(self.style.SUCCESS(f"The Atlas is at {page.url}"))
