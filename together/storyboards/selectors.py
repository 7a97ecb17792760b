"""Reading storyboards. One storyboard for a user goes through storyboard_get_for_user (404 if
they may not see the child's file, or it is not on that file)."""

from __future__ import annotations

import uuid
from dataclasses import replace

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from together.children import rules as children_rules
from together.children.models import Child
from together.children.readers import child_reader
from together.children.selectors import child_get_for_user, connections_for_child
from together.feedback.models import FeedbackInvitation
from together.language.readers import Reader

from . import rules
from .models import Drawing, Panel, Storyboard, StoryboardReflection, StoryboardShare
from .pictures import BY_ID


def _uuid(value, what: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404(f"No {what} found") from None


def storyboards_for_child(child: Child) -> list[Storyboard]:
    """The child's storyboards, newest first, with their panel and share counts. One query."""
    return list(
        Storyboard.objects.filter(child=child)
        .select_related("started_by")
        .annotate(panel_count=Count("panels", distinct=True))
        .order_by("-started_at")
    )


def storyboards_also_for(child: Child, *, user) -> list[Storyboard]:
    """Storyboards kept on a brother's or sister's file that are for `child` too (also_for),
    newest first, each with the child whose file keeps it, its panel count, and whether `user`
    may see that file (`kept_on_visible`: the file's own rule, children.rules.visible_children).
    One query, whatever the number of storyboards."""
    return list(
        Storyboard.objects.filter(also_for=child)
        .exclude(child=child)
        .select_related("child", "started_by")
        .annotate(
            panel_count=Count("panels", distinct=True),
            kept_on_visible=Exists(
                children_rules.visible_children(user).filter(pk=OuterRef("child_id"))
            ),
        )
        .order_by("-started_at")
    )


def storyboard_get_for_user(*, user, child_id, storyboard_id) -> tuple[Child, Storyboard]:
    child = child_get_for_user(user=user, child_id=child_id)
    storyboard = (
        Storyboard.objects.filter(uuid=_uuid(storyboard_id, "storyboard"), child=child)
        .select_related("started_by", "updated_by")
        .first()
    )
    if storyboard is None:
        raise Http404("No storyboard found")
    storyboard.child = child
    return child, storyboard


def panels_of(storyboard: Storyboard) -> list[Panel]:
    """The panels in order, each with its drawings (without their bytes) and library pictures.
    Two queries, whatever the number of panels."""
    panels = list(
        Panel.objects.filter(storyboard=storyboard)
        .order_by("position")
        .prefetch_related(
            Prefetch("drawings", queryset=Drawing.objects.defer("image").order_by("uploaded_at"))
        )
    )
    for panel in panels:
        panel.library = [BY_ID[key] for key in panel.pictures if key in BY_ID]
    return panels


def panel_get(storyboard: Storyboard, panel_id) -> Panel:
    panel = Panel.objects.filter(storyboard=storyboard, uuid=_uuid(panel_id, "panel")).first()
    if panel is None:
        raise Http404("No panel found")
    panel.storyboard = storyboard
    return panel


def drawing_image(storyboard: Storyboard, drawing_id) -> Drawing:
    drawing = Drawing.objects.filter(
        storyboard=storyboard, uuid=_uuid(drawing_id, "picture")
    ).first()
    if drawing is None:
        raise Http404("No picture found")
    return drawing


def drawing_on_storyboard(storyboard: Storyboard, drawing_id) -> Drawing | None:
    """A drawing still on the storyboard (not removed), without its bytes; None if there is
    none (it was removed a moment ago, or never there)."""
    drawing = (
        Drawing.objects.filter(
            storyboard=storyboard, uuid=_uuid(drawing_id, "picture"), removed_at__isnull=True
        )
        .select_related("panel")
        .defer("image")
        .first()
    )
    if drawing is not None:
        drawing.storyboard = storyboard
    return drawing


def shares_of(storyboard: Storyboard) -> list[StoryboardShare]:
    return list(
        StoryboardShare.objects.filter(storyboard=storyboard)
        .select_related("recorded_by", "response_recorded_by", "invitation")
        .order_by("-number")
    )


def share_get(storyboard: Storyboard, share_id) -> StoryboardShare:
    share = StoryboardShare.objects.filter(
        storyboard=storyboard, uuid=_uuid(share_id, "share")
    ).first()
    if share is None:
        raise Http404("No share found")
    share.storyboard = storyboard
    return share


def family_names(child: Child) -> list[str]:
    """The people in the child's family as the child names them ("Mum", "Grandad Pete")."""
    return [
        (connection.child_calls_them or connection.person.given_name).strip()
        for connection in connections_for_child(child)
    ]


def reader_for(storyboard: Storyboard, *, worker=None) -> Reader:
    """The child as the reader, with the worker's names (they tell the story) never flagged.
    A storyboard for brothers and sisters together is read by all of them: its words are checked
    for the youngest, and none of their names is flagged."""
    reader = child_reader(storyboard.child)
    worker = worker or storyboard.started_by
    names = [*reader.names, worker.given_name, worker.family_name]
    audience, name = reader.audience, reader.name
    for other in storyboard.also_for.all():
        names += [other.preferred_name, *other.legal_given_names.split(), other.legal_family_name]
        age = max(0, other.age)
        if audience.age is not None and age < audience.age:
            audience, name = replace(audience, age=age), other.preferred_name
    return replace(
        reader,
        audience=audience,
        name=name,
        names=tuple(dict.fromkeys(n.strip() for n in names if n and n.strip())),
    )


def words_of(panels) -> str:
    """All the words of a storyboard, as one text for the language check: each panel's heading
    and words, in order."""
    parts = []
    for panel in panels:
        heading = panel["prompt"] if isinstance(panel, dict) else panel.prompt
        words = panel["words"] if isinstance(panel, dict) else panel.words
        parts += [heading.strip(), words.strip()]
    return "\n\n".join(part for part in parts if part)


def siblings_for(child: Child, *, user) -> list[Child]:
    """Brothers and sisters the story may also be for: the other children in the child's
    proceedings whom `user` may change the file of."""
    from together.children.rules import everyday_access_q

    return list(
        Child.objects.filter(proceedings__in=child.proceedings.all())
        .exclude(pk=child.pk)
        .filter(everyday_access_q(user))
        .distinct()
        .order_by("date_of_birth")
    )


# --- the secure link ------------------------------------------------------------------------


def share_for_token(token: str) -> StoryboardShare | None:
    """The shared version a live link was made for; None for an unknown or expired link."""
    now = timezone.now()
    return (
        StoryboardShare.objects.filter(
            invitation__token=token,
            invitation__expires_at__gt=now,
            invitation__opened_at__lte=now,
        )
        .select_related("storyboard", "storyboard__child", "invitation", "recorded_by")
        .first()
    )


def web_link(invitation: FeedbackInvitation) -> str:
    """The web version of a shared storyboard, behind the same secret as its feedback link."""
    return invitation.short_link.replace(
        invitation.get_absolute_url(), reverse("storyboards:web", args=[invitation.token])
    )


# --- reflections ----------------------------------------------------------------------------


def reflections_for_user(user) -> list[StoryboardReflection]:
    """Reflections colleagues may read (rules.reflections_visible_q): newest first, at most 50,
    with who wrote them and the team, never the child. One query."""
    return list(
        StoryboardReflection.objects.filter(rules.reflections_visible_q(user))
        .select_related("recorded_by", "team", "service_area")
        .order_by("-recorded_at")[:50]
    )
