"""The current request's id, client address and path, for code far from the view (the audit log)."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str = ""
    ip_address: str | None = None
    path: str = ""


_NONE = RequestContext()
_current: ContextVar[RequestContext | None] = ContextVar("together_request", default=None)


def current() -> RequestContext:
    return _current.get() or _NONE


def set_current(context: RequestContext):
    return _current.set(context)


def reset(token) -> None:
    _current.reset(token)
