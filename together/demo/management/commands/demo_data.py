"""Fill an empty database with a made-up national service: organisation, children and their
proceedings, plans, letters and feedback."""

from datetime import date

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from together.demo import (
    children,
    court_reports,
    courtwork,
    feedback,
    letters,
    national_quality,
    organisation,
    plans,
    pressure,
    quality,
    scorecard,
    storyboards,
    supervision,
)
from together.demo.generator import SIZES, Context
from together.organisation.models import Region

# Each domain's generator, in the order they depend on each other.
GENERATORS = [
    organisation.generate,
    children.generate,
    plans.generate,
    letters.generate,
    feedback.generate,  # after letters: it answers some of the sent letters' feedback links
    quality.generate,
    national_quality.generate,  # after quality: its audits sit beside the local ones
    courtwork.generate,
    court_reports.generate,  # after plans: reports are written from them
    storyboards.generate,
    supervision.generate,
    pressure.generate,  # it reads the figures the others made
    scorecard.generate,  # last: it keeps the figures of everything made before it
]

# Printed by `make demo`; demo data cannot be made in production.
DEMO_PASSWORD = "together-demo-2026"  # noqa: S105


class Command(BaseCommand):
    help = "Create deterministic synthetic demo data: the same seed gives the same data."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--size", choices=sorted(SIZES), default="small")
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="The date the data is made as of (YYYY-MM-DD); defaults to today.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and succeed) if the database already has an organisation.",
        )

    def handle(self, *args, seed, size, today, if_empty, **options):
        if settings.PRODUCTION:
            raise CommandError("Demo data cannot be made in production (TOGETHER_ENV=production).")
        if Region.objects.exists():
            if if_empty:
                self.stdout.write("The database already has demo data; leaving it as it is.")
                return
            raise CommandError(
                "The database already has data. Delete var/together.sqlite3 (or use an empty "
                "database) to make demo data again."
            )
        ctx = Context(
            seed=seed,
            size=SIZES[size],
            today=today or date.today(),
            password_hash=make_password(DEMO_PASSWORD),
        )
        with transaction.atomic():
            for generate in GENERATORS:
                if generate is pressure.generate:
                    # The last two read the figures of everything made before them: the planner
                    # must know how big the tables now are (ANALYZE inside this transaction sees
                    # its rows), or each of their queries at national size takes half a minute.
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
                generate(ctx)
        # Rows went in in bulk, past anything that would have told the database's planner how
        # big the tables now are; without fresh statistics PostgreSQL plans the pages' queries
        # for empty tables (a page of a child's file took 60-200 ms at national size, not 10).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        made = ", ".join(f"{n:,} {label}" for label, n in ctx.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Made {made} (seed {seed}, {size})."))
