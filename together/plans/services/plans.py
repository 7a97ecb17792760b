"""Starting a plan, saving its sections, versions, comments and moving it through its stages."""

import copy

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import TimelineEntry
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.exceptions import EditConflict
from together.core.versioning import lock_at_version

from .. import rules
from ..models import (
    Plan,
    PlanComment,
    PlanResponse,
    PlanStatus,
    PlanVersion,
    RecipientKind,
)
from ..snapshot import SECTION_BY_KEY, items_parameters, items_sql, plan_snapshot, read_items
from . import copying

# The timeline has no kind for plans yet; fall back to proceedings until it does.
PLAN_TIMELINE_KIND = TimelineEntry.Kind.PLAN

# The plan's own fields each section page saves.
SECTION_FIELDS = {
    "risks": (
        "risks_remaining",
        "domestic_abuse_alleged",
        "domestic_abuse_kinds",
        "domestic_abuse_assessment",
        "domestic_abuse_reasoning",
        "non_recent_harm",
        "mental_health_misuse",
    ),
    "unique": ("unique_about_child",),
    "strengths": ("family_strengths",),
    "impact": ("impact_on_child",),
    "wishes": ("wishes_and_feelings",),
    "recommendations": (),
    "words": ("words_for_child",),
    "work": (),
    "sharing": ("child_response_not_sought_reason",),
}
# Sections 1 to 8 are written by the FCA and marked complete; section 9 fills as the plan is shared.
WRITTEN_SECTIONS = [key for key in SECTION_FIELDS if key != "sharing"]


def _label(key: str) -> str:
    number, title = SECTION_BY_KEY[key]
    return f"section {number}, {title[0].lower()}{title[1:]}".rstrip("?")


def _lock(plan: Plan, version: int | None = None, *, by=None) -> Plan:
    """The plan, locked for this transaction; refuses a change made on an old version. With
    `by`, what that person may do with the plan is answered by the same query (rules)."""
    plans = Plan.objects.select_related("child", "proceedings", "updated_by")
    if by is not None:
        plans = plans.annotate(**rules.access_annotations(by))
    locked = lock_at_version(plans, pk=plan.pk, version=version, last_saved=_last_saved)
    if by is not None:
        rules.remember_access(locked, by)
    return locked


def _last_saved(plan: Plan):
    return plan.updated_by, plan.updated_at


# The plan's columns, by attname: what a change compares with the plan as read (_save).
_COLUMNS = [field.attname for field in Plan._meta.concrete_fields]


def _claim(plan: Plan, version: int, *, by) -> Plan:
    """The plan that a change made on `version` works on.

    When the caller's plan was read from the database at that version (the page's own read), a
    copy of it as read: the UPDATE that saves the change (_save) holds only while the plan is
    still at that version, so no second read under lock is needed first, and a change made on an
    old version is refused there, rolling back the whole transaction. Otherwise the plan is read
    again under lock (_lock), which refuses an old version at once."""
    as_read = getattr(plan, "_as_read", None)
    if as_read is None or len(as_read) != len(_COLUMNS) or as_read["version"] != int(version):
        return _lock(plan, version, by=by)
    claimed = copy.copy(plan)  # keeps the child, proceedings and access facts read with it
    for name, value in as_read.items():
        setattr(claimed, name, list(value) if isinstance(value, list) else value)
    return claimed


def _save(plan: Plan, *, was: int) -> dict:
    """Save what changed in `plan` since it was read, in one UPDATE that holds only while the
    plan is still at version `was`; EditConflict (with who saved last, and when) if it is not.

    The same statement answers the plan's items for the version's snapshot (its RETURNING: both
    PostgreSQL and SQLite take subqueries there), so saving costs one round trip. PostgreSQL
    locks the row from that UPDATE to the end of the transaction, so whoever saves next waits
    for this change and then finds the version moved on."""
    as_read = plan._as_read
    fields = [
        Plan._meta.get_field(name)
        for name in _COLUMNS
        if name not in as_read or getattr(plan, name) != as_read[name]
    ]
    q = connection.ops.quote_name
    sql = (
        f"UPDATE {q(Plan._meta.db_table)} SET "  # noqa: S608 (names from the model)
        + ", ".join(f"{q(field.column)} = %s" for field in fields)
        + f" WHERE {q('id')} = %s AND {q('version')} = %s RETURNING {items_sql()}"
    )
    values = [field.get_db_prep_save(getattr(plan, field.attname), connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, plan.pk, was, *items_parameters(plan.pk)])
        row = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    if row is None:
        last = (
            Plan.objects.select_related("updated_by")
            .only("updated_at", "updated_by")
            .get(pk=plan.pk)
        )
        raise EditConflict(by=last.updated_by, at=last.updated_at)
    plan._as_read = {name: getattr(plan, name) for name in _COLUMNS}
    return read_items(names, row)


# A plan from _claim holds its links (child, proceedings, the people) and its identity as the
# database has them, and no change a service makes through edit_saved touches them: the checks
# that would ask the database again whether those rows exist, or are unique, are left out of
# full_clean there. The values a person typed are still checked (clean_fields and clean).
PLAN_LINKS = ["child", "proceedings", "started_from", "created_by", "updated_by", "agreed_by"]
# The same for a new PlanVersion: its plan was just saved in this transaction (which holds its
# row) and `by` is the person saving; its number is the plan's next version, taken by that save
# (the database's constraint still guards it). Its snapshot is made by plan_snapshot as plain
# JSON: checking it would write it out as JSON a second time.
VERSION_LINKS = ["plan", "saved_by", "snapshot"]


def _version_insert(*, by, plan: Plan, change: str, items: dict) -> PlanVersion:
    """Keep the whole plan as it now stands, as version plan.version (one INSERT: the plan's
    items were read by the UPDATE that saved it, _save)."""
    record = PlanVersion(
        plan=plan,
        number=plan.version,
        status=plan.status,
        saved_by=by,
        saved_at=plan.updated_at,
        change=change[:300],
        snapshot=plan_snapshot(plan, items),
    )
    record.full_clean(exclude=VERSION_LINKS, validate_unique=False, validate_constraints=False)
    record.save(force_insert=True)
    return record


def plan_version_record(*, by, plan: Plan, change: str) -> PlanVersion:
    """Bump the plan's version and keep the whole plan as it now stands.

    Every service that changes a plan calls this inside its transaction, after saving. No check
    of its own, by design: it is a step of the service calling it, which checked its actor."""
    current = Plan.objects.select_for_update().values_list("version", flat=True).get(pk=plan.pk)
    now = timezone.now()
    Plan.objects.filter(pk=plan.pk).update(version=F("version") + 1, updated_at=now, updated_by=by)
    plan.version = current + 1
    plan.updated_at = now
    plan.updated_by = by
    status = Plan.objects.values_list("status", flat=True).get(pk=plan.pk)
    record = PlanVersion(
        plan=plan,
        number=plan.version,
        status=status,
        saved_by=by,
        saved_at=now,
        change=change[:300],
        snapshot=plan_snapshot(plan),
    )
    # The plan is locked (or was made in this transaction) and `by` saves it: only the values
    # are checked (see VERSION_LINKS).
    record.full_clean(exclude=VERSION_LINKS, validate_unique=False, validate_constraints=False)
    record.save(force_insert=True)
    return record


@transaction.atomic
def plan_start(*, by, child, proceedings, started_from: Plan | None = None, copy=()) -> Plan:
    """Start the child's plan in a set of proceedings, perhaps from a brother's or sister's.

    From another plan, only the parts the writer chose (`copy`: keys of
    copying.copy_choices) are copied, each marked to check until it is changed or confirmed;
    finished work and what is about the other child alone are never copied."""
    if not rules.may_start_plan(by, proceedings):
        raise PermissionDenied("Only the allocated Family Court Adviser can start the plan")
    if not proceedings.child_links.filter(child=child).exists():
        raise ValidationError("The child is not in these proceedings")
    if Plan.objects.filter(child=child, proceedings=proceedings).exists():
        raise ValidationError(f"{child.preferred_name} already has a plan in these proceedings")
    if started_from is not None and (
        started_from.proceedings_id != proceedings.pk or started_from.child_id == child.pk
    ):
        raise ValidationError("Choose the plan of a brother or sister in the same proceedings")
    plan = Plan(child=child, proceedings=proceedings, created_by=by, updated_by=by, version=0)
    copied = []
    if started_from is not None:
        # As the database holds it now: what is copied is what the writer was shown.
        started_from = Plan.objects.select_related("child").get(pk=started_from.pk)
        plan.started_from = started_from
        copied = copying.copy_chosen(started_from, plan, copy)
    plan.full_clean()
    plan.save()
    change = "Started the plan"
    if started_from is not None:
        copying.copy_chosen_items(started_from, plan, copied)
        change = f"Started the plan from {started_from.child.preferred_name}'s plan"
        if copied:
            change += f", copying {len(copied)} part{'s' if len(copied) != 1 else ''} to check"
    plan_version_record(by=by, plan=plan, change=change)
    audit_event_record(
        by=by,
        action=Action.PLAN_CREATED,
        obj=plan,
        child_id=child.uuid,
        detail={
            "started_from": str(started_from.uuid) if started_from else None,
            "copied": copied,
        },
    )
    timeline_entry_add(child=child, kind=PLAN_TIMELINE_KIND, summary=change, by=by)
    return plan


def copies_to_check_message(plan: Plan) -> str:
    return (
        f"Check that everything copied from another child's plan is true for "
        f"{plan.child.preferred_name}, or change it"
    )


def section_missing(plan: Plan, key: str) -> list[str]:
    """What a section still needs before it can be marked complete."""
    missing = []
    if key == "risks":
        if not plan.risks_remaining.strip():
            missing.append("Say what risks remain for the child")
        if plan.domestic_abuse_alleged:
            if not plan.domestic_abuse_assessment:
                missing.append("Say what your view is on domestic abuse")
            if not plan.domestic_abuse_reasoning.strip():
                missing.append("Explain how you reached your view on domestic abuse")
    elif key == "unique" and not plan.unique_about_child.strip():
        missing.append("Say what is special and unique about the child")
    elif key == "strengths" and not plan.family_strengths.strip():
        missing.append("Say what the strengths in the family are")
    elif key == "impact" and not plan.impact_on_child.strip():
        missing.append("Say what the impact is on the child")
    elif key == "wishes" and not plan.wishes_and_feelings.strip():
        missing.append("Say what the child's wishes and feelings are")
    elif key == "recommendations":
        recommendations = list(plan.recommendations.prefetch_related("rests_on_harms"))
        if not recommendations:
            missing.append("Add at least one recommendation")
        for number, rec in enumerate(recommendations, start=1):
            if not rec.reasoning.strip():
                missing.append(f"Explain why you make recommendation {number}")
            if not _rests_on_something(rec):
                missing.append(f"Say what recommendation {number} rests on")
    elif key == "words" and not plan.words_for_child.strip():
        missing.append("Write the words for the child")
    elif key == "work" and not plan.activities.exists():
        missing.append("Add at least one piece of work to the plan of work")
    return missing


def _rests_on_something(rec) -> bool:
    return bool(rec.rests_on_strengths or rec.rests_on_wishes or rec.rests_on_harms.all())


def plan_missing_for_review(plan: Plan) -> list[tuple[str, str]]:
    """(section key, message) for everything stopping the plan going for review."""
    missing = []
    for key in WRITTEN_SECTIONS:
        number, title = SECTION_BY_KEY[key]
        gaps = section_missing(plan, key)
        if gaps:
            missing.extend((key, f"Section {number}: {gap}") for gap in gaps)
        elif key not in plan.completed_sections:
            missing.append((key, f"Mark section {number}, {title.rstrip('?')}, as completed"))
    if copying.has_copies_to_check(plan):
        missing.append(("copied", copies_to_check_message(plan)))
    return missing


def plan_missing_for_final(plan: Plan) -> list[tuple[str, str]]:
    """(section key, message) for everything stopping the plan being made final."""
    missing = []
    if copying.has_copies_to_check(plan):
        missing.append(("copied", copies_to_check_message(plan)))
    for number, rec in enumerate(plan.recommendations.prefetch_related("rests_on_harms"), 1):
        if not rec.reasoning.strip():
            missing.append(("recommendations", f"Explain why you make recommendation {number}"))
        if not _rests_on_something(rec):
            missing.append(("recommendations", f"Say what recommendation {number} rests on"))
    responded = PlanResponse.objects.filter(
        share__plan=plan,
        share__recipient_kind=RecipientKind.CHILD,
        about_recommendations=True,
    ).exists()
    if not responded and not plan.child_response_not_sought_reason.strip():
        missing.append(
            (
                "sharing",
                f"Record {plan.child.preferred_name}'s response to the recommendations, "
                "or say why it was not sought",
            )
        )
    return missing


def _back_to_draft_if_agreed(*, by, plan: Plan) -> None:
    """A supervisor agreed the plan as it stood: once it changes, it must be agreed again before
    anyone sees it. A shared plan stays shared: it has gone to the family and the court, the
    assessment carries on, and every version is kept so what changed since can be shown."""
    if plan.status == PlanStatus.AGREED:
        plan.status = PlanStatus.DRAFT
        plan.agreed_by = None
        plan.agreed_at = None
        _state_changed_record(
            by=by, plan=plan, was=PlanStatus.AGREED, comment="Changed after it was agreed"
        )


def _state_changed_record(*, by, plan: Plan, was: str, comment: str = "") -> None:
    audit_event_record(
        by=by,
        action=Action.PLAN_STATE_CHANGED,
        obj=plan,
        child_id=plan.child.uuid,
        reason=comment,
        detail={"from": str(was), "to": str(plan.status)},
    )
    timeline_entry_add(
        child=plan.child,
        kind=PLAN_TIMELINE_KIND,
        summary=f"Plan moved from {PlanStatus(was).label} to {PlanStatus(plan.status).label}",
        by=by,
    )


def edit_saved(*, by, plan: Plan, key: str, change: str) -> None:
    """After any change to a section's content: status, save, version and audit."""
    if key != "sharing":  # section 9 records what happened after agreement, not what was agreed
        _back_to_draft_if_agreed(by=by, plan=plan)
    # `plan` is as the database holds it (_claim): see PLAN_LINKS for what is left out.
    plan.full_clean(exclude=PLAN_LINKS, validate_unique=False, validate_constraints=False)
    # The version moves on in the same UPDATE that saves the plan, which holds only while the
    # plan is at the version it was read at (plan_version_record does this in three queries for
    # callers that hold a plan not read by _claim).
    was = plan.version
    plan.version += 1
    plan.updated_at = timezone.now()
    plan.updated_by = by
    items = _save(plan, was=was)
    _version_insert(by=by, plan=plan, change=change, items=items)
    audit_event_record(
        by=by,
        action=Action.PLAN_SECTION_SAVED,
        obj=plan,
        child_id=plan.child.uuid,
        detail={"section": key, "version": plan.version},
    )


def check_editable(by, plan: Plan) -> None:
    if not rules.may_write_plan(by, plan):
        raise PermissionDenied("Only the allocated Family Court Adviser can change the plan")
    if plan.status == PlanStatus.FINAL:
        raise ValidationError("The plan is final and cannot be changed")
    if plan.status == PlanStatus.READY_FOR_REVIEW:
        raise ValidationError(
            "The plan is waiting for review. It can be changed again once it is agreed or sent back"
        )


@transaction.atomic
def plan_section_save(
    *,
    by,
    plan: Plan,
    version: int,
    section: str,
    complete: bool | None = None,
    meetings=None,
    **fields,
) -> Plan:
    """Save one section's text (and, for section 5, the meetings it rests on); mark it complete
    or not. Refuses a save made on an old version of the plan."""
    if section not in SECTION_FIELDS:
        raise ValueError(f"No such section: {section}")
    unknown = set(fields) - set(SECTION_FIELDS[section])
    if unknown:
        raise TypeError(f"Not part of {section}: {sorted(unknown)}")
    locked = _claim(plan, version, by=by)
    check_editable(by, locked)
    before = {name: getattr(locked, name) for name in fields}
    for name, value in fields.items():
        setattr(locked, name, value)
    if locked.copied_to_check:
        copying.copied_parts_changed(locked, before)
    if meetings is not None:
        meetings = list(meetings)
        if any(meeting.child_id != locked.child_id for meeting in meetings):
            raise ValidationError("Choose meetings with this child")
        locked.wishes_meetings.set(meetings)
    completed = set(locked.completed_sections)
    if complete is True:
        # The text limits first, so the person sees those (PLAN_LINKS: read under lock).
        locked.full_clean(exclude=PLAN_LINKS, validate_unique=False, validate_constraints=False)
        gaps = section_missing(locked, section)
        if gaps:
            raise ValidationError({"complete": gaps})
        completed.add(section)
    elif complete is False:
        completed.discard(section)
    locked.completed_sections = [key for key in SECTION_FIELDS if key in completed]
    edit_saved(by=by, plan=locked, key=section, change=f"Saved {_label(section)}")
    sync(plan, locked)
    return locked


def sync(plan: Plan, locked: Plan) -> None:
    """The caller's copy of the plan follows what was saved, so it can save again (and, read as
    the database now holds it, without reading it again: _claim)."""
    for name in (
        "status",
        "version",
        "updated_at",
        "updated_by",
        "agreed_by",
        "agreed_at",
        "copied_to_check",
    ):
        setattr(plan, name, getattr(locked, name))
    if hasattr(locked, "_as_read"):
        plan._as_read = locked._as_read


# (from, to): who may make the move.
TRANSITIONS = {
    (PlanStatus.DRAFT, PlanStatus.READY_FOR_REVIEW): rules.may_write_plan,
    (PlanStatus.READY_FOR_REVIEW, PlanStatus.AGREED): rules.may_agree_plan,
    # The supervisor sends it back with comments; the writer may take it back to change it.
    (PlanStatus.READY_FOR_REVIEW, PlanStatus.DRAFT): lambda user, plan: (
        rules.may_agree_plan(user, plan) or rules.may_write_plan(user, plan)
    ),
    (PlanStatus.AGREED, PlanStatus.SHARED): rules.may_write_plan,
    (PlanStatus.AGREED, PlanStatus.FINAL): rules.may_write_plan,
    (PlanStatus.SHARED, PlanStatus.FINAL): rules.may_write_plan,
}


def transitions_for(user, plan: Plan) -> list[PlanStatus]:
    """The stages `user` may move the plan to now (the page offers these as buttons). Moving to
    Shared is not offered: it happens when the first share is recorded."""
    return [
        to
        for (was, to), allowed in TRANSITIONS.items()
        if was == plan.status and to != PlanStatus.SHARED and allowed(user, plan)
    ]


@transaction.atomic
def plan_state_change(*, by, plan: Plan, to, comment: str = "") -> Plan:
    """Move the plan to another stage, if the move is allowed and the plan is ready for it.

    Raises ValidationError with a message a person understands when it is not."""
    locked = _lock(plan, by=by)
    was = PlanStatus(locked.status)
    to = PlanStatus(to)
    allowed = TRANSITIONS.get((was, to))
    if allowed is None:
        raise ValidationError(f"A plan that is {was.label.lower()} cannot be moved to {to.label}")
    if not allowed(by, locked):
        raise PermissionDenied(f"You cannot move this plan to {to.label}")
    comment = (comment or "").strip()
    # The supervisor sends it back (with what must change); its writer may only withdraw it.
    sends_back = (
        was == PlanStatus.READY_FOR_REVIEW
        and to == PlanStatus.DRAFT
        and rules.may_agree_plan(by, locked)
    )
    if sends_back and not comment:
        raise ValidationError({"comment": "Say what needs to change before the plan is agreed"})
    if to == PlanStatus.READY_FOR_REVIEW:
        missing = plan_missing_for_review(locked)
        if missing:
            raise ValidationError([message for _key, message in missing])
    if to == PlanStatus.FINAL:
        missing = plan_missing_for_final(locked)
        if missing:
            raise ValidationError([message for _key, message in missing])
    now = timezone.now()
    locked.status = to
    if to == PlanStatus.AGREED:
        locked.agreed_by = by
        locked.agreed_at = now
    if to == PlanStatus.FINAL:
        locked.finalised_at = now
    locked.full_clean()
    locked.save()
    if comment:
        _comment_add(by=by, plan=locked, text=comment, sends_back=sends_back)
    _state_changed_record(by=by, plan=locked, was=was, comment=comment)
    plan_version_record(by=by, plan=locked, change=f"Moved to {to.label}")
    sync(plan, locked)
    plan.finalised_at = locked.finalised_at
    return locked


def _comment_add(*, by, plan: Plan, text: str, sends_back: bool = False) -> PlanComment:
    comment = PlanComment(plan=plan, by=by, text=text.strip(), sends_back=sends_back)
    comment.full_clean()
    comment.save()
    audit_event_record(
        by=by,
        action=Action.PLAN_COMMENTED,
        obj=plan,
        child_id=plan.child.uuid,
        detail={"comment": str(comment.uuid), "sends_back": sends_back},
    )
    return comment


@transaction.atomic
def plan_comment_add(*, by, plan: Plan, token: str | None, text: str) -> PlanComment:
    """Comment on the plan; once for each form sent (`token`, ADR 0016)."""
    if not rules.may_comment_on_plan(by, plan):
        raise PermissionDenied("You cannot comment on this plan")
    claim = form_tokens.claim(token, by=by, model=PlanComment)
    if claim.earlier:
        return claim.earlier
    if not (text or "").strip():
        raise ValidationError({"text": "Enter your comment"})
    comment = _comment_add(by=by, plan=plan, text=text)
    claim.made(comment)
    return comment
