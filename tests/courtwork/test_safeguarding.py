"""Safeguarding enquiries before the first hearing: checks, conversations, the restricted check
results, the letter's due date, and the letter built from the enquiries."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from tests.conftest import SEES_CHILD
from tests.courtwork.access import SEES_RESULTS
from tests.courtwork.factories import FIRST_HEARING, answer_check, ask_check, talk_with
from tests.write_permissions import actor
from together.audit.models import Action, AuditEvent
from together.children.models import TimelineEntry
from together.children.rules import may_see_confidential_address
from together.core.exceptions import EditConflict
from together.core.form_tokens import new_token
from together.courtwork import enquiries, rules, selectors
from together.courtwork.models import SafeguardingCheck, SafeguardingConversation
from together.language.selectors import LanguageNotConfirmed

FINDINGS = "Police were called to the family home in March 2025 after an argument."


def court(world):
    return f"/children/{world.child.uuid}/court/"


# --- the restricted check results -------------------------------------------------------------


@pytest.mark.parametrize("relationship", [r for r, sees in SEES_CHILD.items() if sees])
def test_check_results_show_only_to_the_allocated_fca_and_their_managers(
    client, court_world, relationship
):
    answer_check(ask_check(court_world), court_world.fca_allocated, findings=FINDINGS)
    client.force_login(court_world.users[relationship])
    page = client.get(court(court_world)).content.decode()
    assert "West Yorkshire Police" in page
    if relationship in SEES_RESULTS:
        assert FINDINGS in page
    else:
        assert FINDINGS not in page
        assert "Only the allocated Family Court Adviser and their managers" in page


def test_check_results_never_show_through_a_broken_glass(client, court_world):
    answer_check(ask_check(court_world), court_world.fca_allocated, findings=FINDINGS)
    user = actor(court_world, "glass broken", allowed="fca_allocated")
    client.force_login(user)
    response = client.get(court(court_world))
    assert response.status_code == 200
    assert FINDINGS not in response.content.decode()
    assert not rules.may_see_check_results(user, court_world.proceedings)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_the_check_results_rule_follows_the_confidential_address_rule(court_world, relationship):
    user = court_world.users[relationship]
    sees_address = may_see_confidential_address(user, court_world.child)
    assert rules.may_see_check_results(user, court_world.proceedings) == sees_address


def test_the_timeline_says_a_check_was_answered_but_not_what_was_found(court_world):
    answer_check(ask_check(court_world), court_world.fca_allocated, findings=FINDINGS)
    lines = list(
        TimelineEntry.objects.filter(
            child=court_world.child, kind=TimelineEntry.Kind.COURT
        ).values_list("summary", flat=True)
    )
    assert "Police check answered by West Yorkshire Police" in lines
    assert not any("March 2025" in line for line in lines)


def test_a_check_answered_with_information_must_say_what_was_found(court_world):
    check = ask_check(court_world)
    with pytest.raises(ValidationError) as error:
        answer_check(check, court_world.fca_allocated, findings="")
    assert "findings" in error.value.message_dict


def test_two_people_answering_a_check_at_once_do_not_overwrite_each_other(court_world):
    check = ask_check(court_world)
    answer_check(check, court_world.fca_allocated)
    with pytest.raises(EditConflict):
        answer_check(check, court_world.supervisor_team, findings="Something else")


def test_the_same_check_form_sent_twice_records_one_check(court_world):
    token = new_token()
    first = ask_check(court_world, token=token)
    second = ask_check(court_world, token=token)
    assert first == second and SafeguardingCheck.objects.count() == 1


def test_public_law_proceedings_have_no_safeguarding_enquiries(world):
    assert not rules.may_make_enquiries(world.fca_allocated, world.proceedings)


# --- conversations ----------------------------------------------------------------------------


def test_a_conversation_is_with_a_parent_or_party(court_world):
    from tests.children.factories import FamilyMemberFactory

    stranger = FamilyMemberFactory()
    with pytest.raises(ValidationError):
        talk_with(court_world, stranger)


def test_screening_questions_declined_keep_no_answers(court_world):
    conversation = talk_with(
        court_world,
        court_world.father,
        screening=SafeguardingConversation.Screening.DECLINED,
        screening_answers="typed by mistake",
    )
    assert conversation.screening_answers == ""


def test_screening_questions_answered_need_the_answers(court_world):
    with pytest.raises(ValidationError):
        talk_with(court_world, court_world.father, screening_answers="")


def test_each_conversation_shows_against_the_person_on_the_family_page(client, court_world):
    talk_with(court_world, court_world.mother, language="Igbo", interpreter="Ngozi, by phone")
    client.force_login(court_world.fca_allocated)
    page = client.get(f"/children/{court_world.child.uuid}/family/").content.decode()
    assert "Safeguarding conversations" in page
    number = court_world.proceedings.court_number
    assert page.count(f"phone call, in Igbo, interpreter: Ngozi, by phone ({number})") == 1
    court_page = client.get(court(court_world)).content.decode()
    assert "Igbo, interpreter: Ngozi, by phone" in court_page


def test_a_conversation_without_a_language_or_interpreter_says_only_when_and_how(
    client, court_world
):
    talk_with(court_world, court_world.father)
    client.force_login(court_world.fca_allocated)
    page = client.get(f"/children/{court_world.child.uuid}/family/").content.decode()
    assert page.count(f"phone call ({court_world.proceedings.court_number})") == 1


def test_the_court_page_lists_who_has_not_been_talked_with_yet(client, court_world):
    talk_with(court_world, court_world.mother)
    client.force_login(court_world.fca_allocated)
    page = client.get(court(court_world)).content.decode()
    assert "Not talked with yet" in page
    assert f"?person={court_world.father.uuid}" in page
    assert f"?person={court_world.mother.uuid}" not in page


def test_recording_a_conversation_through_the_page(client, court_world):
    client.force_login(court_world.fca_allocated)
    url = f"{court(court_world)}{court_world.proceedings.uuid}/conversations/new/"
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(
        url,
        {
            "person": str(court_world.father.uuid),
            "date_day": yesterday.day,
            "date_month": yesterday.month,
            "date_year": yesterday.year,
            "time": "10:30",
            "method": "video",
            "about_child": "Jayden is settled and happy.",
            "screening": "declined",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    conversation = SafeguardingConversation.objects.get()
    assert conversation.person == court_world.father and conversation.method == "video"


def test_a_conversation_form_with_nothing_filled_in_says_what_is_missing(client, court_world):
    client.force_login(court_world.fca_allocated)
    url = f"{court(court_world)}{court_world.proceedings.uuid}/conversations/new/"
    page = client.post(url, {}).content.decode()
    assert "Choose who you talked with" in page
    assert "Say whether they answered the screening questions" in page
    assert SafeguardingConversation.objects.count() == 0


# --- when the letter is due -------------------------------------------------------------------


def test_the_letter_is_due_working_days_before_the_first_hearing(settings):
    settings.TOGETHER_SAFEGUARDING_LETTER_WORKING_DAYS = 2
    # Monday 14 December 2026: two working days before is Thursday 10 December.
    assert selectors.letter_due_on(FIRST_HEARING) == datetime.date(2026, 12, 10)
    settings.TOGETHER_SAFEGUARDING_LETTER_WORKING_DAYS = 5
    assert selectors.letter_due_on(FIRST_HEARING) == datetime.date(2026, 12, 7)


def test_bank_holidays_are_not_working_days(settings):
    settings.TOGETHER_SAFEGUARDING_LETTER_WORKING_DAYS = 2
    # Tuesday 29 December 2026: Christmas Day is a Friday, and Boxing Day's substitute Monday 28.
    assert selectors.letter_due_on(datetime.date(2026, 12, 29)) == datetime.date(2026, 12, 23)


def test_a_letter_not_filed_by_its_due_date_is_overdue(court_world):
    proceedings = court_world.proceedings
    due = selectors.letter_due(proceedings, filed=False, today=datetime.date(2026, 12, 11))
    assert due.overdue and "overdue" in due.label
    due = selectors.letter_due(proceedings, filed=False, today=datetime.date(2026, 12, 10))
    assert not due.overdue
    assert selectors.letter_due(proceedings, filed=True) is None


# --- the letter -------------------------------------------------------------------------------


@pytest.fixture
def enquired(court_world):
    answer_check(ask_check(court_world), court_world.fca_allocated, findings=FINDINGS)
    ask_check(
        court_world, agency=SafeguardingCheck.Agency.LOCAL_AUTHORITY, name="Leeds City Council"
    )
    talk_with(court_world, court_world.mother)
    talk_with(court_world, court_world.father, screening="declined")
    return court_world


def _written(world, analysis="Both parents agree Jayden is safe with each of them."):
    letter = enquiries.safeguarding_letter_start(
        by=world.fca_allocated, proceedings=world.proceedings
    )
    return enquiries.safeguarding_letter_update(
        by=world.fca_allocated,
        letter=letter,
        version=letter.version,
        enquiries=letter.enquiries,
        analysis=analysis,
        recommendation="Jayden should keep seeing both parents as now.",
    )


def test_the_letter_starts_from_the_checks_and_conversations(enquired):
    letter = enquiries.safeguarding_letter_start(
        by=enquired.fca_allocated, proceedings=enquired.proceedings
    )
    assert FINDINGS in letter.enquiries
    assert "Leeds City Council" in letter.enquiries and "no answer yet" in letter.enquiries
    assert "Amara Okafor" in letter.enquiries and "Daniel Hughes" in letter.enquiries
    assert "did not want to answer the domestic abuse screening questions" in letter.enquiries


def test_starting_the_letter_twice_makes_one_letter(enquired):
    first = enquiries.safeguarding_letter_start(
        by=enquired.fca_allocated, proceedings=enquired.proceedings
    )
    second = enquiries.safeguarding_letter_start(
        by=enquired.fca_allocated, proceedings=enquired.proceedings
    )
    assert first == second


def test_a_letter_without_analysis_and_recommendation_cannot_be_filed(enquired):
    letter = enquiries.safeguarding_letter_start(
        by=enquired.fca_allocated, proceedings=enquired.proceedings
    )
    with pytest.raises(ValidationError) as error:
        enquiries.safeguarding_letter_mark_filed(
            by=enquired.fca_allocated,
            letter=letter,
            version=letter.version,
            filed_on=timezone.localdate(),
        )
    assert {"analysis", "recommendation"} <= set(error.value.message_dict)


def test_the_language_check_stops_a_letter_that_calls_the_child_the_subject_child(enquired):
    letter = _written(enquired, analysis="The subject child is safe with both parents.")
    with pytest.raises(LanguageNotConfirmed):
        enquiries.safeguarding_letter_mark_filed(
            by=enquired.fca_allocated,
            letter=letter,
            version=letter.version,
            filed_on=timezone.localdate(),
        )
    letter.refresh_from_db()
    assert not letter.is_filed


def test_a_filed_letter_keeps_its_date_and_cannot_be_changed(enquired):
    letter = _written(enquired)
    filed = enquiries.safeguarding_letter_mark_filed(
        by=enquired.fca_allocated,
        letter=letter,
        version=letter.version,
        filed_on=timezone.localdate(),
    )
    assert filed.is_filed and filed.filed_on == timezone.localdate()
    with pytest.raises(ValidationError):
        enquiries.safeguarding_letter_update(
            by=enquired.fca_allocated,
            letter=filed,
            version=filed.version,
            enquiries="x",
            analysis="y",
            recommendation="z",
        )


def test_the_pdf_has_the_courts_heading_and_the_childs_legal_name_and_no_address(enquired):
    from tests.children.factories import ConnectionFactory, FamilyMemberFactory

    hidden = FamilyMemberFactory(address="14 Larch Close\nLS6 2QT", address_confidential=True)
    ConnectionFactory(child=enquired.child, person=hidden, relationship="aunt_uncle")
    letter = _written(enquired)
    letter.enquiries = "The police hold one record, quoted here."
    letter.save()
    reader = PdfReader(io.BytesIO(enquiries.safeguarding_letter_pdf(letter)))
    text = " ".join(page.extract_text() for page in reader.pages)
    proceedings = enquired.proceedings
    assert proceedings.court in text and proceedings.court_number in text
    child = enquired.child
    assert f"{child.legal_given_names} {child.legal_family_name}" in text
    assert "Larch Close" not in text and "LS6 2QT" not in text
    # Only what the letter quotes: the FCA took the check's own words out.
    assert "March 2025" not in text
    assert reader.trailer["/Root"].get("/MarkInfo", {}).get("/Marked")


def test_filing_through_the_pages(client, enquired):
    letter = _written(enquired)
    client.force_login(enquired.fca_allocated)
    url = f"{court(enquired)}{enquired.proceedings.uuid}/safeguarding-letter/file/"
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "version": letter.version,
            "filed_on_day": today.day,
            "filed_on_month": today.month,
            "filed_on_year": today.year,
        },
    )
    assert response.status_code == 302
    page = client.get(court(enquired)).content.decode()
    assert f"Safeguarding letter filed with the court on {today:%-d %B %Y}" in page


def test_printing_the_letter_is_logged_and_numbers_its_pages(client, enquired):
    _written(enquired)
    client.force_login(enquired.fca_allocated)
    response = client.get(f"{court(enquired)}{enquired.proceedings.uuid}/safeguarding-letter/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('.pdf"')
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Page 1 of" in text
    assert AuditEvent.objects.filter(
        action=Action.DOCUMENT_PRINTED, actor=enquired.fca_allocated, detail__format="pdf"
    ).exists()


def test_a_draft_letter_printed_through_a_broken_glass_is_refused_and_not_logged(client, enquired):
    _written(enquired)
    user = actor(enquired, "glass broken", allowed="fca_allocated")
    client.force_login(user)
    response = client.get(f"{court(enquired)}{enquired.proceedings.uuid}/safeguarding-letter/pdf/")
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=Action.DOCUMENT_PRINTED, actor=user).exists()


@pytest.mark.parametrize("relationship", [r for r, sees in SEES_CHILD.items() if sees])
def test_the_court_page_links_to_a_draft_letter_only_for_those_who_may_read_it(
    client, enquired, relationship
):
    _written(enquired)
    client.force_login(enquired.users[relationship])
    page = client.get(court(enquired)).content.decode()
    address = f"{court(enquired)}{enquired.proceedings.uuid}/safeguarding-letter/"
    if relationship in SEES_RESULTS:
        assert f'href="{address}"' in page
        assert client.get(address).status_code == 200
    else:
        assert f'href="{address}"' not in page
        assert "Started, not filed yet" in page
        assert client.get(address).status_code == 404


def test_the_court_page_asks_a_fixed_number_of_queries(client, enquired, django_assert_num_queries):
    client.force_login(enquired.fca_allocated)
    client.get(court(enquired))  # warm: the session, the glossary
    with django_assert_num_queries(13) as first:
        client.get(court(enquired))
    for n in range(3):
        ask_check(enquired, name=f"Council {n}")
        talk_with(enquired, enquired.mother)
    enquiries.safeguarding_letter_start(by=enquired.fca_allocated, proceedings=enquired.proceedings)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(court(enquired))
