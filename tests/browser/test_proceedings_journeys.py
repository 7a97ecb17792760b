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


WIDTHS = {"desktop": 1280, "phone": 390}


def fits(journey, width: int):
    """The page needs no sideways scrolling at this width."""
    scroll = journey.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{journey.page.url} is {scroll}px wide at {width}px"


def fill_date(journey, group: str, day: str, month: str, year: str, within=None):
    box = (within or journey.page).get_by_role("group", name=group)
    for part, value in (("Day", day), ("Month", month), ("Year", year)):
        box.get_by_label(part).fill(value)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_business_services_add_an_application_check_their_answers_and_link_a_child(
    journey, world, width
):
    jayden = world.child  # Jayden, born 14 May 2016, in world.proceedings (the user's own area)
    page = journey.page
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(journey, world.business_area)
    journey.goto("/proceedings/new/")
    assert journey.heading() == "Add a new application"
    fits(journey, width)
    journey.click("Continue")  # nothing filled in: the error summary
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Choose the court" in summary and "Enter child 1's given names" in summary
    fits(journey, width)

    page.get_by_label("Court", exact=True).select_option("Leeds Combined Court Centre")
    journey.fill("Court's number", "LS26P00321")
    page.get_by_label("Private law application, before the first hearing").check()
    fill_date(journey, "When was the application received?", "2", "11", "2026")
    fill_date(journey, "When is the first hearing? (optional)", "20", "11", "2026")
    page.locator("#id_child1_legal_given_names").fill("Jaden")
    page.locator("#id_child1_legal_family_name").fill(jayden.legal_family_name)
    fill_date(
        journey,
        "Date of birth",
        "14",
        "5",
        "2016",
        within=page.get_by_role("group", name="Child 1"),
    )
    person = page.get_by_role("group", name="Person 1 (optional)")
    person.get_by_label("Given name").fill("Grace")
    person.get_by_label("Family name").fill(jayden.legal_family_name)
    person.get_by_label("Who they are to the children").select_option("mother")
    person.get_by_label("Their part in the proceedings").select_option("applicant")
    journey.click("Continue")

    assert journey.heading() == "Check whether these children already have a file"
    assert world.proceedings.court_number in page.locator("main form").inner_text()
    fits(journey, width)
    journey.click("Continue")  # no answer yet: the error summary
    assert (
        "Say whether Jaden already has a file" in page.locator(".govuk-error-summary").inner_text()
    )
    page.get_by_label(f"Link to this child: Jayden {jayden.legal_family_name}").check()
    journey.click("Continue")

    assert journey.heading() == "Check your answers before saving the application"
    answers = page.locator("main").inner_text()
    assert "Leeds Combined Court Centre" in answers and "20 November 2026" in answers
    assert f"Linked to the file of Jayden {jayden.legal_family_name}" in answers
    assert "Applicant. Mother to the children" in answers
    assert not Proceedings.objects.filter(court_number="LS26P00321").exists()
    fits(journey, width)

    # Change the court's number: back to the details with everything kept.
    journey.click("Change the court's number", role="link")
    assert journey.heading() == "Add a new application"
    assert page.locator("#id_child1_legal_given_names").input_value() == "Jaden"
    journey.fill("Court's number", "LS26P00322")
    journey.click("Continue")  # straight back: the answer about the child is kept
    assert journey.heading() == "Check your answers before saving the application"
    assert "LS26P00322" in page.locator("main").inner_text()

    journey.click("Accept and save")
    assert journey.heading() == "Proceedings LS26P00322"
    assert "Proceedings LS26P00322 saved" in page.locator(".govuk-notification-banner").inner_text()
    main = page.locator("main").inner_text()
    assert "None yet: held on duty" in main and "Grace" in main
    fits(journey, width)
    created = Proceedings.objects.get(court_number="LS26P00322")
    assert list(created.children.all()) == [jayden]
    assert not Proceedings.objects.filter(court_number="LS26P00321").exists()


def test_linking_a_child_held_by_another_area_needs_a_reason_and_hides_its_court_numbers(
    journey, world
):
    jayden = world.child  # held by world.area; the user works in world.other_area
    page = journey.page
    page.set_viewport_size({"width": 390, "height": 900})
    sign_in(journey, world.business_other_area)
    journey.goto("/proceedings/new/")
    page.get_by_label("Court", exact=True).select_option("Bradford Combined Court Centre")
    journey.fill("Court's number", "BD26C00001")
    page.get_by_label("Care proceedings (section 31)").check()
    fill_date(journey, "When was the application received?", "2", "11", "2026")
    journey.fill("Which local authority applied?", "Bradford Metropolitan District Council")
    page.locator("#id_child1_legal_given_names").fill("Jayden")
    page.locator("#id_child1_legal_family_name").fill(jayden.legal_family_name)
    fill_date(
        journey,
        "Date of birth",
        "14",
        "5",
        "2016",
        within=page.get_by_role("group", name="Child 1"),
    )
    journey.click("Continue")

    assert journey.heading() == "Check whether these children already have a file"
    form = page.locator("main form").inner_text()
    assert world.proceedings.court_number not in form and "In proceedings" not in form
    assert f"Their file is held by another area: {world.area.name}" in form
    fits(journey, 390)
    page.get_by_label(f"Link to this child: Jayden {jayden.legal_family_name}").check()
    journey.click("Continue")  # no reason: refused
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Say why you are linking Jayden" in summary
    page.get_by_label("If you link Jayden to a child whose file another area holds, say why").fill(
        "The court's papers name the same child and mother"
    )
    journey.click("Continue")
    assert journey.heading() == "Check your answers before saving the application"
    journey.click("Accept and save")
    assert journey.heading() == "Proceedings BD26C00001"

    # The area that held the child sees the link and the reason.
    journey.page.context.clear_cookies()
    sign_in(journey, world.manager_area)
    journey.goto("/children/opened-without-everyday-reason/")
    listing = page.locator("main").inner_text()
    assert f"Linked to a new application in {world.other_area.name}" in listing
    assert "The court's papers name the same child and mother" in listing


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
