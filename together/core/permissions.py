"""How a service refuses someone who may not do what they ask, and who acts when no person does.

Every service that changes something checks its actor (`by=`) itself, with its own app's rules,
so that a page, an API or a background task cannot go round the check. A refusal is always
PermissionDenied: Django answers it with a 403 should a view not have asked the rule first
(views ask first, and answer 404, so that nothing leaks).
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied


class SystemActor:
    """The service itself, acting when no person does: a data load, a benchmark, a background
    task. Only the services that say so accept it (`by=SYSTEM`); every other service refuses it
    as it refuses someone signed out. The audit log records its acts with no person as actor."""

    pk = None
    is_authenticated = False
    is_anonymous = False
    is_active = True

    def __str__(self) -> str:
        return "Together (the service itself)"

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = SystemActor()


def require(by, rule: Callable[..., bool], *args, message: str) -> None:
    """Refuse (PermissionDenied, with `message`) unless `by` is signed in with an active account
    and `rule(by, *args)` allows what they ask. Someone signed out, or whose account is switched
    off, is refused before the rule is asked, so no rule has to expect them."""
    if not (getattr(by, "is_authenticated", False) and by.is_active and rule(by, *args)):
        raise PermissionDenied(message)
