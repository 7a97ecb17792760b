"""Forms that make something make it once, however many times they are sent (ADR 0016).

A double click, a browser that sends a post again after a dropped connection, or a person who
presses "Add" a second time while the page is slow: each sends the same form twice. The form
carries a one-time token, issued when the page is drawn (core.forms.SubmitOnceForm). The service
that makes the record claims the token inside its own transaction, before it makes anything:

    claim = form_tokens.claim(token, by=by, model=Meeting)
    if claim.earlier:
        return claim.earlier  # this form was sent before: hand back what it made
    meeting = ...  # make the record
    claim.made(meeting)
    return meeting

The token's row is unique in the database, so of two posts of one form only one can insert it.
The other gets an IntegrityError: on PostgreSQL it waits at the insert until the first
transaction ends, then finds the first post's row and returns its record, so the view sends the
person where the first post sent them. Should the first post fail and roll back, its row goes
with it, and the second post makes the record instead. A post without a token (not from one of
the service's pages) is not guarded.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone

from .models import UsedFormToken

# How long a used token is remembered: far longer than any double click or retry.
KEEP = timedelta(days=7)
# How many expired rows one claim deletes at most, so no claim does a long clean-up.
EXPIRE_AT_ONCE = 500


def new_token() -> str:
    """A token for a form about to be drawn: random, and too long to guess."""
    return secrets.token_urlsafe(32)


@dataclass
class Claim:
    """The answer to a claim: `earlier` is the record an earlier post of the same form made (then
    make nothing), or None when this post is the first (then make the record and call `made`)."""

    token: str | None
    earlier: Model | None = None

    def made(self, record: Model) -> None:
        """Remember that this post made `record`, for any later post of the same form."""
        if self.token and self.earlier is None:
            UsedFormToken.objects.filter(token=self.token).update(made_pk=str(record.pk))


def claim(token: str | None, *, by, model: type[Model]) -> Claim:
    """Claim the form's one-time `token` for `by`, who is about to make a `model` record.

    Call it inside the service's transaction (transaction.atomic), after checking `by` may make
    the record and before making it. A token sent by someone else, or with a form that makes a
    different kind of record, is refused (PermissionDenied): only a forged post can do that."""
    if not token:
        return Claim(None)
    if transaction.get_autocommit():
        raise RuntimeError("Claim a form token inside the transaction that makes the record")
    _expire()
    label = model._meta.label_lower
    try:
        with transaction.atomic():
            UsedFormToken.objects.create(token=token, by_id=getattr(by, "pk", None), made=label)
    except IntegrityError:
        used = UsedFormToken.objects.get(token=token)
        if used.by_id != getattr(by, "pk", None) or used.made != label:
            raise PermissionDenied("This form was sent for something else") from None
        return Claim(token, earlier=model._default_manager.get(pk=used.made_pk))
    return Claim(token)


def _expire() -> None:
    """Delete tokens used more than KEEP ago, a few at a time. Rows another transaction is
    deleting at this moment are skipped (PostgreSQL), so two posts never wait for each other."""
    expired = (
        UsedFormToken.objects.filter(used_at__lt=timezone.now() - KEEP)
        .select_for_update(skip_locked=True)
        .values_list("pk", flat=True)[:EXPIRE_AT_ONCE]
    )
    pks = list(expired)
    if pks:
        UsedFormToken.objects.filter(pk__in=pks).delete()
