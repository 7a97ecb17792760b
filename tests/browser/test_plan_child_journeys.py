"""What a child's plan holds and what the child reads.

- An FCA starts Jayden's plan from his sister Charlotte's: she sees what would be copied, item by
  item, chooses, and every copied part says "Check this is true for Jayden" until she changes it
  or says it is true; the plan is not shared until then.
- The child's version names people as Jayden does ("Auntie Deborah", "Daddy") and shows only the
  steps written for him, never the FCA's own tasks.

Each page is checked with axe-core, on a desktop screen and at 390 pixels wide (a phone), where
nothing may need sideways scrolling.
"""

import datetime

import pytest
from django.utils import timezone

from tests.browser.test_plan_journey import fill_date, sign_in
from tests.children.factories import ChildFactory, ConnectionFactory, FamilyMemberFactory
from tests.plans.factories import start_plan, write_every_section
from tests.proceedings.factories import ProceedingsChildFactory
from together.plans import services
from together.plans.models import Plan

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def fits_a_phone(journey, path):
    """The page at 390 px: axe clean, and nothing wider than the screen."""
    journey.page.set_viewport_size(PHONE)
    journey.goto(path)
    width = journey.page.evaluate("document.documentElement.scrollWidth")
    wide = journey.page.evaluate(
        "[...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > 390).slice(0, 8)"
        ".map(e => e.tagName + '.' + e.className)"
    )
    assert width <= PHONE["width"], f"{path} is {width}px wide at 390px: {wide}"
    journey.page.set_viewport_size(DESKTOP)


@pytest.fixture
def charlotte(world):
    sister = ChildFactory(preferred_name="Charlotte")
    ProceedingsChildFactory(proceedings=world.proceedings, child=sister)
    by = world.fca_allocated
    plan = services.plan_start(by=by, child=sister, proceedings=world.proceedings)
    write_every_section(plan, by)
    for section, fields in [
        ("impact", {"impact_on_child": "No concerns about Charlotte's physical health"}),
        ("wishes", {"wishes_and_feelings": "Charlotte told me she wants to stay at Nan's"}),
    ]:
        services.plan_section_save(
            by=by, plan=plan, version=plan.version, section=section, **fields
        )
    done = services.activity_save(
        by=by,
        plan=plan,
        version=plan.version,
        what="Meet Charlotte at school",
        who=by,
        due_on=timezone.localdate() - datetime.timedelta(days=3),
        done_on=timezone.localdate(),
    )
    assert done.done_on
    return plan


def test_starting_from_a_sisters_plan_copies_only_what_the_fca_chooses(journey, world, charlotte):
    plan_page = f"/children/{world.child.uuid}/plan/"
    journey.page.set_viewport_size(DESKTOP)
    sign_in(journey, world.fca_allocated)
    journey.goto(plan_page)
    journey.page.get_by_label("Start from Charlotte's plan", exact=True).check()
    journey.click("Start the plan")

    # Item by item, nothing chosen; what names Charlotte says so; her own words never offered.
    assert journey.heading() == "Choose what to copy from Charlotte's plan"
    page = journey.page.content()
    assert "No concerns about Charlotte's physical health" in page
    assert "Names Charlotte" in page
    assert "wants to stay at Nan" not in page
    assert "Meet Charlotte at school" not in page  # finished work
    assert journey.page.locator("input[name=copy]:checked").count() == 0
    journey.page.get_by_label("The strengths in the family", exact=True).check()
    journey.page.get_by_label("Harm", exact=True).check()
    journey.click("Start the plan")

    assert journey.heading() == "Jayden's Assessment and Child's Plan"
    plan = Plan.objects.get(child=world.child)
    assert plan.impact_on_child == "" and plan.wishes_and_feelings == ""
    assert "2 parts copied from another child's plan are still to check" in (journey.page.content())

    # Each copied part says so where it is.
    journey.click("1. What are the risks for the child?", role="link")
    tag = journey.page.locator(".govuk-tag", has_text="Check this is true for Jayden")
    assert tag.count() == 1
    fits_a_phone(journey, plan_page + "section/risks/")

    # Not shared while anything copied is unchecked.
    journey.goto(plan_page + "sharing/record/")
    journey.page.get_by_label("Jayden", exact=True).check()
    journey.page.locator("input[name=shared][value=yes]").check()
    fill_date(journey, timezone.localdate())
    journey.page.get_by_label("In person", exact=True).check()
    journey.click("Save")
    summary = journey.page.locator(".govuk-error-summary").inner_text()
    assert "Check that everything copied from another child's plan is true for Jayden" in summary
    assert not plan.shares.exists()

    # Check what was copied: say both are true for Jayden.
    journey.goto(plan_page)
    journey.click("Check what was copied", role="link")
    fits_a_phone(journey, plan_page + "copied/")
    journey.click("These are true for Jayden")  # nothing ticked: the error summary
    assert "Choose what you have checked is true" in (
        journey.page.locator(".govuk-error-summary").inner_text()
    )
    for box in journey.page.locator("input[name=confirm]").all():
        box.check()
    journey.click("These are true for Jayden")
    assert journey.heading() == "Jayden's Assessment and Child's Plan"
    assert "still to check" not in journey.page.content()
    missing = services.plan_missing_for_review(Plan.objects.get(pk=plan.pk))
    assert "copied" not in [key for key, _message in missing]


def test_the_childs_version_names_people_as_the_child_does(journey, world):
    child = world.child
    deborah = FamilyMemberFactory(given_name="Deborah", family_name="Fowler")
    antony = FamilyMemberFactory(given_name="Antony", family_name="Fowler")
    ConnectionFactory(
        child=child, person=deborah, relationship="aunt_uncle", child_calls_them="Auntie Deborah"
    )
    ConnectionFactory(child=child, person=antony, relationship="father", child_calls_them="Daddy")
    fca = world.fca_allocated
    plan = start_plan(world)
    services.plan_section_save(
        by=fca,
        plan=plan,
        version=plan.version,
        section="words",
        words_for_child="You will live with Deborah Fowler. You will see Antony.",
    )
    services.activity_save(
        by=fca,
        plan=plan,
        version=plan.version,
        what="Meet Jayden after the hearing to explain what the judge decided",
        who=fca,
        due_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    plan_page = f"/children/{child.uuid}/plan/"
    journey.page.set_viewport_size(DESKTOP)
    sign_in(journey, fca)

    # The words page says how the child's version will name people.
    journey.goto(plan_page + "section/words/")
    assert "Deborah Fowler becomes “Auntie Deborah”" in journey.page.content()

    # A step written for Jayden, added on the plan of work.
    journey.goto(plan_page + "section/work/")
    journey.click("Add a piece of work", role="link")
    journey.fill("What needs to be done?", "Visit Jayden at home with the storyboard")
    journey.page.get_by_label("Who will do it?").select_option(label=fca.full_name)
    fill_date(journey, timezone.localdate() + datetime.timedelta(days=9))
    journey.fill(
        "What will you tell the child about this step? (optional)",
        "I will come to see you and Antony with a storyboard of your plan.",
    )
    journey.click("Save")

    journey.goto(plan_page + "print/child/")
    journey.page.get_by_label("For the child", exact=True).check()
    journey.click("Show the page to print")
    article = journey.page.locator("article").inner_text()
    assert "You will live with Auntie Deborah. You will see Daddy." in article
    assert "I will come to see you and Daddy with a storyboard of your plan." in article
    assert "Deborah Fowler" not in article and "Antony" not in article
    assert "Meet Jayden after the hearing" not in article
    assert "Visit Jayden at home" not in article  # the FCA's words for herself

    # At 390 px: the page to print, reached again (it is shown after a reason is given).
    journey.page.set_viewport_size(PHONE)
    journey.goto(plan_page + "print/child/")
    journey.page.get_by_label("For the child", exact=True).check()
    journey.click("Show the page to print")
    width = journey.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    assert "Auntie Deborah" in journey.page.locator("article").inner_text()
