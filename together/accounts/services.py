"""Changes to staff accounts."""

from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.permissions import require
from together.core.versioning import lock_at_version

from . import rules
from .models import User


@transaction.atomic
def user_profile_update(
    *, by: User, user: User, pronouns: str, about_me: str, version: int
) -> User:
    """Change the details a member of staff shares; refuses if they changed since `version`."""
    require(by, rules.may_change_profile, user, message="Staff can only change their own details")
    # Only the person changes their details: a conflict is with their own change in another
    # window.
    locked = lock_at_version(
        User.objects.all(), pk=user.pk, version=version, last_saved=lambda row: (row, None)
    )
    changed = sorted(
        field
        for field, value in (("pronouns", pronouns), ("about_me", about_me))
        if getattr(locked, field) != value
    )
    locked.pronouns = pronouns.strip()
    locked.about_me = about_me.strip()
    locked.version += 1
    locked.full_clean()
    locked.save(update_fields=["pronouns", "about_me", "version"])
    audit_event_record(by=by, action=Action.PROFILE_UPDATED, obj=locked, detail={"fields": changed})
    return locked
