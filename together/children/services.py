"""Changes to children's files, each with its audit event and timeline entry in one transaction."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core import form_tokens
from together.core.permissions import require
from together.core.versioning import lock_at_version

from . import rules
from .models import (
    BreakGlass,
    Child,
    ChildConnection,
    DomesticAbuseSource,
    FamilyMember,
    Meeting,
    Professional,
    TemporaryAccess,
    TimelineEntry,
)

# Why a change to a child's file is refused (PermissionDenied) when rules.may_edit_child says no.
MAY_NOT_EDIT = "Only those working with the child every day may change their file"
# How long opening a file by breaking the glass lasts before a new reason is needed.
BREAK_GLASS_LASTS = timedelta(hours=8)

ABOUT_ME_FIELDS = (
    "preferred_name",
    "name_spelling",
    "name_pronunciation",
    "pronouns",
    "date_of_birth",
    "first_language",
    "preferred_language",
    "needs_interpreter",
    "needs_translated_documents",
    "communication",
    "communication_needs",
    "special_and_unique",
    "enjoys",
    "school",
    "identity_culture",
    "identity_faith",
    "identity_language",
    "identity_disability",
    "identity_gender",
    "identity_other",
    "own_words",
)


def search_text_for(child: Child) -> str:
    names = {child.legal_given_names, child.preferred_name, child.legal_family_name}
    return " ".join(sorted(n.strip().lower() for n in names if n and n.strip()))


def timeline_entry_add(*, child: Child, kind: str, summary: str, by=None, at=None) -> TimelineEntry:
    """Add a line to a child's timeline. Called by services inside their own transaction.

    No check of its own, by design: it is a step of the service that calls it (a letter sent, a
    hearing recorded, a plan saved), which has checked its actor by its own app's rule."""
    entry = TimelineEntry(
        child=child, kind=kind, summary=summary[:300], actor=by, occurred_at=at or timezone.now()
    )
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def child_create(*, by, **fields) -> Child:
    """Start a child's file. No check of its own, by design: a file is started only as a step of
    recording a new application (proceedings.services.proceedings_create, which checks that
    `by` may), and who may do that is a rule of the proceedings app, which this app does not
    import."""
    # Names are stripped before validation, so a name of only spaces counts as empty.
    for name in ("legal_given_names", "legal_family_name", "preferred_name"):
        if isinstance(fields.get(name), str):
            fields[name] = fields[name].strip()
    child = Child(created_by=by, **fields)
    child.full_clean(exclude=["search_text"])
    child.search_text = search_text_for(child)
    child._change_reason = "Added"
    child.save()
    audit_event_record(by=by, action=Action.CHILD_CREATED, obj=child, child_id=child.uuid)
    timeline_entry_add(
        child=child,
        kind=TimelineEntry.Kind.FILE,
        summary=f"{child.preferred_name}'s file was started",
        by=by,
    )
    return child


@transaction.atomic
def child_update_about_me(*, by, child: Child, version: int, **changes) -> Child:
    """Change what the file says about who the child is. Refuses an edit made on an old version."""
    require(by, rules.may_edit_child, child, message=MAY_NOT_EDIT)
    locked = lock_at_version(
        Child.objects.all(), pk=child.pk, version=version, last_saved=_last_saved
    )
    unknown = set(changes) - set(ABOUT_ME_FIELDS)
    if unknown:
        raise TypeError(f"Not part of About me: {sorted(unknown)}")
    changed = sorted(name for name, value in changes.items() if getattr(locked, name) != value)
    if not changed:
        return locked
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.full_clean(exclude=["search_text"])
    locked.search_text = search_text_for(locked)
    locked.save()
    audit_event_record(
        by=by,
        action=Action.CHILD_UPDATED,
        obj=locked,
        child_id=locked.uuid,
        detail={"fields": changed},
    )
    labels = ", ".join(
        str(Child._meta.get_field(n).verbose_name) for n in changed if n != "own_words"
    )
    timeline_entry_add(
        child=locked,
        kind=TimelineEntry.Kind.ABOUT_ME,
        summary=f"About me changed: {labels or 'own words'}",
        by=by,
    )
    return locked


@transaction.atomic
def child_domestic_abuse_mark(
    *, by, child: Child, version: int, marked: bool, source: str, reason: str
) -> Child:
    """Set (or take off) the file's domestic abuse marker, from the safeguarding enquiries or the
    plan, with why. The file's history keeps every earlier setting and who made it."""
    require(by, rules.may_edit_child, child, message=MAY_NOT_EDIT)
    locked = lock_at_version(
        Child.objects.all(), pk=child.pk, version=version, last_saved=_last_saved
    )
    reason = (reason or "").strip()
    errors = {}
    if source not in DomesticAbuseSource.values:
        errors["source"] = "Choose where this comes from"
    if not reason:
        errors["reason"] = "Say why" if marked else "Say why the marker should come off"
    if errors:
        raise ValidationError(errors)
    locked.domestic_abuse = marked
    locked.domestic_abuse_source = source
    locked.domestic_abuse_reason = reason
    locked.domestic_abuse_set_by = by
    locked.domestic_abuse_set_at = timezone.now()
    locked.version += 1
    locked.full_clean(exclude=["search_text"])
    locked.save()
    audit_event_record(
        by=by,
        action=Action.CHILD_UPDATED,
        obj=locked,
        child_id=locked.uuid,
        detail={"fields": ["domestic_abuse"], "marked": marked, "source": source},
    )
    timeline_entry_add(
        child=locked,
        kind=(
            TimelineEntry.Kind.COURT
            if source == DomesticAbuseSource.ENQUIRIES
            else TimelineEntry.Kind.PLAN
        ),
        summary=(
            "Domestic abuse marked on the file" if marked else "Domestic abuse marker taken off"
        )
        + f", from {DomesticAbuseSource(source).label.lower()}",
        by=by,
    )
    return locked


def _last_saved(child: Child):
    last = child.history.select_related("history_user").first()
    return (last.history_user, last.history_date) if last else (None, None)


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


# What a meeting's record may be changed to, by meeting_update (not the child, who recorded it
# or whether they met: a meeting that happened after a record of not meeting is a new record).
MEETING_FIELDS = (
    "occurred_at",
    "method",
    "place",
    "place_detail",
    "others_present",
    "child_words",
    "observations",
    "why_this_way",
    "not_met_reason",
)


def _meeting_summary(meeting: Meeting) -> str:
    if not meeting.met:
        return meeting.get_outcome_display()
    if meeting.method == Meeting.Method.IN_PERSON:
        return f"Seen in person, {meeting.get_place_display().lower()}"
    return f"Seen by {meeting.get_method_display().lower()}"


@transaction.atomic
def meeting_record(*, by, child: Child, token: str | None, **fields) -> Meeting:
    """Record a meeting with the child, or (outcome "tried" or "not_yet") that the service did
    not meet them, with the reason; once for each form sent (`token`, ADR 0016)."""
    require(by, rules.may_edit_child, child, message=MAY_NOT_EDIT)
    claim = form_tokens.claim(token, by=by, model=Meeting)
    if claim.earlier:
        return claim.earlier
    meeting = Meeting(child=child, recorded_by=by, **fields)
    meeting.full_clean()
    meeting._change_reason = "Recorded"
    meeting.save()
    audit_event_record(
        by=by,
        action=Action.MEETING_RECORDED,
        obj=meeting,
        child_id=child.uuid,
        detail={"outcome": meeting.outcome},
    )
    timeline_entry_add(
        child=child,
        kind=TimelineEntry.Kind.MEETING,
        summary=_meeting_summary(meeting),
        by=by,
        at=meeting.occurred_at,
    )
    claim.made(meeting)
    return meeting


@transaction.atomic
def meeting_update(*, by, meeting: Meeting, version: int, **changes) -> Meeting:
    """Change a meeting's record. The version it was opened at must still be the latest
    (EditConflict otherwise); every earlier version is kept in the meeting's history."""
    require(by, rules.may_edit_child, meeting.child, message=MAY_NOT_EDIT)
    unknown = set(changes) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Not part of a meeting's record: {sorted(unknown)}")
    locked = lock_at_version(
        Meeting.objects.select_related("child"),
        pk=meeting.pk,
        version=version,
        last_saved=_meeting_last_saved,
    )
    before = Meeting.objects.get(pk=locked.pk)
    if not locked.history.exists():
        # Made before its changes were kept (or in bulk, as the demo is): keep it as it was
        # first, dated when it was last saved, so the earliest version is never lost.
        locked._history_date = locked.changed_at or locked.recorded_at
        locked._change_reason = "Recorded"
        locked.save()
        del locked._history_date
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.full_clean()
    changed = [name for name in MEETING_FIELDS if getattr(before, name) != getattr(locked, name)]
    if not changed:
        return before
    locked.version += 1
    locked.changed_by, locked.changed_at = by, timezone.now()
    locked._change_reason = "Changed"
    locked.save()
    audit_event_record(
        by=by,
        action=Action.CHILD_UPDATED,
        obj=locked,
        child_id=locked.child.uuid,
        detail={"meeting": str(locked.uuid), "fields": changed},
    )
    day = timezone.localtime(locked.occurred_at)
    timeline_entry_add(
        child=locked.child,
        kind=TimelineEntry.Kind.MEETING,
        summary=f"Record changed: {_meeting_summary(locked)} on {day.day} {day:%B %Y}",
        by=by,
    )
    return locked


def _meeting_last_saved(meeting: Meeting):
    last = meeting.history.select_related("history_user").first()
    if last:
        return last.history_user, last.history_date
    return meeting.changed_by or meeting.recorded_by, meeting.changed_at or meeting.recorded_at


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
