"""Every service that changes a plan checks who is changing it, whoever calls it: a page, an API
or a task (see tests/write_permissions.py for how these tests work)."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from tests.children.factories import ChildFactory
from tests.plans.factories import share_with_child, start_plan, write_every_section
from tests.proceedings.factories import ProceedingsChildFactory
from tests.write_permissions import (
    GLASS_BROKEN,
    INACTIVE,
    SIGNED_OUT,
    Write,
    WritePermissions,
)
from together.core.form_tokens import new_token
from together.plans import services
from together.plans.models import (
    Certainty,
    ContactKind,
    PlanStatus,
    RecipientKind,
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

# The fields of an item of each kind. A function is asked of what the setup made (_plan).
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
WORK = {
    "what": "Talk to the school",
    "who": lambda made: made.writer,
    "due_on": lambda made: TODAY(),
}


def _plan(world):
    """A plan its writer started."""
    return SimpleNamespace(plan=start_plan(world), writer=world.fca_allocated)


def _values(fields: dict, made) -> dict:
    return {name: value(made) if callable(value) else value for name, value in fields.items()}


def _with(add, name, **fields):
    """A plan with one item its writer added, for the services that change or remove it."""

    def setup(world):
        made = _plan(world)
        item = add(
            by=made.writer, plan=made.plan, version=made.plan.version, **_values(fields, made)
        )
        setattr(made, name, item)
        return made

    return setup


def _at_version(service, *, setup=_plan, **fields):
    """`service` on the plan at the version its writer saw (as its page posts it)."""
    return Write(
        lambda world, by, made: service(
            by=by, plan=made.plan, version=made.plan.version, **_values(fields, made)
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=setup,
    )


def _copied_from_sister(world):
    """A plan started from a sister's, copying the strengths in the family, still to check."""
    writer = world.fca_allocated
    sister = ChildFactory(preferred_name="Charlotte")
    ProceedingsChildFactory(proceedings=world.proceedings, child=sister)
    sister_plan = services.plan_start(by=writer, child=sister, proceedings=world.proceedings)
    services.plan_section_save(
        by=writer,
        plan=sister_plan,
        version=sister_plan.version,
        section="strengths",
        family_strengths="Grandma helps every day",
    )
    plan = services.plan_start(
        by=writer,
        child=world.child,
        proceedings=world.proceedings,
        started_from=sister_plan,
        copy=["family_strengths"],
    )
    return SimpleNamespace(plan=plan, writer=writer)


def _ready_for_review(world):
    return SimpleNamespace(plan=write_every_section(start_plan(world), world.fca_allocated))


def _shared_with_child(world):
    return SimpleNamespace(share=share_with_child(world))


WRITES = {
    "plan_start": Write(
        lambda world, by, _: start_plan(world, by=by), refused=MAY_NOT_WRITE, allowed=WRITER
    ),
    "plan_section_save": _at_version(
        services.plan_section_save, section="unique", unique_about_child="Loves drawing trains"
    ),
    "harm_add": _at_version(services.harm_add, **HARM),
    "harm_remove": _at_version(
        services.harm_remove,
        harm=lambda made: made.harm,
        setup=_with(services.harm_add, "harm", **HARM),
    ),
    "contact_add": _at_version(services.contact_add, **CONTACT),
    "contact_remove": _at_version(
        services.contact_remove,
        contact=lambda made: made.contact,
        setup=_with(services.contact_add, "contact", **CONTACT),
    ),
    "recommendation_save": _at_version(services.recommendation_save, **RECOMMENDATION),
    "recommendation_remove": _at_version(
        services.recommendation_remove,
        item=lambda made: made.item,
        setup=_with(services.recommendation_save, "item", **RECOMMENDATION),
    ),
    "activity_save": _at_version(services.activity_save, **WORK),
    "activity_remove": _at_version(
        services.activity_remove,
        activity=lambda made: made.activity,
        setup=_with(services.activity_save, "activity", **WORK),
    ),
    "plan_copies_mark_checked": _at_version(
        services.plan_copies_mark_checked, keys=["family_strengths"], setup=_copied_from_sister
    ),
    "plan_state_change": Write(
        lambda world, by, made: services.plan_state_change(
            by=by, plan=made.plan, to=PlanStatus.READY_FOR_REVIEW
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=_ready_for_review,
    ),
    # Those who supervise or manage the plan's team comment on it, as its writer does.
    "plan_comment_add": Write(
        lambda world, by, made: services.plan_comment_add(
            by=by, plan=made.plan, token=new_token(), text="Say more about what school told you"
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
    "plan_share_record": Write(
        lambda world, by, made: services.plan_share_record(
            by=by,
            plan=made.plan,
            recipient_kind=RecipientKind.CHILD,
            shared=False,
            not_shared_reason="Jayden is too unwell this week",
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=_plan,
    ),
    "plan_response_record": Write(
        lambda world, by, made: services.plan_response_record(
            by=by,
            share=made.share,
            response="I want to see dad more",
            about_recommendations=True,
            recorded_on=TODAY(),
        ),
        refused=MAY_NOT_WRITE,
        allowed=WRITER,
        setup=_shared_with_child,
    ),
}

# A step of every change to a plan, made by the service that checked its actor (docstring).
NO_CHECK_BY_DESIGN = frozenset({"plan_version_record"})


class TestWritePermissions(WritePermissions):
    app = "plans"
    writes = WRITES
    no_check_by_design = NO_CHECK_BY_DESIGN
