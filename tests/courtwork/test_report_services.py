"""Reports to the court: written from the plan, edited section by section, signed off, filed;
hearing outcomes and telling the child."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.courtwork.report_factories import agreed, complete, start_report, written_plan
from tests.proceedings.factories import HearingFactory
from together.children.models import TimelineEntry
from together.core.exceptions import EditConflict
from together.courtwork import reports as services
from together.courtwork.report_models import (
    ChildTold,
    CourtReport,
    ReportComment,
    ReportRecommendation,
    ReportStatus,
)
from together.letters.workingdays import add_working_days

pytestmark = pytest.mark.django_db


def test_a_report_starts_from_the_childs_plan_and_keeps_the_plan_version(world):
    plan = written_plan(world)
    report = start_report(world)
    assert report.written_from.plan_id == plan.pk
    assert report.written_from.number == plan.version
    assert report.unique_about_child == "Loves drawing trains"
    assert report.family_strengths == "Grandma helps every day"
    assert report.wishes_and_feelings == "Wants to see dad at weekends"
    assert "Shouting at home late at night" in report.harm
    assert "Shared with the child (in person)" in report.shared_with_child
    assert report.child_response == "I want to see dad more"
    [rec] = report.recommendations.all()
    assert rec.recommendation == "Live with mum and see dad every other weekend"
    assert "Mum keeps a calm home" in rec.evidence
    assert "the strengths in the family" in rec.evidence
    assert TimelineEntry.objects.filter(child=world.child, kind=TimelineEntry.Kind.COURT).exists()


def test_a_report_without_a_plan_starts_empty(world):
    report = start_report(world)
    assert report.written_from is None
    assert report.harm == ""


def test_a_save_on_an_old_version_is_refused_and_changes_nothing(world):
    report = start_report(world)
    old = report.version
    services.report_section_save(
        by=world.fca_allocated, report=report, version=old, section="child", unique_about_child="A"
    )
    with pytest.raises(EditConflict):
        services.report_section_save(
            by=world.fca_allocated,
            report=report,
            version=old,
            section="child",
            unique_about_child="B",
        )
    report.refresh_from_db()
    assert report.unique_about_child == "A"


def test_harm_some_time_ago_is_not_called_historic(world):
    report = start_report(world)
    with pytest.raises(ValidationError) as error:
        services.report_section_save(
            by=world.fca_allocated,
            report=report,
            version=report.version,
            section="risks",
            harm="Shouting",
            non_recent_harm="Historic domestic abuse in 2019",
            coercive_control="None known",
        )
    assert "historic" in str(error.value.message_dict["non_recent_harm"])


def test_no_part_of_the_risk_analysis_calls_harm_historic(world):
    report = start_report(world)
    with pytest.raises(ValidationError) as error:
        services.report_section_save(
            by=world.fca_allocated,
            report=report,
            version=report.version,
            section="risks",
            harm="Historical domestic abuse between the parents",
            non_recent_harm="In 2019 dad hit mum; Jayden still has nightmares",
            coercive_control="Historically controlling about money",
        )
    assert set(error.value.message_dict) == {"harm", "coercive_control"}
    report.refresh_from_db()
    assert report.harm == ""


def test_a_plan_that_calls_harm_historic_stops_the_report_going_for_review(world):
    report = complete(start_report(world), world.fca_allocated)
    # As if copied in from the plan: the word was never typed on the report's own page.
    CourtReport.objects.filter(pk=report.pk).update(harm="Historic violence at home")
    report.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.report_state_change(
            by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
        )
    assert services.HISTORIC_MESSAGE in error.value.messages


def test_a_recommendation_different_from_the_childs_wishes_must_say_why(world):
    report = start_report(world)
    with pytest.raises(ValidationError) as error:
        services.report_recommendation_save(
            by=world.fca_allocated,
            report=report,
            version=report.version,
            recommendation="Live with dad",
            evidence="Dad's home is calmer",
            differs_from_wishes=True,
            why_different="",
        )
    assert "different from what the child wants" in str(error.value.message_dict)
    assert not report.recommendations.exists()


def test_the_report_cannot_go_for_review_until_it_is_complete(world):
    report = start_report(world)
    with pytest.raises(ValidationError) as error:
        services.report_state_change(
            by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
        )
    assert "Add at least one recommendation" in error.value.messages
    assert "Say whether there is coercive or controlling behaviour" in error.value.messages


def test_the_supervisor_agrees_it_then_the_writer_files_it(world):
    report = agreed(world)
    assert report.status == ReportStatus.AGREED
    assert report.agreed_by == world.supervisor_team
    filed_on = timezone.localdate()
    report = services.report_state_change(
        by=world.fca_allocated, report=report, to=ReportStatus.FILED, filed_on=filed_on
    )
    assert report.is_filed and report.filed_on == filed_on
    assert report.due_label.startswith("Filed on")


def test_only_an_agreed_report_can_be_filed(world):
    report = complete(start_report(world), world.fca_allocated)
    with pytest.raises(ValidationError):
        services.report_state_change(
            by=world.fca_allocated,
            report=report,
            to=ReportStatus.FILED,
            filed_on=timezone.localdate(),
        )


def test_the_writer_cannot_agree_their_own_report(world):
    report = complete(start_report(world), world.fca_allocated)
    services.report_state_change(
        by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
    )
    with pytest.raises(PermissionDenied):
        services.report_state_change(by=world.fca_allocated, report=report, to=ReportStatus.AGREED)


def test_sending_back_needs_a_comment_and_keeps_it(world):
    report = complete(start_report(world), world.fca_allocated)
    services.report_state_change(
        by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
    )
    with pytest.raises(ValidationError):
        services.report_state_change(by=world.supervisor_team, report=report, to=ReportStatus.DRAFT)
    services.report_state_change(
        by=world.supervisor_team,
        report=report,
        to=ReportStatus.DRAFT,
        comment="Say more about school",
    )
    [comment] = ReportComment.objects.filter(report=report)
    assert comment.sends_back and comment.text == "Say more about school"


def test_changing_an_agreed_report_takes_it_back_to_draft(world):
    report = agreed(world)
    report = services.report_section_save(
        by=world.fca_allocated,
        report=report,
        version=report.version,
        section="child",
        unique_about_child="Loves trains and buses",
    )
    assert report.status == ReportStatus.DRAFT
    assert report.agreed_by is None


def test_the_report_keeps_each_version_with_who_changed_it_and_what_was_agreed(world):
    report = agreed(world)
    [rec] = report.recommendations.all()
    rec_id = rec.pk
    services.report_section_save(
        by=world.fca_allocated,
        report=report,
        version=report.version,
        section="child",
        unique_about_child="Loves trains and buses",
    )
    report.refresh_from_db()
    services.report_recommendation_save(
        by=world.fca_allocated,
        report=report,
        version=report.version,
        item=rec,
        recommendation="Live with mum and see dad on Sundays",
        evidence="Mum keeps a calm home",
        differs_from_wishes=False,
    )
    report.refresh_from_db()
    services.report_recommendation_remove(
        by=world.fca_allocated, report=report, version=report.version, item=rec
    )
    # The version the supervisor agreed is kept, with what it said then.
    [was_agreed] = report.history.filter(status=ReportStatus.AGREED)
    assert was_agreed.history_user == world.supervisor_team
    assert was_agreed.unique_about_child == "Loves drawing trains"
    latest = report.history.first()
    assert latest.unique_about_child == "Loves trains and buses"
    assert latest.history_user == world.fca_allocated
    assert latest.version == report.version + 1
    # The recommendation's words before and after the change, and its removal, by whom.
    kept = ReportRecommendation.history.filter(id=rec_id).order_by("history_date", "history_id")
    assert [h.recommendation for h in kept] == [
        "Live with mum",
        "Live with mum and see dad on Sundays",
        "Live with mum and see dad on Sundays",
    ]
    assert [h.history_type for h in kept] == ["+", "~", "-"]
    assert {h.history_user for h in kept} == {world.fca_allocated}


def test_due_overdue_and_filed(world):
    report = start_report(world, due_in_days=3)
    assert report.due_label.startswith("Due by")
    report.due_on = timezone.localdate() - datetime.timedelta(days=1)
    assert report.is_overdue()
    assert report.due_label.startswith("Overdue")


def test_recording_an_outcome_asks_for_each_child_to_be_told_within_the_set_working_days(
    world, settings
):
    settings.TOGETHER_TELL_CHILD_WORKING_DAYS = 10
    hearing = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(hours=2)
    )
    outcome = services.hearing_outcome_record(
        by=world.fca_allocated,
        hearing=hearing,
        token=None,
        orders_made="Child arrangements order: lives with mum",
        directions="Section 7 report by the next hearing",
    )
    [telling] = ChildTold.objects.filter(outcome=outcome)
    assert telling.child == world.child
    assert telling.due_on == add_working_days(timezone.localdate(), 10)
    assert telling.told_on is None
    told = services.child_told_record(
        by=world.fca_allocated,
        telling=telling,
        told_on=timezone.localdate(),
        method=ChildTold.Method.IN_PERSON,
        words_for_child="The judge said you will live with mum.",
        child_response="OK",
    )
    assert told.told_on == timezone.localdate()


def test_an_outcome_cannot_be_recorded_before_the_hearing(world):
    hearing = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() + datetime.timedelta(days=2)
    )
    with pytest.raises(ValidationError):
        services.hearing_outcome_record(
            by=world.fca_allocated, hearing=hearing, token=None, orders_made="None"
        )
