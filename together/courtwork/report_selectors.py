"""Reads for reports to the court and hearing outcomes, each checking access as it reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from together.children import rules as children_rules
from together.children.models import Child
from together.children.selectors import child_get_for_user
from together.core.queries import database_today
from together.letters import rules as letters_rules
from together.letters.models import Kind as LetterKind
from together.letters.models import Letter
from together.organisation.rules import manages_area_q
from together.proceedings.models import Hearing, Proceedings
from together.proceedings.rules import visible_proceedings

from . import report_rules as rules
from .report_models import ChildTold, CourtReport, HearingOutcome, ReportStatus

# The longest list the reports-due page shows; a count says how many there are in all.
DUE_LIMIT = 300


def _report_404():
    return Http404("No report found")


def report_get_for_user(*, user, child_id, report_id) -> CourtReport:
    """The report, if `user` may see the child's file; otherwise 404, as if there were none."""
    child = child_get_for_user(user=user, child_id=child_id)
    try:
        report = (
            CourtReport.objects.select_related(
                "proceedings", "updated_by", "agreed_by", "written_from"
            )
            .filter(child=child)
            .get(uuid=report_id)
        )
    except (CourtReport.DoesNotExist, ValueError):
        raise _report_404() from None
    report.child = child
    return report


def reports_for_child(child: Child) -> list[CourtReport]:
    return list(
        CourtReport.objects.filter(child=child)
        .select_related("proceedings")
        .order_by("-proceedings__received_on", "due_on", "id")
    )


def reports_for_proceedings(proceedings: Proceedings) -> list[CourtReport]:
    return list(
        CourtReport.objects.filter(proceedings=proceedings)
        .select_related("child")
        .order_by("due_on", "id")
    )


def proceedings_for_reports(*, user, proceedings_id) -> Proceedings:
    try:
        return visible_proceedings(user).get(uuid=proceedings_id)
    except (Proceedings.DoesNotExist, ValueError):
        raise Http404("No proceedings found") from None


def writable_proceedings(user, child: Child) -> list[Proceedings]:
    """The child's open proceedings in which `user` may start a report."""
    return [
        p
        for p in child.proceedings.filter(closed_on__isnull=True).order_by("-received_on")
        if rules.may_write_reports(user, p)
    ]


@dataclass(frozen=True)
class DueRow:
    report: CourtReport
    overdue: bool
    days: int  # days overdue (positive) or left (negative or zero)


@dataclass(frozen=True)
class DuePage:
    rows: list[DueRow]
    total: int
    overdue: int


def reports_due(*, user, today: date | None = None, limit: int = DUE_LIMIT) -> DuePage:
    """Reports not yet filed in the open proceedings of the areas `user` manages, the most
    overdue first. Two queries whatever the number; 404 for anyone else."""
    if not rules.may_view_reports_due(user):
        raise Http404("No list")
    today = today or timezone.localdate()
    due = CourtReport.objects.filter(
        manages_area_q(user, "proceedings__"),
        ~Q(status=ReportStatus.FILED),
        proceedings__closed_on__isnull=True,
    )
    counts = due.aggregate(total=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    found = (
        due.select_related("child", "proceedings", "proceedings__lead_fca")
        .only(
            "uuid",
            "kind",
            "status",
            "due_on",
            "child__uuid",
            "child__preferred_name",
            "child__legal_family_name",
            "proceedings__uuid",
            "proceedings__court_number",
            "proceedings__lead_fca__given_name",
            "proceedings__lead_fca__family_name",
        )
        .order_by("due_on", "id")[:limit]
    )
    rows = [DueRow(report=r, overdue=r.due_on < today, days=(today - r.due_on).days) for r in found]
    return DuePage(rows=rows, total=counts["total"], overdue=counts["overdue"])


def court_annotations_for_links(today: date | None = None) -> dict:
    """For a query of children in proceedings (ProceedingsChild rows): how many of the child's
    reports in those proceedings are overdue, the date the next one is due, and how many times
    the child is still to be told what a judge decided (with the earliest date), as annotations
    (so "My children" learns them in its own query). Without `today`, "overdue" is against the
    database's date (core.queries)."""
    today = database_today() if today is None else today
    not_filed = CourtReport.objects.filter(
        child_id=OuterRef("child_id"), proceedings_id=OuterRef("proceedings_id")
    ).exclude(status=ReportStatus.FILED)
    overdue = (
        not_filed.filter(due_on__lt=today)
        .order_by()
        .values("child_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    to_tell = ChildTold.objects.filter(
        child_id=OuterRef("child_id"),
        outcome__hearing__proceedings_id=OuterRef("proceedings_id"),
        told_on__isnull=True,
    ).order_by("due_on")
    return {
        "reports_overdue": Subquery(overdue[:1], output_field=IntegerField()),
        "report_next_due": Subquery(not_filed.order_by("due_on").values("due_on")[:1]),
        "tell_child_by": Subquery(to_tell.values("due_on")[:1]),
    }


def hearing_for_outcome(*, user, proceedings_id, hearing_id) -> Hearing:
    """A hearing of proceedings `user` may record outcomes for; otherwise 404."""
    proceedings = proceedings_for_reports(user=user, proceedings_id=proceedings_id)
    if not rules.may_record_outcome(user, proceedings):
        raise Http404("No hearing found")
    try:
        hearing = Hearing.objects.get(proceedings=proceedings, uuid=hearing_id)
    except (Hearing.DoesNotExist, ValueError):
        raise Http404("No hearing found") from None
    hearing.proceedings = proceedings
    return hearing


def outcomes_for_proceedings(proceedings: Proceedings) -> dict[int, HearingOutcome]:
    """Each recorded outcome by its hearing's id."""
    return {
        o.hearing_id: o
        for o in HearingOutcome.objects.filter(hearing__proceedings=proceedings).prefetch_related(
            "tellings__child"
        )
    }


def tellings_for_child(child: Child) -> list[ChildTold]:
    return list(
        ChildTold.objects.filter(child=child)
        .select_related("outcome__hearing__proceedings")
        .order_by("-due_on", "-id")
    )


def telling_get_for_user(*, user, child_id, telling_id) -> ChildTold:
    child = child_get_for_user(user=user, child_id=child_id)
    try:
        telling = ChildTold.objects.select_related("outcome__hearing__proceedings").get(
            child=child, uuid=telling_id
        )
    except (ChildTold.DoesNotExist, ValueError):
        raise Http404("Nothing found") from None
    telling.child = child
    return telling


@dataclass(frozen=True)
class EndingLetter:
    """A child of closed proceedings, whether their ending letter is started, and whether the
    user may write it (letters.rules.may_write_letters: otherwise no link to a page they may not
    open)."""

    child: Child
    started: bool
    may_write: bool


def ending_letters_due(*, user, proceedings: Proceedings) -> list[EndingLetter]:
    """Each child in closed proceedings, and whether an ending letter to them has been started.
    Two queries whatever the number of children."""
    started = set(
        Letter.objects.filter(
            child__proceedings_links__proceedings=proceedings, kind=LetterKind.ENDING_CHILD
        ).values_list("child_id", flat=True)
    )
    children = proceedings.children.annotate(
        everyday_access=children_rules.everyday_access_annotation(user)
    ).order_by("id")
    found = []
    for child in children:
        child.everyday_access_user_id = user.pk  # whose answer child.everyday_access is
        found.append(
            EndingLetter(child, child.pk in started, letters_rules.may_write_letters(user, child))
        )
    return found


def ending_letter_prompt(*, user, child: Child) -> bool:
    """Whether the child's reports page prompts `user` to write the child's ending letter: some of
    their proceedings have closed, none is open, no ending letter to them is started, and `user`
    may write it. `child` comes from child_get_for_user (so the rule asks nothing more)."""
    if not letters_rules.may_write_letters(user, child):
        return False
    if child.proceedings.filter(closed_on__isnull=True).exists():
        return False
    return (
        child.proceedings.filter(closed_on__isnull=False).exists()
        and not Letter.objects.filter(child=child, kind=LetterKind.ENDING_CHILD).exists()
    )


def proceedings_links(user, proceedings: Proceedings, hearings) -> dict:
    """What the proceedings page links to here (registered with proceedings.views): the work for
    the court, and from each hearing that has happened either what the court decided or, for
    those who record outcomes (rules.may_record_outcome), the form to record it. Two queries
    whatever the number of hearings: the outcomes recorded, and the rule."""
    court_work = reverse("reports:proceedings-reports", args=[proceedings.uuid])
    links: dict = {
        "page": [
            ("Work for the court: reports, hearing outcomes and telling the children", court_work)
        ]
    }
    recorded = set(
        HearingOutcome.objects.filter(hearing__proceedings=proceedings).values_list(
            "hearing_id", flat=True
        )
    )
    records = rules.may_record_outcome(user, proceedings)
    now = timezone.now()
    for hearing in hearings:
        if hearing.pk in recorded:
            links[hearing.pk] = [("See the outcome", f"{court_work}#hearing-{hearing.uuid}")]
        elif records and hearing.starts_at <= now:
            outcome = reverse("reports:outcome", args=[proceedings.uuid, hearing.uuid])
            links[hearing.pk] = [("Record the outcome", outcome)]
    return links


def outcome_recorded(hearing: Hearing) -> bool:
    return HearingOutcome.objects.filter(hearing=hearing).exists()
