"""Reports to the court for tests: started and written through the services, as a person would."""

import datetime

from django.utils import timezone

from tests.plans.factories import share_with_child, start_plan, write_every_section
from together.courtwork import reports as services
from together.courtwork.report_models import CourtReport, ReportKind, ReportStatus
from together.plans import services as plan_services


def written_plan(world):
    """The child's plan, every section written, shared with the child who answered."""
    plan = write_every_section(start_plan(world), world.fca_allocated)
    share = share_with_child(world, plan)
    plan_services.plan_response_record(
        by=world.fca_allocated,
        share=share,
        response="I want to see dad more",
        about_recommendations=True,
        recorded_on=timezone.localdate(),
    )
    plan.refresh_from_db()
    return plan


def start_report(world, *, kind=ReportKind.SECTION_7, due_in_days=20, **extra) -> CourtReport:
    today = timezone.localdate()
    return services.report_start(
        by=world.fca_allocated,
        child=world.child,
        proceedings=world.proceedings,
        token=None,
        kind=kind,
        ordered_on=today - datetime.timedelta(days=10),
        due_on=today + datetime.timedelta(days=due_in_days),
        court_asked=extra.get("court_asked", "Where should Jayden live, and how often see dad?"),
    )


def complete(report: CourtReport, by) -> CourtReport:
    """Every section written and one recommendation, so the report can go for review."""
    values = {
        "risks": {
            "harm": "Shouting at home late at night",
            "non_recent_harm": "Dad pushed mum in 2023; Jayden saw it and still talks of it",
            "coercive_control": "Mum says dad checked her phone; none seen since they parted",
        },
        "child": {"unique_about_child": "Loves drawing trains"},
        "strengths": {"family_strengths": "Grandma helps every day"},
        "impact": {"impact_on_child": "Finds it hard to sleep"},
        "wishes": {"wishes_and_feelings": "I want to live with mum"},
        "sharing": {
            "shared_with_child": "Shared in person on 1 May",
            "child_response": "That's fair",
        },
    }
    for key, fields in values.items():
        report = services.report_section_save(
            by=by, report=report, version=report.version, section=key, **fields
        )
    if not report.recommendations.exists():
        services.report_recommendation_save(
            by=by,
            report=report,
            version=report.version,
            recommendation="Live with mum",
            evidence="Mum keeps a calm home",
            differs_from_wishes=False,
        )
    report.refresh_from_db()
    return report


def agreed(world, report=None) -> CourtReport:
    report = complete(report or start_report(world), world.fca_allocated)
    services.report_state_change(
        by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
    )
    report = services.report_state_change(
        by=world.supervisor_team, report=report, to=ReportStatus.AGREED
    )
    return report


def report_page(report, address: str = "") -> str:
    return f"/children/{report.child.uuid}/court/reports/{report.uuid}/{address}"
