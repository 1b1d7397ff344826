"""Build the demo site from ``demo/data/``: French tree, its translations, menu, footer, intake
records and the demo accounts (see ``demo.loader``).

Idempotent: pages, translations, records and accounts that exist are kept (accounts get their
documented password back). Refused in production mode unless ``--without-accounts``.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from demo.accounts import DEMO_ACCOUNTS, ensure_demo_accounts
from demo.applications import ensure_demo_applications
from demo.indexing import indexing_deferred
from demo.loader import DemoLoader, relax_sqlite_durability
from portal.indexing import index_in_bulk
from portal.seeding import ensure_locales


class Command(BaseCommand):
    help = "Load the demo content (French tree, translations, intake records, demo accounts)."

    def add_arguments(self, parser):
        parser.add_argument("--without-accounts", action="store_true", help="Do not create the demo accounts.")

    def handle(self, *args, **options):
        with_accounts = not options["without_accounts"]
        if settings.PRODUCTION and with_accounts:
            raise CommandError(
                "Demo accounts have public passwords and are refused in production mode "
                "(use --without-accounts to load the demo pages only)."
            )
        relax_sqlite_durability()
        ensure_locales()
        call_command("setup_roles", stdout=self.stdout)
        call_command("seed_taxonomy", stdout=self.stdout)
        loader = DemoLoader()
        with indexing_deferred():
            loader.load()
        if loader.created:
            count = index_in_bulk(loader.created)
            self.stdout.write(f"Created and indexed {count} pages, translations and records.")
        if with_accounts:
            ensure_demo_accounts()
            accounts = ", ".join(f"{username} / {password}" for username, password, _, _ in DEMO_ACCOUNTS)
            self.stdout.write(f"Demo accounts (admin at /admin/): {accounts}")
            # Online applications need the space's accounts (collectivite, prefecture, ambassade, ministere).
            ensure_demo_applications()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
