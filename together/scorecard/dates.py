"""Days as the scorecard counts them: a day in London, from its first moment to the next day's."""

import datetime
import zoneinfo

from django.conf import settings


def start_of(day: datetime.date) -> datetime.datetime:
    """The first moment of `day` in the service's time zone (London). A time recorded on `day`
    or earlier is before `start_of(day + 1 day)`."""
    return datetime.datetime.combine(
        day, datetime.time.min, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
    )


def end_of(day: datetime.date) -> datetime.datetime:
    """The first moment after `day`: "on or before D" is "before end_of(D)"."""
    return start_of(day + datetime.timedelta(days=1))
