"""Changes to staff accounts."""

from django.core.exceptions import ValidationError
from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.exceptions import EditConflict

from .models import User


@transaction.atomic
def user_profile_update(
    *, by: User, user: User, pronouns: str, about_me: str, version: int
) -> User:
    """Change the details a member of staff shares; refuses if they changed since `version`."""
    if by.pk != user.pk:
        raise ValidationError("Staff can only change their own details.")
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.version != version:
        raise EditConflict(by=locked)
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
