"""A service manager allocates proceedings from the duty list; business services add a new
application and link a child who already has a file. Every page is checked with axe-core."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.accounts.factories import PASSWORD
from tests.children.factories import ChildFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory
from together.proceedings.models import Proceedings, Stage

pytestmark = pytest.mark.browser


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def test_service_manager_allocates_proceedings_from_the_duty_list(journey, world):
    today = timezone.localdate()
    # Waiting longer, with no hearing yet.
    for n in range(3):
        ProceedingsChildFactory(
            proceedings=ProceedingsFactory(
                service_area=world.area,
                stage=Stage.BEFORE_FIRST_HEARING,
                received_on=today - datetime.timedelta(days=20 + n),
            ),
            child=ChildFactory(),
        )
    # Arrived later, but the first hearing is in 2 days and the child needs an interpreter.
    waiting = ProceedingsFactory(
        service_area=world.area,
        court_number="LS26C00777",
        stage=Stage.BEFORE_FIRST_HEARING,
        received_on=today - datetime.timedelta(days=12),
        first_hearing_on=today + datetime.timedelta(days=2),
        domestic_abuse_noted=True,
    )
    ProceedingsChildFactory(
        proceedings=waiting,
        child=ChildFactory(
            preferred_name="Amira",
            legal_given_names="Amira",
            legal_family_name="Khan",
            needs_interpreter=True,
        ),
    )
    fca = world.fca_same_team
    fca.fte = Decimal("0.60")
    fca.save()

    sign_in(journey, world.manager_area)
    journey.goto("/allocation/")
    assert journey.heading() == "Duty list"
    # Needed soonest first: the first hearing in 2 days, with what to know before choosing.
    first = journey.page.locator("tbody tr").first
    assert "LS26C00777" in first.inner_text()
    row = journey.page.get_by_role("row", name="LS26C00777")
    for seen in ("Amira Khan", "12", "(in 2 days)", "Interpreter needed", "Domestic abuse noted"):
        assert seen in row.inner_text()

    journey.click("Allocate LS26C00777", role="link")
    assert journey.heading() == "Choose a lead Family Court Adviser"
    journey.click("Continue")  # nothing chosen: the error summary
    summary = journey.page.locator(".govuk-error-summary")
    assert "Choose a Family Court Adviser" in summary.inner_text()
    option = journey.page.get_by_label(f"{fca.full_name}, {world.team.name}")
    hint = journey.page.locator(f"#{option.get_attribute('aria-describedby')}").inner_text()
    # Her ceilings follow her hours: 25 x 0.6 and 40 x 0.6.
    assert "Works 0.6 of full time" in hint
    assert "0 of 15 after first hearing, with 0 children" in hint
    assert "0 of 24 before first hearing" in hint
    option.check()
    journey.click("Continue")

    # The check: the children and the court, and her caseload once allocated. Nothing saved yet.
    assert journey.heading() == "Check before you allocate"
    main = journey.page.locator("main").inner_text()
    assert "Amira Khan" in main and waiting.court in main and "LS26C00777" in main
    assert "1 of 24, with 1 child (now 0, with 0)" in main
    assert not Proceedings.objects.get(pk=waiting.pk).lead_fca_id
    journey.click(f"Allocate to {fca.full_name}")

    assert journey.heading() == "Duty list"
    banner = journey.page.locator(".govuk-notification-banner").inner_text()
    assert f"{fca.full_name} is now the lead Family Court Adviser for LS26C00777" in banner
    assert journey.page.get_by_role("row", name="LS26C00777").count() == 0

    journey.goto(f"/proceedings/{waiting.uuid}/")
    assert journey.heading() == "Proceedings LS26C00777"
    history = journey.page.locator("#allocation-history + table").inner_text()
    assert fca.full_name in history and world.manager_area.full_name in history


def test_business_services_add_an_application_and_link_a_child_who_has_a_file(journey, world):
    jayden = world.child  # Jayden, born 14 May 2016, in world.proceedings
    page = journey.page
    sign_in(journey, world.business_area)
    journey.goto("/proceedings/new/")
    assert journey.heading() == "Add a new application"
    journey.click("Continue")  # nothing filled in: the error summary
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter the court" in summary and "Enter child 1's given names" in summary

    journey.fill("Court", "Family Court at Leeds")
    journey.fill("Court's number", "LS26P00321")
    page.get_by_label("Private law application, before the first hearing").check()
    received = page.get_by_role("group", name="When was the application received?")
    for part, value in (("Day", "2"), ("Month", "11"), ("Year", "2026")):
        received.get_by_label(part).fill(value)
    page.locator("#id_child1_legal_given_names").fill("Jaden")
    page.locator("#id_child1_legal_family_name").fill(jayden.legal_family_name)
    born = page.get_by_role("group", name="Child 1").get_by_role("group", name="Date of birth")
    for part, value in (("Day", "14"), ("Month", "5"), ("Year", "2016")):
        born.get_by_label(part).fill(value)
    journey.click("Continue")

    assert journey.heading() == "Check whether these children already have a file"
    assert world.proceedings.court_number in page.locator("main form").inner_text()
    journey.click("Save the application")  # no answer yet: the error summary
    assert (
        "Say whether Jaden already has a file" in page.locator(".govuk-error-summary").inner_text()
    )
    page.get_by_label(f"Link to this child: Jayden {jayden.legal_family_name}").check()
    journey.click("Save the application")

    assert journey.heading() == "Proceedings LS26P00321"
    assert "Proceedings LS26P00321 saved" in page.locator(".govuk-notification-banner").inner_text()
    assert "None yet: held on duty" in page.locator("main").inner_text()
    created = Proceedings.objects.get(court_number="LS26P00321")
    assert list(created.children.all()) == [jayden]

    journey.click(f"Jayden {jayden.legal_family_name}", role="link")
    assert f"/children/{jayden.uuid}/" in page.url


def test_fca_records_a_hearing_from_the_proceedings_page(journey, world):
    page = journey.page
    sign_in(journey, world.fca_allocated)
    journey.goto(f"/proceedings/{world.proceedings.uuid}/")
    assert journey.heading() == f"Proceedings {world.proceedings.court_number}"
    page.get_by_label("First hearing").check()
    when = page.get_by_role("group", name="Date of the hearing")
    for part, value in (("Day", "20"), ("Month", "5"), ("Year", "2026")):  # before it was received
        when.get_by_label(part).fill(value)
    journey.fill("Time", "10:30")
    journey.click("Record the hearing")
    assert journey.heading() == "Record a hearing"
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "A hearing must be on or after the date the application was received" in summary
    when = page.get_by_role("group", name="Date of the hearing")
    when.get_by_label("Day").fill("15")
    when.get_by_label("Month").fill("6")
    journey.fill("What the court decided (optional)", "Section 7 report ordered")
    journey.click("Record the hearing")
    assert journey.heading() == f"Proceedings {world.proceedings.court_number}"
    hearings = page.locator("#hearings + table").inner_text()
    assert "15 June 2026, 10:30" in hearings and "Section 7 report ordered" in hearings
    assert "15 June 2026" in page.locator(".govuk-summary-list").nth(1).inner_text()
