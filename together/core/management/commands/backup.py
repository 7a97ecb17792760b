"""`manage.py backup [FILE]`: a consistent copy of the whole database (docs/operations.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from together.core.backup import BackupError, backup, default_name


class Command(BaseCommand):
    help = "Back up the whole database (pg_dump for PostgreSQL; SQLite's online backup)."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="Where to write it (default: var/backups/together-<time>)"
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, file, database, **options):
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        path = Path(file) if file else Path(settings.VAR_DIR) / "backups"
        if not file:
            path = path / default_name(database, stamp=stamp)
        try:
            backup(path, database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = path.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Backed up to {path} ({size:,} bytes)."))
