"""Starting a child's file and changing what it says about them (About me, domestic abuse)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.permissions import require
from together.core.versioning import lock_at_version

from .. import rules
from ..models import Child, DomesticAbuseSource, TimelineEntry
from .timeline import timeline_entry_add

# Why a change to a child's file is refused (PermissionDenied) when rules.may_edit_child says no.
MAY_NOT_EDIT = "Only those working with the child every day may change their file"

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
