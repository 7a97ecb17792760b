"""Compliance feeds the scorecard: the share of a place's FCAs with their audits done (four in
twelve months, two of them collaborative), their observations (two), and both, with known
answers; under 5 FCAs, no share is shown."""

import datetime

from django.utils import timezone

from tests.quality.factories import audits_done, observation_made
from together.accounts.models import Role
from together.quality.selectors import compliance_in_place


def _six_fcas(world, make_user):
    """The area's team of six FCAs: one with everything done, one with observations only (its
    four audits are practice audits), one with audits only, three with nothing."""
    today = timezone.localdate()
    month_ago = today - datetime.timedelta(days=30)
    more = [make_user(Role.FCA, team=world.team) for _ in range(4)]
    everything, observed, audited = world.fca_allocated, world.fca_same_team, more[0]
    audits_done(world, everything, 2, 2, month_ago)
    audits_done(world, observed, 0, 4, month_ago)
    audits_done(world, audited, 2, 2, month_ago)
    for fca in (everything, everything, observed, observed, audited):
        observation_made(world, month_ago, fca=fca)
    audits_done(world, everything, 2, 2, today - datetime.timedelta(days=400))  # too long ago
    return today


def test_the_shares_of_a_place_with_known_answers(world, make_user):
    today = _six_fcas(world, make_user)
    area = compliance_in_place(level="area", ids=[world.area.pk], today=today)
    assert (area.fcas, area.audits_done, area.observations_done, area.both_done) == (6, 2, 2, 1)
    team = compliance_in_place(level="team", ids=[world.team.pk], today=today)
    assert team == area
    region = compliance_in_place(level="region", ids=[world.area.region_id], today=today)
    assert region == area  # the other area is in another region
    nation = compliance_in_place(level="nation", today=today)
    assert (nation.fcas, nation.both_done) == (7, 1)  # and the other area's FCA
    # A year later nothing counts any more.
    later = compliance_in_place(
        level="area", ids=[world.area.pk], today=today + datetime.timedelta(days=366)
    )
    assert (later.audits_done, later.observations_done) == (0, 0)


def test_the_scorecard_shows_the_shares_and_hides_them_under_5(client, world, make_user):
    _six_fcas(world, make_user)
    client.force_login(world.manager_area)
    page = client.get("/scorecard/").content.decode()
    assert "Audits and observations of Family Court Advisers" in page
    assert page.count("33.3%") >= 2 and "16.7%" in page
    client.force_login(world.manager_other_area)  # one FCA in that area
    page = client.get("/scorecard/").content.decode()
    assert "There are fewer than 5 here, so no share is shown" in page
    assert "33.3%" not in page


def test_the_same_queries_however_many_fcas(world, make_user, django_assert_num_queries):
    today = _six_fcas(world, make_user)
    with django_assert_num_queries(3):
        compliance_in_place(level="area", ids=[world.area.pk], today=today)
    for _ in range(5):
        audits_done(world, make_user(Role.FCA, team=world.team), 2, 2, today)
    with django_assert_num_queries(3):
        found = compliance_in_place(level="area", ids=[world.area.pk], today=today)
    assert (found.fcas, found.audits_done) == (11, 7)
