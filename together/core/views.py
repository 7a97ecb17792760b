"""Pages of the whole service that know no domain: the footer's statements and the error pages."""

import logging
import sys

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html")


@login_not_required
def privacy(request):
    return render(request, "core/privacy.html")


# Error pages. Each is plain words in the service's layout and never shows a stack trace.


@login_not_required
@requires_csrf_token
def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


@login_not_required
@requires_csrf_token
def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


@login_not_required
@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


logger = logging.getLogger("together.database")

# PostgreSQL's codes for a database that is there but cannot take the change: read-only (a
# replica, or default_transaction_read_only), out of disk space, shutting down, starting up.
UNAVAILABLE_STATES = {"25006", "53100", "53200", "57P01", "57P02", "57P03"}


def database_unavailable(error: BaseException | None) -> bool:
    """Whether `error` says the database cannot be reached or cannot take changes just now (as
    opposed to a mistake in the code, which stays a 500)."""
    # Django raises its OperationalError for the driver's: psycopg's for SQLSTATE classes 08
    # (connection), 53 (insufficient resources: DiskFull is 53100) and 57 (operator
    # intervention); sqlite3's for SQLITE_FULL ("database or disk is full"), SQLITE_READONLY and
    # SQLITE_BUSY.
    if isinstance(error, OperationalError | InterfaceError):
        return True
    cause = getattr(error, "__cause__", None)
    return isinstance(error, DatabaseError) and getattr(cause, "sqlstate", None) in (
        UNAVAILABLE_STATES
    )


def unavailable_kind(error: BaseException) -> str:
    """The driver's name for the error and its code, never its text (which can quote the row):
    "DiskFull (SQLSTATE 53100)" from psycopg, "OperationalError (SQLITE_FULL)" from sqlite3."""
    cause = error.__cause__ or error
    if sqlstate := getattr(cause, "sqlstate", None):
        return f"{type(cause).__name__} (SQLSTATE {sqlstate})"
    if sqlite_name := getattr(cause, "sqlite_errorname", None):
        return f"{type(cause).__name__} ({sqlite_name})"
    return type(cause).__name__


@login_not_required
@requires_csrf_token
def server_error(request):
    # No context processors: the database or the session may be what failed.
    error = sys.exc_info()[1]
    if database_unavailable(error):
        # The database is down, restarting, read-only or full: a 503 asks the person (and the
        # load balancer) to try again shortly. The kind of error is logged, never its text.
        logger.warning("Database unavailable: %s", unavailable_kind(error))
        response = HttpResponse(loader.get_template("errors/503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("errors/500.html").render())


@login_not_required
def csrf_failure(request, reason=""):
    if request.content_type == "application/json":
        # A script posting JSON (the language API) reads the refusal in JSON.
        return JsonResponse(
            {"error": "The CSRF token is missing or wrong: send it in the X-CSRFToken header."},
            status=403,
        )
    return render(request, "errors/csrf.html", status=403)
