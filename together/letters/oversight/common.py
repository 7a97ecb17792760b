"""What the oversight figures and lists share: whose proceedings, local dates, letters on time."""

from __future__ import annotations

import datetime

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role

from ..selectors import INTRODUCTORY_WITHIN_WORKING_DAYS
from ..workingdays import add_working_days


def _scope_q(user, prefix: str) -> Q:
    if user.role == Role.NATIONAL_PERFORMANCE:
        return Q()
    if user.role in REGION_ROLES:
        return Q(**{f"{prefix}service_area__region_id": user.region_id})
    return Q(**{f"{prefix}service_area_id": user.service_area_id})


class _OnTime:
    """Whether a first introductory letter sent on one day was on time for an allocation on
    another. Children allocated on the same day share a deadline: each is worked out once."""

    def __init__(self):
        self.deadlines: dict[datetime.date, datetime.date] = {}

    def deadline(self, allocated_on: datetime.date) -> datetime.date:
        found = self.deadlines.get(allocated_on)
        if found is None:
            found = self.deadlines[allocated_on] = add_working_days(
                allocated_on, INTRODUCTORY_WITHIN_WORKING_DAYS
            )
        return found

    def __call__(self, allocated_on: datetime.date, sent_on: datetime.date) -> bool:
        return sent_on <= self.deadline(allocated_on)


# The team of proceedings that have none yet, in an address.
NO_TEAM = "none"


class _LocalDates:
    """The local date of a time given as text in ISO format: with its offset (PostgreSQL), or
    without one in the database's time zone (SQLite, as Django stores it). Each text is read
    once: an area has thousands of children but far fewer distinct times."""

    def __init__(self):
        self.stored_in = connection.timezone
        self.zone = timezone.get_current_timezone()
        self.known: dict[str, datetime.date] = {}

    def __call__(self, text: str) -> datetime.date:
        day = self.known.get(text)
        if day is None:
            moment = datetime.datetime.fromisoformat(text)
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, self.stored_in)
            day = self.known[text] = moment.astimezone(self.zone).date()
        return day


def _where(user) -> str:
    if user.role == Role.NATIONAL_PERFORMANCE:
        return "the whole service"
    if user.role in REGION_ROLES:
        return str(user.region)
    return str(user.service_area)
