"""An FCA writes Jayden's Assessment and Child's Plan section by section and sends it for review;
the practice supervisor agrees it; the FCA shares it with Jayden, records Jayden's response to
the recommendations, makes the plan final and prints Jayden's version."""

import io

import pypdf
import pytest
from django.utils import timezone

from tests.accounts.factories import PASSWORD
from together.audit.models import Action, AuditEvent
from together.plans.models import Plan, PlanStatus

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


def finished(journey):
    journey.page.locator("input[name=complete][value=yes]").check()
    journey.click("Save and return to the plan")
    assert journey.page.locator(".govuk-error-summary").count() == 0, journey.page.content()


def fill_date(journey, day):
    journey.fill("Day", str(day.day))
    journey.fill("Month", str(day.month))
    journey.fill("Year", str(day.year))


def test_an_fca_writes_shares_and_prints_the_plan(journey, world):
    today = timezone.localdate()
    fca = world.fca_allocated
    fca.about_me = "I have two cats and I like walking by the sea."
    fca.save(update_fields=["about_me"])
    plan_page = f"/children/{world.child.uuid}/plan/"

    sign_in(journey, fca)
    journey.goto(plan_page)
    journey.click("Start the plan")
    assert journey.heading() == "Jayden's Assessment and Child's Plan"

    # 1. Risks: a harm first, then the text.
    journey.click("1. What are the risks for the child?", role="link")
    journey.fill("What risks remain for the child?", "Arguments between the adults at home.")
    journey.click("Add a harm")  # saves what was typed first
    journey.fill("What happened, or could happen", "Shouting at home late at night")
    journey.fill("When", "spring 2026")
    journey.page.get_by_label("Likely", exact=True).check()
    journey.click("Save")
    journey.goto(plan_page + "section/risks/")
    box = journey.page.get_by_label("What risks remain for the child?", exact=True)
    assert box.input_value() == "Arguments between the adults at home."
    journey.page.locator("input[name=domestic_abuse_alleged][value=no]").check()
    finished(journey)

    for key, label, text in [
        ("unique", "What is special and unique about the child?", "Jayden loves drawing trains."),
        ("strengths", "What are the strengths in the family?", "Grandma helps every day."),
        ("impact", "What is the impact on the child?", "Jayden finds it hard to sleep."),
        ("wishes", "What are the child's wishes and feelings?", "Jayden wants to see dad."),
    ]:
        journey.goto(plan_page + f"section/{key}/")
        journey.fill(label, text)
        finished(journey)

    # 6. Recommendations
    journey.goto(plan_page + "section/recommendations/")
    journey.click("Add a recommendation", role="link")
    journey.fill(
        "What do you recommend to the court?", "Live with mum and see dad every other weekend"
    )
    journey.fill(
        "Explain why you recommend this",
        "Mum keeps a calm home, and dad's time is safe when grandma is there.",
    )
    journey.page.get_by_label("The strengths in the family", exact=True).check()
    journey.page.locator("input[name=differs_from_wishes][value=no]").check()
    journey.click("Save")
    journey.goto(plan_page + "section/recommendations/")
    finished(journey)

    # 7. Words for the child: the language check finds a word Jayden would not know.
    journey.goto(plan_page + "section/words/")
    box = journey.page.get_by_label("Words for the child", exact=True)
    box.fill("You will live with mum. The court will decide about contact with dad.")
    findings = journey.page.locator("#id_words_for_child-language")
    findings.get_by_text("contact", exact=True).wait_for()  # the finding, not its sentence
    journey.check_accessibility()
    box.fill("You will live with mum. You will see dad on Saturdays.")
    finished(journey)

    # 8. Plan of work
    journey.goto(plan_page + "section/work/")
    journey.click("Add a piece of work", role="link")
    journey.fill("What needs to be done?", "Meet Jayden at school to explain the plan")
    journey.page.get_by_label("Who will do it?").select_option(label=fca.full_name)
    fill_date(journey, today + timezone.timedelta(days=7))
    journey.click("Save")
    journey.goto(plan_page + "section/work/")
    finished(journey)

    journey.goto(plan_page)
    journey.click("Send for review", role="link")
    journey.click("Send for review")
    assert Plan.objects.get(child=world.child).status == PlanStatus.READY_FOR_REVIEW
    sign_out(journey)

    # The practice supervisor agrees the plan.
    sign_in(journey, world.supervisor_team)
    journey.goto(plan_page)
    journey.click("Agree the plan", role="link")
    journey.click("Agree the plan")
    assert Plan.objects.get(child=world.child).status == PlanStatus.AGREED
    sign_out(journey)

    # The FCA shares it with Jayden and records Jayden's response.
    sign_in(journey, fca)
    journey.goto(plan_page + "sharing/")
    assert journey.heading() == "Sharing and responses"
    journey.click("Record sharing", role="link")
    journey.click("Save")  # nothing chosen: the error summary
    assert "Choose who this is about" in journey.page.locator(".govuk-error-summary").inner_text()
    journey.page.get_by_label("Jayden", exact=True).check()
    journey.page.locator("input[name=shared][value=yes]").check()
    fill_date(journey, today)
    journey.page.get_by_label("In person", exact=True).check()
    journey.click("Save")
    assert journey.heading() == "Sharing and responses"
    assert Plan.objects.get(child=world.child).status == PlanStatus.SHARED

    journey.click("Record a response from Jayden", role="link")
    journey.fill("What did they say?", "I like that I can see dad on Saturdays.")
    journey.page.locator("input[name=about_recommendations][value=yes]").check()
    fill_date(journey, today)
    journey.click("Save the response")
    assert "I like that I can see dad on Saturdays." in journey.page.content()

    # How our thinking changed, then make the plan final.
    journey.goto(plan_page + "changes/")
    assert journey.heading() == "How our thinking changed"
    journey.goto(plan_page)
    journey.click("Make the plan final", role="link")
    journey.click("Make the plan final")
    assert Plan.objects.get(child=world.child).status == PlanStatus.FINAL

    # Print Jayden's version: say why, then download.
    journey.goto(plan_page + "print/child.pdf")
    assert journey.heading() == "Why are you printing this?"
    journey.page.get_by_label("For the child", exact=True).check()
    with journey.page.expect_download() as download:
        journey.page.get_by_role("button", name="Download").click()
    pdf = download.value.path().read_bytes()
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Your plan, Jayden" in text
    assert "You will live with mum. You will see dad on Saturdays." in text
    assert "Live with mum and see dad every other weekend" in text
    assert AuditEvent.objects.filter(
        action=Action.DOCUMENT_PRINTED, actor=fca, reason="For the child"
    ).exists()
