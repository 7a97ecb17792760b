"""The people around a child: family and important people, and other professionals."""

from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core import form_tokens
from together.core.permissions import require

from .. import rules
from ..models import Child, ChildConnection, FamilyMember, Professional, TimelineEntry
from .file import MAY_NOT_EDIT
from .timeline import timeline_entry_add


@transaction.atomic
def family_member_add(
    *,
    by,
    child: Child,
    token: str | None,
    relationship: str,
    child_calls_them: str = "",
    important_because: str = "",
    **person,
) -> ChildConnection:
    """Add someone who matters to the child. The same form sent twice (its one-time `token`,
    ADR 0016) adds them once: the second time, the connection the first made is returned."""
    require(by, rules.may_edit_child, child, message=MAY_NOT_EDIT)
    claim = form_tokens.claim(token, by=by, model=ChildConnection)
    if claim.earlier:
        return claim.earlier
    member = FamilyMember(**person)
    member.full_clean()
    member.save()
    connection = ChildConnection(
        child=child,
        person=member,
        relationship=relationship,
        child_calls_them=child_calls_them.strip(),
        important_because=important_because.strip(),
    )
    connection.full_clean()
    connection.save()
    audit_event_record(by=by, action=Action.FAMILY_MEMBER_ADDED, obj=member, child_id=child.uuid)
    timeline_entry_add(
        child=child,
        kind=TimelineEntry.Kind.FAMILY,
        summary=f"{connection.child_calls_them or member} added to family and important people",
        by=by,
    )
    claim.made(connection)
    return connection


@transaction.atomic
def professional_add(*, by, child: Child, token: str | None, **fields) -> Professional:
    """Add another professional who knows the child, with what they said if they were
    consulted. The same form sent twice (its one-time `token`, ADR 0016) adds them once."""
    require(by, rules.may_edit_child, child, message=MAY_NOT_EDIT)
    claim = form_tokens.claim(token, by=by, model=Professional)
    if claim.earlier:
        return claim.earlier
    professional = Professional(child=child, recorded_by=by, **fields)
    professional.full_clean()
    professional.save()
    audit_event_record(
        by=by,
        action=Action.FAMILY_MEMBER_ADDED,
        obj=professional,
        child_id=child.uuid,
        detail={"professional": professional.get_role_display()},
    )
    timeline_entry_add(
        child=child,
        kind=TimelineEntry.Kind.FAMILY,
        summary=f"{professional} added to the professionals who know {child.preferred_name}",
        by=by,
    )
    claim.made(professional)
    return professional


def family_member_add_for_children(
    *, by, children: list[Child], relationship: str, **person
) -> FamilyMember:
    """Add a person named on a new application (a party) to the family of each of its children.

    No check of its own, by design: it is a step of recording a new application
    (proceedings.services.proceedings_create, which checks that `by` may), like child_create."""
    member = FamilyMember(**person)
    member.full_clean()
    member.save()
    for child in children:
        connection = ChildConnection(child=child, person=member, relationship=relationship)
        connection.full_clean()
        connection.save()
        audit_event_record(
            by=by, action=Action.FAMILY_MEMBER_ADDED, obj=member, child_id=child.uuid
        )
        timeline_entry_add(
            child=child,
            kind=TimelineEntry.Kind.FAMILY,
            summary=f"{member} added to family and important people, from a new application",
            by=by,
        )
    return member
