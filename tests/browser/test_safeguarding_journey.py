"""An FCA in an early intervention team does the safeguarding enquiries before the first hearing
(checks with the police and the local authority, a conversation with each parent) and files the
safeguarding letter with the court. Every page is checked with axe at desktop and at 390 px."""

import datetime

import pytest
from django.utils import timezone

from tests.accounts.factories import PASSWORD
from tests.courtwork.factories import make_private_law
from together.courtwork.models import SafeguardingLetter
from together.organisation.models import Team

pytestmark = pytest.mark.browser

POLICE = "Police were called to the home once, in March 2025, after an argument. No charges."


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def fill_date(journey, name, day):
    page = journey.page
    page.locator(f"input[name='{name}_day']").fill(str(day.day))
    page.locator(f"input[name='{name}_month']").fill(str(day.month))
    page.locator(f"input[name='{name}_year']").fill(str(day.year))


def record_check(journey, agency, name, asked):
    journey.click("Record a check for " + journey.court_number, role="link")
    journey.page.get_by_label(agency, exact=True).check()
    journey.fill("Which police force or local authority", name)
    fill_date(journey, "asked_on", asked)
    journey.click("Save the check")


def talk_with(journey, who, when, *, declined=False):
    journey.click(who, role="link")
    fill_date(journey, "date", when)
    journey.fill("Time", "10:30")
    journey.page.get_by_label("Phone call", exact=True).check()
    journey.fill("What they said about the child", "Jayden is happy at school and sleeps well.")
    if declined:
        journey.page.get_by_label(
            "Did not want to answer the domestic abuse screening questions", exact=True
        ).check()
    else:
        journey.page.get_by_label(
            "Answered the domestic abuse screening questions", exact=True
        ).check()
        journey.fill("Their answers to the screening questions", "No abuse, now or before.")
    journey.click("Save the conversation")


def test_fca_in_an_early_intervention_team_files_a_safeguarding_letter(journey, world):
    make_private_law(world, first_hearing_on=timezone.localdate() + datetime.timedelta(days=10))
    world.team.kind = Team.Kind.PRE_FIRST_HEARING
    world.team.save()
    journey.court_number = world.proceedings.court_number
    today = timezone.localdate()
    sign_in(journey, world.fca_allocated)

    journey.goto("/")
    assert journey.page.get_by_text("Safeguarding letter due").first.is_visible()
    journey.goto(f"/children/{world.child.uuid}/court/")
    assert journey.heading() == "Work for the court"

    # The police check: asked, then answered with what was found.
    record_check(journey, "Police", "West Yorkshire Police", today - datetime.timedelta(days=6))
    assert journey.page.get_by_text("The check with West Yorkshire Police").is_visible()
    journey.click("West Yorkshire Police", role="link")
    fill_date(journey, "answered_on", today - datetime.timedelta(days=2))
    journey.page.get_by_label("Information held", exact=True).check()
    journey.click("Save the check")  # nothing written about what was found: an error
    assert "Write what was found" in journey.page.locator(".govuk-error-summary").inner_text()
    journey.fill("What was found", POLICE)
    journey.click("Save the check")
    assert journey.page.get_by_text(POLICE).is_visible()

    # The local authority check: nothing known.
    record_check(journey, "Local authority", "Leeds City Council", today - datetime.timedelta(5))
    journey.click("Leeds City Council", role="link")
    fill_date(journey, "answered_on", today - datetime.timedelta(days=1))
    journey.page.get_by_label("Nothing known", exact=True).check()
    journey.click("Save the check")

    # A conversation with each parent.
    talk_with(journey, "Amara Okafor", today - datetime.timedelta(days=3))
    talk_with(journey, "Daniel Hughes", today - datetime.timedelta(days=2), declined=True)
    assert not journey.page.get_by_text("Not talked with yet").is_visible()

    # The letter, started from the enquiries, then the analysis and recommendation.
    journey.click("Write the safeguarding letter for " + journey.court_number, role="link")
    journey.click("Start the letter")
    assert journey.heading() == "Safeguarding letter to the court"
    enquiries = journey.page.get_by_label("What the enquiries found", exact=True)
    assert POLICE in enquiries.input_value()
    journey.fill(
        "Your analysis",
        "Both parents describe Jayden as settled. The one police call-out was some time ago "
        "and neither parent describes harm to Jayden since.",
    )
    journey.fill(
        "Your recommendation for the first hearing",
        "Jayden should keep spending time with both parents while the court decides.",
    )
    journey.click("Save and record that it was filed")
    assert journey.heading() == "Record that the letter was filed"
    fill_date(journey, "filed_on", today)
    journey.click("Record that it was filed")
    assert journey.heading() == "Work for the court"
    assert journey.page.get_by_text(
        f"Safeguarding letter filed with the court on {today:%-d %B %Y}"
    ).is_visible()
    letter = SafeguardingLetter.objects.get(proceedings=world.proceedings)
    assert letter.is_filed and letter.filed_on == today

    # The family page shows each conversation against the parent.
    journey.goto(f"/children/{world.child.uuid}/family/")
    assert journey.page.get_by_text("Safeguarding conversations").first.is_visible()
