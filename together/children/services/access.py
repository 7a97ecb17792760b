"""Access to a child's file: views recorded, the glass broken, links and temporary access."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.permissions import require

from .. import rules
from ..models import BreakGlass, Child, FamilyMember, TemporaryAccess

# How long opening a file by breaking the glass lasts before a new reason is needed.
BREAK_GLASS_LASTS = timedelta(hours=8)


def child_view_record(*, by, child: Child, section: str) -> None:
    """Every view of a child's file is logged: who, when, which part. One INSERT, committed and
    written to disk like any other change, so the record can never be lost (ADR 0003).

    No check of its own, by design: it records a read and changes nothing on the file. The read
    was checked by the selector that fetched the child (child_get_for_user), and asking again
    here would cost a query on every page of every file."""
    audit_event_record(
        by=by,
        action=Action.CHILD_VIEWED,
        obj=child,
        child_id=child.uuid,
        # A view under access given for a while says so (ADR 0026), so the log tells it apart
        # from everyday access and from a broken glass.
        detail={"section": section, "access": "temporary"}
        if getattr(child, "temporary_access", False)
        else {"section": section},
    )


@transaction.atomic
def confidential_address_view_record(*, by, child: Child, person: FamilyMember) -> None:
    require(
        by,
        rules.may_see_confidential_address,
        child,
        person,
        message="Only those working with the child may see a confidential address",
    )
    audit_event_record(
        by=by, action=Action.CONFIDENTIAL_ADDRESS_VIEWED, obj=person, child_id=child.uuid
    )


@transaction.atomic
def break_glass_open(*, by, child: Child, reason: str) -> BreakGlass:
    """Open a file without an everyday reason, which is required, logged and shown to managers."""
    require(by, rules.may_break_glass, message="You cannot ask to open a child's file")
    now = timezone.now()
    grant = BreakGlass(
        user=by,
        child=child,
        reason=reason.strip(),
        opened_at=now,
        expires_at=now + BREAK_GLASS_LASTS,
    )
    grant.full_clean()
    grant.save()
    audit_event_record(
        by=by, action=Action.BREAK_GLASS, obj=child, child_id=child.uuid, reason=grant.reason
    )
    return grant


def child_link_from_another_area_record(*, by, child: Child, reason: str) -> BreakGlass:
    """Record that `by` linked a child whose file another area holds to a new application, with
    their reason, listed for that area's managers beside the files opened by breaking the glass
    (ADR 0017). Grants nothing by itself.

    No check of its own, by design: it is a step of recording a new application
    (proceedings.services.proceedings_create, which checks that `by` may, and that the reason is
    given), and who may do that is a rule of the proceedings app, which this app does not
    import."""
    now = timezone.now()
    record = BreakGlass(
        kind=BreakGlass.Kind.LINKED,
        user=by,
        child=child,
        reason=(reason or "").strip(),
        opened_at=now,
        expires_at=now,
    )
    record.full_clean()
    record.save()
    audit_event_record(
        by=by,
        action=Action.CHILD_LINKED_FROM_ANOTHER_AREA,
        obj=child,
        child_id=child.uuid,
        reason=record.reason,
    )
    return record


@transaction.atomic
def temporary_access_add(*, by, child: Child, user, reason: str, ends_at) -> TemporaryAccess:
    """Give `user` read access to `child`'s file from now until `ends_at` (ADR 0026).

    Called by the service of a higher app that decided it and checked its own actor (a national
    audit's assignment): this app cannot know that app's rule, so it takes the decision as
    given, as child_view_record takes the selector's check."""
    now = timezone.now()
    grant = TemporaryAccess(
        user=user,
        child=child,
        reason=reason,
        starts_at=now,
        ends_at=max(ends_at, now),  # an end already past gives a grant already over
        granted_by=by if getattr(by, "is_authenticated", False) else None,
    )
    grant.full_clean()
    grant.save()
    return grant


@transaction.atomic
def temporary_access_end(*, grants) -> int:
    """End the given grants now (those still live); the rows stay, as the record of the access."""
    now = timezone.now()
    return TemporaryAccess.objects.filter(pk__in=[g.pk for g in grants], ends_at__gt=now).update(
        ends_at=now
    )
