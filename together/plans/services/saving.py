"""Saving any change to a plan: at the version read, with its PlanVersion and audit event."""

import copy

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.models import F
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import TimelineEntry
from together.children.services import timeline_entry_add
from together.core.exceptions import EditConflict
from together.core.versioning import lock_at_version

from .. import rules
from ..models import Plan, PlanStatus, PlanVersion
from ..snapshot import items_parameters, items_sql, plan_snapshot, read_items

# The timeline has no kind for plans yet; fall back to proceedings until it does.
PLAN_TIMELINE_KIND = TimelineEntry.Kind.PLAN


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
