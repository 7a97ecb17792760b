"""The child's timeline: a line added as a step of another service's write."""

from django.utils import timezone

from ..models import Child, TimelineEntry


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
