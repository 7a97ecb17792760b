"""Supervision for tests: recorded through the services, as a person would."""

import datetime

from django.utils import timezone

from together.supervision import services
from together.supervision.models import (
    Action,
    Discussion,
    GroupSession,
    OneToOne,
    SolutionCircle,
)


def record_session(world, *, held_on=None, attendees=None) -> GroupSession:
    """The team's group supervision, facilitated by its supervisor, with the allocated FCA."""
    return services.group_session_create(
        by=world.supervisor_team,
        team=world.team,
        held_on=held_on or timezone.localdate(),
        facilitator=world.supervisor_team,
        attendees=attendees or [world.fca_allocated],
    )


def discuss(world, session=None, *, child=None, brought_by=None, **fields) -> Discussion:
    """The allocated FCA brings the child to the session, mapped."""
    answers = {
        "question": "How do we help Jayden say what he wants about time with his dad?",
        "worried_about": "Shouting at home late at night",
        "working_well": "School say he is settled and happy in class",
        "unique_about_child": "Loves drawing maps of his street",
        "need_to_know": "What his grandmother thinks",
        "needs_to_happen": "Visit him at school with his drawing book",
        "thinking": "The group wondered whether drawing would help him talk",
        "how_it_helped": "It gave us a new way to ask you what you want",
        **fields,
    }
    return services.discussion_add(
        by=world.supervisor_team,
        session=session or record_session(world),
        child=child or world.child,
        brought_by=brought_by or world.fca_allocated,
        **answers,
    )


def add_action(world, discussion=None, *, due_on=None, owner=None) -> Action:
    return services.action_add(
        by=world.supervisor_team,
        discussion=discussion or discuss(world),
        what="Ask the school about a quiet room",
        owner=owner or world.fca_allocated,
        due_on=due_on or timezone.localdate() + datetime.timedelta(days=7),
    )


def start_circle(world, discussion=None) -> SolutionCircle:
    """A solution circle about the child discussed, held by the FCA who brought them."""
    discussion = discussion or discuss(world)
    return services.circle_start(
        by=world.supervisor_team,
        session=discussion.session,
        discussion=discussion,
        problem_holder=world.fca_allocated,
        problem="Jayden's dad keeps missing the time they agreed to meet",
        idea_rounds=2,
        minutes_per_round=4,
    )


def record_one_to_one(world, *, held_on=None) -> OneToOne:
    """The team's supervisor supervises the allocated FCA, who is tired after a long hearing."""
    return services.one_to_one_record(
        by=world.supervisor_team,
        supervisee=world.fca_allocated,
        held_on=held_on or timezone.localdate(),
        discussion="We talked about how to plan the next month's visits",
        wellbeing="Feeling worn out after a long hearing; taking Friday off",
    )
