"""Every service that changes a report to the court, or records what a hearing decided, checks who
is acting, whoever calls it (see tests/write_permissions.py for how these tests work)."""

import datetime
import importlib
import inspect
import pkgutil
from types import SimpleNamespace

from django.utils import timezone

from tests.courtwork.report_factories import complete, start_report
from tests.proceedings.factories import HearingFactory
from tests.write_permissions import (
    GLASS_BROKEN,
    INACTIVE,
    SIGNED_OUT,
    WRITE_VERBS,
    Write,
    WritePermissions,
)
from together.children.models import Professional
from together.children.services import professional_add
from together.courtwork import report_quotes
from together.courtwork import reports as services
from together.courtwork.report_models import ChildTold, ReportStatus

TODAY = timezone.localdate

# Reports are written by the allocated FCA only: not their team, supervisor or managers, not
# oversight roles, never by breaking the glass.
MAY_NOT_WRITE = (
    "fca_same_team",
    "supervisor_team",
    "manager_area",
    "national",
    GLASS_BROKEN,
    SIGNED_OUT,
    INACTIVE,
)
WRITER = "fca_allocated"


def _report(world):
    return SimpleNamespace(report=start_report(world))


def _report_and_professional(world):
    made = _report(world)
    made.professional = professional_add(
        by=world.fca_allocated,
        child=world.child,
        token=None,
        role=Professional.Role.GP,
        name="Dr Owen Price",
        consulted_on=TODAY(),
        what_they_said="No worries about his health.",
    )
    return made


def _with_recommendation(world):
    made = _report(world)
    made.item = services.report_recommendation_save(
        by=world.fca_allocated,
        report=made.report,
        version=made.report.version,
        recommendation="Live with mum",
        evidence="Calm home",
        differs_from_wishes=False,
    )
    made.report.refresh_from_db()
    return made


def _for_review(world):
    report = complete(start_report(world), world.fca_allocated)
    services.report_state_change(
        by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
    )
    return SimpleNamespace(report=report)


def _hearing(world):
    return SimpleNamespace(
        hearing=HearingFactory(
            proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(days=1)
        )
    )


def _telling(world):
    made = _hearing(world)
    outcome = services.hearing_outcome_record(
        by=world.fca_allocated, hearing=made.hearing, token=None, orders_made="No order"
    )
    made.telling = ChildTold.objects.get(outcome=outcome)
    return made


WRITES = {
    "report_start": Write(
        call=lambda world, by, made: services.report_start(
            by=by,
            child=world.child,
            proceedings=world.proceedings,
            token=None,
            kind="section_7",
            ordered_on=TODAY(),
            due_on=TODAY() + datetime.timedelta(days=30),
            court_asked="Where should the child live?",
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
    ),
    "report_direction_update": Write(
        call=lambda world, by, made: services.report_direction_update(
            by=by,
            report=made.report,
            version=made.report.version,
            ordered_on=TODAY(),
            due_on=TODAY() + datetime.timedelta(days=40),
            court_asked="Where should the child live, and when see dad?",
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=_report,
    ),
    "report_section_save": Write(
        call=lambda world, by, made: services.report_section_save(
            by=by,
            report=made.report,
            version=made.report.version,
            section="child",
            unique_about_child="Loves trains",
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=_report,
    ),
    "report_recommendation_save": Write(
        call=lambda world, by, made: services.report_recommendation_save(
            by=by,
            report=made.report,
            version=made.report.version,
            recommendation="Live with mum",
            evidence="Calm home",
            differs_from_wishes=False,
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=_report,
    ),
    "report_recommendation_remove": Write(
        call=lambda world, by, made: services.report_recommendation_remove(
            by=by, report=made.report, version=made.report.version, item=made.item
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=_with_recommendation,
    ),
    "report_state_change": Write(
        call=lambda world, by, made: services.report_state_change(
            by=by, report=made.report, to=ReportStatus.AGREED
        ),
        refused=(
            "fca_allocated",
            "fca_same_team",
            "supervisor_other_team",
            "manager_area",
            "national",
            SIGNED_OUT,
        ),
        allowed="supervisor_team",
        setup=_for_review,
    ),
    "report_comment_add": Write(
        call=lambda world, by, made: services.report_comment_add(
            by=by, report=made.report, token=None, text="Clear and fair"
        ),
        refused=("fca_same_team", "national", "head_region", GLASS_BROKEN, SIGNED_OUT),
        allowed="supervisor_team",
        setup=_report,
    ),
    "report_quotes_save": Write(
        call=lambda world, by, made: report_quotes.report_quotes_save(
            by=by,
            report=made.report,
            version=made.report.version,
            professionals=[made.professional],
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=_report_and_professional,
    ),
    "hearing_outcome_record": Write(
        call=lambda world, by, made: services.hearing_outcome_record(
            by=by, hearing=made.hearing, token=None, orders_made="Lives with mum"
        ),
        refused=("fca_same_team", "national", "head_region", GLASS_BROKEN, SIGNED_OUT),
        allowed=WRITER,
        setup=_hearing,
    ),
    "child_told_record": Write(
        call=lambda world, by, made: services.child_told_record(
            by=by,
            telling=made.telling,
            told_on=TODAY(),
            method=ChildTold.Method.IN_PERSON,
            words_for_child="The judge said you will live with mum.",
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=_telling,
    ),
}


def _report_write_services() -> set[str]:
    """The write services in each module of courtwork.reports and in courtwork.report_quotes
    (their own modules, beside the app's services)."""
    modules = [
        importlib.import_module(f"{services.__name__}.{info.name}")
        for info in pkgutil.iter_modules(services.__path__)
    ]
    return {
        name
        for module in (*modules, report_quotes)
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        and not name.startswith("_")
        and WRITE_VERBS & set(name.split("_"))
    }


class TestWritePermissions(WritePermissions):
    app = "courtwork"
    writes = WRITES
    # Logging a download: the view read the report for `by` through the child's file first
    # (courtwork.reports.signing_off.report_print_record says why).
    no_check_by_design = frozenset({"report_print_record"})

    def test_every_write_service_is_listed_here_checked_or_with_why_not(self):
        assert _report_write_services() == set(self.writes) | self.no_check_by_design
