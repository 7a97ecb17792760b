"""A team's figures count the proceedings the team holds when the figures are worked out
(docs/scorecard.md): known answers for five sets of proceedings of which three move to another
team of the same area part way through. The day kept that night keeps the team holding them
then; a rebuild of that day later counts the team holding them now. The service area's figures
are the same either way.

The lead allocations keep each lead's team and dates (proceedings.Allocation), so the team at a
past day could be worked out for proceedings with a lead; what is missing, and what a change
would have to do, is in docs/scorecard.md ("Teams at a past day"). When that is done, the
answers after the move below are the ones to change."""

import datetime

from tests.organisation.factories import TeamFactory
from tests.proceedings.factories import ProceedingsFactory, allocate
from together.accounts.models import Role
from together.proceedings.models import Allocation
from together.scorecard.selectors import figures_for
from together.scorecard.series import figures_for_days
from together.scorecard.snapshots import snapshot_read, snapshot_take, snapshots_take

UTC = datetime.UTC
BEFORE_MOVE = datetime.date(2026, 3, 31)
MOVED_AT = datetime.datetime(2026, 4, 15, 9, 0, tzinfo=UTC)
AFTER_MOVE = datetime.date(2026, 4, 30)


def _five_then_three_move(world, make_user):
    """Five sets of proceedings led by an FCA of the area's team from 1 February; three of them
    move to an FCA of a second team of the area on 15 April. Returns the two teams."""
    team_a, team_b = world.team, TeamFactory(service_area=world.area)
    fca_b = make_user(Role.FCA, team=team_b)
    sets = [
        ProceedingsFactory(service_area=world.area, received_on=datetime.date(2026, 1, 10))
        for _ in range(5)
    ]
    for proceedings in sets:
        allocate(
            proceedings,
            world.fca_allocated,
            team_a,
            at=datetime.datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
        )
    return team_a, team_b, fca_b, sets


def _move(sets, fca_b, team_b):
    for proceedings in sets[:3]:
        Allocation.objects.filter(proceedings=proceedings, ended_at__isnull=True).update(
            ended_at=MOVED_AT
        )
        Allocation.objects.create(
            proceedings=proceedings, fca=fca_b, team=team_b, started_at=MOVED_AT
        )
        proceedings.lead_fca, proceedings.team = fca_b, team_b
        proceedings.save()


def _open(found, team):
    return found[team.pk]["open_proceedings"]


def test_the_day_kept_that_night_keeps_the_team_holding_them_then(world, make_user):
    team_a, team_b, fca_b, sets = _five_then_three_move(world, make_user)
    snapshot_take(BEFORE_MOVE)  # the nightly snapshot of 31 March, before the move
    _move(sets, fca_b, team_b)
    kept = snapshot_read(BEFORE_MOVE, "team", (team_a.pk, team_b.pk))
    assert (_open(kept, team_a), _open(kept, team_b)) == (5, 0)
    assert kept[team_a.pk]["caseload_pre_first_hearing_avg"] == 5


def test_a_rebuild_of_a_day_before_the_move_counts_the_team_holding_them_now(world, make_user):
    team_a, team_b, fca_b, sets = _five_then_three_move(world, make_user)
    _move(sets, fca_b, team_b)
    teams = (team_a.pk, team_b.pk)
    live = figures_for(BEFORE_MOVE, "team", teams, each=True)
    assert (_open(live, team_a), _open(live, team_b)) == (2, 3)
    # The FCA of the first team led all five on 31 March; three count under the second team.
    assert live[team_a.pk]["caseload_pre_first_hearing_avg"] == 2
    assert live[team_b.pk]["caseload_pre_first_hearing_avg"] == 3
    # A rebuild of many days at once gives the same, and so does a day after the move (rightly).
    run = figures_for_days([BEFORE_MOVE, AFTER_MOVE], "team", teams, each=True)
    assert run[BEFORE_MOVE] == live
    assert (_open(run[AFTER_MOVE], team_a), _open(run[AFTER_MOVE], team_b)) == (2, 3)
    snapshots_take([BEFORE_MOVE])
    kept = snapshot_read(BEFORE_MOVE, "team", teams)
    assert (_open(kept, team_a), _open(kept, team_b)) == (2, 3)
    # The service area's figures do not depend on the team.
    area = snapshot_read(BEFORE_MOVE, "area", (world.area.pk,))[world.area.pk]
    assert area["open_proceedings"] == 5


def test_the_page_says_how_a_team_is_counted(client, world, make_user):
    team_a, *_ = _five_then_three_move(world, make_user)
    client.force_login(world.manager_area)
    page = client.get("/scorecard/").content.decode()
    assert "the team holding them now" in page
