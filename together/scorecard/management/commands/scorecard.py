"""`manage.py scorecard --date YYYY-MM-DD --json [--area CODE]`: the scorecard's figures at a date,
for the nation or one service area, as one JSON object (keys: together.scorecard.selectors.KEYS)."""

import datetime
from json import dumps

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from together.organisation.models import ServiceArea
from together.scorecard.selectors import scorecard_figures


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date {value} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "Print the scorecard's figures at a date, for the nation or one service area."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The day the figures are for (default today).")
        parser.add_argument("--area", help="A service area's code (default the whole nation).")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args, date=None, area=None, json=False, **options):
        day = _date(date) if date else timezone.localdate()
        service_area = None
        if area:
            service_area = ServiceArea.objects.filter(code=area).first()
            if service_area is None:
                raise CommandError(f"--area {area}: no service area has this code")
        figures = scorecard_figures(day, area=service_area)
        if json:
            self.stdout.write(dumps(figures))
            return
        width = max(len(key) for key in figures)
        for key, value in figures.items():
            self.stdout.write(f"{key.ljust(width)}  {'' if value is None else value}")
