"""Observations of practice, the themes, and which FCAs are short of audits and observations
(with known answers)."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.conftest import SEES_CHILD
from tests.quality.factories import finished_audit, observation_made
from together.quality import selectors
from together.quality.models import Observation, QualityAction, Theme

SEES_OBSERVATION = {
    "fca_allocated",
    "supervisor_team",
    "manager_area",
    "head_region",
    "director_region",
    "national",
}
SEES_COMPLIANCE = {
    "supervisor_team",
    "supervisor_other_team",
    "manager_area",
    "manager_other_area",
    "head_region",
    "head_other_region",
    "director_region",
}


def _observe(world, on):
    return observation_made(world, on, what="A first meeting with a child at school")


def test_a_supervisor_records_an_observation_with_an_action(client, world):
    client.force_login(world.supervisor_team)
    page = client.get("/quality/observations/record/")
    form = page.context["form"]
    assert escape(world.fca_allocated.full_name) in page.content.decode()  # O'Brien, escaped
    today = timezone.localdate()
    due = today + datetime.timedelta(days=28)
    data = {
        "form_token": form["form_token"].value(),
        "fca": str(world.fca_allocated.uuid),
        "observed_on_day": today.day,
        "observed_on_month": today.month,
        "observed_on_year": today.year,
        "with_whom": "Jayden and his foster carer",
        "what": "A visit to explain the plan with a storyboard",
        "worked_well": "Jayden chose the pictures",
        "to_improve": "",
        "action": "Share the storyboard guidance with the team",
        "action_due_on_day": due.day,
        "action_due_on_month": due.month,
        "action_due_on_year": due.year,
    }
    first = client.post("/quality/observations/record/", data)
    again = client.post("/quality/observations/record/", data)
    observation = Observation.objects.get()
    assert first["Location"] == again["Location"] == f"/quality/observations/{observation.uuid}/"
    action = QualityAction.objects.get()
    assert action.owner == world.fca_allocated and action.observation == observation
    client.force_login(world.fca_allocated)
    assert "Share the storyboard guidance" in client.get("/quality/actions/").content.decode()


def test_an_observation_needs_what_worked_well(client, world):
    client.force_login(world.supervisor_team)
    response = client.post("/quality/observations/record/", {"fca": ""})
    page = response.content.decode()
    assert "Choose whose practice you observed" in page and "Write what worked well" in page
    assert not Observation.objects.exists()


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_who_sees_observations_and_compliance(client, world, relationship):
    observation = _observe(world, timezone.localdate())
    client.force_login(world.users[relationship])
    seen = client.get(f"/quality/observations/{observation.uuid}/").status_code
    assert seen == (200 if relationship in SEES_OBSERVATION else 404)
    listed = client.get("/quality/observations/")
    if relationship in SEES_OBSERVATION:
        assert "Jayden and his teacher" in listed.content.decode()
    elif listed.status_code == 200:
        assert "Jayden and his teacher" not in listed.content.decode()
    records = (
        200
        if relationship
        in {"supervisor_team", "supervisor_other_team", "manager_area", "manager_other_area"}
        else 404
    )
    assert client.get("/quality/observations/record/").status_code == records
    compliance = client.get("/quality/compliance/").status_code
    assert compliance == (200 if relationship in SEES_COMPLIANCE else 404)
    themes = client.get("/quality/themes/").status_code
    assert themes == (
        200
        if relationship in {*SEES_CHILD} - {"business_area", "business_other_area", "sysadmin"}
        else 404
    )


def test_compliance_with_known_answers(world):
    today = timezone.localdate()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    # Four audits in the year, the last four months ago: enough audits, none in three months.
    for days in (120, 200, 250, 300):
        finished_audit(world, audited_on=ago(days))
    finished_audit(world, audited_on=ago(400))  # over a year ago: not counted
    _observe(world, ago(10))
    rows = {row.fca: row for row in selectors.compliance_for(world.supervisor_team, today)}
    assert set(rows) == {world.fca_allocated, world.fca_same_team}
    mine = rows[world.fca_allocated]
    assert (mine.audits, mine.observations) == (4, 1)
    assert (mine.few_audits, mine.few_observations, mine.none_recently) == (False, True, True)
    assert mine.last_audited_on == ago(120)
    other = rows[world.fca_same_team]
    assert (other.audits, other.observations, other.none_recently) == (0, 0, True)
    # A new audit this month: no longer "none in three months".
    finished_audit(world, audited_on=ago(5))
    mine = {r.fca: r for r in selectors.compliance_for(world.supervisor_team, today)}[
        world.fca_allocated
    ]
    assert (mine.audits, mine.none_recently) == (5, False)
    # A manager of another area sees only their own people.
    elsewhere = selectors.compliance_for(world.manager_other_area, today)
    assert [row.fca for row in elsewhere] == [world.fca_other_area]


def test_the_compliance_page_asks_the_same_queries_for_more_people(
    client, world, make_user, django_assert_num_queries
):
    client.force_login(world.manager_area)
    client.get("/quality/compliance/")
    with django_assert_num_queries(5):
        client.get("/quality/compliance/")
    for _ in range(3):
        make_user("fca", team=world.team)
    with django_assert_num_queries(5):
        page = client.get("/quality/compliance/")
    assert "of 5 Family Court Advisers you manage" in page.content.decode()


def test_national_leadership_keeps_the_themes(client, world):
    assert Theme.objects.filter(name="Domestic abuse").exists()  # seeded by a migration
    client.force_login(world.national)
    client.post("/quality/themes/", {"name": "Brothers and sisters"})
    theme = Theme.objects.get(name="Brothers and sisters")
    assert theme.in_use
    duplicate = client.post("/quality/themes/", {"name": "brothers and sisters"})
    assert "There is already a theme with that name" in duplicate.content.decode()
    client.post("/quality/themes/", {"retire": str(theme.uuid)})
    theme.refresh_from_db()
    assert not theme.in_use
    client.force_login(world.manager_area)
    assert client.post("/quality/themes/", {"name": "Other"}).status_code == 404
    assert not Theme.objects.filter(name="Other").exists()


def test_the_themes_page_counts_the_audits_each_person_may_see(client, world):
    theme = Theme.objects.get(name="Domestic abuse")
    audit = finished_audit(world)
    audit.themes.add(theme)
    used = {t.name: t.used for t in selectors.themes_with_use(world.manager_area)}
    assert used["Domestic abuse"] == 1 and used["Letters"] == 0
    elsewhere = {t.name: t.used for t in selectors.themes_with_use(world.manager_other_area)}
    assert elsewhere["Domestic abuse"] == 0
