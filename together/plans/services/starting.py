"""Starting a child's plan, perhaps from a brother's or sister's."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.services import timeline_entry_add

from .. import rules
from ..models import Plan
from . import copying
from .saving import PLAN_TIMELINE_KIND, plan_version_record


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
