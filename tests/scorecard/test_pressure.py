"""The pressure figures at a date, against a small service whose answers are worked out by hand."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest

from tests.accounts.factories import UserFactory
from tests.organisation.factories import (
    MembershipFactory,
    RegionFactory,
    ServiceAreaFactory,
    TeamFactory,
)
from tests.proceedings.factories import ProceedingsFactory
from together.accounts.models import Role
from together.organisation.models import Absence, AreaThresholds, Team
from together.proceedings.models import Allocation, Kind, Law
from together.scorecard.pressure import months_before, pressure_at

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
D = datetime.date(2026, 6, 30)
JAN = datetime.date(2026, 1, 15)


def at(day, hour=9):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def staff(role, team=None, fte="1.00", started=datetime.date(2025, 1, 1), ended=None, area=None):
    user = UserFactory(role=role, fte=Decimal(fte), service_area=area or team.service_area)
    if team is not None:
        MembershipFactory(user=user, team=team, started_on=started, ended_on=ended)
    return user


def proceedings(area, received=JAN, **fields):
    return ProceedingsFactory(service_area=area, received_on=received, **fields)


def hold(p, user, kind=Allocation.Kind.LEAD, start=datetime.date(2026, 1, 20), ended_at=None):
    Allocation.objects.create(
        proceedings=p, fca=user, kind=kind, started_at=at(start), ended_at=ended_at
    )


@pytest.fixture
def service():
    """Area A (region R1) under pressure; area B (region R2) quiet. The answers, by hand:

    A: capacity 25 (f1) + 15 (f2 at 0.6) = 40 (f3 away on D, f4 not yet joined, f5 left on D);
    led 10 + 8 = 18, so saturation 45%; received in the last 3 months 3 (one on the window's
    first day is outside it), a year before 2, so demand is up 50%; closed 1 (on D); held on duty
    5, one of them by the service manager; durations public 166 days, private after the first
    hearing 57, rule 16.4 214. Supervisor s1 holds 13 (listed), s2 12 (not).
    B: capacity 25, nothing led."""
    r1, r2 = RegionFactory(name="North"), RegionFactory(name="South")
    a = ServiceAreaFactory(region=r1, name="Area A")
    b = ServiceAreaFactory(region=r2, name="Area B")
    post = TeamFactory(service_area=a, kind=Team.Kind.POST_FIRST_HEARING)
    pre = TeamFactory(service_area=a, kind=Team.Kind.PRE_FIRST_HEARING)
    f1 = staff(Role.FCA, post)
    f2 = staff(Role.FCA, post, fte="0.60")
    f3 = staff(Role.FCA, pre)
    Absence.objects.create(user=f3, kind="training", starts_on=D, ends_on=D, recorded_by=f3)
    staff(Role.FCA, pre, started=D + datetime.timedelta(days=1))
    staff(Role.FCA, post, ended=D)
    staff(Role.FCA, TeamFactory(service_area=b, kind=Team.Kind.POST_FIRST_HEARING))
    manager = staff(Role.SERVICE_MANAGER, area=a)
    s1 = staff(
        Role.PRACTICE_SUPERVISOR,
        post,
    )
    s1.given_name, s1.family_name = "Priya", "Lamb"
    s1.save()
    s2 = staff(Role.PRACTICE_SUPERVISOR, post)

    for lead, n in ((f1, 10), (f2, 8), (s1, 13), (s2, 12)):
        for _ in range(n):
            hold(proceedings(a), lead)
    closed_on_d = proceedings(a, closed_on=D)  # public law, 166 days
    hold(closed_on_d, f1)
    lead_ended = proceedings(a)
    hold(lead_ended, f1, ended_at=at(D, 12))
    for n in range(3):
        new = proceedings(a, received=datetime.date(2026, 5, 1))
        if n == 0:
            hold(new, manager, kind=Allocation.Kind.DUTY, start=datetime.date(2026, 5, 2))
    proceedings(a, received=months_before(D, 3))  # on the window's first day: not in it
    for _ in range(2):
        proceedings(
            a,
            received=datetime.date(2025, 5, 1),
            closed_on=datetime.date(2025, 12, 1),
            law=Law.PRIVATE,
            kind=Kind.RULE_16_4,
        )
    proceedings(
        a,
        received=datetime.date(2026, 1, 1),
        first_hearing_on=datetime.date(2026, 2, 1),
        closed_on=months_before(D, 3),
        law=Law.PRIVATE,
        kind=Kind.SECTION_7,
    )
    AreaThresholds.objects.create(service_area=a, saturation_percent=40, held_on_duty=4)
    return a, b


def test_each_area_has_the_figures_worked_out_by_hand(service):
    a, b = service
    found = {row.area.name: row for row in pressure_at(D).areas}
    fa = found["Area A"].figures
    assert (fa.opened, fa.opened_year_before, fa.demand_change) == (3, 2, 0.5)
    assert fa.closed == 1
    assert (fa.led, fa.capacity, fa.saturation) == (18, 40, 0.45)
    assert (fa.held_on_duty, fa.manager_duty) == (5, 1)
    assert fa.duration_weeks("public") == 166 / 7
    assert fa.duration_weeks("private_after_fh") == 57 / 7
    assert fa.duration_weeks("rule_16_4") == 214 / 7
    fb = found["Area B"].figures
    assert (fb.capacity, fb.led, fb.saturation, fb.demand_change) == (25, 0, 0, None)


def test_regions_and_the_nation_add_up_their_areas(service):
    pressure = pressure_at(D)
    assert (pressure.whole.led, pressure.whole.capacity) == (18, 65)
    assert pressure.whole.saturation == 18 / 65
    assert [(region.name, figures.capacity) for region, figures in pressure.regions] == [
        ("North", 40),
        ("South", 25),
    ]


def test_supervisors_holding_more_than_12_are_named(service):
    supervisors = pressure_at(D).supervisors
    assert [(s.name, s.area_name, s.proceedings) for s in supervisors] == [
        ("Priya Lamb", "Area A", 13)
    ]


def test_areas_past_their_thresholds_are_asked_to_consider_prioritisation(service):
    a, b = service
    pressure = pressure_at(D)
    assert [row.area for row in pressure.consider_prioritisation] == [a]
    row = pressure.consider_prioritisation[0]
    assert row.past == ["Saturation 45% (threshold 40%)", "5 held on duty (threshold 4)"]
    a.in_prioritisation = True
    a.save()
    pressure = pressure_at(D)
    assert [row.area for row in pressure.in_prioritisation] == [a]
    assert pressure.consider_prioritisation == []
    assert [row.area for row in pressure.past_thresholds] == [a]


def test_the_board_defaults_apply_to_an_area_never_set(service):
    a, b = service
    row = next(row for row in pressure_at(D).areas if row.area == b)
    assert (row.thresholds.saturation_percent, row.thresholds.days_to_allocation) == (90, 20)
    assert row.past == []


def test_a_day_before_the_absence_has_the_fca_back_in_capacity(service):
    a, _ = service
    row = next(row for row in pressure_at(D - datetime.timedelta(days=1)).areas if row.area == a)
    assert row.figures.capacity == 40 + 40 + 25  # f3 (before the first hearing) and f5 back


def test_one_region_only(service):
    a, _ = service
    pressure = pressure_at(D, areas=[a])
    assert [row.area for row in pressure.areas] == [a]
    assert pressure.whole.capacity == 40


def test_private_law_closed_before_its_first_hearing_ran_no_days_after_it():
    """Days run are counted from the first hearing in private law, and never below nothing: a
    set closed before the hearing listed for it counts as closed, after 0 days."""
    area = ServiceAreaFactory(region=RegionFactory())
    for first_hearing, closed in (
        (datetime.date(2026, 3, 2), datetime.date(2026, 3, 30)),  # 28 days after the hearing
        (datetime.date(2026, 5, 4), datetime.date(2026, 4, 20)),  # closed before it: 0 days
    ):
        proceedings(
            area,
            received=datetime.date(2026, 2, 2),
            first_hearing_on=first_hearing,
            closed_on=closed,
            law=Law.PRIVATE,
            kind=Kind.SECTION_7,
        )
    found = pressure_at(D, areas=[area]).areas[0].figures
    assert found.duration_count["private_after_fh"] == 2
    assert found.duration_days["private_after_fh"] == 28


def test_a_fixed_number_of_queries_whatever_the_size(service, django_assert_num_queries):
    with django_assert_num_queries(8):
        pressure_at(D)
    ServiceAreaFactory()
    with django_assert_num_queries(8):
        pressure_at(D)


def test_the_board_figures_worked_out_already_give_the_same_pressure_in_fewer_queries(
    service, django_assert_num_queries
):
    """The live national page works out each area's board figures first: the pressure takes
    their days to allocation and their number held on duty rather than counting them again."""
    from together.scorecard.selectors import areas_by_region, figures_rolled_up

    by_area = figures_rolled_up(D, areas_by_region(), nation=True)["area"]
    with django_assert_num_queries(7):
        given = pressure_at(D, known=by_area)
    assert _shown(given) == _shown(pressure_at(D))
    assert given.whole.held_on_duty > 0


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 6, 30), 3, datetime.date(2026, 3, 30)),
        (datetime.date(2026, 5, 31), 3, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 2, 15), 3, datetime.date(2025, 11, 15)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2023, 2, 28)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def _shown(pressure):
    """What a reader sees of the pressure: the whole, each region, each area and the
    supervisors listed."""

    def figures(f):
        return (f.opened, f.opened_year_before, f.closed, f.led, f.capacity, f.held_on_duty,
                f.manager_duty, f.durations)  # fmt: skip

    return (
        figures(pressure.whole),
        [(region.name, figures(f)) for region, f in pressure.regions],
        [(r.area.name, figures(r.figures), r.days_to_allocation, r.past) for r in pressure.areas],
        [(s.name, s.area_name, s.proceedings) for s in pressure.supervisors],
    )


def test_a_kept_day_reads_the_pressure_as_it_was_worked_out(service):
    from together.scorecard.snapshots import page_figures, snapshot_take

    a, _ = service
    snapshot_take(D)
    for areas in (None, [a]):
        kept = page_figures(D, "area", None, below=[], areas=areas, month_day=D, year_day=D)
        assert not kept.live
        assert _shown(kept.pressure) == _shown(pressure_at(D, areas=areas))
    assert _shown(kept.pressure)[3] == [("Priya Lamb", "Area A", 13)]
