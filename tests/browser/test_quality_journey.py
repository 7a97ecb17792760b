"""A supervisor runs a collaborative audit with the FCA and the family's voice; a manager
moderates a month's sample and resolves a disagreement. Every page checked with axe."""

import datetime

import pytest
from django.utils import timezone

from tests.accounts.factories import PASSWORD
from tests.feedback.factories import InvitationFactory, ResponseFactory
from tests.quality.factories import finished_audit
from together.quality.models import DOMAINS, Audit, DomainGrade, Grade, Moderation, View

pytestmark = pytest.mark.browser


def sign_in(journey, user):
    journey.page.context.clear_cookies()
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def grade_every_domain(page, grade, evidence=None, overall_name="overall"):
    for domain in DOMAINS:
        page.locator(f"input[name={domain}_grade][value={grade}]").check()
        if evidence is not None:
            page.locator(f"textarea[name={domain}_evidence]").fill(evidence)
    page.locator(f"input[name={overall_name}][value={grade}]").check()


def test_a_supervisor_runs_a_collaborative_audit(journey, world):
    invitation = InvitationFactory(child=world.child, fca=world.fca_allocated)
    ResponseFactory(
        invitation=invitation, fca=world.fca_allocated, do_better="Tell us sooner about visits"
    )
    page = journey.page

    # The supervisor starts a collaborative audit of the FCA's work with Jayden.
    sign_in(journey, world.supervisor_team)
    journey.click("Quality", role="link")
    journey.click("Start an audit", role="link")
    page.get_by_label(world.fca_allocated.full_name).check()
    journey.click("Continue")
    page.get_by_label("Jayden", exact=False).check()
    page.get_by_label("Collaborative audit").check()
    journey.click("Start the audit")
    assert "to assess their own work first" in page.content()
    journey.click("See the evidence from Jayden's file", role="link")
    assert journey.heading() == "Evidence from Jayden's file"
    assert "Tell us sooner about visits" in page.content()

    # The FCA assesses their own work first.
    sign_in(journey, world.fca_allocated)
    journey.goto("/quality/")
    journey.click("Assess your own work with Jayden", role="link")
    journey.click("Assess your own work", role="link")
    journey.click("Save your self-assessment")  # nothing chosen: the errors say what to do
    assert (
        "Write what difference your work made to the child"
        in page.locator(".govuk-error-summary").inner_text()
    )
    grade_every_domain(page, "outstanding")
    journey.fill("What difference did your work make to the child?", "Jayden knows why")
    journey.click("Save your self-assessment")
    assert "Your self-assessment has been saved" in page.content()

    # The supervisor adds the family's feedback, grades, and agrees the grades with the FCA.
    sign_in(journey, world.supervisor_team)
    audit = Audit.objects.get()
    journey.goto(f"/quality/audits/{audit.uuid}/")
    journey.click("Add the family's feedback", role="link")
    page.get_by_label("Tell us sooner about visits", exact=False).check()
    journey.fill(
        "What the family told you when you talked with them (optional)", "His nan felt heard"
    )
    journey.click("Add to the audit")
    journey.click("Grade the audit", role="link")
    grade_every_domain(page, "requires_improvement", "The plan lacks Jayden's own words")
    journey.fill("What worked well?", "The letters were warm and on time")
    journey.click("Save your grades")
    journey.click("Agree the grades", role="link")
    grade_every_domain(page, "good", "We agreed after talking it through")
    journey.click("Save the agreed grades and finish")
    assert "The grades are agreed and the audit is finished" in page.content()
    table = page.locator("table").first.inner_text()
    for heading in ("The FCA's self-assessment", "The auditor", "Agreed"):
        assert heading in table
    assert "His nan felt heard" in page.content()
    audit.refresh_from_db()
    assert audit.grade == Grade.GOOD and audit.stage == Audit.Stage.FINISHED
    assert DomainGrade.objects.filter(audit=audit, view=View.SELF).count() == 7


def test_a_manager_moderates_a_sample_and_resolves_a_disagreement(journey, world):
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    for _ in range(3):
        finished_audit(world, audited_on=last_month + datetime.timedelta(days=4))
    page = journey.page

    sign_in(journey, world.manager_area)
    journey.goto("/quality/")
    journey.click("Moderation", role="link")
    journey.click("Draw the sample")
    assert "2 audits to moderate" in page.content()
    page.get_by_role("link", name="Grade the audit", exact=False).first.click()
    page.wait_for_load_state()
    journey.check_accessibility()
    # The audit's grades are not shown until the moderator has given theirs.
    assert page.locator("main .govuk-tag").count() == 0
    for domain in [*DOMAINS, "overall"]:
        page.locator(f"input[name={domain}_grade][value=good]").check()
    page.locator("input[name=risk_grade][value=requires_improvement]").check()
    journey.click("Save your grades")
    assert "Your grades differ" in page.content()
    page.locator("input[name=risk_final][value=requires_improvement]").check()
    journey.fill("Why are these the final grades?", "Coercive control was not considered")
    journey.click("Record the final grades")
    assert "The final grades are recorded" in page.content()
    moderation = Moderation.objects.get(stage=Moderation.Stage.DONE)
    assert moderation.agreed is False and moderation.final_grade == Grade.GOOD
    journey.click("Back to moderation", role="link")
    assert "0%" in page.content()
