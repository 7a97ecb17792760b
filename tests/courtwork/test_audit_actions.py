"""Court work has actions of its own in the audit log: each service writes its own, with the
detail it always had, in the transaction that makes the change, and nothing when it fails."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.courtwork.factories import answer_check, ask_check, make_private_law, talk_with
from tests.courtwork.report_factories import agreed, complete, start_report
from tests.proceedings.factories import HearingFactory
from together.audit.models import Action, AuditEvent
from together.courtwork import enquiries
from together.courtwork import reports as services
from together.courtwork.report_models import ChildTold, ReportStatus

# The actions court work used to borrow: none of its services writes them now.
BORROWED = [
    Action.PROCEEDINGS_UPDATED,
    Action.LETTER_CREATED,
    Action.LETTER_UPDATED,
    Action.LETTER_SENT,
    Action.HEARING_RECORDED,
    Action.MEETING_RECORDED,
]


def _actions():
    return list(AuditEvent.objects.order_by("id").values_list("action", flat=True))


def _details(action):
    return [e.detail for e in AuditEvent.objects.filter(action=action).order_by("id")]


# --- safeguarding enquiries -------------------------------------------------------------------


def test_each_step_of_the_safeguarding_enquiries_has_its_own_action(world):
    world = make_private_law(world)
    check = ask_check(world)
    answer_check(check, world.fca_allocated)
    talk_with(world, world.mother)
    letter = enquiries.safeguarding_letter_start(
        by=world.fca_allocated, proceedings=world.proceedings
    )
    letter = enquiries.safeguarding_letter_update(
        by=world.fca_allocated,
        letter=letter,
        version=letter.version,
        enquiries=letter.enquiries,
        analysis="Both parents agree Jayden is safe with each of them.",
        recommendation="Jayden should keep seeing both parents as now.",
    )
    enquiries.safeguarding_letter_mark_filed(
        by=world.fca_allocated, letter=letter, version=letter.version, filed_on=timezone.localdate()
    )
    assert _actions() == [
        Action.SAFEGUARDING_CHECK_RECORDED,
        Action.SAFEGUARDING_CHECK_ANSWERED,
        Action.SAFEGUARDING_CONVERSATION_RECORDED,
        Action.SAFEGUARDING_LETTER_STARTED,
        Action.SAFEGUARDING_LETTER_CHANGED,
        Action.SAFEGUARDING_LETTER_FILED,
    ]
    assert _details(Action.SAFEGUARDING_CHECK_RECORDED) == [
        {"change": "safeguarding check asked", "agency": check.agency}
    ]
    assert _details(Action.SAFEGUARDING_CHECK_ANSWERED) == [
        {"change": "safeguarding check answered"}
    ]
    assert _details(Action.SAFEGUARDING_LETTER_FILED)[0]["filed_on"] == (
        timezone.localdate().isoformat()
    )
    event = AuditEvent.objects.get(action=Action.SAFEGUARDING_CONVERSATION_RECORDED)
    assert event.child_id == world.child.uuid
    assert event.get_action_display() == (
        "Recorded a safeguarding conversation with a parent or party"
    )


def test_a_letter_that_cannot_be_filed_leaves_no_event(world):
    world = make_private_law(world)
    letter = enquiries.safeguarding_letter_start(
        by=world.fca_allocated, proceedings=world.proceedings
    )
    with pytest.raises(ValidationError):
        enquiries.safeguarding_letter_mark_filed(
            by=world.fca_allocated,
            letter=letter,
            version=letter.version,
            filed_on=timezone.localdate(),
        )
    assert not AuditEvent.objects.filter(action=Action.SAFEGUARDING_LETTER_FILED).exists()


def test_a_conversation_with_someone_not_a_party_leaves_no_event(world):
    from tests.children.factories import FamilyMemberFactory

    world = make_private_law(world)
    with pytest.raises(ValidationError):
        talk_with(world, FamilyMemberFactory(given_name="Sam", family_name="Other"))
    assert not AuditEvent.objects.filter(action=Action.SAFEGUARDING_CONVERSATION_RECORDED).exists()


# --- reports to the court ---------------------------------------------------------------------


def test_a_report_is_logged_started_changed_sent_for_review_agreed_and_filed(world):
    report = agreed(world)
    services.report_state_change(
        by=world.fca_allocated, report=report, to=ReportStatus.FILED, filed_on=timezone.localdate()
    )
    actions = _actions()
    assert actions[0] == Action.COURT_REPORT_CREATED
    assert actions[-3:] == [
        Action.COURT_REPORT_SUBMITTED,
        Action.COURT_REPORT_SIGNED_OFF,
        Action.COURT_REPORT_FILED,
    ]
    assert set(actions[1:-3]) == {Action.COURT_REPORT_CHANGED}
    assert not set(actions) & set(BORROWED)
    [filed] = _details(Action.COURT_REPORT_FILED)
    assert (
        filed["report"] == str(report.uuid)
        and filed["change"] == "Moved from Agreed by supervisor to Filed"
    )
    assert AuditEvent.objects.get(action=Action.COURT_REPORT_SIGNED_OFF).actor == (
        world.supervisor_team
    )


def test_a_report_sent_back_with_a_comment_is_a_change_and_a_comment_its_own(world):
    report = complete(start_report(world), world.fca_allocated)
    services.report_state_change(
        by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
    )
    services.report_state_change(
        by=world.supervisor_team, report=report, to=ReportStatus.DRAFT, comment="Say more"
    )
    services.report_comment_add(
        by=world.supervisor_team, report=report, token=None, text="And about school"
    )
    assert _actions()[-2:] == [Action.COURT_REPORT_CHANGED, Action.COURT_REPORT_COMMENTED]
    assert _details(Action.COURT_REPORT_CHANGED)[-1]["comment"] == "Say more"


def test_a_report_refused_for_review_leaves_no_event(world):
    report = start_report(world)
    before = _actions()
    with pytest.raises(ValidationError):
        services.report_state_change(
            by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
        )
    assert _actions() == before


# --- after a hearing --------------------------------------------------------------------------


def test_an_outcome_and_telling_the_child_have_their_own_actions(world):
    hearing = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(hours=2)
    )
    outcome = services.hearing_outcome_record(
        by=world.fca_allocated, hearing=hearing, token=None, orders_made="Lives with mum"
    )
    [telling] = ChildTold.objects.filter(outcome=outcome)
    services.child_told_record(
        by=world.fca_allocated,
        telling=telling,
        told_on=timezone.localdate(),
        method=ChildTold.Method.IN_PERSON,
        words_for_child="The judge said you will live with mum.",
    )
    assert _actions() == [Action.HEARING_OUTCOME_RECORDED, Action.CHILD_TOLD_RECORDED]
    assert _details(Action.HEARING_OUTCOME_RECORDED) == [
        {"hearing": str(hearing.uuid), "outcome": str(outcome.uuid)}
    ]
    told = AuditEvent.objects.get(action=Action.CHILD_TOLD_RECORDED)
    assert told.child_id == world.child.uuid
    assert told.detail == {"told_about_hearing": str(hearing.uuid)}


def test_an_outcome_before_the_hearing_leaves_no_event(world):
    hearing = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() + datetime.timedelta(days=2)
    )
    with pytest.raises(ValidationError):
        services.hearing_outcome_record(
            by=world.fca_allocated, hearing=hearing, token=None, orders_made="None"
        )
    assert not AuditEvent.objects.filter(action=Action.HEARING_OUTCOME_RECORDED).exists()
