from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from alerts import volume


class Command(BaseCommand):
    help = "Create generated alert subscribers with mixed preferences (benchmark of the digests)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=20000)
        parser.add_argument("--clean", action="store_true", help="remove the generated subscribers")

    def handle(self, *args, count, clean, **options):
        if settings.PRODUCTION:
            raise CommandError("generate_alert_subscribers adds invented addresses: refused in production mode.")
        if clean:
            self.stdout.write(f"{volume.clean()} generated subscribers removed")
            return
        self.stdout.write(f"{volume.generate(count)} generated subscribers")
