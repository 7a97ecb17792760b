"""Dates written as people say them."""

import datetime


def _months_between(born: datetime.date, today: datetime.date) -> int:
    months = (today.year - born.year) * 12 + today.month - born.month
    return months - (today.day < born.day)


def _plural(number: int, unit: str) -> str:
    return f"{number} {unit}{'' if number == 1 else 's'} old"


def age_in_words(born: datetime.date, *, today: datetime.date) -> str:
    """ "12 weeks old" for a baby, "11 months old" before a first birthday, then years: the way a
    parent or a social worker would say it, never "0 years old"."""
    days = (today - born).days
    if days <= 0:
        return "born today"
    if days < 14:
        return _plural(days, "day")
    if days < 13 * 7:
        return _plural(days // 7, "week")
    months = _months_between(born, today)
    if months < 12:
        return _plural(months, "month")
    return _plural(months // 12, "year")
