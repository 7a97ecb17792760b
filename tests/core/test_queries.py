"""The database's clock, as queries built once per process read it (core.queries)."""

import datetime

from django.utils import timezone

from tests.children.factories import MeetingFactory
from together.children.models import Meeting
from together.core.queries import database_now, database_today


def test_the_database_says_the_same_date_and_time_as_the_service(db):
    meeting = MeetingFactory()
    answer = (
        Meeting.objects.filter(pk=meeting.pk)
        .annotate(today=database_today(), now=database_now())
        .values("today", "now")
        .get()
    )
    assert answer["today"] == timezone.localdate()
    assert abs(answer["now"] - timezone.now()) < datetime.timedelta(minutes=1)
