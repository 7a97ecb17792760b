"""Reading the link behind a token, for the public form."""

import re

from django.http import Http404

from ..models import FeedbackInvitation, FeedbackResponse

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def invitation_for_token(token: str) -> FeedbackInvitation:
    """The link for `token`, with its FCA and any answers, in one query.

    Raises Http404 alike for a malformed, unknown or expired token, so nothing tells them apart.
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
            "expires_at",
            "fca__id",
            "fca__given_name",
            "response__id",
            "response__uuid",
            "response__answered_at",
            "response__version",
            *(f"response__{name}" for name in _ANSWER_FIELDS),
        )
        .filter(token=token)
        .first()
    )
    if invitation is None or invitation.is_expired:
        raise Http404
    return invitation


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
