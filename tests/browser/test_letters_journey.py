"""An FCA writes an introductory letter, checks its words, records it as sent and prints it; the
child opens the link on the letter and reads it on the web."""

import io
from urllib.parse import urlsplit

import pypdf
import pytest
import zxingcpp
from PIL import Image

from tests.accounts.factories import PASSWORD
from tests.browser.conftest import Journey
from tests.letters.factories import ready_fca
from together.letters.models import Letter
from together.letters.selectors import invitation_for
from together.letters.services import letter_library_seed

pytestmark = pytest.mark.browser

JARGON = "Dear Jayden, I am writing a report about contact for the court."


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def test_fca_writes_sends_and_prints_an_introductory_letter(journey, world, chromium):
    letter_library_seed()  # a browser test's database is emptied between tests
    fca = ready_fca(world.fca_allocated)
    sign_in(journey, fca)
    journey.goto(f"/children/{world.child.uuid}/letters/")
    assert journey.heading() == "Letters to Jayden and their family"

    journey.click("Write a letter", role="link")
    journey.click("Start the letter")  # nothing chosen: the error summary
    assert (
        "Choose what kind of letter to write"
        in journey.page.locator(".govuk-error-summary").inner_text()
    )
    journey.page.get_by_label("Introductory letter to a child", exact=True).check()
    journey.page.get_by_label("Jayden", exact=True).check()
    journey.fill("When and how will you meet? (optional)", "I will come to your school on Monday.")
    journey.fill("How can they reach you? (optional)", "Call or text me on 07700 900123.")
    journey.click("Start the letter")
    assert journey.heading() == "Introductory letter to a child"
    box = journey.page.get_by_label("The letter", exact=True)
    assert box.input_value().startswith("Dear Jayden,")

    # Not sent yet: the code printed on the letter leads nowhere.
    draft = invitation_for(Letter.objects.get(child=world.child))
    context = chromium.new_context(bypass_csp=True, locale="en-GB")
    try:
        early = Journey(context.new_page(), journey.base_url)
        early.goto(f"/f/{draft.code}")
        assert early.heading() == "This link does not work"
    finally:
        context.close()

    # Words a child would not know: the check finds them as the FCA types.
    original = box.input_value()
    box.fill(JARGON + "\n\n" + original.split("\n\n", 1)[1])
    findings = journey.page.locator("#id_body-language")
    findings.get_by_text("contact", exact=True).wait_for()  # the finding, not its sentence
    journey.check_accessibility()
    journey.click("Save and record that it was sent")
    assert journey.heading() == "Record that the letter was sent"
    assert journey.page.get_by_text("Check the words before you send").is_visible()

    # Keep the words, with a reason for each finding; say how, when and to whom it went.
    reasons = journey.page.locator("textarea[name^='language-reason_']")
    for n in range(reasons.count()):
        reasons.nth(n).fill("Jayden asked me what these words mean, and we talked about them.")
    journey.page.get_by_label("Handed over", exact=True).check()
    from django.utils import timezone

    today = timezone.localdate()
    journey.fill("Day", str(today.day))
    journey.fill("Month", str(today.month))
    journey.fill("Year", str(today.year))
    journey.click("Record that it was sent")
    assert journey.heading() == "Letters to Jayden and their family"
    row = journey.page.locator("tbody tr").first.inner_text()
    assert "Sent" in row and "handed over" in row

    # Print it: the PDF has Jayden's name, the FCA's name and a QR code of the feedback link.
    journey.click("Introductory letter to a child", role="link")
    with journey.page.expect_download() as download:
        journey.page.get_by_role("link", name="Download the letter (PDF)").click()
    pdf = pypdf.PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Jayden" in text and fca.full_name in text
    letter = Letter.objects.get(child=world.child)
    invitation = invitation_for(letter)
    images = [image for page in pdf.pages for image in page.images]
    decoded = [
        code.text for i in images for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(i.data)))
    ]
    assert decoded == [invitation.short_link]

    # Jayden opens the link on the letter, without signing in, and reads it on the web.
    context = chromium.new_context(bypass_csp=True, locale="en-GB")
    try:
        reader = Journey(context.new_page(), journey.base_url)
        web_path = urlsplit(invitation.short_link).path.replace("/f/", "/l/", 1)
        reader.goto(web_path)
        assert reader.heading() == f"A letter from {fca.given_name}"
        assert reader.page.get_by_text("Dear Jayden,").is_visible()
        assert (
            reader.page.get_by_role("link", name="Tell us how it went").get_attribute("href")
            == urlsplit(invitation.short_link).path
        )

        # Jayden types the short code printed under the QR code, in small letters without the
        # dashes, and is asked about the letter: nothing else has happened yet.
        assert invitation.typed_link in text.splitlines()
        reader.goto(f"/f/{invitation.code.lower()}")
        assert reader.heading() == "Tell us how it went"
        name = fca.given_name
        assert reader.page.get_by_text(f"{name} wrote you a letter.").is_visible()
        assert not reader.page.get_by_text("You met").count()
        reader.page.get_by_role(
            "group", name=f"Did the letter help you know what {name} will do?"
        ).get_by_label("Yes, a lot").check()
        reader.click("Send your answers")
        assert reader.heading() == "Thank you for telling us"
        help_now = reader.page.locator("#help-now + p").inner_text()
        assert "Childline" in help_now and "0800 1111" in help_now and "call 999" in help_now
    finally:
        context.close()
