"""Reading quality assurance. One audit for a user goes through audit_get_for_user (404 if they
may not see it); the evidence page reads the child's file in a fixed number of queries."""

import datetime
import uuid
from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from together.accounts.models import Role, User
from together.children import selectors as children_selectors
from together.children.models import Meeting
from together.children.rules import visible_children
from together.feedback.models import FeedbackResponse
from together.letters.models import Kind as LetterKind
from together.letters.models import Letter, Status
from together.letters.selectors import INTRODUCTORY_WITHIN_WORKING_DAYS
from together.letters.workingdays import add_working_days
from together.plans.models import Plan, PlanVersion
from together.proceedings.models import Allocation

from .. import rules
from ..models import (
    DOMAINS,
    Audit,
    Domain,
    DomainGrade,
    Grade,
    QualityAction,
    View,
)

LIST_LIMIT = 100


def _uuid(value) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise Http404("Not found") from None


def audits_for_user(user):
    """The audits `user` may see, with what the lists show."""
    return (
        Audit.objects.filter(rules.audit_scope_q(user))
        .select_related("child", "fca", "auditor")
        .distinct()
    )


def audit_get_for_user(*, user, audit_id) -> Audit:
    """The audit, if `user` may see it; otherwise 404, exactly as if there were none."""
    try:
        return audits_for_user(user).select_related("proceedings").get(uuid=_uuid(audit_id))
    except Audit.DoesNotExist:
        raise Http404("No audit found") from None


@dataclass
class AuditLists:
    to_do: list[Audit]
    recent: list[Audit]


def audit_lists(user) -> AuditLists:
    """What waits for `user` (a self-assessment to make, an audit to grade), and the audits
    they may see, newest first. Two queries."""
    mine = Q(fca=user.pk, stage=Audit.Stage.SELF_ASSESSMENT) | Q(
        auditor=user.pk, stage=Audit.Stage.IN_PROGRESS
    )
    to_do = list(audits_for_user(user).filter(mine).order_by("started_at", "id"))
    recent = list(audits_for_user(user).order_by("-audited_on", "-started_at", "-id")[:LIST_LIMIT])
    return AuditLists(to_do=to_do, recent=recent)


def fcas_to_audit(user) -> list[User]:
    """The FCAs `user` may audit or observe, by name."""
    if user.role not in rules.AUDITS:
        return []
    return list(
        rules.managed_staff(user)
        .filter(role=Role.FCA, is_active=True)
        .exclude(pk=user.pk)
        .distinct()
        .order_by("given_name", "family_name")
    )


def fca_to_audit_get(*, user, fca_id) -> User:
    for fca in fcas_to_audit(user):
        if str(fca.uuid) == str(fca_id):
            return fca
    raise Http404("No one found")


@dataclass(frozen=True)
class ChildToAudit:
    key: str  # "<proceedings uuid>:<child uuid>", the form's value
    child: object
    proceedings: object
    label: str


def children_to_audit(*, user, fca, today: datetime.date | None = None) -> list[ChildToAudit]:
    """The children whose proceedings `fca` led in the last year (open or not), that `user`
    may see: the files an audit of their work can look at. One query."""
    today = today or timezone.localdate()
    year_ago = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=365), datetime.time())
    )
    allocations = (
        Allocation.objects.filter(fca=fca, kind=Allocation.Kind.LEAD)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gte=year_ago))
        .filter(proceedings__child_links__child__in=visible_children(user).values("pk"))
        .select_related("proceedings")
        .values(
            "proceedings__uuid",
            "proceedings__court_number",
            "proceedings__child_links__child__uuid",
            "proceedings__child_links__child__preferred_name",
            "proceedings__child_links__child__pk",
            "proceedings__pk",
        )
        .order_by("proceedings__child_links__child__preferred_name", "proceedings__court_number")
        .distinct()
    )
    found = []
    for row in allocations:
        key = f"{row['proceedings__uuid']}:{row['proceedings__child_links__child__uuid']}"
        found.append(
            ChildToAudit(
                key=key,
                child=row["proceedings__child_links__child__pk"],
                proceedings=row["proceedings__pk"],
                label=(
                    f"{row['proceedings__child_links__child__preferred_name']} "
                    f"({row['proceedings__court_number']})"
                ),
            )
        )
    return found


# --- the evidence -----------------------------------------------------------------------------


@dataclass
class LetterRow:
    letter: Letter
    on_time: bool | None  # for the first introductory letter to the child; else None


@dataclass
class Evidence:
    about: list
    meetings: list[Meeting]
    plan: Plan | None
    plan_versions: list[PlanVersion]
    letters: list[LetterRow]
    allocated_on: datetime.date | None
    introduced_by: datetime.date | None
    introduced_on_time: bool | None
    feedback: list[FeedbackResponse]
    meetings_with_words: int = field(default=0)


def evidence_for(audit: Audit) -> Evidence:
    """Everything the audit looks at, from the child's file, in a fixed number of queries
    whatever the size of the file: About me (with who recorded it), meetings and the child's
    words, the plan and each of its versions, letters and whether the first introduction went
    on time, and the feedback from the child and family."""
    child = audit.child
    about = children_selectors.about_me_rows(child)
    meetings = list(
        Meeting.objects.filter(child=child)
        .select_related("recorded_by")
        .order_by("-occurred_at", "-pk")
    )
    plan = (
        Plan.objects.filter(child=child, proceedings=audit.proceedings)
        .select_related("created_by")
        .first()
    )
    versions = list(plan.versions.select_related("saved_by").order_by("-number")) if plan else []
    letters = list(
        Letter.objects.filter(child=child).select_related("fca", "recipient").order_by("started_at")
    )
    started = (
        Allocation.objects.filter(proceedings=audit.proceedings, fca=audit.fca)
        .order_by("started_at")
        .values_list("started_at", flat=True)
        .first()
    )
    allocated_on = timezone.localdate(started) if started else None
    introduced_by = (
        add_working_days(allocated_on, INTRODUCTORY_WITHIN_WORKING_DAYS) if allocated_on else None
    )
    first_introduction = next(
        (
            letter
            for letter in letters
            if letter.kind == LetterKind.INTRODUCTORY_CHILD and letter.status == Status.SENT
        ),
        None,
    )
    on_time = None  # not known: no allocation, or the letter is not due yet
    if first_introduction and introduced_by:
        on_time = timezone.localdate(first_introduction.sent_at) <= introduced_by
    elif introduced_by and timezone.localdate() > introduced_by:
        on_time = False  # due, and none was sent
    rows = [
        LetterRow(letter, on_time if letter is first_introduction else None) for letter in letters
    ]
    feedback = list(
        FeedbackResponse.objects.filter(invitation__child=child).order_by("-answered_at")
    )
    return Evidence(
        about=about,
        meetings=meetings,
        plan=plan,
        plan_versions=versions,
        letters=list(reversed(rows)),
        allocated_on=allocated_on,
        introduced_by=introduced_by,
        introduced_on_time=on_time,
        feedback=feedback,
        meetings_with_words=sum(1 for m in meetings if m.child_words),
    )


# --- grades -----------------------------------------------------------------------------------


@dataclass
class GradeRow:
    """One domain, with each view's grade side by side."""

    domain: str
    label: str
    views: dict  # view -> DomainGrade


def grade_rows(audit: Audit) -> list[GradeRow]:
    """Each domain and the overall grade, with every view's grade: one query."""
    found: dict[str, dict] = {}
    for grade in DomainGrade.objects.filter(audit=audit):
        found.setdefault(grade.domain, {})[grade.view] = grade
    return [
        GradeRow(domain, Domain(domain).label, found.get(domain, {}))
        for domain in [*DOMAINS, Domain.OVERALL]
    ]


def views_present(rows: list[GradeRow]) -> list[tuple[str, str]]:
    present = {view for row in rows for view in row.views}
    return [(view, label) for view, label in View.choices if view in present]


def final_grades(audit: Audit, rows: list[GradeRow]) -> dict[str, str]:
    """The grades an audit ended with, by domain: agreed ones for a collaborative audit, the
    auditor's for a practice audit."""
    view = View.AGREED if audit.is_collaborative else View.AUDITOR
    return {row.domain: row.views[view].grade for row in rows if view in row.views}


def feedback_for_child(audit: Audit) -> list[FeedbackResponse]:
    return list(
        FeedbackResponse.objects.filter(invitation__child=audit.child).order_by("-answered_at")
    )


# --- actions ----------------------------------------------------------------------------------


def actions_for_owner(user) -> list[QualityAction]:
    """The actions `user` is to do (not yet done first, soonest due first). One query."""
    return list(
        QualityAction.objects.filter(owner=user.pk)
        .select_related("audit__child", "observation", "created_by")
        .order_by("done_on", "due_on", "id")[:LIST_LIMIT]
    )


def open_actions_count(user) -> int:
    return QualityAction.objects.filter(owner=user.pk, done_on__isnull=True).count()


def action_get_for_owner(*, user, action_id) -> QualityAction:
    try:
        return QualityAction.objects.get(uuid=_uuid(action_id), owner=user.pk)
    except QualityAction.DoesNotExist:
        raise Http404("No action found") from None


def actions_for_audit(audit: Audit) -> list[QualityAction]:
    return list(audit.actions.select_related("owner").order_by("due_on", "id"))


GRADE_LABELS = dict(Grade.choices)
