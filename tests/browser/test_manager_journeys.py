"""A service manager reads the letters oversight figures and goes from a figure to the children
behind it, on a desktop and on a phone. Every page is checked with axe-core."""

import datetime

import pytest

from tests.accounts.factories import PASSWORD
from tests.children.factories import ChildFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate

pytestmark = pytest.mark.browser


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def test_a_manager_finds_the_children_with_no_introductory_letter_yet(journey, world):
    # Jayden (world) has had no letter either; Maisie was allocated in June and still has none.
    maisie = ChildFactory(preferred_name="Maisie", legal_given_names="Maisie")
    proceedings = ProceedingsFactory(service_area=world.area)
    ProceedingsChildFactory(proceedings=proceedings, child=maisie)
    allocate(
        proceedings,
        world.fca_allocated,
        world.team,
        at=datetime.datetime(2026, 6, 5, 9, tzinfo=datetime.UTC),
    )

    sign_in(journey, world.manager_area)
    journey.goto("/letters/oversight/")
    assert journey.heading() == "Letters to children"
    row = journey.page.get_by_role("row", name=world.team.name)
    assert "No introductory letter yet" in journey.page.locator("thead").inner_text()

    # The figure is a link to the children behind it.
    row.get_by_role("link", name=f"2 no introductory letter yet: {world.team.name}").click()
    journey.page.wait_for_load_state()
    journey.check_accessibility()
    assert journey.heading() == "No introductory letter yet"
    main = journey.page.locator("main").inner_text()
    assert f"Maisie {maisie.legal_family_name}" in main
    assert f"Jayden {world.child.legal_family_name}" in main
    assert "Overdue" in main and "19 June 2026" in main

    journey.click(f"Maisie {maisie.legal_family_name}", role="link")
    assert journey.page.url.endswith(f"/children/{maisie.uuid}/letters/")
