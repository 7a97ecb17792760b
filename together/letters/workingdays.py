"""Working days in England and Wales: Monday to Friday, not a bank holiday.

The bank holidays are a small table (from GOV.UK's list) rather than a dependency; add each
year's dates before it starts. Outside the table only weekends are skipped.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

BANK_HOLIDAYS = frozenset(
    datetime.date.fromisoformat(day)
    for day in [
        # 2024
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06",
        "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
        # 2025
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
        "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        # 2026 (Boxing Day is a Saturday: the holiday moves to Monday 28 December)
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
        "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        # 2027 (Christmas Day and Boxing Day fall at a weekend: 27 and 28 December)
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
        "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    ]
)  # fmt: skip


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


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
