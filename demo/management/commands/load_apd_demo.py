from django.core.management.base import BaseCommand

from demo.apd import load_apd_demo


class Command(BaseCommand):
    help = "Load the demo APD campaigns and declarations (after load_atlas_demo)."

    def add_arguments(self, parser):
        parser.add_argument("--without-account", action="store_true", help="Do not create the demo account.")

    def handle(self, *args, **options):
        count = load_apd_demo(with_account=not options["without_account"])
        self.stdout.write(self.style.SUCCESS(f"APD demo ready ({count} declarations created)."))
