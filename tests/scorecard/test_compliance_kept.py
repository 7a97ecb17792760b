"""The FCAs with the quality framework's audits and observations done are kept with each day's
figures: read back for a past day, beside a month and a year before, in the CSV download and the
trends, counted by the memberships of that day, and the same in a rebuild of many days at once
as day by day (known answers: six FCAs in one team, one in another region)."""

import csv
import datetime
import io

import pytest

from tests.organisation.factories import TeamFactory
from tests.quality.factories import audits_done, observation_made
from together.accounts.models import Role
from together.organisation.models import Region, ServiceArea, Team
from together.quality.selectors import compliance_in_place
from together.scorecard.models import ScorecardSnapshot
from together.scorecard.selectors import (
    BASE,
    COMPLIANCE_KEYS,
    KEYS,
    Scope,
    compliance_for_days,
    figures_for,
)
from together.scorecard.series import figures_for_days
from together.scorecard.snapshots import snapshot_read, snapshot_take, snapshots_take, trend

D = datetime.date(2026, 6, 30)
MONTH_BEFORE = datetime.date(2026, 5, 30)
YEAR_BEFORE = datetime.date(2025, 6, 30)
AUDITS, OBSERVATIONS, BOTH = COMPLIANCE_KEYS
AT_D = {"date_day": "30", "date_month": "6", "date_year": "2026"}


@pytest.fixture
def six(world, make_user):
    """Six FCAs in the area's team on D: one with everything done by 20 June, one with
    observations only (its four audits are practice audits), one with audits only, three with
    nothing; an FCA who joins the team on 1 July; and the other region's one FCA."""
    done = datetime.date(2026, 6, 20)
    more = [make_user(Role.FCA, team=world.team) for _ in range(4)]
    everything, observed, audited = world.fca_allocated, world.fca_same_team, more[0]
    audits_done(world, everything, 2, 2, done)
    audits_done(world, observed, 0, 4, done)
    audits_done(world, audited, 2, 2, done)
    for fca in (everything, everything, observed, observed, audited):
        observation_made(world, done, fca=fca)
    audits_done(world, everything, 2, 2, D - datetime.timedelta(days=400))  # too long ago
    world.new_team = TeamFactory(service_area=world.area)
    joiner = make_user(Role.FCA, team=world.new_team)
    joiner.team_memberships.update(started_on=datetime.date(2026, 7, 1))
    audits_done(world, joiner, 2, 2, done)
    observation_made(world, done, fca=joiner)
    observation_made(world, done, fca=joiner)
    return world


def _known(found, fcas, audits, observations, both):
    assert found[f"{BASE}{AUDITS}"] == fcas
    assert (found[AUDITS], found[OBSERVATIONS], found[BOTH]) == pytest.approx(
        (audits / fcas, observations / fcas, both / fcas)
    )


def test_a_kept_day_reads_back_the_shares_with_known_answers(six):
    world = six
    snapshot_take(D)
    _known(snapshot_read(D, "area", (world.area.pk,))[world.area.pk], 6, 2, 2, 1)
    _known(snapshot_read(D, "team", (world.team.pk,))[world.team.pk], 6, 2, 2, 1)
    _known(snapshot_read(D, "region", (world.area.region_id,))[world.area.region_id], 6, 2, 2, 1)
    _known(snapshot_read(D, "nation")[0], 7, 2, 2, 1)  # and the other region's FCA
    # The team the joiner is in from 1 July had no FCA on 30 June: nothing to count.
    other = snapshot_read(D, "team", (world.new_team.pk,))[world.new_team.pk]
    assert other[BOTH] is None and other[f"{BASE}{BOTH}"] == 0
    # The live counts of quality for the same day agree (the same FCAs: none left or joined).
    live = compliance_in_place(level="team", ids=[world.team.pk], today=D)
    assert (live.fcas, live.audits_done, live.observations_done, live.both_done) == (6, 2, 2, 1)


def test_an_fca_counts_from_the_day_they_join_a_team(six):
    world = six
    after = D + datetime.timedelta(days=1)
    found = figures_for(after, "area", (world.area.pk,), each=True)[world.area.pk]
    _known(found, 7, 3, 3, 2)
    before = figures_for(D, "area", (world.area.pk,), each=True)[world.area.pk]
    _known(before, 6, 2, 2, 1)


def test_the_board_figures_printed_by_the_command_are_unchanged(six):
    found = figures_for(D)[None]
    assert set(COMPLIANCE_KEYS) <= set(found)
    assert not set(COMPLIANCE_KEYS) & set(KEYS)


@pytest.mark.parametrize("level", ["nation", "region", "area", "team"])
def test_many_days_at_once_equal_each_day_alone(six, level):
    model = {"region": Region, "area": ServiceArea, "team": Team}.get(level)
    ids = None if model is None else tuple(model.objects.values_list("pk", flat=True))
    days = [YEAR_BEFORE, MONTH_BEFORE, datetime.date(2026, 6, 19), datetime.date(2026, 6, 20)]
    days += [D, D + datetime.timedelta(days=1), datetime.date(2027, 6, 20)]
    at_once = figures_for_days(days, "area" if ids is None else level, ids, each=ids is not None)
    for day in days:
        alone = figures_for(day, "area" if ids is None else level, ids, each=ids is not None)
        assert at_once[day] == alone, day
    if level == "team":
        team = six.team.pk
        assert at_once[datetime.date(2026, 6, 19)][team][BOTH] == 0  # done on the 20th
        assert at_once[datetime.date(2026, 6, 20)][team][BOTH] == pytest.approx(1 / 6)
        assert at_once[datetime.date(2027, 6, 20)][team][BOTH] == 0  # 365 days later: gone


def test_a_rebuild_keeps_the_same_compliance_rows_as_each_day_alone(six):
    days = [MONTH_BEFORE, D, D + datetime.timedelta(days=1)]

    def kept():
        return sorted(
            ScorecardSnapshot.objects.filter(measure__in=COMPLIANCE_KEYS).values_list(
                "day", "level", "place_id", "measure", "value", "base"
            ),
            key=lambda row: tuple(str(v) for v in row),
        )

    for day in days:
        snapshot_take(day)
    one_by_one = kept()
    places = 1 + Region.objects.count() + ServiceArea.objects.count() + Team.objects.count()
    assert len(one_by_one) == 3 * len(COMPLIANCE_KEYS) * places
    ScorecardSnapshot.objects.all().delete()
    snapshots_take(days)
    assert kept() == one_by_one


def test_the_page_compares_a_kept_day_with_a_month_before_and_says_a_year_was_not_kept(client, six):
    world = six
    snapshot_take(D)
    snapshot_take(MONTH_BEFORE)
    client.force_login(world.manager_area)
    page = client.get("/scorecard/", AT_D).content.decode()
    row = page.split('id="figure-fcas_audits_and_observations_done_share_last_12_months"')[1]
    row = row.split("</tr>")[0]
    assert "16.7%" in row and "0.0%" in row  # on D, and a month before: nothing done yet
    assert "Up 17 points on last month" in row
    assert "No figures were kept for 30 June 2025" in page
    assert "Of the Family Court Advisers in a team here on that day" in page


def test_the_figures_download_and_the_trends_hold_the_kept_shares(client, six):
    world = six
    snapshot_take(D)
    client.force_login(world.manager_area)
    got = client.get("/scorecard/", {**AT_D, "download": "figures"})
    rows = {row[1]: row for row in csv.reader(io.StringIO(got.content.decode()))}
    assert float(rows[AUDITS][2]) == pytest.approx(2 / 6)
    assert float(rows[BOTH][2]) == pytest.approx(1 / 6)
    assert rows[BOTH][3] == ""  # a month before: not kept
    months = dict(trend("area", (world.area.pk,), today=datetime.date(2026, 7, 15)))
    assert months[D][BOTH] == pytest.approx(1 / 6)
    assert months[D][f"{BASE}{BOTH}"] == 6


def test_under_5_fcas_no_share_is_kept_visible(client, six):
    world = six
    snapshot_take(D)
    client.force_login(world.manager_other_area)  # one FCA in that area
    page = client.get("/scorecard/", AT_D).content.decode()
    row = page.split('id="figure-fcas_audits_done_share_last_12_months"')[1].split("</tr>")[0]
    assert "fewer than 5" in row
    assert "There are fewer than 5 here, so no share is shown" in page
    got = client.get("/scorecard/", {**AT_D, "download": "figures"})
    rows = {row[1]: row for row in csv.reader(io.StringIO(got.content.decode()))}
    assert rows[AUDITS][2] == "fewer than 5"


def test_three_queries_however_many_days_places_and_fcas(six, make_user, django_assert_num_queries):
    world = six
    teams = tuple(Team.objects.values_list("pk", flat=True))
    scope = Scope(day=D, ids=teams, each=True, level="team")
    with django_assert_num_queries(3):
        compliance_for_days(scope, [D])
    for _ in range(3):
        newest = TeamFactory(service_area=world.area)
        fca = make_user(Role.FCA, team=newest)
        audits_done(world, fca, 2, 2, D)
        observation_made(world, D, fca=fca)
        observation_made(world, D, fca=fca)
    teams = tuple(Team.objects.values_list("pk", flat=True))
    scope = Scope(day=D, ids=teams, each=True, level="team")
    days = [D - datetime.timedelta(days=n) for n in range(31)]
    with django_assert_num_queries(3):
        found = compliance_for_days(scope, days)
    assert found[D][newest.pk][BOTH] == 1
