"""`manage.py import_service FOLDER`: bring a service's records in from CSV files
(docs/import-format.md). All or nothing: a folder with a problem saves nothing and lists every
problem as `file:line: what is wrong`."""

from django.core.management.base import BaseCommand, CommandError

from together.scorecard.importer import ImportRefused, service_import


class Command(BaseCommand):
    help = "Import a service's records from a folder of CSV files (docs/import-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The folder holding regions.csv, staff.csv, ...")

    def handle(self, *args, folder, verbosity=1, **options):
        def progress(message: str) -> None:
            if verbosity:
                self.stdout.write(message)

        try:
            counts = service_import(folder, progress=progress)
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"Nothing was imported: {len(refused.problems):,} "
                f"problem{'s' if len(refused.problems) != 1 else ''} to put right first."
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Imported {sum(counts.values()):,} rows."))
