"""Working days in England and Wales, for the introductory letter's 10 working days."""

import datetime

import pytest

from together.letters.workingdays import BANK_HOLIDAYS, add_working_days, is_working_day

D = datetime.date


def test_every_bank_holiday_in_the_table_is_a_weekday():
    # Substitute days (when Christmas falls at a weekend) are weekdays too.
    assert all(day.weekday() < 5 for day in BANK_HOLIDAYS)
    assert {day.year for day in BANK_HOLIDAYS} == {2024, 2025, 2026, 2027}
    assert all(sum(d.year == y for d in BANK_HOLIDAYS) == 8 for y in (2024, 2025, 2026, 2027))


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 11, 2), 10, D(2026, 11, 16)),  # Monday to Monday two weeks on
        (D(2026, 11, 6), 1, D(2026, 11, 9)),  # Friday: the weekend does not count
        (D(2026, 12, 21), 10, D(2027, 1, 7)),  # Christmas, the 28th and New Year's Day skipped
        (D(2026, 4, 2), 1, D(2026, 4, 7)),  # Good Friday and Easter Monday skipped
        (D(2026, 8, 28), 1, D(2026, 9, 1)),  # the summer bank holiday
    ],
)
def test_adding_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


def test_christmas_and_weekends_are_not_working_days():
    assert not is_working_day(D(2026, 12, 25))
    assert not is_working_day(D(2026, 12, 28))  # Boxing Day's substitute
    assert not is_working_day(D(2026, 11, 7))  # a Saturday
    assert is_working_day(D(2026, 12, 29))
