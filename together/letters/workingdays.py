"""Working days in England and Wales: Monday to Friday, not a bank holiday.

The bank holidays are England's (Wales has the same) from the `holidays` package, with the
substitute day when one falls at a weekend and one-off days such as a coronation, for any year:
nobody has to add next year's dates by hand. Upgrading the package brings new one-off days.
"""

from __future__ import annotations

import datetime
from functools import cache, lru_cache

import holidays


@cache
def bank_holidays(year: int) -> frozenset[datetime.date]:
    """England and Wales's bank holidays in `year`, including any that fall at a weekend."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


@lru_cache(maxsize=100_000)
def add_working_days(day: datetime.date, n: int) -> datetime.date:
    """The date `n` working days after `day` (the day itself does not count)."""
    current = day
    left = n
    while left > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current
