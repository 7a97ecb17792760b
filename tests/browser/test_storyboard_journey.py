"""An FCA builds a storyboard for a 6-year-old from the prompts, picks pictures, uploads a
drawing, fixes words the language check finds, reorders panels by keyboard, shares it, opens the
secure link as the child would, and records what worked."""

import datetime
import re

import pytest
from django.utils import timezone
from PIL import Image

from tests.browser.conftest import Journey
from tests.browser.test_letters_journey import sign_in
from tests.children.factories import ChildFactory
from tests.proceedings.factories import ProceedingsChildFactory
from together.storyboards.models import StoryboardShare

pytestmark = pytest.mark.browser

JARGON = "Your guardian will write a report about contact for the court."
PLAIN = "You can talk to me about anything in this story."


def _drawing(tmp_path):
    path = tmp_path / "drawing.png"
    Image.new("RGB", (120, 90), (250, 200, 0)).save(path)
    return path


def test_fca_builds_and_shares_a_storyboard_for_a_six_year_old(journey, world, chromium, tmp_path):
    today = timezone.localdate()
    child = ChildFactory(
        preferred_name="Maisie",
        legal_given_names="Maisie",
        date_of_birth=today.replace(year=today.year - 6) - datetime.timedelta(days=40),
    )
    ProceedingsChildFactory(proceedings=world.proceedings, child=child)
    sign_in(journey, world.fca_allocated)
    journey.goto(f"/children/{child.uuid}/storyboards/")
    assert journey.heading() == "Storyboards for Maisie"

    # Start from three of the prompts.
    journey.click("Start a storyboard", role="link")
    for heading in (
        "The people in your family",
        "What the grown-ups were worried about",
        "What happened",
        "What the grown-ups are doing to keep you safe",
        "What happens next",
    ):
        journey.page.get_by_label(heading, exact=True).uncheck()
    # It is for her brother Jayden too (in the same proceedings); it is kept on her file.
    journey.page.get_by_label("Jayden", exact=True).check()
    journey.click("Start the storyboard")
    assert journey.heading() == "Maisie's story"
    panels = journey.page.locator(".together-storyboard-panel h3")
    assert panels.all_inner_texts() == [
        "1. Who I am and why I am here",
        "2. What the judge will decide, and when",
        "3. Who you can talk to",
    ]

    # Pictures: find the judge by a word.
    journey.click("Choose pictures for panel 2", role="link")
    journey.fill("Find pictures by a word", "judge")
    journey.click("Find pictures")
    journey.page.get_by_label("A judge who is a woman", exact=True).check()
    journey.click("Save the pictures")
    assert journey.page.get_by_role("img", name="A judge who is a woman").is_visible()

    # The child's drawing.
    journey.click("Upload a drawing or photo for panel 1", role="link")
    journey.page.get_by_label("Upload the picture", exact=True).set_input_files(_drawing(tmp_path))
    journey.fill("What does the picture show?", "Maisie's drawing of her cat")
    journey.page.get_by_label("The child or family agreed to use this picture", exact=True).check()
    journey.click("Add the picture")
    drawing = journey.page.get_by_role("img", name="Maisie's drawing of her cat")
    drawing.wait_for()
    assert drawing.evaluate("img => img.naturalWidth") == 120

    # Words a six-year-old would not know: found as they are typed, then fixed.
    journey.click("Change the words of panel 3", role="link")
    box = journey.page.get_by_label("Words for the child", exact=True)
    box.fill(JARGON)
    findings = journey.page.locator("#id_words-language")
    findings.get_by_text("contact", exact=True).wait_for()
    journey.check_accessibility()
    box.fill(PLAIN)
    journey.page.wait_for_timeout(1200)
    journey.click("Save the panel")
    assert journey.page.get_by_text(PLAIN).is_visible()

    # Reorder by keyboard: the first panel moves down.
    button = journey.page.get_by_role("button", name=re.compile("^Move down.*Who I am"))
    button.focus()
    with journey.page.expect_navigation():
        journey.page.keyboard.press("Enter")
    journey.check_accessibility()
    assert panels.all_inner_texts()[:2] == [
        "1. What the judge will decide, and when",
        "2. Who I am and why I am here",
    ]

    # Share it, read together; any finding left is kept with a reason.
    journey.click("Check the words and record that it was shared", role="link")
    reasons = journey.page.locator("textarea[name^='language-reason_']")
    for n in range(reasons.count()):
        reasons.nth(n).fill("We read this together and I explained it.")
    journey.page.get_by_label("Read together", exact=True).check()
    journey.fill("Day", str(today.day))
    journey.fill("Month", str(today.month))
    journey.fill("Year", str(today.year))
    journey.click("Record that it was shared")
    assert journey.heading() == "Maisie's story"
    assert journey.page.get_by_text("With Maisie, read together").is_visible()

    # The link to give her is on the storyboard; she opens it, signed out.
    link = journey.page.locator(".together-storyboard-link").inner_text().strip()
    share = StoryboardShare.objects.get(storyboard__child=child)
    assert link.endswith(f"/l/s/{share.invitation.token}")
    context = chromium.new_context(bypass_csp=True, locale="en-GB")
    try:
        child_view = Journey(context.new_page(), journey.base_url)
        child_view.goto("/" + link.split("://", 1)[-1].split("/", 1)[1])
        assert child_view.heading() == "Maisie's story"
        assert child_view.page.get_by_text(PLAIN).is_visible()
        picture = child_view.page.get_by_role("img", name="Maisie's drawing of her cat")
        assert picture.evaluate("img => img.naturalWidth") == 120
        assert child_view.page.get_by_role("link", name="Tell us what you thought").is_visible()
    finally:
        context.close()

    # Afterwards: what worked.
    journey.click("Record what worked", role="link")
    journey.fill("What worked well?", "Choosing the pictures together helped her talk.")
    journey.fill("What would you change next time? (optional)", "Fewer words on each panel.")
    journey.click("Save the reflection")
    journey.goto("/storyboards/reflections/")
    assert journey.page.get_by_text("Choosing the pictures together helped her talk.").is_visible()
    assert "Maisie" not in journey.page.locator("main").inner_text()

    # Her brother's file lists it, kept on hers, and his timeline says it was shared.
    journey.goto(f"/children/{world.child.uuid}/storyboards/")
    assert journey.page.get_by_text("Kept on Maisie's file").is_visible()
    journey.click("Maisie's story", role="link")
    assert journey.heading() == "Maisie's story"
    assert journey.page.url.endswith(f"/children/{child.uuid}/storyboards/{share.storyboard.uuid}/")
    journey.goto(f"/children/{world.child.uuid}/timeline/")
    shared = "A storyboard was shared with Maisie (read together): Maisie's story"
    assert journey.page.get_by_text(shared).is_visible()


def test_panels_can_be_dragged_into_order_under_the_content_security_policy(
    strict_page, live_server, world
):
    from tests.accounts.factories import PASSWORD
    from tests.storyboards.factories import start_storyboard

    storyboard = start_storyboard(world)
    page = strict_page
    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Email address", exact=True).fill(world.fca_allocated.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/children/{world.child.uuid}/storyboards/{storyboard.uuid}/")
    headings = page.locator(".together-storyboard-panel h3")
    assert headings.all_inner_texts()[0] == "1. Who I am and why I am here"
    # The mouse's drag, as the browser reports it to the page (a DataTransfer carried from
    # dragstart to drop).
    panels = page.locator(".together-storyboard-panel")
    carried = page.evaluate_handle("() => new DataTransfer()")
    panels.nth(2).dispatch_event("dragstart", {"dataTransfer": carried})
    panels.nth(0).dispatch_event("dragover", {"dataTransfer": carried})
    panels.nth(0).dispatch_event("drop", {"dataTransfer": carried})
    page.wait_for_function(
        "() => document.querySelector('.together-storyboard-panel h3').innerText"
        " === '1. What the grown-ups were worried about'"
    )
    assert headings.all_inner_texts() == [
        "1. What the grown-ups were worried about",
        "2. Who I am and why I am here",
        "3. The people in your family",
    ]
    assert page.errors == []
