"""Recording someone's answers, and changing them within the hour."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from together.core.exceptions import EditConflict
from together.core.versioning import lock_at_version

from ..models import FeedbackInvitation, FeedbackResponse, Stage
from ..questions import questions_for
from .summary import _cell, _forget_figures, _summary_add, feedback_summary_count

ANSWER_FIELDS = ("listened", "respected", "explained", "understood_reasons", "could_say")
TEXT_FIELDS = ("do_better", "anything_else")

# How long the person who answered may change their answers from the same browser.
CHANGE_WINDOW = timedelta(hours=1)


@transaction.atomic
def feedback_response_record(
    *, invitation: FeedbackInvitation, stage: str | None = None, **answers
) -> FeedbackResponse:
    """Record the answers to a link that has none yet. Nobody is signed in: the audit log is not
    written, so nothing ties the answers to a place or a time beyond the response itself.

    No actor and no check, by design: the public form calls this for whoever holds the link
    (no sign-in), and the unguessable, unexpired token is the right to answer. The view checks
    it (selectors.public.invitation_for_token) before calling."""
    locked = FeedbackInvitation.objects.select_for_update().get(pk=invitation.pk)
    if FeedbackResponse.objects.filter(invitation=locked).exists():
        raise EditConflict()
    stage = Stage(stage or locked.stage)
    response = FeedbackResponse(
        invitation=locked,
        audience=locked.audience,
        stage=stage,
        fca_id=locked.fca_id,
        team_id=locked.team_id,
        service_area_id=locked.service_area_id,
        **_clean_answers(answers, stage),
    )
    response.full_clean()
    response.save(force_insert=True)
    feedback_summary_count(response=response, delta=1)
    return response


@transaction.atomic
def feedback_response_change(
    *, response: FeedbackResponse, version: int, **answers
) -> FeedbackResponse:
    """Change answers within the hour after they were sent, refusing a stale version.

    No actor and no check, by design, as for feedback_response_record: the public form calls
    this for the browser that sent the answers (the view checks that), and the hour is checked
    here."""
    locked = lock_at_version(
        FeedbackResponse.objects.all(),
        pk=response.pk,
        version=version,
        last_saved=lambda row: (None, row.changed_at),
    )
    if timezone.now() - locked.answered_at > CHANGE_WINDOW:
        raise EditConflict(at=locked.answered_at)
    before = _cell(locked)
    for name, value in _clean_answers(answers, locked.stage).items():
        setattr(locked, name, value)
    locked.changed_at = timezone.now()
    locked.version += 1
    locked.full_clean()
    locked.save()
    if _cell(locked) != before:
        _summary_add(before, -1)
        _summary_add(_cell(locked), 1)
    else:
        _forget_figures()  # the words of a comment may have changed: the kept pages show them
    return locked


def _clean_answers(answers: dict, stage: str) -> dict:
    """The answers to the questions asked at `stage`; the others are left empty."""
    unknown = set(answers) - set(ANSWER_FIELDS) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown answers: {sorted(unknown)}")
    asked = questions_for(stage)
    cleaned = {
        name: int(answers[name]) if name in asked and answers.get(name) is not None else None
        for name in ANSWER_FIELDS
    }
    missing = [name for name in asked if cleaned[name] is None]
    if missing:
        raise TypeError(f"Missing answers: {missing}")
    cleaned.update({name: (answers.get(name) or "").strip() for name in TEXT_FIELDS})
    return cleaned
