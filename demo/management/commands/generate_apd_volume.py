from django.core.management.base import BaseCommand, CommandError

from demo.apd_volume import clean_apd_volume, generate_apd_volume


class Command(BaseCommand):
    help = "Generate APD declarations: 4,800 authorities × 10 years by default (after generate_atlas_volume)."

    def add_arguments(self, parser):
        parser.add_argument("--authorities", type=int, default=4800)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--clean", action="store_true", help="Remove the generated declarations and stop.")

    def handle(self, *args, **options):
        if options["authorities"] < 0 or options["years"] < 0:
            raise CommandError("--authorities and --years cannot be negative.")
        if options["clean"]:
            clean_apd_volume()
            self.stdout.write(self.style.SUCCESS("Generated APD declarations removed."))
            return
        try:
            generate_apd_volume(options["authorities"], options["years"], stdout=self.stdout)
        except RuntimeError as error:
            raise CommandError(str(error)) from error
