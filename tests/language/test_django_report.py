"""Before sending: a document with findings goes out only once its author has confirmed each one.

Letters and plans arrive in later issues, so a small page here stands in for a letter's "send"
page, built exactly as the pattern in together/language/services.py says: the child's About me
"enjoys" text is the document.
"""

import pytest
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from together.audit.models import Action, AuditEvent
from together.children.models import Child
from together.core.permissions import SYSTEM
from together.language import selectors, services
from together.language.models import ConfirmedFinding, LanguageConfirmation
from together.language.readers import Reader
from together.language.selectors import LanguageNotConfirmed, language_confirmation_require
from together.language.views import language_report_step

TEXT = "The LA will convene a meeting about contact. Contact will be on Fridays."
READER = Reader.for_child(age=9, name="Jayden")


def report_for(child, text=TEXT):
    return selectors.language_report(document=child, text=text, reader=READER)


def reasons_for(report, reason="Jayden asked for these words"):
    return {item.key: reason for item in report.unresolved}


# --- the service and selector ----------------------------------------------------------------


def test_a_document_with_findings_is_not_ready(world):
    report = report_for(world.child)
    assert not report.ready
    found = {(item.category.value, item.words.lower()): item.count for item in report.unresolved}
    assert found == {("acronym", "la"): 1, ("jargon", "convene"): 1, ("jargon", "contact"): 2}
    with pytest.raises(LanguageNotConfirmed, match="3 findings"):
        language_confirmation_require(document=world.child, text=TEXT, reader=READER)


def test_a_clean_document_is_ready_without_confirming(world):
    report = report_for(world.child, "We will meet on Friday at school.")
    assert report.ready and report.items == []


def test_every_remaining_finding_needs_a_reason(world):
    report = report_for(world.child)
    reasons = reasons_for(report)
    reasons[report.unresolved[0].key] = "  "
    with pytest.raises(ValidationError, match="Say why you are keeping"):
        services.language_confirmation_record(
            by=world.fca_allocated, document=world.child, text=TEXT, reader=READER, reasons=reasons
        )
    assert not LanguageConfirmation.objects.exists()


def test_confirming_records_the_reasons_and_an_audit_event(world):
    report = report_for(world.child)
    confirmation = services.language_confirmation_record(
        by=world.fca_allocated,
        document=world.child,
        text=TEXT,
        reader=READER,
        reasons=reasons_for(report),
        child_id=world.child.uuid,
    )
    assert confirmation.document == world.child
    assert confirmation.reader == "child aged 9"
    kept = ConfirmedFinding.objects.filter(confirmation=confirmation)
    assert {(f.category, f.words, f.occurrences) for f in kept} == {
        ("acronym", "la", 1),
        ("jargon", "convene", 1),
        ("jargon", "contact", 2),
    }
    assert {f.reason for f in kept} == {"Jayden asked for these words"}
    event = AuditEvent.objects.get(action=Action.LANGUAGE_CONFIRMED)
    assert event.actor == world.fca_allocated and event.child_id == world.child.uuid
    assert event.detail["text_hash"] == confirmation.text_hash
    assert report_for(world.child).ready
    language_confirmation_require(document=world.child, text=TEXT, reader=READER)


def test_a_confirmation_holds_only_for_the_words_it_was_given_for(world):
    report = report_for(world.child)
    services.language_confirmation_record(
        by=world.fca_allocated,
        document=world.child,
        text=TEXT,
        reader=READER,
        reasons=reasons_for(report),
    )
    changed = TEXT + " The LA will ring you."
    again = report_for(world.child, changed)
    assert not again.ready
    # The reasons given before are offered again as a start.
    assert {item.reason for item in again.unresolved} == {"Jayden asked for these words"}


def test_a_confirmation_is_for_one_document_only(world):
    other = Child.objects.create(
        legal_given_names="Amira",
        legal_family_name="Khan",
        preferred_name="Amira",
        date_of_birth=world.child.date_of_birth,
        search_text="amira khan",
    )
    services.language_confirmation_record(
        by=world.fca_allocated,
        document=world.child,
        text=TEXT,
        reader=READER,
        reasons=reasons_for(report_for(world.child)),
    )
    assert not report_for(other).ready


def test_reasons_are_needed_again_when_the_check_finds_more(world):
    """A glossary term added after confirming makes a new finding that needs its own reason."""
    text = "We will meet at the family centre."
    assert report_for(world.child, text).ready
    services.glossary_term_create(
        by=SYSTEM,
        term="family centre",
        alternatives="the place where you see your mum",
        reason="Say what the place is for.",
        category="social_work",
    )
    assert [item.words for item in report_for(world.child, text).unresolved] == ["family centre"]


# --- a send page built from the pattern ------------------------------------------------------

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}{% block content %}
<h1 class="govuk-heading-l">Send the letter</h1>
{% include "components/error_summary.html" with form=language.form %}
<form method="post" novalidate>{% csrf_token %}
{% include "language/report.html" with language=language %}
<button type="submit" class="govuk-button">Send</button>
</form>{% endblock %}"""
)


def send(request, child_id):
    child = Child.objects.get(uuid=child_id)
    step = language_report_step(
        request, document=child, text=child.enjoys, reader=READER, child_id=child.uuid
    )
    if step.proceed:
        return HttpResponse("Sent")
    return HttpResponse(PAGE.render({"language": step}, request))


urlpatterns = [path("send/<uuid:child_id>/", send), path("", include("together.urls"))]


@pytest.fixture
def page(client, world):
    Child.objects.filter(pk=world.child.pk).update(enjoys=TEXT)
    client.force_login(world.fca_allocated)
    return f"/send/{world.child.uuid}/"


@pytest.mark.urls(__name__)
def test_the_send_page_lists_each_finding_with_a_box_for_the_reason(client, page):
    html = client.get(page).content.decode()
    assert "The check still finds 3 things to look at." in html
    assert "“contact” (2 times)" in html
    assert "Why keep “convene”?" in html
    assert html.count('<textarea class="govuk-textarea"') == 3


@pytest.mark.urls(__name__)
def test_sending_without_reasons_is_refused_with_a_message(client, page):
    response = client.post(page, {})
    html = response.content.decode()
    assert response.status_code == 200 and "Sent" not in html
    assert "There is a problem" in html
    assert "Say why you are keeping “LA”, or change the words" in html
    assert not LanguageConfirmation.objects.exists()


@pytest.mark.urls(__name__)
def test_sending_with_a_reason_for_each_finding_sends(client, page, world):
    data = {f"language-reason_{n}": "Jayden's own words" for n in (1, 2, 3)}
    response = client.post(page, data)
    assert response.content == b"Sent"
    assert LanguageConfirmation.objects.get().confirmed_by == world.fca_allocated
    # Once confirmed, the page says so and sending needs nothing more.
    html = client.get(page).content.decode()
    assert "You have said why each of the 3 things" in html
    assert client.post(page, {}).content == b"Sent"


@pytest.mark.urls(__name__)
def test_a_clean_document_sends_straight_away(client, page, world):
    Child.objects.filter(pk=world.child.pk).update(enjoys="We will meet on Friday.")
    assert "The check found nothing to change." in client.get(page).content.decode()
    assert client.post(page, {}).content == b"Sent"
