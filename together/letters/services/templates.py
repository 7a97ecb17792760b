"""The letter template library: putting it in place, adding and changing templates."""

from __future__ import annotations

from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.exceptions import EditConflict
from together.core.permissions import require

from .. import rules
from ..library import LIBRARY
from ..models import LetterTemplate
from .filling import PLACEHOLDER, PLACEHOLDERS, PlaceholderError, _unknown_message

MAY_NOT_CHANGE_TEMPLATES = "You cannot change these letter templates"


@transaction.atomic
def letter_library_seed() -> int:
    """Put the national library in place if it is missing (a fresh or emptied database).

    No actor and no check, by design: the service itself does this (the demo generator, a fresh
    database), and it adds only the library as shipped, never over templates already there."""
    if LetterTemplate.objects.filter(service_area__isnull=True).exists():
        return 0
    LetterTemplate.objects.bulk_create(
        [
            LetterTemplate(kind=kind, style=style, title=title, body=body)
            for kind, style, title, body in LIBRARY
        ]
    )
    return len(LIBRARY)


@transaction.atomic
def letter_template_create(
    *, by, kind: str, style: str, title: str, body: str, service_area=None
) -> LetterTemplate:
    """Add a template: to the national library (no service area) or to one service area's."""
    require(by, rules.may_change_templates, service_area, message=MAY_NOT_CHANGE_TEMPLATES)
    template = LetterTemplate(
        kind=kind, style=style, title=title, body=body, service_area=service_area, created_by=by
    )
    _check_placeholders_known(template.title + "\n" + template.body)
    template.full_clean()
    template.save()
    audit_event_record(
        by=by, action=Action.LETTER_TEMPLATE_CHANGED, obj=template, detail={"change": "added"}
    )
    return template


@transaction.atomic
def letter_template_update(
    *, by, template: LetterTemplate, title: str, body: str
) -> LetterTemplate:
    """Change a template by adding a new version; letters already started keep theirs."""
    require(by, rules.may_change_templates, template.service_area, message=MAY_NOT_CHANGE_TEMPLATES)
    # Not a version check: a template is never changed in place, so the one opened must still
    # be the current version of its family.
    locked = LetterTemplate.objects.select_for_update().get(pk=template.pk)
    if not locked.is_current:
        raise EditConflict(by=None, at=None)
    _check_placeholders_known(title + "\n" + body)
    LetterTemplate.objects.filter(pk=locked.pk).update(is_current=False)
    new = LetterTemplate(
        family=locked.family,
        version=locked.version + 1,
        kind=locked.kind,
        style=locked.style,
        service_area=locked.service_area,
        title=title,
        body=body,
        created_by=by,
    )
    new.full_clean()
    new.save()
    audit_event_record(
        by=by,
        action=Action.LETTER_TEMPLATE_CHANGED,
        obj=new,
        detail={"change": "new version", "version": new.version},
    )
    return new


def _check_placeholders_known(text: str) -> None:
    for name in PLACEHOLDER.findall(text):
        if name not in PLACEHOLDERS:
            raise PlaceholderError(name, _unknown_message(name))
