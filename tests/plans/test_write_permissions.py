"""Every service that changes a plan checks who is changing it, whoever calls it: a page, an API
or a task (see tests/write_permissions.py for how these tests work)."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from tests.plans.factories import start_plan, write_every_section
from tests.write_permissions import (
    GLASS_BROKEN,
    INACTIVE,
    SIGNED_OUT,
    Write,
    WritePermissions,
)
from together.plans import services
from together.plans.models import (
    Certainty,
    ContactKind,
    PlanStatus,
    RecipientKind,
    ShareMethod,
)

TODAY = timezone.localdate

# The plan is written by the allocated FCA only: not their team, supervisor or managers, not
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

HARM = {
    "what": "Shouting at home late at night",
    "when_happened": "spring 2026",
    "source": "School",
    "certainty": Certainty.LIKELY,
}
CONTACT = {
    "kind": ContactKind.SCHOOL,
    "organisation": "Hill Primary",
    "contacted_on": datetime.date(2026, 1, 5),
    "what_they_said": "Settled and happy in class",
}
RECOMMENDATION = {
    "recommendation": "Live with mum and see dad every other weekend",
    "reasoning": "Mum keeps a calm home",
    "rests_on_strengths": True,
}


def _work(world):
    return {"what": "Talk to the school", "who": world.fca_allocated, "due_on": TODAY()}


def _plan(world):
    return SimpleNamespace(plan=start_plan(world))


def _with(add, fields, name):
    """A plan with one item made by its writer, for the services that change or remove it.
    `fields` are the item's, or a function of the world that gives them."""

    def setup(world):
        plan = start_plan(world)
        made = fields(world) if callable(fields) else fields
        item = add(by=world.fca_allocated, plan=plan, version=plan.version, **made)
        return SimpleNamespace(plan=plan, **{name: item})

    return setup


def _ready_for_review(world):
    return SimpleNamespace(plan=write_every_section(start_plan(world), world.fca_allocated))


def _shared_with_child(world):
    plan = start_plan(world)
    share = services.plan_share_record(
        by=world.fca_allocated,
        plan=plan,
        recipient_kind=RecipientKind.CHILD,
        shared=True,
        shared_on=timezone.localdate(),
        method=ShareMethod.IN_PERSON,
    )
    return SimpleNamespace(plan=plan, share=share)


def _plan_write(call, setup=_plan, **kwargs):
    return Write(call, refused=MAY_NOT_WRITE, allowed=WRITER, setup=setup, **kwargs)


WRITES = {
    "plan_start": Write(
        lambda world, by, _: start_plan(world, by=by), refused=MAY_NOT_WRITE, allowed=WRITER
    ),
    "plan_section_save": _plan_write(
        lambda world, by, made: services.plan_section_save(
            by=by,
            plan=made.plan,
            version=made.plan.version,
            section="unique",
            unique_about_child="Loves drawing trains",
        )
    ),
    "harm_add": _plan_write(
        lambda world, by, made: services.harm_add(
            by=by, plan=made.plan, version=made.plan.version, **HARM
        )
    ),
    "harm_remove": _plan_write(
        lambda world, by, made: services.harm_remove(
            by=by, plan=made.plan, version=made.plan.version, harm=made.harm
        ),
        setup=_with(services.harm_add, HARM, "harm"),
    ),
    "contact_add": _plan_write(
        lambda world, by, made: services.contact_add(
            by=by, plan=made.plan, version=made.plan.version, **CONTACT
        )
    ),
    "contact_remove": _plan_write(
        lambda world, by, made: services.contact_remove(
            by=by, plan=made.plan, version=made.plan.version, contact=made.contact
        ),
        setup=_with(services.contact_add, CONTACT, "contact"),
    ),
    "recommendation_save": _plan_write(
        lambda world, by, made: services.recommendation_save(
            by=by, plan=made.plan, version=made.plan.version, **RECOMMENDATION
        )
    ),
    "recommendation_remove": _plan_write(
        lambda world, by, made: services.recommendation_remove(
            by=by, plan=made.plan, version=made.plan.version, item=made.item
        ),
        setup=_with(services.recommendation_save, RECOMMENDATION, "item"),
    ),
    "activity_save": _plan_write(
        lambda world, by, made: services.activity_save(
            by=by, plan=made.plan, version=made.plan.version, **_work(world)
        )
    ),
    "activity_remove": _plan_write(
        lambda world, by, made: services.activity_remove(
            by=by, plan=made.plan, version=made.plan.version, activity=made.activity
        ),
        setup=_with(services.activity_save, _work, "activity"),
    ),
    "plan_state_change": _plan_write(
        lambda world, by, made: services.plan_state_change(
            by=by, plan=made.plan, to=PlanStatus.READY_FOR_REVIEW
        ),
        setup=_ready_for_review,
    ),
    # Those who supervise or manage the plan's team comment on it, as its writer does.
    "plan_comment_add": Write(
        lambda world, by, made: services.plan_comment_add(
            by=by, plan=made.plan, text="Say more about what school told you"
        ),
        refused=(
            "fca_same_team",
            "supervisor_other_team",
            "manager_other_area",
            "national",
            GLASS_BROKEN,
            SIGNED_OUT,
            INACTIVE,
        ),
        allowed="supervisor_team",
        setup=_plan,
    ),
    "plan_share_record": _plan_write(
        lambda world, by, made: services.plan_share_record(
            by=by,
            plan=made.plan,
            recipient_kind=RecipientKind.CHILD,
            shared=False,
            not_shared_reason="Jayden is too unwell this week",
        )
    ),
    "plan_response_record": _plan_write(
        lambda world, by, made: services.plan_response_record(
            by=by,
            share=made.share,
            response="I want to see dad more",
            about_recommendations=True,
            recorded_on=timezone.localdate(),
        ),
        setup=_shared_with_child,
    ),
}

# A step of every change to a plan, made by the service that checked its actor (docstring).
NO_CHECK_BY_DESIGN = frozenset({"plan_version_record"})


class TestWritePermissions(WritePermissions):
    app = "plans"
    writes = WRITES
    no_check_by_design = NO_CHECK_BY_DESIGN
