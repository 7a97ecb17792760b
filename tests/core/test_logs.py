"""Production logs: one JSON object a line, with the request id, and no personal data."""

import json
import logging
import sys
import uuid

import pytest
from django.test import RequestFactory

from together.core import request_context
from together.core.logs import JsonFormatter


def formatted(record: logging.LogRecord) -> dict:
    line = JsonFormatter().format(record)
    assert "\n" not in line  # one object a line
    return json.loads(line)


def record(message, *args, name="together.letters.tasks", level=logging.WARNING, **extra):
    return logging.makeLogRecord(
        {
            "name": name,
            "levelno": level,
            "levelname": logging.getLevelName(level),
            "msg": message,
            "args": args,
            **extra,
        }
    )


def test_a_line_is_json_with_the_time_level_logger_message_and_request_id():
    token = request_context.set_current(request_context.RequestContext(request_id="abc12345"))
    try:
        line = formatted(record("Letter %s could not be made", "L-1"))
    finally:
        request_context.reset(token)
    assert line["level"] == "WARNING"
    assert line["logger"] == "together.letters.tasks"
    assert line["message"] == "Letter L-1 could not be made"
    assert line["request_id"] == "abc12345"
    assert line["time"].endswith("+00:00")


def test_a_query_string_in_the_message_is_cut():
    line = formatted(record("Asked for /children/?q=Jane+Smith&page=2 then left"))
    assert line["message"] == "Asked for /children/ then left"
    assert "Jane" not in json.dumps(line)


def test_a_request_line_gives_the_method_url_pattern_and_status_never_the_id_or_query():
    child = uuid.uuid4()
    request = RequestFactory().get(f"/children/{child}/", {"q": "Jane Smith"})
    request.request_id = "req-from-the-request"
    from django.urls import resolve

    request.resolver_match = resolve(request.path)
    line = formatted(
        record(
            "Not Found: %s", request.path, name="django.request", request=request, status_code=404
        )
    )
    assert line["method"] == "GET"
    assert line["path"] == "/children/<uuid:child_id>/"
    assert line["status"] == 404
    assert line["message"] == "Not Found: /children/<uuid:child_id>/"
    assert line["request_id"] == "req-from-the-request"
    assert str(child) not in json.dumps(line)
    assert "Jane" not in json.dumps(line)


def test_an_error_keeps_its_kind_and_where_it_happened_but_not_its_text():
    try:
        raise ValueError("Jane Smith, 12 Acacia Avenue")
    except ValueError:
        exc_info = sys.exc_info()
    line = formatted(record("Letter could not be made", level=logging.ERROR, exc_info=exc_info))
    assert line["error"] == "ValueError"
    assert any("test_logs.py" in frame for frame in line["trace"])
    assert "Jane" not in json.dumps(line)
    assert "Acacia" not in json.dumps(line)


@pytest.fixture
def access_lines(caplog):
    caplog.set_level(logging.INFO, logger="together.access")
    return lambda: [r for r in caplog.records if r.name == "together.access"]


@pytest.mark.django_db
def test_each_request_has_an_access_line_with_its_pattern_status_and_duration(client, access_lines):
    child = uuid.uuid4()
    response = client.get(f"/children/{child}/?q=Jane")
    (access,) = access_lines()
    line = formatted(access)
    assert line["path"] == "/children/<uuid:child_id>/"
    assert line["method"] == "GET"
    assert line["status"] == response.status_code == 302  # to the sign-in page
    assert line["request_id"] == response["X-Request-ID"]
    assert isinstance(line["duration_ms"], float)
    assert str(child) not in json.dumps(line)
    assert "Jane" not in json.dumps(line)


def test_health_checks_are_left_out_of_the_access_log(client, access_lines):
    client.get("/healthz")
    assert access_lines() == []
