"""Starting a letter from a template, with its feedback link."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import Child, FamilyMember, TimelineEntry
from together.children.naming import childs_names
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.permissions import require
from together.feedback.models import Audience, Source, Stage
from together.feedback.services import audience_for_child, feedback_invitation_create
from together.plans.selectors import words_for_child_latest

from .. import rules, selectors
from ..models import TO_CHILD, Kind, Letter, LetterTemplate
from .addresses import _refuse_confidential
from .filling import Filling, _fill_values, fill, style_for, with_plan_words

# The timeline has no kind for letters yet; until it does, letters are filed under the file.
TIMELINE_KIND = TimelineEntry.Kind.LETTER

# Why a change to a child's letters is refused (PermissionDenied) when rules.may_write_letters
# says no.
MAY_NOT_WRITE = "Only those working with the child every day may write and send their letters"


@transaction.atomic
def letter_start(
    *,
    by,
    child: Child,
    token: str | None,
    kind: str,
    recipient: FamilyMember | None = None,
    filling: Filling | None = None,
    plain: bool = False,
    template: LetterTemplate | None = None,
) -> Letter:
    """Start a letter from the template for the child's age (or the adult or plain-text one),
    with every placeholder filled. A placeholder that cannot be filled saves nothing. The same
    form sent twice (its one-time `token`, ADR 0016) starts one letter: the second time, the
    letter the first started is returned."""
    require(by, rules.may_write_letters, child, message=MAY_NOT_WRITE)
    claim = form_tokens.claim(token, by=by, model=Letter)
    if claim.earlier:
        return claim.earlier
    filling = filling or Filling()
    if kind in TO_CHILD:
        recipient = None
    elif recipient is None or recipient not in selectors.parents_and_carers(child):
        raise ValidationError({"recipient": "Choose the parent or carer the letter is to"})
    proceedings = selectors.open_proceedings_for(child)
    fca = (proceedings.lead_fca if proceedings and proceedings.lead_fca_id else None) or by
    style = style_for(child=child, kind=kind, plain=plain)
    template = template or selectors.template_for(
        kind=kind, style=style, service_area=proceedings.service_area if proceedings else None
    )
    if template is None:
        raise ValidationError("There is no template for this letter yet")
    letter = Letter(
        child=child,
        kind=kind,
        recipient=recipient,
        recipient_name=str(recipient) if recipient else child.preferred_name,
        fca=fca,
        proceedings=proceedings,
        service_area=proceedings.service_area if proceedings else by.service_area,
        template=template,
        template_version=template.version,
        style=style,
        started_by=by,
        updated_by=by,
    )
    # The link is made before the words so the words may carry it; all in one transaction, so a
    # placeholder that cannot be filled leaves neither behind.
    invitation = _feedback_invitation_for(by=by, letter=letter, fca=fca)
    values = _fill_values(
        child=child,
        fca=fca,
        recipient=recipient,
        filling=filling,
        feedback_link=invitation.typed_link if invitation else "",
    )
    if kind in TO_CHILD:
        # A letter to the child names people as the child does ("Auntie Deborah").
        named = childs_names(child, keep=[fca.given_name]).apply
        values["meeting_plan"] = named(values["meeting_plan"])
        values["how_to_reach_me"] = named(values["how_to_reach_me"])
    letter.body = fill(template.body, values)
    if kind == Kind.ENDING_CHILD:
        words = words_for_child_latest(child)
        letter.body = with_plan_words(letter.body, named(words))
    letter.full_clean()
    _refuse_confidential(letter)
    letter.save()
    audit_event_record(
        by=by,
        action=Action.LETTER_CREATED,
        obj=letter,
        child_id=child.uuid,
        detail={"kind": kind, "template": str(template.uuid), "version": template.version},
    )
    timeline_entry_add(
        child=child,
        kind=TIMELINE_KIND,
        summary=f"{letter.get_kind_display()} started, to {letter.recipient_name}",
        by=by,
    )
    claim.made(letter)
    return letter


# The questions a letter's feedback link starts with (feedback.questions): an introduction can
# only be asked about itself until the child is met; an ending about the whole of the work.
STAGE_OF_KIND = {
    Kind.INTRODUCTORY_CHILD: Stage.INTRODUCTION,
    Kind.WELCOME_PARENT: Stage.INTRODUCTION,
    Kind.ENDING_CHILD: Stage.ENDING,
    Kind.ENDING_PARENT: Stage.ENDING,
}


def _feedback_invitation_for(*, by, letter: Letter, fca):
    """The letter's feedback link. It works only once the letter is recorded as sent
    (letter_mark_sent opens it): a draft's link answers like an unknown one."""
    audience = audience_for_child(letter.child) if letter.to_child else Audience.PARENT_CARER
    return feedback_invitation_create(
        by=by,
        child=letter.child,
        audience=audience,
        source=Source.LETTER,
        source_id=letter.uuid,
        fca=fca,
        stage=STAGE_OF_KIND[letter.kind],
        open_now=False,
    )
