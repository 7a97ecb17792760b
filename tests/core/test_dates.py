"""Ages written as people say them."""

import datetime

import pytest

from together.core.dates import age_in_words

TODAY = datetime.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("born", "said"),
    [
        (datetime.date(2026, 12, 5), "born today"),
        (datetime.date(2026, 12, 4), "1 day old"),
        (datetime.date(2026, 11, 25), "10 days old"),
        (datetime.date(2026, 11, 21), "2 weeks old"),
        (datetime.date(2026, 9, 12), "12 weeks old"),
        (datetime.date(2026, 9, 4), "3 months old"),
        (datetime.date(2025, 12, 6), "11 months old"),
        (datetime.date(2025, 12, 5), "1 year old"),
        (datetime.date(2024, 12, 6), "1 year old"),
        (datetime.date(2024, 12, 5), "2 years old"),
        (datetime.date(2020, 2, 29), "6 years old"),
    ],
)
def test_an_age_is_written_as_people_say_it(born, said):
    assert age_in_words(born, today=TODAY) == said
