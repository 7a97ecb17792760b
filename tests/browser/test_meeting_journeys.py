"""Seeing the child, on a desktop and on a phone: an FCA records that she tried but did not meet
a child, then a phone call, and sees one seen status on the file and on My children; the service
manager sees the child on "Children not seen" with the reason until then."""

import datetime

import pytest
from django.utils import timezone

from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.browser

DESKTOP, PHONE = 1280, 390


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def fits(journey, width):
    """Nothing runs off the side of the screen: no sideways scrolling."""
    if width == PHONE:
        scroll = journey.page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= PHONE, f"{journey.page.url} is {scroll}px wide at {PHONE}px"


def status(journey) -> str:
    return journey.page.locator(".together-file-status").inner_text()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_fca_records_not_meeting_then_a_phone_call_and_sees_one_status(journey, world, width):
    journey.page.set_viewport_size({"width": width, "height": 900})
    child = world.child
    sign_in(journey, world.fca_allocated)
    journey.goto(f"/children/{child.uuid}/meetings/")
    assert "Not seen yet" in status(journey)
    fits(journey, width)

    # Tried, but did not meet: the reason is required.
    journey.click("Record that you did not meet", role="link")
    assert journey.heading() == "Record that you did not meet Jayden"
    fits(journey, width)
    journey.page.get_by_label("We tried but did not meet").check()
    journey.click("Save")
    summary = journey.page.locator(".govuk-error-summary").inner_text()
    assert "Say why you did not meet" in summary and "Enter the date" in summary
    # The date boxes are red, as GOV.UK's pattern asks.
    assert journey.page.locator(".govuk-date-input__input.govuk-input--error").count() == 3
    tried = timezone.localdate() - datetime.timedelta(days=3)
    journey.fill("Day", str(tried.day))
    journey.fill("Month", str(tried.month))
    journey.fill("Year", str(tried.year))
    journey.fill("Why did you not meet?", "Nobody was home at the time agreed; rebooked.")
    journey.click("Save")
    assert journey.heading() == "Meetings with Jayden"
    reason = journey.page.get_by_text("Nobody was home at the time agreed; rebooked.")
    assert reason.first.is_visible()
    assert "Not seen yet" in status(journey)  # not meeting is not being seen
    fits(journey, width)

    # A phone call: "Where" is asked only under "In person".
    journey.click("Record a meeting", role="link")
    where = journey.page.get_by_role("group", name="Where did you meet?")
    journey.page.get_by_label("Phone call").check()
    assert not where.is_visible()
    journey.page.get_by_label("In person").check()
    assert where.is_visible()
    journey.page.get_by_label("Phone call").check()
    assert not where.is_visible()
    fits(journey, width)
    met = timezone.localdate() - datetime.timedelta(days=1)
    journey.fill("Day", str(met.day))
    journey.fill("Month", str(met.month))
    journey.fill("Year", str(met.year))
    journey.fill("Time", "16:00")
    journey.fill("What they said, in their own words", "I want to stay at my school.")
    journey.fill("Why you met this way and at this time", "Jayden asked for a call after school.")
    journey.click("Save the meeting")
    assert journey.heading() == "Meetings with Jayden"
    said = f"Last seen {met.day} {met:%B}"
    assert said in status(journey) and "by phone, yesterday" in status(journey)
    fits(journey, width)

    # The same status on My children.
    if width == PHONE:
        journey.page.get_by_role("button", name="Menu").click()
    journey.click("Home", role="link")
    row = journey.page.get_by_role("row").filter(has_text="Jayden")
    assert said in row.inner_text() and "by phone, yesterday" in row.inner_text()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_manager_sees_children_not_seen_with_the_reason(journey, world, width):
    from tests.children.factories import MeetingFactory
    from together.children.models import Meeting

    MeetingFactory(
        child=world.child,
        recorded_by=world.fca_allocated,
        occurred_at=timezone.now() - datetime.timedelta(days=2),
        outcome=Meeting.Outcome.NOT_YET,
        method="",
        place="",
        not_met_reason="Jayden's therapist asked us to wait until after Tuesday's session.",
    )
    journey.page.set_viewport_size({"width": width, "height": 900})
    sign_in(journey, world.manager_area)
    if width == PHONE:
        journey.page.get_by_role("button", name="Menu").click()
    journey.click("Children not seen", role="link")
    assert journey.heading() == "Children not seen"
    card = journey.page.locator(".govuk-summary-card").filter(has_text="Jayden").inner_text()
    assert "We decided not to meet yet" in card and "therapist asked us to wait" in card
    fits(journey, width)


def test_without_javascript_every_question_shows_and_the_server_decides(
    chromium, live_server, transactional_db, world
):
    from together.children.models import Meeting

    context = chromium.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Email address", exact=True).fill(world.fca_allocated.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/children/{world.child.uuid}/meetings/add/")
    # Nothing hides "Where" without JavaScript: it shows under "In person".
    assert page.get_by_role("group", name="Where did you meet?").is_visible()
    met = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_label("Day", exact=True).fill(str(met.day))
    page.get_by_label("Month", exact=True).fill(str(met.month))
    page.get_by_label("Year", exact=True).fill(str(met.year))
    page.get_by_label("Time", exact=True).fill("10:00")
    page.get_by_label("Phone call").check()
    page.get_by_label("At school").check()  # answered, though the meeting was a call
    page.get_by_label("What you saw and heard", exact=True).fill("Chatty and cheerful.")
    page.get_by_label("Why you met this way and at this time", exact=True).fill("They asked.")
    page.get_by_role("button", name="Save the meeting").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Meetings with Jayden"
    context.close()
    meeting = Meeting.objects.get(child=world.child)
    assert (meeting.method, meeting.place) == ("phone", "remote")
