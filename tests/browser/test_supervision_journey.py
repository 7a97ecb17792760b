"""A practice supervisor reviews and agrees a plan from their workspace, then runs group
supervision discussing two children: mapping one, and running a solution circle for the other.
What worked in the session goes into the "What works" library. The FCA sees the action in their
work and the child's timeline says their situation was thought about together; a service manager
sees who took part."""

import datetime

import pytest
from django.utils import timezone

from tests.accounts.factories import PASSWORD
from tests.children.factories import ChildFactory
from tests.plans.factories import start_plan, write_every_section
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from together.plans import services as plan_services
from together.plans.models import PlanStatus

pytestmark = pytest.mark.browser


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def sign_out(journey):
    journey.page.get_by_role("button", name="Sign out").click()
    journey.page.wait_for_load_state()
    journey.check_accessibility()


def fill_date(journey, day):
    journey.fill("Day", str(day.day))
    journey.fill("Month", str(day.month))
    journey.fill("Year", str(day.year))


def no_errors(journey):
    assert journey.page.locator(".govuk-error-summary").count() == 0, journey.page.content()


def test_a_supervisor_reviews_a_plan_and_runs_group_supervision(journey, world):
    today = timezone.localdate()
    supervisor, fca = world.supervisor_team, world.fca_allocated
    plan = start_plan(world)
    write_every_section(plan, fca)
    plan.refresh_from_db()
    plan_services.plan_state_change(by=fca, plan=plan, to=PlanStatus.READY_FOR_REVIEW)
    mia = ChildFactory(preferred_name="Mia", legal_family_name="Stone")
    second = ProceedingsFactory(service_area=world.area)
    ProceedingsChildFactory(proceedings=second, child=mia)
    allocate(second, fca, world.team)

    # The workspace: a plan waiting, read through and agreed.
    sign_in(journey, supervisor)
    assert journey.heading() == "Your workspace"
    journey.click(f"Read Jayden {world.child.legal_family_name}'s plan", role="link")
    assert journey.heading() == "Review Jayden's plan"
    journey.click("Agree")
    assert journey.heading() == "Your workspace"
    assert "You agreed Jayden's plan" in journey.page.content()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED

    # Group supervision: the session, who came.
    journey.goto("/supervision/")
    journey.click("Record a session", role="link")
    fill_date(journey, today)
    journey.page.get_by_label("Who facilitated", exact=True).select_option(
        label=supervisor.full_name
    )
    journey.page.get_by_label(fca.full_name, exact=True).check()
    journey.page.get_by_label(world.fca_same_team.full_name, exact=True).check()
    journey.click("Save the session")
    no_errors(journey)
    assert journey.heading().startswith("Group supervision, ")

    # Jayden, mapped, with an action.
    journey.click("Add a child discussed", role="link")
    journey.page.get_by_label("Child discussed", exact=True).select_option(
        label=f"Jayden {world.child.legal_family_name}"
    )
    journey.page.get_by_label("Who brought the question", exact=True).select_option(
        label=fca.full_name
    )
    journey.fill("The question brought to the group", "How do we help Jayden talk about home?")
    journey.fill("What we are worried about", "Shouting at home late at night")
    journey.fill("What is working well", "His teacher knows him well")
    journey.fill("What is unique about the child", "He draws maps of his street")
    journey.fill("What we need to know", "What his grandmother thinks")
    journey.fill("What needs to happen", "Visit him at school")
    journey.fill("What was thought", "Drawing may help him talk")
    journey.fill("How it helped", "We found a new way to ask you what you want")
    journey.click("Save the discussion")
    no_errors(journey)
    journey.click("Add an action for Jayden", role="link")
    journey.fill("What needs doing", "Visit Jayden at school with his drawing book")
    journey.page.get_by_label("Who will do it", exact=True).select_option(label=fca.full_name)
    fill_date(journey, today + datetime.timedelta(days=7))
    journey.click("Add the action")
    no_errors(journey)

    # Mia, with a solution circle.
    journey.click("Add a child discussed", role="link")
    journey.page.get_by_label("Child discussed", exact=True).select_option(label="Mia Stone")
    journey.page.get_by_label("Who brought the question", exact=True).select_option(
        label=fca.full_name
    )
    journey.fill("The question brought to the group", "Mia will not talk when her mum is there")
    journey.fill("How it helped", "We planned a way to see you on your own")
    journey.click("Save the discussion")
    no_errors(journey)
    journey.click("Run a solution circle about Mia", role="link")
    journey.fill("The problem, as they put it", "Mia will not talk to me when her mum is there")
    journey.click("Start the circle")
    no_errors(journey)
    assert "minutes in all" in journey.page.content()
    journey.page.get_by_label("Round", exact=True).select_option(label="Round 1")
    journey.page.get_by_label("Who offered it", exact=True).select_option(
        label=supervisor.full_name
    )
    journey.fill("The idea", "Meet Mia at the library after school")
    journey.click("Add the idea")
    no_errors(journey)
    journey.fill("The first step the problem holder chose", "Ask Mia where she would like to meet")
    fill_date(journey, today + datetime.timedelta(days=21))
    journey.click("Save")
    no_errors(journey)

    # What worked in the session goes into the "What works" library.
    journey.click("Back to the session", role="link")
    journey.click("Record what worked in this session", role="link")
    journey.page.get_by_label("Theme", exact=True).select_option(
        label="Thinking together as a team"
    )
    journey.fill("What worked well", "Mapping a child's situation together before ideas")
    journey.fill("The difference it made", "Everyone left with one clear first step")
    journey.page.get_by_label("Colleagues", exact=True).check()
    journey.click("Add to the library")
    no_errors(journey)
    assert journey.heading() == "What works"
    assert "A group supervision session" in journey.page.content()
    sign_out(journey)

    # The FCA sees the action in their work, and Jayden's timeline shows the entry.
    sign_in(journey, fca)
    journey.goto("/supervision/actions/")
    assert "Visit Jayden at school with his drawing book" in journey.page.content()
    journey.goto(f"/children/{world.child.uuid}/timeline/")
    assert "thought together about how to help you" in journey.page.content()
    journey.goto(f"/children/{world.child.uuid}/supervision/")
    assert "We found a new way to ask you what you want" in journey.page.content()
    sign_out(journey)

    # A service manager sees who took part.
    sign_in(journey, world.manager_area)
    journey.goto("/supervision/participation/")
    assert journey.heading() == "Participation in supervision"
    assert "1 of 12" in journey.page.content()
