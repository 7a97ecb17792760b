"""`manage.py restore FILE [--replace]`: put a backup back (docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from together.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into the configured database."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup to restore")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace a database that already has tables (without it, only an empty one)",
        )

    def handle(self, *args, file, database, replace, **options):
        try:
            restore(Path(file), database, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {file}."))
