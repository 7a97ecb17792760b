"""Plans for tests: started and written through the services, as a person would."""

import datetime

from django.utils import timezone

from together.plans import services
from together.plans.models import Certainty, Plan, PlanShare, RecipientKind, ShareMethod


def start_plan(world, *, by=None) -> Plan:
    return services.plan_start(
        by=by or world.fca_allocated, child=world.child, proceedings=world.proceedings
    )


def share_with_child(world, plan: Plan | None = None) -> PlanShare:
    """Record, as the plan's writer, that the plan was shared with the child today, in person."""
    return services.plan_share_record(
        by=world.fca_allocated,
        plan=plan or start_plan(world),
        recipient_kind=RecipientKind.CHILD,
        shared=True,
        shared_on=timezone.localdate(),
        method=ShareMethod.IN_PERSON,
    )


def write_every_section(plan: Plan, by) -> Plan:
    """Write sections 1 to 8 and mark each complete, so the plan can go for review."""

    def save(section, **fields):
        services.plan_section_save(
            by=by, plan=plan, version=plan.version, section=section, complete=True, **fields
        )

    harm = services.harm_add(
        by=by,
        plan=plan,
        version=plan.version,
        what="Shouting at home late at night",
        when_happened="spring 2026",
        source="School",
        certainty=Certainty.LIKELY,
    )
    save("risks", risks_remaining="Arguments between the adults at home")
    save("unique", unique_about_child="Loves drawing trains")
    save("strengths", family_strengths="Grandma helps every day")
    save("impact", impact_on_child="Finds it hard to sleep")
    save("wishes", wishes_and_feelings="Wants to see dad at weekends", meetings=[])
    services.recommendation_save(
        by=by,
        plan=plan,
        version=plan.version,
        recommendation="Live with mum and see dad every other weekend",
        reasoning="Mum keeps a calm home and dad's time is safe when grandma is there",
        rests_on_strengths=True,
        harms=[harm],
    )
    save("recommendations")
    save("words", words_for_child="You will live with mum. You will see dad on Saturdays.")
    services.activity_save(
        by=by,
        plan=plan,
        version=plan.version,
        what="Talk to the school",
        who=by,
        due_on=datetime.date.today() + datetime.timedelta(days=7),
    )
    save("work")
    plan.refresh_from_db()
    return plan


def plan_page(world, address: str = "") -> str:
    """The URL of a page of the plan of `world`'s child."""
    return f"/children/{world.child.uuid}/plan/{address}"
