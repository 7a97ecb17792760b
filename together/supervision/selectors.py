"""Reads for thinking together; each checks access while it reads (rules.py): a session someone
may not see answers 404 exactly like one that does not exist."""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.http import Http404
from django.urls import reverse

from together.accounts.models import Role, User
from together.children.models import Child, Meeting
from together.children.rules import visible_children
from together.core.queries import database_today
from together.letters.models import Letter
from together.organisation.models import Team, TeamMembership
from together.organisation.rules import current_memberships, supervises_team_q
from together.plans.elsewhere import WorkElsewhere
from together.plans.models import Plan
from together.storyboards.models import Storyboard

from . import rules
from .models import (
    Action,
    Appreciation,
    Discussion,
    GroupSession,
    OneToOne,
    OneToOneChild,
    SolutionCircle,
)


def sessions_for_user(user, limit: int = 100) -> list[GroupSession]:
    """The sessions `user` may see, newest first, with how many came and were discussed."""
    return list(
        rules.visible_sessions(user)
        .select_related("team", "facilitator")
        .annotate(
            attended=Count("attendees", distinct=True),
            discussed=Count("discussions", distinct=True),
        )
        .order_by("-held_on", "-id")[:limit]
    )


def session_get_for_user(*, user, session_id) -> GroupSession:
    session = (
        rules.visible_sessions(user)
        .select_related("team", "team__service_area", "facilitator")
        .filter(uuid=session_id)
        .first()
    )
    if session is None:
        raise Http404("No session found")
    return session


@dataclass(frozen=True)
class DiscussionView:
    """A child discussed, as one person may see it: everything when they may see the child,
    otherwise only that a child was discussed."""

    discussion: Discussion
    visible: bool
    actions: list


def session_discussions(user, session: GroupSession) -> list[DiscussionView]:
    """The children discussed in `session`. What was said about a child shows only to those
    who may see that child (children.rules): two queries and one for the visible children."""
    discussions = list(
        session.discussions.select_related("child", "brought_by").prefetch_related(
            Prefetch("actions", queryset=Action.objects.select_related("owner"))
        )
    )
    ids = {d.child_id for d in discussions}
    visible = set(visible_children(user).filter(pk__in=ids).values_list("pk", flat=True))
    views = []
    for d in discussions:
        shown = d.child_id in visible
        views.append(DiscussionView(d, shown, list(d.actions.all()) if shown else []))
    return views


def discussion_get_for_user(*, user, discussion_id) -> Discussion:
    """A discussion whose session `user` may see and whose child they may see."""
    discussion = (
        Discussion.objects.filter(rules.session_visible_q(user, "session__"), uuid=discussion_id)
        .select_related("session", "session__team", "child", "brought_by")
        .first()
    )
    if discussion is None or not visible_children(user).filter(pk=discussion.child_id).exists():
        raise Http404("No discussion found")
    return discussion


def teams_to_record_for(user) -> list[Team]:
    """The teams `user` may record group supervision for: their own."""
    return [
        m.team
        for m in current_memberships(user).select_related("team", "team__service_area")
        if rules.may_record_group_session(user, m.team)
    ]


def team_staff(team: Team) -> list[User]:
    """The team's current members, for choosing who facilitated and who came."""
    return list(
        User.objects.filter(
            team_memberships__team=team, team_memberships__ended_on__isnull=True, is_active=True
        )
        .distinct()
        .order_by("given_name", "family_name")
    )


def children_to_discuss(session: GroupSession) -> list[Child]:
    """Children in open proceedings led by someone at the session: those a colleague could bring."""
    attendees = session.attendees.values("pk")
    return list(
        Child.objects.filter(
            proceedings__lead_fca__in=attendees, proceedings__closed_on__isnull=True
        )
        .exclude(supervision_discussions__session=session)
        .distinct()
        .order_by("preferred_name", "legal_family_name")
    )


def my_actions(user) -> list[Action]:
    """The actions `user` owns: not done first, soonest due first; then the latest done."""
    open_actions = list(
        Action.objects.filter(owner=user.pk, done_on__isnull=True)
        .select_related("child", "discussion__session__team")
        .order_by("due_on", "id")
    )
    done = list(
        Action.objects.filter(owner=user.pk, done_on__isnull=False)
        .select_related("child", "discussion__session__team")
        .order_by("-done_on", "-id")[:20]
    )
    return open_actions + done


def action_get_for_user(*, user, action_id) -> Action:
    action = (
        Action.objects.select_related("discussion__session", "child").filter(uuid=action_id).first()
    )
    if action is None or not rules.may_change_action(user, action):
        raise Http404("No action found")
    return action


def child_discussions(child: Child) -> list[Discussion]:
    """For the child's file: the sessions where the child was discussed, who was there and how
    it helped, with the actions about them. (The caller has checked who may see the child.)"""
    return list(
        Discussion.objects.filter(child=child)
        .select_related("session", "session__team", "session__facilitator")
        .prefetch_related(
            Prefetch(
                "session__attendees",
                queryset=User.objects.only("id", "given_name", "family_name"),
            ),
            Prefetch("actions", queryset=Action.objects.select_related("owner")),
        )
        .order_by("-session__held_on", "-id")
    )


def circle_get_for_user(*, user, circle_id) -> SolutionCircle:
    circle = (
        SolutionCircle.objects.filter(rules.session_visible_q(user, "session__"), uuid=circle_id)
        .select_related("session", "session__team", "discussion__child", "problem_holder")
        .first()
    )
    if circle is None or not rules.may_see_circle(user, circle):
        raise Http404("No solution circle found")
    return circle


def circle_ideas_by_round(circle: SolutionCircle) -> list[tuple[int, list]]:
    """Each round of ideas, in order, with the ideas offered in it."""
    ideas = list(circle.ideas.select_related("offered_by"))
    return [
        (n, [idea for idea in ideas if idea.round == n]) for n in range(1, circle.idea_rounds + 1)
    ]


def session_circles(user, session: GroupSession) -> list[SolutionCircle]:
    """The circles of a session that `user` may see (one about a child only if they may see
    the child)."""
    circles = list(
        session.circles.select_related("problem_holder", "discussion__child").order_by("id")
    )
    ids = {c.discussion.child_id for c in circles if c.discussion_id}
    visible = set(visible_children(user).filter(pk__in=ids).values_list("pk", flat=True))
    return [c for c in circles if c.discussion_id is None or c.discussion.child_id in visible]


def one_to_ones_for_user(user, limit: int = 100) -> list[OneToOne]:
    return list(
        rules.visible_one_to_ones(user)
        .select_related("supervisor", "supervisee")
        .order_by("-held_on", "-id")[:limit]
    )


def one_to_one_get_for_user(*, user, one_to_one_id) -> OneToOne:
    found = (
        rules.visible_one_to_ones(user)
        .select_related("supervisor", "supervisee")
        .filter(uuid=one_to_one_id)
        .first()
    )
    if found is None:
        raise Http404("No supervision found")
    return found


def one_to_one_children(user, one_to_one: OneToOne) -> list[tuple[OneToOneChild, bool]]:
    """The children thought about, each with whether `user` may see them (only then is the
    child named)."""
    rows = list(one_to_one.children.select_related("child"))
    ids = {row.child_id for row in rows}
    visible = set(visible_children(user).filter(pk__in=ids).values_list("pk", flat=True))
    return [(row, row.child_id in visible) for row in rows]


def supervisees_for(user) -> list[User]:
    """The FCAs in the teams `user` supervises now."""
    members = TeamMembership.objects.filter(supervises_team_q(user), ended_on__isnull=True).values(
        "user_id"
    )
    return list(
        User.objects.filter(pk__in=members, is_active=True, role=Role.FCA)
        .exclude(pk=user.pk)
        .order_by("given_name", "family_name")
    )


def children_of(fca) -> list[Child]:
    """The children in open proceedings `fca` leads, to choose from in their one-to-one."""
    return list(
        Child.objects.filter(proceedings__lead_fca=fca, proceedings__closed_on__isnull=True)
        .distinct()
        .order_by("preferred_name", "legal_family_name")
    )


def child_one_to_ones(child: Child) -> list[OneToOneChild]:
    """For the child's file: one-to-one supervision where the child was thought about, with who
    was there and how it helped; never what was discussed or anyone's wellbeing."""
    return list(
        OneToOneChild.objects.filter(child=child)
        .select_related("one_to_one__supervisor", "one_to_one__supervisee")
        .only(
            "how_it_helped",
            "one_to_one__held_on",
            "one_to_one__supervisor__given_name",
            "one_to_one__supervisor__family_name",
            "one_to_one__supervisee__given_name",
            "one_to_one__supervisee__family_name",
        )
        .order_by("-one_to_one__held_on", "-id")
    )


def child_actions_as_work(*, user, child: Child) -> list[WorkElsewhere]:
    """For the child's plan of work: the actions agreed when the child was discussed in group
    supervision (what, who, by when, done), each with where it was agreed and, for its owner and
    those who may add to its session (rules.may_change_action), where to mark it done. Two
    queries whatever the number of actions. (The plan's page has checked who may see the
    child.)"""
    actions = list(
        Action.objects.filter(child=child, discussion__isnull=False).select_related(
            "owner", "discussion__session"
        )
    )
    others = {a.discussion.session_id for a in actions if a.owner_id != user.pk}
    may_add = (
        set(rules.sessions_added_to_by(user).filter(pk__in=others).values_list("pk", flat=True))
        if others
        else set()
    )
    agreed_url = reverse("supervision:child", args=[child.uuid])
    rows = []
    for action in actions:
        session = action.discussion.session
        changes = action.owner_id == user.pk or session.pk in may_add
        rows.append(
            WorkElsewhere(
                what=action.what,
                who=action.owner.full_name,
                due_on=action.due_on,
                done_on=action.done_on,
                agreed=f"Agreed in group supervision on {session.held_on.day} "
                f"{session.held_on:%B %Y}",
                agreed_url=agreed_url,
                done_url=(
                    reverse("supervision:action-done", args=[action.uuid]) + "?back=plan"
                    if changes
                    else ""
                ),
            )
        )
    return rows


def overdue_actions_annotation(today=None) -> Subquery:
    """For a query of children in proceedings (ProceedingsChild rows): how many actions from
    supervision about the child the proceedings' lead FCA owns are overdue, as an annotation
    ("My children" learns it in its own query). Without `today`, "overdue" is against the
    database's date (core.queries)."""
    today = database_today() if today is None else today
    overdue = (
        Action.objects.filter(
            child_id=OuterRef("child_id"),
            owner=OuterRef("proceedings__lead_fca_id"),
            done_on__isnull=True,
            due_on__lt=today,
        )
        .order_by()
        .values("child_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(overdue[:1], output_field=IntegerField())


def child_appreciations(child: Child) -> list[Appreciation]:
    """For the child's file: what worked with the child, newest first, each with the meeting,
    letter, plan, storyboard or session it was about, if any. (The caller has checked who may
    see the child.)"""
    return list(
        Appreciation.objects.filter(child=child)
        .select_related("meeting", "letter", "plan", "storyboard", "session", "recorded_by")
        .order_by("-recorded_at", "-id")
    )


# What worked with a child can be about one of these on the child's file: the service's argument
# for each, its model, and how it is named in the choice.
ABOUT_ON_FILE = {
    "meeting": (Meeting, "-occurred_at", lambda m: f"The meeting on {m.occurred_at:%-d %B %Y}"),
    "letter": (
        Letter,
        "-started_at",
        lambda letter: f"The {letter.get_kind_display().lower()}, {letter.started_at:%-d %B %Y}",
    ),
    "plan": (
        Plan,
        "-created_at",
        lambda plan: f"The plan of work started {plan.created_at:%-d %B %Y}",
    ),
    "storyboard": (Storyboard, "-started_at", lambda board: f"The storyboard “{board.title}”"),
}


def about_on_file(child: Child) -> dict[str, tuple[str, str, object]]:
    """The meetings, letters, plans and storyboards on the child's file that what worked may be
    about: a choice's value -> (its words, the service's argument, the record). One query each.
    (The caller has checked the user may see the child, and so these.)"""
    choices = {}
    for name, (model, order, words) in ABOUT_ON_FILE.items():
        for record in model.objects.filter(child=child).order_by(order)[:50]:
            choices[f"{name}:{record.uuid}"] = (words(record), name, record)
    return choices
