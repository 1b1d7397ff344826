"""Load or refresh the French authorities from the official geographic code (see portal/cog.py)."""

from django.core.management.base import BaseCommand, CommandError

from portal.cog import CogDataMissing, load_authorities, source_version


class Command(BaseCommand):
    help = (
        "Create or update the French régions, départements, overseas collectivities, EPCI and communes from "
        "@etalab/decoupage-administratif (idempotent: updates in place, never duplicates)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--communes",
            default="all",
            help='"all" (default), "none", or comma-separated INSEE codes of the communes to load.',
        )

    def handle(self, *args, **options):
        communes = options["communes"]
        if communes not in ("all", "none"):
            communes = [code.strip() for code in communes.split(",") if code.strip()]
        try:
            report = load_authorities(communes=communes)
        except CogDataMissing as error:
            raise CommandError(str(error)) from error
        version = source_version()
        self.stdout.write(f"Official geographic code{f' (decoupage-administratif {version})' if version else ''}: ")
        self.stdout.write(report.summary())
