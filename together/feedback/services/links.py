"""Making a feedback link for a child or a grown-up, and opening one again."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children import rules as children_rules
from together.core.permissions import require

from ..models import CODE_ALPHABET, CODE_LENGTH, Audience, FeedbackInvitation, Source, Stage

# Children from this age get the older wording.
OLDER_CHILD_FROM_AGE = 11


def audience_for_child(child) -> Audience:
    """The wording a child gets: younger under 11, older from 11."""
    return Audience.OLDER_CHILD if child.age >= OLDER_CHILD_FROM_AGE else Audience.YOUNGER_CHILD


def new_token() -> str:
    """192 random bits, safe in a URL (32 characters)."""
    return secrets.token_urlsafe(24)


def new_code() -> str:
    """A short code someone can type, not yet given to another link."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not FeedbackInvitation.objects.filter(code=code).exists():
            return code


def new_codes(n: int) -> list[str]:
    """`n` short codes, different from each other and from every link's (for links made in
    bulk, such as imported ones: one query for each thousand rather than one for each code)."""
    codes: list[str] = []
    while len(codes) < n:
        wanted = min(n - len(codes), 1000)
        batch = {"".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))}
        while len(batch) < wanted:
            batch.add("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)))
        batch -= set(codes)
        batch -= set(
            FeedbackInvitation.objects.filter(code__in=batch).values_list("code", flat=True)
        )
        codes.extend(batch)
    return codes


def _lead_fca_for(child):
    from together.proceedings.models import Proceedings

    proceedings = (
        Proceedings.objects.filter(
            child_links__child=child, closed_on__isnull=True, lead_fca__isnull=False
        )
        .select_related("lead_fca")
        .order_by("-received_on")
        .first()
    )
    return proceedings.lead_fca if proceedings else None


def _current_team_and_area(user):
    from together.organisation.models import TeamMembership

    membership = (
        TeamMembership.objects.filter(user=user, ended_on__isnull=True)
        .select_related("team")
        .order_by("-started_on", "-id")
        .first()
    )
    if membership:
        return membership.team, membership.team.service_area
    return None, user.service_area


@transaction.atomic
def feedback_invitation_create(
    *,
    by,
    child,
    audience: str,
    source: str,
    source_id,
    fca=None,
    expires_in_days: int | None = None,
    stage: str | None = None,
    open_now: bool = True,
) -> FeedbackInvitation:
    """Make a feedback link for one person about `fca`'s work with `child`.

    `fca` defaults to the lead FCA of the child's open proceedings, or else `by`. The team and
    service area are those of the FCA now, kept for reporting even if they move later.

    A link goes out with what carries it: made with `open_now=False` (a letter not yet sent),
    it answers like an unknown link until feedback_invitation_open.

    A link goes with something sent to the family (a letter, a shared plan), so it is made by
    those who may change the child's file (children.rules.may_edit_child).
    """
    require(
        by,
        children_rules.may_edit_child,
        child,
        message="Only those working with the child every day may ask their family for feedback",
    )
    if expires_in_days is None:
        expires_in_days = getattr(settings, "TOGETHER_FEEDBACK_DAYS", 120)
    if fca is None:
        fca = _lead_fca_for(child) or by
    team, service_area = _current_team_and_area(fca)
    now = timezone.now()
    invitation = FeedbackInvitation(
        token=new_token(),
        code=new_code(),
        audience=Audience(audience),
        source=Source(source),
        # A shared plan carries the advice to the court: asked about as an ending is.
        stage=Stage(stage or Stage.ENDING),
        source_id=source_id,
        child=child,
        fca=fca,
        team=team,
        service_area=service_area,
        created_at=now,
        expires_at=now + timedelta(days=expires_in_days),
        opened_at=now if open_now else None,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    invitation.full_clean()
    invitation.save(force_insert=True)
    audit_event_record(
        by=by,
        action=Action.FEEDBACK_INVITATION_CREATED,
        obj=invitation,
        child_id=child.uuid,
        detail={"audience": invitation.audience, "source": invitation.source},
    )
    return invitation


@transaction.atomic
def feedback_invitation_open(
    *, by, invitation: FeedbackInvitation, expires_in_days: int | None = None
) -> FeedbackInvitation:
    """Let a link work from now (the letter carrying it has been sent), for as long as a new
    link would. A link already open is left as it is."""
    require(
        by,
        children_rules.may_edit_child,
        invitation.child,
        message="Only those working with the child every day may ask their family for feedback",
    )
    locked = FeedbackInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.opened_at is not None:
        return locked
    if expires_in_days is None:
        expires_in_days = getattr(settings, "TOGETHER_FEEDBACK_DAYS", 120)
    locked.opened_at = timezone.now()
    locked.expires_at = locked.opened_at + timedelta(days=expires_in_days)
    locked.save(update_fields=["opened_at", "expires_at"])
    audit_event_record(
        by=by,
        action=Action.FEEDBACK_INVITATION_OPENED,
        obj=locked,
        child_id=invitation.child.uuid,
        detail={"expires_at": locked.expires_at.isoformat()},
    )
    return locked
