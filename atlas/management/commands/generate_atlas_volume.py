"""Generate the Atlas at the documents' scale (see atlas/volume.py); refused in production.

``generate_volume`` (demo app) runs it by name after ``load_atlas_demo``, with its own
``--projects``, ``--french-authorities``, ``--partners`` and ``--countries``; it can be run alone.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from atlas.volume import clean_atlas_volume, generate_atlas_volume


class Command(BaseCommand):
    help = "Generate 13,000 Atlas projects linking 4,800 French authorities and 10,000 partners (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=13000)
        parser.add_argument("--french", type=int, default=4800, help="French authorities engaged.")
        parser.add_argument("--partners", type=int, default=10000, help="Partner authorities.")
        parser.add_argument("--countries", type=int, default=144, help="Countries of the partners, at most.")
        parser.add_argument("--clean", action="store_true", help="Remove the generated Atlas volume.")

    def handle(self, *args, **options):
        try:
            if options["clean"]:
                clean_atlas_volume()
                self.stdout.write("Generated Atlas volume removed.")
                return
            generate_atlas_volume(
                projects=options["projects"],
                french=options["french"],
                partners=options["partners"],
                countries=options["countries"],
                stdout=self.stdout,
            )
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
