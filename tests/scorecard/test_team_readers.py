"""Practice supervisors read the scorecard of the teams they supervise now: each team's figures,
the lists behind them and the downloads; not another team's, their area's or their region's,
nor the pressure and prioritisation pages."""

import datetime

import pytest
from django.core.management import call_command

from tests.organisation.factories import MembershipFactory
from together.accounts.models import Role
from together.organisation.models import Team, TeamMembership
from together.scorecard.selectors import scorecard_figures

from .folders import service, write_folder

DAY = {"date_day": "30", "date_month": "6", "date_year": "2026"}


@pytest.fixture
def imported(db, tmp_path):
    call_command("import_service", str(write_folder(tmp_path / "service", service())), verbosity=0)


def figure(html: str, key: str) -> str:
    row = html[html.index(f'id="figure-{key}"') :]
    return row[: row.index("</tr>")]


def test_a_practice_supervisor_reads_their_team_and_the_lists_behind_it(
    client, make_user, imported
):
    team = Team.objects.get(name="Tyneside after")
    client.force_login(make_user(Role.PRACTICE_SUPERVISOR, team=team))
    html = client.get("/scorecard/", DAY).content.decode()
    assert "Tyneside after on 30 June 2026" in html
    held = scorecard_figures(datetime.date(2026, 6, 30), teams=[team])["open_proceedings"]
    assert f">{held}</td>" in figure(html, "open_proceedings")
    assert 'href="/scorecard/"' in html  # the Scorecard link in their navigation
    # What a team's figures count, said on the page.
    assert "the team holding them on that day" in html
    own = {"place": f"team-{team.uuid}", **DAY}
    for address in ("/scorecard/on-duty/", "/scorecard/not-seen/", "/scorecard/over-ceiling/"):
        assert client.get(address, own).status_code == 200, address
    download = client.get("/scorecard/", {**own, "download": "figures"})
    assert download["Content-Disposition"].startswith("attachment;")


def test_a_practice_supervisor_reads_no_other_place(client, make_user, imported):
    team = Team.objects.get(name="Tyneside after")
    client.force_login(make_user(Role.PRACTICE_SUPERVISOR, team=team))
    other = Team.objects.get(name="Wearside after")
    for place in (f"team-{other.uuid}", "area-NE1", "region-NE"):
        assert client.get("/scorecard/", {"place": place, **DAY}).status_code == 404, place
        assert client.get("/scorecard/on-duty/", {"place": place}).status_code == 404, place
    for address in ("/scorecard/pressure/", "/scorecard/prioritisation/"):
        assert client.get(address).status_code == 404, address


def test_a_practice_supervisor_of_two_teams_reads_both_together_and_each(
    client, make_user, imported
):
    tyneside, wearside = (Team.objects.get(name=n) for n in ("Tyneside after", "Wearside after"))
    supervisor = make_user(Role.PRACTICE_SUPERVISOR, team=tyneside)
    MembershipFactory(user=supervisor, team=wearside)
    client.force_login(supervisor)
    html = client.get("/scorecard/", DAY).content.decode()
    assert "Your teams on 30 June 2026" in html and 'id="by-team"' in html
    both = scorecard_figures(datetime.date(2026, 6, 30), teams=[tyneside, wearside])
    assert f">{both['open_proceedings']}</td>" in figure(html, "open_proceedings")
    assert f"place=team-{wearside.uuid}" in html
    assert client.get("/scorecard/", {"place": f"team-{wearside.uuid}"}).status_code == 200


def test_a_practice_supervisor_who_left_the_team_no_longer_reads_it(client, make_user, imported):
    team = Team.objects.get(name="Tyneside after")
    supervisor = make_user(Role.PRACTICE_SUPERVISOR, team=team)
    TeamMembership.objects.filter(user=supervisor).update(ended_on=datetime.date(2026, 7, 1))
    client.force_login(supervisor)
    assert client.get("/scorecard/").status_code == 404
    assert client.get("/scorecard/", {"place": f"team-{team.uuid}"}).status_code == 404
