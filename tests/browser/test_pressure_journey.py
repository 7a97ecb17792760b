"""A service manager sees the hearings whose lead adviser is away and records sickness; national
leadership switches an area into prioritisation with a reason and finds it in the history. Every
page is checked with axe-core at desktop width and at 390 px."""

import datetime

import pytest
from django.utils import timezone

from tests.accounts.factories import PASSWORD
from tests.proceedings.factories import HearingFactory
from together.organisation.models import Absence, PrioritisationEvent

pytestmark = pytest.mark.browser


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def test_a_service_manager_sees_a_hearing_whose_lead_adviser_is_away(journey, world):
    today = timezone.localdate()
    in_three_days = today + datetime.timedelta(days=3)
    HearingFactory(
        proceedings=world.proceedings,
        kind="final",
        starts_at=timezone.make_aware(datetime.datetime.combine(in_three_days, datetime.time(10))),
    )
    Absence.objects.create(
        user=world.fca_allocated,
        kind=Absence.Kind.ANNUAL_LEAVE,
        starts_on=today + datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=5),
        recorded_by=world.fca_allocated,
    )

    sign_in(journey, world.manager_area)
    journey.click("Hearings where the lead adviser is away", role="link")
    assert journey.heading() == "Hearings where the lead adviser is away"
    row = journey.page.get_by_role("row", name=world.proceedings.court_number)
    text = row.inner_text()
    assert "Final hearing" in text
    assert world.fca_allocated.full_name in text
    assert "Annual leave" in text

    # The row leads to the proceedings, so someone else can be sent.
    journey.click(world.proceedings.court_number, role="link")
    assert journey.page.url.endswith(f"/proceedings/{world.proceedings.uuid}/")

    # The manager records that a teammate is off sick.
    journey.goto("/absence/team/")
    journey.click("Record sickness", role="link")
    journey.page.get_by_label("Who is off sick?").select_option(label=world.fca_same_team.full_name)
    journey.page.locator("#id_starts_on_0").fill(str(today.day))
    journey.page.locator("#id_starts_on_1").fill(str(today.month))
    journey.page.locator("#id_starts_on_2").fill(str(today.year))
    journey.click("Record sickness")
    assert journey.heading() == "Absence in your teams"
    assert f"{world.fca_same_team.full_name}'s sickness has been recorded" in (
        journey.page.locator("main").inner_text()
    )
    assert Absence.objects.filter(user=world.fca_same_team, kind="sickness").exists()


def test_national_leadership_switches_an_area_into_prioritisation(journey, world):
    national = world.national
    sign_in(journey, national)
    journey.goto("/scorecard/prioritisation/")
    assert journey.heading() == "Prioritisation"
    journey.click(world.area.name, role="link")
    assert journey.heading() == f"{world.area.name}: prioritisation"
    assert "No decisions have been recorded" in journey.page.locator("main").inner_text()

    journey.click("Record a decision", role="link")
    journey.click("Record the decision")  # nothing chosen, no reason: both are asked for
    errors = journey.page.locator(".govuk-error-summary").inner_text()
    assert "Choose what has been decided" in errors
    assert "Enter why this has been decided" in errors

    journey.page.get_by_label("Switched prioritisation on").check()
    journey.fill("Why", "Saturation has been above 100% for six weeks.")
    journey.click("Record the decision")
    assert journey.heading() == f"{world.area.name}: prioritisation"
    main = journey.page.locator("main").inner_text()
    assert "In prioritisation" in main
    history = journey.page.locator("table").inner_text()
    assert "Switched prioritisation on" in history
    assert "Saturation has been above 100% for six weeks." in history
    assert national.full_name in history
    assert PrioritisationEvent.objects.get().by == national

    # The pressure page shows the area in prioritisation.
    journey.goto("/scorecard/pressure/")
    assert world.area.name in journey.page.locator("#pressure-prioritisation ~ dl").inner_text()
