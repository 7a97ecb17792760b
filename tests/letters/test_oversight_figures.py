"""The oversight figures, case by case: each test builds the children it needs and checks the
figure a manager would read. The page's deadline is 10 working days after the day of allocation
(local time, Monday to Friday, not a bank holiday); only sent letters count, and only a child's
first introductory letter."""

import datetime

import pytest

from tests.children.factories import ChildFactory
from tests.organisation.factories import TeamFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from together.letters.models import Kind, Letter, Status
from together.letters.oversight import letters_oversight
from together.letters.workingdays import add_working_days

UTC = datetime.UTC
TODAY = datetime.date(2026, 11, 1)
# Thursday 26 March 2026 (before the clocks change): the 10 working days skip two weekends and
# the Easter bank holidays (Good Friday 3 April, Easter Monday 6 April).
EASTER_ALLOCATION = datetime.datetime(2026, 3, 26, 10, 0, tzinfo=UTC)
EASTER_DEADLINE = datetime.date(2026, 4, 13)

# The page's queries, signed in: the session and the user; the figures (one query for all the
# children and their letters, one for the teams' names); the manager's service area, named above
# the table.
OVERSIGHT_PAGE = 5


def _allocated(area, team, fca, at, child=None):
    child = child or ChildFactory()
    proceedings = ProceedingsFactory(service_area=area)
    ProceedingsChildFactory(proceedings=proceedings, child=child)
    allocate(proceedings, fca, team, at=at)
    return child


def _closed(area, team, closed_on, child=None):
    child = child or ChildFactory()
    proceedings = ProceedingsFactory(
        service_area=area,
        team=team,
        received_on=closed_on - datetime.timedelta(days=60),
        closed_on=closed_on,
    )
    ProceedingsChildFactory(proceedings=proceedings, child=child)
    return child


def _letter(child, fca, sent_at, kind=Kind.INTRODUCTORY_CHILD, status=Status.SENT):
    return Letter.objects.create(
        child=child,
        kind=kind,
        recipient_name=child.preferred_name,
        fca=fca,
        style="older",
        body="Hello",
        started_by=fca,
        started_at=sent_at or datetime.datetime(2026, 1, 1, tzinfo=UTC),
        status=status,
        sent_at=sent_at,
        sent_how="post" if status == Status.SENT else "",
    )


def _figures(user, team):
    oversight = letters_oversight(user=user, today=TODAY)
    return {row.name: row for row in oversight.teams}.get(team.name), oversight.total


@pytest.fixture
def teams(letters_world):
    """A new team in the world's area, holding only what the test puts in it (the world's own
    child stays in the world's team)."""
    w = letters_world
    team = TeamFactory(service_area=w.area)
    return w, team


def test_the_deadline_crosses_weekends_and_the_easter_bank_holidays():
    assert add_working_days(EASTER_ALLOCATION.date(), 10) == EASTER_DEADLINE


def test_introductory_letters_on_time_late_and_not_sent(teams):
    w, team = teams
    fca = w.fca_allocated
    on_deadline = _allocated(w.area, team, fca, EASTER_ALLOCATION)
    _letter(on_deadline, fca, datetime.datetime(2026, 4, 13, 16, 0, tzinfo=UTC))
    day_after = _allocated(w.area, team, fca, EASTER_ALLOCATION)
    _letter(day_after, fca, datetime.datetime(2026, 4, 14, 9, 0, tzinfo=UTC))
    # 23:30 on the 13th in UTC is 00:30 on the 14th in London (summer time): late.
    after_midnight = _allocated(w.area, team, fca, EASTER_ALLOCATION)
    _letter(after_midnight, fca, datetime.datetime(2026, 4, 13, 23, 30, tzinfo=UTC))
    _allocated(w.area, team, fca, EASTER_ALLOCATION)  # no letter yet
    row, _ = _figures(w.manager_area, team)
    assert (row.allocated, row.introduced_on_time, row.introduced_late) == (4, 1, 2)
    assert row.introduced_share == 25


@pytest.mark.parametrize(
    ("sent_on", "on_time"),
    [(datetime.date(2026, 7, 30), True), (datetime.date(2026, 7, 31), False)],
)
def test_the_day_of_allocation_is_the_day_in_london(teams, sent_on, on_time):
    """Allocated at 23:30 UTC on Wednesday 15 July 2026, which is Thursday in London: the
    deadline is Thursday 30 July, not Wednesday 29."""
    w, team = teams
    allocated_at = datetime.datetime(2026, 7, 15, 23, 30, tzinfo=UTC)
    child = _allocated(w.area, team, w.fca_allocated, allocated_at)
    _letter(child, w.fca_allocated, datetime.datetime.combine(sent_on, datetime.time(10), UTC))
    row, _ = _figures(w.manager_area, team)
    assert (row.introduced_on_time, row.introduced_late) == ((1, 0) if on_time else (0, 1))


def test_letters_not_sent_do_not_count(teams):
    w, team = teams
    fca = w.fca_allocated
    drafted = _allocated(w.area, team, fca, EASTER_ALLOCATION)
    _letter(drafted, fca, None, status=Status.DRAFT)
    # A draft may keep a date it was once sent on; it still was not sent.
    dated_draft = _allocated(w.area, team, fca, EASTER_ALLOCATION)
    _letter(dated_draft, fca, EASTER_ALLOCATION, status=Status.DRAFT)
    ended_draft = _closed(w.area, team, TODAY - datetime.timedelta(days=10))
    _letter(ended_draft, fca, None, kind=Kind.ENDING_CHILD, status=Status.DRAFT)
    row, _ = _figures(w.manager_area, team)
    assert (row.allocated, row.introduced_on_time, row.introduced_late) == (2, 0, 0)
    assert (row.closed, row.ended_with_letter) == (1, 0)


def test_only_the_first_introductory_letter_counts(teams):
    w, team = teams
    fca = w.fca_allocated
    child = _allocated(w.area, team, fca, EASTER_ALLOCATION)
    _letter(child, fca, datetime.datetime(2026, 4, 10, 10, 0, tzinfo=UTC))  # on time
    _letter(child, fca, datetime.datetime(2026, 5, 20, 10, 0, tzinfo=UTC))  # again, later
    late = _allocated(w.area, team, fca, EASTER_ALLOCATION)
    _letter(late, fca, datetime.datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    _letter(late, fca, datetime.datetime(2026, 5, 1, 10, 0, tzinfo=UTC))  # the first, late
    row, total = _figures(w.manager_area, team)
    assert (row.allocated, row.introduced_on_time, row.introduced_late) == (2, 1, 1)
    assert total.allocated == 3  # with the world's own child, in its own team


def test_the_letter_must_be_of_the_right_kind(teams):
    """An ending letter does not introduce, and an introductory letter does not end."""
    w, team = teams
    fca = w.fca_allocated
    open_child = _allocated(w.area, team, fca, EASTER_ALLOCATION)
    _letter(open_child, fca, datetime.datetime(2026, 4, 1, tzinfo=UTC), kind=Kind.ENDING_CHILD)
    closed_child = _closed(w.area, team, TODAY - datetime.timedelta(days=10))
    _letter(closed_child, fca, datetime.datetime(2026, 4, 1, tzinfo=UTC))
    row, _ = _figures(w.manager_area, team)
    assert (row.allocated, row.introduced_on_time, row.introduced_late) == (1, 0, 0)
    assert (row.closed, row.ended_with_letter) == (1, 0)


def test_ending_letters_for_proceedings_closed_in_the_last_year(teams):
    w, team = teams
    fca = w.fca_allocated
    sent = datetime.datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    ended = _closed(w.area, team, TODAY - datetime.timedelta(days=30))
    _letter(ended, fca, sent, kind=Kind.ENDING_CHILD)
    _letter(ended, fca, sent + datetime.timedelta(days=3), kind=Kind.ENDING_CHILD)  # twice
    _closed(w.area, team, TODAY - datetime.timedelta(days=30))  # no ending letter
    a_year_ago = _closed(w.area, team, TODAY - datetime.timedelta(days=365))  # still counts
    _letter(a_year_ago, fca, sent, kind=Kind.ENDING_CHILD)
    too_long_ago = _closed(w.area, team, TODAY - datetime.timedelta(days=366))
    _letter(too_long_ago, fca, sent, kind=Kind.ENDING_CHILD)
    row, total = _figures(w.manager_area, team)
    assert (row.closed, row.ended_with_letter, row.ending_share) == (3, 2, 67)
    assert (total.closed, total.ended_with_letter) == (3, 2)
    assert row.allocated == 0 and row.introduced_share is None


def test_a_child_in_two_proceedings_counts_in_each(teams):
    w, team = teams
    fca = w.fca_allocated
    child = _allocated(w.area, team, fca, EASTER_ALLOCATION)
    _allocated(w.area, w.team, fca, EASTER_ALLOCATION, child=child)
    _closed(w.area, team, TODAY - datetime.timedelta(days=5), child=child)
    _letter(child, fca, datetime.datetime(2026, 4, 7, 10, 0, tzinfo=UTC))
    _letter(child, fca, datetime.datetime(2026, 9, 7, 10, 0, tzinfo=UTC), kind=Kind.ENDING_CHILD)
    row, total = _figures(w.manager_area, team)
    assert (row.allocated, row.introduced_on_time, row.closed, row.ended_with_letter) == (
        1,
        1,
        1,
        1,
    )
    other, _ = _figures(w.manager_area, w.team)
    assert (other.allocated, other.introduced_on_time) == (2, 1)  # with the world's own child


def test_proceedings_never_allocated_and_proceedings_without_a_team(teams):
    w, team = teams
    ProceedingsChildFactory(
        proceedings=ProceedingsFactory(service_area=w.area), child=ChildFactory()
    )
    _closed(w.area, None, TODAY - datetime.timedelta(days=3))
    oversight = letters_oversight(user=w.manager_area, today=TODAY)
    rows = {row.name: row for row in oversight.teams}
    assert (rows["No team yet"].allocated, rows["No team yet"].closed) == (0, 1)
    assert oversight.total.allocated == 1  # the world's own child only


def test_children_in_another_service_area_are_not_counted(teams):
    w, team = teams
    fca = w.fca_allocated
    far_team = TeamFactory(service_area=w.other_area)
    far = _allocated(w.other_area, far_team, w.fca_other_area, EASTER_ALLOCATION)
    _letter(far, w.fca_other_area, datetime.datetime(2026, 4, 1, tzinfo=UTC))
    far_closed = _closed(w.other_area, far_team, TODAY - datetime.timedelta(days=3))
    _letter(far_closed, fca, datetime.datetime(2026, 10, 1, tzinfo=UTC), kind=Kind.ENDING_CHILD)
    mine = letters_oversight(user=w.manager_area, today=TODAY)
    assert far_team.name not in {row.name for row in mine.teams}
    assert (mine.total.allocated, mine.total.closed) == (1, 0)
    theirs = letters_oversight(user=w.manager_other_area, today=TODAY)
    assert [row.name for row in theirs.teams] == [far_team.name]
    assert (theirs.total.allocated, theirs.total.introduced_on_time) == (1, 1)
    assert (theirs.total.closed, theirs.total.ended_with_letter) == (1, 1)
    assert letters_oversight(user=w.head_region, today=TODAY).total.allocated == 1
    everyone = letters_oversight(user=w.national, today=TODAY)
    assert (everyone.total.allocated, everyone.total.closed) == (2, 1)


def test_the_oversight_page_makes_the_same_queries_however_many_children(
    client, teams, django_assert_num_queries
):
    w, team = teams
    client.force_login(w.manager_area)
    client.get("/letters/oversight/")  # the first request after signing in saves the session
    with django_assert_num_queries(OVERSIGHT_PAGE):
        assert client.get("/letters/oversight/").status_code == 200
    for n in range(6):
        child = _allocated(w.area, TeamFactory(service_area=w.area), w.fca_allocated, None)
        _letter(child, w.fca_allocated, datetime.datetime(2026, 6, 8 + n, 10, tzinfo=UTC))
        _closed(w.area, team, TODAY - datetime.timedelta(days=n), child=child)
    with django_assert_num_queries(OVERSIGHT_PAGE):
        html = client.get("/letters/oversight/").content.decode()
    assert team.name in html
