"""Working days in England and Wales, for the introductory letter's 10 working days."""

import datetime

import pytest
from django.utils import timezone

from together.letters.workingdays import add_working_days, bank_holidays, is_working_day

D = datetime.date

# GOV.UK's list for England and Wales: the days off work, substitutes included.
GOV_UK = {
    2024: ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06",
           "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
    2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
           "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
    # Boxing Day is a Saturday: the holiday moves to Monday 28 December.
    2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
           "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
    # Christmas Day and Boxing Day fall at a weekend: 27 and 28 December.
    2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
           "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
}  # fmt: skip


@pytest.mark.parametrize("year", GOV_UK)
def test_the_weekday_bank_holidays_are_gov_uks(year):
    on_weekdays = {day for day in bank_holidays(year) if day.weekday() < 5}
    assert on_weekdays == {D.fromisoformat(day) for day in GOV_UK[year]}


def test_next_years_bank_holidays_are_known():
    # Letters due early next year are counted with them: an empty table would count Christmas
    # and New Year's Day as working days without anyone noticing.
    year = timezone.localdate().year + 1
    days = bank_holidays(year)
    assert len(days) >= 8, f"no bank holidays known for {year}"
    assert {day.year for day in days} == {year}
    assert D(year, 1, 1) in days and D(year, 12, 25) in days


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
