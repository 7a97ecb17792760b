"""Logs for production: one JSON object a line, with the request id and no personal data.

A line holds the time, level, logger, message and request id; for a line about a request (the
access log, and django.request's 4xx and 5xx lines) also the method, the path, the status and,
for the access log, how long the answer took. The path is the URL pattern the request resolved
to ("/l/<str:token>"), so neither a child's record id nor a letter's secret link reaches the log;
an address that resolved to nothing is logged as asked for. Query strings (which can hold what
someone searched for) are cut from the path and from the message. An error keeps its kind and
where it was raised, never its text, which can hold a person's details.
"""

import json
import logging
import re
import time
import traceback
from datetime import UTC, datetime

from . import request_context

ACCESS_LOGGER = "together.access"
access_log = logging.getLogger(ACCESS_LOGGER)

# "?" and what follows it, up to the next space, when it follows a path or address.
_QUERY_STRING = re.compile(r"(?<=[^\s?])\?\S*")


def without_query_string(text: str) -> str:
    return _QUERY_STRING.sub("", text)


def route_of(request) -> str:
    """The URL pattern the request resolved to, or its path when it resolved to nothing."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.route:
        return "/" + match.route
    return request.path


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        request = getattr(record, "request", None)
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": "",
            "request_id": getattr(record, "request_id", "")
            or getattr(request, "request_id", "")
            or request_context.current().request_id,
        }
        if request is not None and hasattr(request, "method"):
            path = route_of(request)
            # django.request writes "Not Found: <path>": the pattern stands in for the path.
            message = message.replace(request.path, path)
            line["method"] = request.method
            line["path"] = without_query_string(path)
        for field in ("method", "path"):
            if hasattr(record, field):
                line[field] = without_query_string(str(getattr(record, field)))
        status = getattr(record, "status", None) or getattr(record, "status_code", None)
        if status is not None:
            line["status"] = status
        if hasattr(record, "duration_ms"):
            line["duration_ms"] = record.duration_ms
        line["message"] = without_query_string(message)
        if record.exc_info and record.exc_info[0] is not None:
            kind, _error, trace = record.exc_info
            line["error"] = kind.__qualname__
            line["trace"] = [
                f"{frame.filename}:{frame.lineno} in {frame.name}"
                for frame in traceback.extract_tb(trace)
            ]
        return json.dumps(line, default=str)


def log_access(request, response, started: float) -> None:
    """One access line for a request (at INFO: production turns it on, see settings.LOGGING)."""
    if not access_log.isEnabledFor(logging.INFO):
        return
    path = route_of(request)
    if path in {"/healthz", "/readyz"}:
        return  # probes every few seconds from every load balancer would drown the log
    duration_ms = round((time.perf_counter() - started) * 1000, 1)
    access_log.info(
        "%s %s %s",
        request.method,
        without_query_string(path),
        response.status_code,
        extra={
            "method": request.method,
            "path": path,
            "status": response.status_code,
            "duration_ms": duration_ms,
            "request_id": request.request_id,
        },
    )
