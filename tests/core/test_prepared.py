"""A query compiled once and run again with new values gives what the ORM would have given."""

import uuid

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef, Value
from django.test.utils import CaptureQueriesContext

from tests.children.factories import ChildFactory, MeetingFactory
from together.children.models import Child, Meeting
from together.core.prepared import PreparedQuery

pytestmark = pytest.mark.django_db


def _child_with_meetings_by(shape, *, child_uuid, user_id):
    return Child.objects.annotate(
        met_by_them=Exists(Meeting.objects.filter(child=OuterRef("pk"), recorded_by_id=user_id))
    ).filter(uuid=child_uuid)


PREPARED = PreparedQuery(_child_with_meetings_by)


def test_each_call_reads_the_row_and_answer_for_its_own_values(world):
    other = ChildFactory(preferred_name="Tomasz")
    MeetingFactory(child=world.child, recorded_by=world.fca_allocated)
    for child, user, met in [
        (world.child, world.fca_allocated, True),
        (other, world.fca_allocated, False),
        (world.child, world.fca_other_area, False),
    ]:
        (found,) = PREPARED.get("plain", child_uuid=child.uuid, user_id=user.pk)
        expected = _child_with_meetings_by(None, child_uuid=child.uuid, user_id=user.pk).get()
        assert found.pk == child.pk
        assert found.preferred_name == child.preferred_name
        assert found.date_of_birth == expected.date_of_birth  # a date, not SQLite's text
        assert found.met_by_them is met is expected.met_by_them


def test_no_row_for_a_child_that_does_not_exist(world):
    assert PREPARED.get("plain", child_uuid=uuid.uuid4(), user_id=world.fca_allocated.pk) == []


def test_a_missing_value_is_asked_through_the_orm_as_it_changes_the_sql(world):
    (found,) = PREPARED.get("plain", child_uuid=world.child.uuid, user_id=None)
    assert found.met_by_them is False


def test_related_rows_come_with_the_row_as_select_related_gives_them(world):
    MeetingFactory(child=world.child, recorded_by=world.fca_allocated)
    joined = PreparedQuery(
        lambda shape, *, child_id: (
            Meeting.objects.select_related("recorded_by", "child")
            .annotate(one=Value(1))
            .filter(child_id=child_id)
        )
    )
    (meeting,) = joined.get("joined", child_id=world.child.pk)
    assert meeting.recorded_by == world.fca_allocated
    assert meeting.recorded_by.given_name == world.fca_allocated.given_name
    assert meeting.child.preferred_name == world.child.preferred_name
    assert meeting.one == 1


def test_queries_it_cannot_run_are_refused_when_first_compiled(world):
    prefetching = PreparedQuery(
        lambda shape, *, child_uuid: Child.objects.prefetch_related("meetings").filter(
            uuid=child_uuid
        )
    )
    with pytest.raises(ValueError, match="not related managers or prefetches"):
        prefetching.get("prefetching", child_uuid=world.child.uuid)


def test_a_value_changed_on_its_way_in_is_refused_rather_than_left_out(world):
    partial = PreparedQuery(
        lambda shape, *, user_id: Child.objects.filter(preferred_name__contains=user_id)
    )
    with pytest.raises(ValueError, match="changed on its way into the query"):
        partial.get("partial", user_id=world.fca_allocated.pk)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_on_postgresql_the_statement_is_prepared_once_and_counted_and_logged_like_any_other(
    world, django_assert_num_queries
):
    def prepared_here() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [row[0] for row in cursor.fetchall() if "children_meeting" in row[0]]

    before = len(prepared_here())
    with CaptureQueriesContext(connection) as captured:
        for _ in range(3):
            PREPARED.get("plain", child_uuid=world.child.uuid, user_id=world.fca_allocated.pk)
    assert len(prepared_here()) == before + 1  # one statement for the three calls
    assert len(captured.captured_queries) == 3
    # The log shows each run with its own values, as Django logs its own queries.
    assert all(
        str(world.child.uuid.hex) in q["sql"] or str(world.child.uuid) in q["sql"]
        for q in captured.captured_queries
    )


def test_with_prepared_statements_switched_off_the_same_rows_come_back(world, monkeypatch):
    from django.db import connections

    options = connections["default"].settings_dict["OPTIONS"]
    monkeypatch.delitem(options, "prepare_threshold", raising=False)
    (found,) = PREPARED.get("plain", child_uuid=world.child.uuid, user_id=world.fca_allocated.pk)
    assert found.pk == world.child.pk and found.met_by_them is False


def test_a_query_whose_sql_depends_on_its_values_is_refused(world):
    # Django leaves `version >= -1` out of the SQL (always true for a positive field), so SQL made
    # for one value would be wrong for another.
    newer = PreparedQuery(
        lambda shape, *, child_id, version: Child.objects.filter(pk=child_id, version__gte=version)
    )
    with pytest.raises(ValueError, match="depends on its values"):
        newer.get("newer", child_id=world.child.pk, version=-1)


def test_a_comparison_with_a_version_number_stays_in_the_sql(world):
    # Django drops a comparison it can answer itself, such as a number below a positive field's
    # range; the stand-in numbers are positive so a version check is kept.
    newer = PreparedQuery(
        lambda shape, *, child_id, version: Child.objects.filter(pk=child_id, version__gte=version)
    )
    assert [c.pk for c in newer.get("newer", child_id=world.child.pk, version=1)] == [
        world.child.pk
    ]
    assert newer.get("newer", child_id=world.child.pk, version=world.child.version + 1) == []
