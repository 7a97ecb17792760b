"""Adding, changing and removing the items in a plan's sections: harms and professional contacts
(section 1), recommendations (section 6) and the plan of work (section 8)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Activity, Plan, PlanHarm, ProfessionalContact, Recommendation
from . import copying
from .saving import _claim, check_editable, edit_saved, sync


def _start(by, plan: Plan, version: int) -> Plan:
    locked = _claim(plan, version, by=by)
    check_editable(by, locked)
    return locked


def _finish(by, plan: Plan, locked: Plan, key: str, change: str) -> None:
    edit_saved(by=by, plan=locked, key=key, change=change)
    sync(plan, locked)


def _own(locked: Plan, item) -> None:
    if item.plan_id != locked.pk:
        raise ValidationError("That item is not part of this plan")


@transaction.atomic
def harm_add(*, by, plan: Plan, version: int, **fields) -> PlanHarm:
    locked = _start(by, plan, version)
    harm = PlanHarm(plan=locked, **fields)
    harm.full_clean()
    harm.save()
    _finish(by, plan, locked, "risks", "Added a harm in section 1")
    return harm


@transaction.atomic
def harm_remove(*, by, plan: Plan, version: int, harm: PlanHarm) -> None:
    locked = _start(by, plan, version)
    _own(locked, harm)
    harm.delete()
    _finish(by, plan, locked, "risks", "Removed a harm from section 1")


@transaction.atomic
def contact_add(*, by, plan: Plan, version: int, **fields) -> ProfessionalContact:
    locked = _start(by, plan, version)
    contact = ProfessionalContact(plan=locked, **fields)
    contact.full_clean()
    contact.save()
    _finish(by, plan, locked, "risks", f"Added what {contact.organisation} said in section 1")
    return contact


@transaction.atomic
def contact_remove(*, by, plan: Plan, version: int, contact: ProfessionalContact) -> None:
    locked = _start(by, plan, version)
    _own(locked, contact)
    contact.delete()
    _finish(by, plan, locked, "risks", "Removed a professional contact from section 1")


@transaction.atomic
def recommendation_save(
    *,
    by,
    plan: Plan,
    version: int,
    item: Recommendation | None = None,
    harms=(),
    **fields,
) -> Recommendation:
    """Add a recommendation (item=None) or change one, with what it rests on."""
    locked = _start(by, plan, version)
    if item is None:
        last = locked.recommendations.order_by("-order").values_list("order", flat=True).first()
        item = Recommendation(plan=locked, order=(last or 0) + 1)
        change = "Added a recommendation in section 6"
    else:
        _own(locked, item)
        change = "Changed a recommendation in section 6"
    for name, value in fields.items():
        setattr(item, name, value)
    if not item.differs_from_wishes:
        item.why_different = ""
    harms = list(harms)
    if any(harm.plan_id != locked.pk for harm in harms):
        raise ValidationError({"harms": "Choose harms listed in section 1 of this plan"})
    item.full_clean()
    item.save()
    item.rests_on_harms.set(harms)
    _finish(by, plan, locked, "recommendations", change)
    return item


@transaction.atomic
def recommendation_remove(*, by, plan: Plan, version: int, item: Recommendation) -> None:
    locked = _start(by, plan, version)
    _own(locked, item)
    item.delete()
    _finish(by, plan, locked, "recommendations", "Removed a recommendation from section 6")


@transaction.atomic
def activity_save(
    *, by, plan: Plan, version: int, activity: Activity | None = None, **fields
) -> Activity:
    """Add a piece of work (activity=None) or change one, such as marking it done."""
    locked = _start(by, plan, version)
    if activity is None:
        activity = Activity(plan=locked)
        change = "Added work to the plan of work"
    else:
        _own(locked, activity)
        change = "Changed work in the plan of work"
        activity.copied_to_check = False  # changed by the writer, so checked
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.full_clean()
    activity.save()
    _finish(by, plan, locked, "work", change)
    return activity


@transaction.atomic
def activity_remove(*, by, plan: Plan, version: int, activity: Activity) -> None:
    locked = _start(by, plan, version)
    _own(locked, activity)
    activity.delete()
    _finish(by, plan, locked, "work", "Removed work from the plan of work")


@transaction.atomic
def plan_copies_mark_checked(*, by, plan: Plan, version: int, keys) -> int:
    """The writer says these parts copied from a brother's or sister's plan are true for this
    child (copying.copied_to_check keys): their "Check this is true" mark comes off."""
    locked = _start(by, plan, version)
    count = copying.confirm_copied(locked, keys)
    name = locked.child.preferred_name
    _finish(
        by,
        plan,
        locked,
        "copied",
        f"Checked {count} copied part{'s' if count != 1 else ''} "
        f"{'are' if count != 1 else 'is'} true for {name}",
    )
    return count
