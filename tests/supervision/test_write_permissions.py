"""Every service that records supervision checks who is recording it, whoever calls it: a page,
an API or a task (see tests/write_permissions.py for how these tests work)."""

from types import SimpleNamespace

from django.utils import timezone

from tests.storyboards.factories import start_storyboard
from tests.supervision.factories import (
    add_action,
    discuss,
    record_one_to_one,
    record_session,
    start_circle,
)
from tests.write_permissions import GLASS_BROKEN, INACTIVE, SIGNED_OUT, Write, WritePermissions
from together.supervision import services

# Recording a team's session: not someone from another team, nor managers or oversight roles.
MAY_NOT_RECORD = (
    "fca_other_area",
    "supervisor_other_team",
    "manager_area",
    "national",
    GLASS_BROKEN,
    SIGNED_OUT,
    INACTIVE,
)
# Adding to a session: not a teammate who was not there, nor managers (who may read it).
MAY_NOT_ADD = (
    "fca_same_team",
    "supervisor_other_team",
    "manager_area",
    "head_region",
    "national",
    GLASS_BROKEN,
    SIGNED_OUT,
    INACTIVE,
)


def _session(world):
    return SimpleNamespace(session=record_session(world))


def _discussion(world):
    return SimpleNamespace(discussion=discuss(world))


def _action(world):
    return SimpleNamespace(action=add_action(world))


def _circle(world):
    return SimpleNamespace(circle=start_circle(world))


def _one_to_one(world):
    return SimpleNamespace(one_to_one=record_one_to_one(world))


# One-to-one supervision: only a supervisor of the FCA's team; added to only by the one who gave
# it (not the FCA, nor managers who may read it).
MAY_NOT_SUPERVISE = (
    "fca_allocated",
    "supervisor_other_team",
    "manager_area",
    "national",
    SIGNED_OUT,
    INACTIVE,
)

WRITES = {
    "group_session_create": Write(
        call=lambda world, by, made: services.group_session_create(
            by=by,
            team=world.team,
            held_on=timezone.localdate(),
            facilitator=world.supervisor_team,
            attendees=[world.fca_allocated, world.fca_same_team],
        ),
        refused=MAY_NOT_RECORD,
        allowed="supervisor_team",
    ),
    "discussion_add": Write(
        call=lambda world, by, made: services.discussion_add(
            by=by,
            session=made.session,
            child=world.child,
            brought_by=world.fca_allocated,
            question="What would help Jayden feel safe to talk?",
            how_it_helped="We found a calmer place to meet you",
        ),
        refused=MAY_NOT_ADD,
        allowed="supervisor_team",
        setup=_session,
    ),
    "discussion_update": Write(
        call=lambda world, by, made: services.discussion_update(
            by=by,
            discussion=made.discussion,
            version=made.discussion.version,
            need_to_know="What his teacher has seen",
        ),
        refused=MAY_NOT_ADD,
        allowed="fca_allocated",
        setup=_discussion,
    ),
    "action_add": Write(
        call=lambda world, by, made: services.action_add(
            by=by,
            discussion=made.discussion,
            what="Ring the school",
            owner=world.fca_allocated,
            due_on=timezone.localdate(),
        ),
        refused=MAY_NOT_ADD,
        allowed="supervisor_team",
        setup=_discussion,
    ),
    "action_mark_done": Write(
        call=lambda world, by, made: services.action_mark_done(by=by, action=made.action),
        refused=MAY_NOT_ADD,
        allowed="fca_allocated",
        setup=_action,
    ),
    "circle_start": Write(
        call=lambda world, by, made: services.circle_start(
            by=by,
            session=made.discussion.session,
            discussion=made.discussion,
            problem_holder=world.fca_allocated,
            problem="Jayden will not come to meetings",
        ),
        refused=MAY_NOT_ADD,
        allowed="fca_allocated",
        setup=_discussion,
    ),
    "circle_idea_add": Write(
        call=lambda world, by, made: services.circle_idea_add(
            by=by,
            circle=made.circle,
            round=1,
            offered_by=world.supervisor_team,
            idea="Meet him at the football club",
        ),
        refused=MAY_NOT_ADD,
        allowed="supervisor_team",
        setup=_circle,
    ),
    "circle_update": Write(
        call=lambda world, by, made: services.circle_update(
            by=by,
            circle=made.circle,
            version=made.circle.version,
            first_step="Ask Jayden where he would like to meet",
            follow_up_on=timezone.localdate(),
        ),
        refused=MAY_NOT_ADD,
        allowed="fca_allocated",
        setup=_circle,
    ),
    "one_to_one_record": Write(
        call=lambda world, by, made: services.one_to_one_record(
            by=by,
            supervisee=world.fca_allocated,
            held_on=timezone.localdate(),
            discussion="How the week went",
        ),
        refused=MAY_NOT_SUPERVISE,
        allowed="supervisor_team",
    ),
    "one_to_one_child_add": Write(
        call=lambda world, by, made: services.one_to_one_child_add(
            by=by,
            one_to_one=made.one_to_one,
            child=world.child,
            how_it_helped="We planned a calmer visit for you",
        ),
        refused=MAY_NOT_SUPERVISE,
        allowed="supervisor_team",
        setup=_one_to_one,
    ),
    "one_to_one_action_add": Write(
        call=lambda world, by, made: services.one_to_one_action_add(
            by=by,
            one_to_one=made.one_to_one,
            what="Book a day of leave",
            owner=world.fca_allocated,
            due_on=timezone.localdate(),
        ),
        refused=MAY_NOT_SUPERVISE,
        allowed="supervisor_team",
        setup=_one_to_one,
    ),
    "appreciation_record": Write(
        call=lambda world, by, made: services.appreciation_record(
            by=by,
            theme="childs_voice",
            what_worked="Drawing together at school",
            difference="Jayden told us what he wants",
            for_whom=["child"],
            child=world.child,
        ),
        # About a child: only those who may see the child, and not oversight roles.
        refused=("fca_same_team", "fca_other_area", "national", GLASS_BROKEN, SIGNED_OUT),
        allowed="fca_allocated",
    ),
    # About a family storyboard: the storyboard's child decides, as above.
    "appreciation_record about a storyboard": Write(
        call=lambda world, by, made: services.appreciation_record(
            by=by,
            theme="explaining",
            what_worked="Reading the story together",
            difference="Jayden asked where he would live",
            for_whom=["child"],
            storyboard=made,
        ),
        refused=("fca_same_team", "fca_other_area", "national", GLASS_BROKEN, SIGNED_OUT),
        allowed="fca_allocated",
        setup=lambda world: start_storyboard(world),
    ),
}


class TestWritePermissions(WritePermissions):
    app = "supervision"
    writes = WRITES
