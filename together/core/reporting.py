"""Reads for reports from a replica (issue 21, docs/operations.md "A replica for reports").

The scorecard, the quality reports and the exports read many rows and change none. Inside
`reporting_reads()` every read goes to settings.TOGETHER_REPORTING_DATABASE: the "reporting"
alias when REPORTING_DATABASE_URL names a replica, the primary otherwise. Writes always go to
the primary, and nothing is ever migrated on the replica (it copies the primary).

A Django database router (a documented hook) rather than `.using()` in every query: the code
that reads stays the same whichever database it reads.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings

_reporting: ContextVar[bool] = ContextVar("together_reporting_reads", default=False)


@contextmanager
def reporting_reads():
    """Send the reads inside this block to the reporting database."""
    token = _reporting.set(True)
    try:
        yield
    finally:
        _reporting.reset(token)


def reporting(view):
    """A view whose reads all go to the reporting database."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        with reporting_reads():
            return view(request, *args, **kwargs)

    return wrapped


class ReportingRouter:
    def db_for_read(self, model, **hints):
        if _reporting.get():
            return settings.TOGETHER_REPORTING_DATABASE
        return None  # the default: the primary

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same rows, whichever copy they were read from

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
