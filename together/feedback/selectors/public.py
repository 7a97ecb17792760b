"""Reading the link behind a token or a short code, for the public form."""

import re

from django.http import Http404
from django.utils import timezone

from together.children.models import Meeting

from ..models import CODE_ALPHABET, CODE_LENGTH, FeedbackInvitation, FeedbackResponse, Stage

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
# A code as someone may type it: any case, with or without the dashes between the groups.
_CODE = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")


def code_of(typed: str) -> str | None:
    """The code someone typed, as stored (capitals, no dashes or spaces), or None if what they
    typed cannot be a code."""
    code = re.sub(r"[\s-]", "", typed or "").upper()
    return code if _CODE.match(code) else None


def looks_like_code(typed: str) -> bool:
    return code_of(typed) is not None


def invitation_for_token(token: str) -> FeedbackInvitation:
    """The link for `token`, with its FCA and any answers, in one query.

    Raises Http404 alike for a malformed, unknown, expired or not yet open token (a letter not
    yet sent), so nothing tells them apart.
    """
    if not _TOKEN.match(token or ""):
        raise Http404
    invitation = (
        FeedbackInvitation.objects.select_related("fca", "response")
        .only(
            "id",
            "uuid",
            "token",
            "audience",
            "stage",
            "child_id",
            "expires_at",
            "opened_at",
            "fca__id",
            "fca__given_name",
            "response__id",
            "response__uuid",
            "response__stage",
            "response__answered_at",
            "response__version",
            *(f"response__{name}" for name in _ANSWER_FIELDS),
        )
        .filter(token=token)
        .first()
    )
    if invitation is None or invitation.is_expired or not invitation.is_open:
        raise Http404
    return invitation


def token_for_code(typed: str) -> str:
    """The token behind a short code someone typed, for a link that works; Http404 alike for
    anything else."""
    code = code_of(typed)
    if code is None:
        raise Http404
    invitation = FeedbackInvitation.objects.only("token", "expires_at", "opened_at").filter(
        code=code
    )
    found = invitation.first()
    if found is None or found.is_expired or not found.is_open:
        raise Http404
    return found.token


def stage_now(invitation: FeedbackInvitation) -> str:
    """The questions that fit now: an introduction's link asks about the meeting once the child
    has been met since the letter was sent."""
    if invitation.stage != Stage.INTRODUCTION:
        return invitation.stage
    met = Meeting.objects.filter(
        child_id=invitation.child_id,
        outcome=Meeting.Outcome.MET,  # a record of not meeting them is not a meeting
        occurred_at__gte=invitation.opened_at,
        occurred_at__lte=timezone.now(),
    ).exists()
    return Stage.AFTER_MEETING if met else Stage.INTRODUCTION


_ANSWER_FIELDS = (
    "listened",
    "respected",
    "explained",
    "understood_reasons",
    "could_say",
    "do_better",
    "anything_else",
)


def response_of(invitation: FeedbackInvitation) -> FeedbackResponse | None:
    try:
        return invitation.response
    except FeedbackResponse.DoesNotExist:
        return None
