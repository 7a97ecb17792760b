"""The pressure counts of many days at once (scorecard.pressure.days), for rebuilding the
snapshots, equal each day's own (pressure.pressure_counts) over a 31-day run in which proceedings
open and close, allocations start and end, practice supervisors' holdings change and the first
day comes before anything exists; they take the same queries for 3 days as for 31; and a rebuild
keeps the same pressure rows as taking each day alone."""

import datetime
import io

import pytest
from django.core.management import call_command

from tests.accounts.factories import UserFactory
from tests.proceedings.factories import ProceedingsFactory
from together.accounts.models import Role
from together.organisation.models import ServiceArea
from together.proceedings.models import Allocation
from together.scorecard.models import ScorecardSnapshot, SnapshotFillState
from together.scorecard.pressure import pressure_counts, pressure_counts_for_days
from together.scorecard.snapshots import PRESSURE, snapshot_take, snapshots_take

from .test_pressure import D, at
from .test_pressure import service as hand_worked  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2026, 11, 1)


def run_of(last: datetime.date) -> list[datetime.date]:
    """31 days: one years before anything exists, then the 30 days to `last`."""
    return [datetime.date(2019, 1, 1)] + [last - n * DAY for n in range(29, -1, -1)]


@pytest.fixture
def demo():
    call_command("demo_data", "--seed=5", "--size=small", f"--today={TODAY}", stdout=io.StringIO())
    return run_of(TODAY)


def changing_holdings(days) -> None:
    """A practice supervisor's holdings (lead and in a hub) and a service manager's on duty that
    start and end during the run, some with a lead beside the duty, some sets closing."""
    area = ServiceArea.objects.order_by("pk").first()
    supervisor = UserFactory(role=Role.PRACTICE_SUPERVISOR, service_area=area)
    manager = UserFactory(role=Role.SERVICE_MANAGER, service_area=area)
    first, last = days[1], days[-1]
    for n in (
        5,
        10,
    ):  # closed a year before a day of the run: out of its window, in the day's before
        ProceedingsFactory(
            service_area=area, received_on=first - 500 * DAY, closed_on=days[n] - 365 * DAY
        )
    for n in range(16):
        start = first + n * DAY
        p = ProceedingsFactory(
            service_area=area,
            received_on=first - 10 * DAY,
            closed_on=last - n * DAY if n % 5 == 0 else None,
        )
        Allocation.objects.create(
            proceedings=p,
            fca=supervisor,
            kind=Allocation.Kind.LEAD if n % 2 else Allocation.Kind.HUB,
            started_at=at(start),
            ended_at=at(start + (n + 2) * DAY, 17) if n % 3 else None,
        )
        if n % 4 != 3:
            Allocation.objects.create(
                proceedings=p,
                fca=manager,
                kind=Allocation.Kind.DUTY,
                started_at=at(first - DAY),
                ended_at=at(last - n * DAY) if n % 4 else None,
            )


@pytest.fixture(params=["demo", "hand_worked"])
def run(request):
    """The run's days, over the small demo service or the hand-worked one (test_pressure: a lead
    ends, a set closes, an FCA leaves and another joins, and one is away, all around D), each
    with holdings that change during the run (changing_holdings)."""
    if request.param == "demo":
        days = request.getfixturevalue("demo")
    else:
        request.getfixturevalue("hand_worked")
        days = run_of(D + 14 * DAY)
    changing_holdings(days)
    return days


def area_ids() -> list[int]:
    return list(ServiceArea.objects.order_by("pk").values_list("pk", flat=True))


def test_many_days_at_once_equal_each_day_alone(run):
    ids = area_ids()
    at_once = pressure_counts_for_days(run, ids)
    assert sorted(at_once) == run
    for day in run:
        assert at_once[day] == pressure_counts(day, ids), day
    # The run is not still: the counts change from day to day, and some of every kind are kept.
    figures = [at_once[day][0] for day in run]
    assert all(f.opened == f.led == f.capacity == f.held_on_duty == 0 for f in figures[0].values())
    assert at_once[run[0]][2:] == ({}, {})
    for name in ("opened", "closed", "led", "capacity", "held_on_duty", "manager_duty"):
        assert any(any(getattr(f, name) for f in found.values()) for found in figures), name
    for name in ("led", "capacity", "held_on_duty"):
        assert len({tuple(getattr(f, name) for f in found.values()) for found in figures[1:]}) > 1
    for name in ("manager_duty",):
        assert len({tuple(getattr(f, name) for f in found.values()) for found in figures[1:]}) > 1
    holdings = [at_once[day][2] for day in run[1:]]
    assert len({tuple(sorted(found.items())) for found in holdings}) > 1


def test_the_demo_run_has_sets_opening_and_closing(demo):
    at_once = pressure_counts_for_days(demo, area_ids())
    later = [at_once[day] for day in demo[1:]]
    for name in ("opened", "closed", "led", "held_on_duty"):
        assert len({tuple(getattr(f, name) for f in found[0].values()) for found in later}) > 1
    assert len({tuple(sorted(found[1].items())) for found in later}) > 1  # days to allocation


def test_one_area_and_no_areas(run):
    first = area_ids()[:1]
    at_once = pressure_counts_for_days(run, first)
    for day in (run[0], run[15], run[-1]):
        assert at_once[day] == pressure_counts(day, first)
    assert pressure_counts_for_days(run, []) == {day: pressure_counts(day, []) for day in run}
    assert pressure_counts_for_days([], first) == {}


def test_the_same_queries_for_3_days_as_for_31(run, django_assert_num_queries):
    ids = area_ids()
    with django_assert_num_queries(7):
        pressure_counts_for_days(run[-3:], ids)
    with django_assert_num_queries(7):
        pressure_counts_for_days(run, ids)


def kept() -> list[tuple]:
    return sorted(
        ScorecardSnapshot.objects.values_list(
            "day", "level", "place_id", "measure", "value", "base"
        ),
        key=lambda row: tuple(str(v) for v in row),
    )


def test_a_rebuild_keeps_the_same_rows_as_each_day_taken_alone(run):
    ScorecardSnapshot.objects.all().delete()  # the demo's month ends
    for day in run:
        snapshot_take(day)
    one_by_one = kept()
    assert sum(measure.startswith(PRESSURE) for *_, measure, _v, _b in one_by_one) > 0
    ScorecardSnapshot.objects.all().delete()
    SnapshotFillState.objects.all().delete()
    assert snapshots_take(run) == len(one_by_one)
    assert kept() == one_by_one
