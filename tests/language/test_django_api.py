"""POST /api/language/check: the JSON endpoint other services use."""

import json

import pytest
from django.test import Client

from together.language.selectors import MAX_CHARACTERS

URL = "/api/language/check"
LETTER = "Dear Amira, the LA will liaise with Jo about contact with your sibling."


def post(client, body, **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **extra)


@pytest.fixture
def signed_in(client, fca):
    client.force_login(fca)
    return client


def test_a_check_gives_the_same_shape_as_the_command_line(signed_in):
    response = post(
        signed_in, {"text": LETTER, "audience": "child", "age": 9, "names": ["Amira", "Jo"]}
    )
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"audience", "readability", "findings"}
    assert data["audience"] == "child"
    assert set(data["readability"]) == {
        "words",
        "sentences",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "reading_age",
        "hardest_sentence",
    }
    assert data["readability"]["words"] == 13 and data["readability"]["sentences"] == 1
    assert isinstance(data["readability"]["reading_age"], float)
    found = {(f["text"], f["category"]) for f in data["findings"]}
    assert {("LA", "acronym"), ("liaise", "jargon"), ("sibling", "jargon")} <= found
    for finding in data["findings"]:
        assert set(finding) == {"start", "end", "text", "category", "message", "suggestions"}
        assert LETTER[finding["start"] : finding["end"]] == finding["text"]
    assert not any(f["text"] in ("Amira", "Jo") for f in data["findings"])


def test_names_may_be_one_string_with_commas(signed_in):
    text = "Zephyrine and Quillon went swimming."
    plain = post(signed_in, {"text": text, "audience": "adult"}).json()
    named = post(signed_in, {"text": text, "audience": "adult", "names": "Zephyrine, Quillon"})
    assert [f["text"] for f in plain["findings"]] == ["Zephyrine"]  # a rare word, unnamed
    assert named.json()["findings"] == []


def test_professionals_may_use_acronyms_written_out_first(signed_in):
    text = "The Family Court Adviser (FCA) met Amira. The FCA will report."
    data = post(signed_in, {"text": text, "audience": "professional"}).json()
    assert not [f for f in data["findings"] if f["category"] == "acronym"]


def test_someone_not_signed_in_gets_a_401_in_json(client, db):
    response = post(client, {"text": "Hello", "audience": "adult"})
    assert response.status_code == 401
    assert "Sign in" in response.json()["error"]
    assert response["WWW-Authenticate"]


def test_only_post_is_answered(signed_in):
    response = signed_in.get(URL)
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "POST" in response.json()["error"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{not json", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        ("[1, 2]", "Send a JSON object"),
        ({"audience": "adult"}, '"text" is needed'),
        ({"text": 42, "audience": "adult"}, '"text" is needed'),
        ({"text": "Hi", "audience": "judge"}, "must be child, adult or professional"),
        ({"text": "Hi", "audience": "child"}, 'needs "age"'),
        ({"text": "Hi", "audience": "child", "age": "nine"}, "whole number"),
        ({"text": "Hi", "audience": "child", "age": 40}, "from 0 to 25"),
        ({"text": "Hi", "audience": "child", "age": True}, "whole number"),
        ({"text": "Hi", "audience": "adult", "age": 9}, "only for a child"),
        ({"text": "Hi", "audience": "adult", "names": [1, 2]}, '"names" must be a list'),
        ({"text": "Hi", "audience": "adult", "colour": "red"}, "Unknown field 'colour'"),
    ],
)
def test_bad_input_gets_a_clear_400(signed_in, body, message):
    response = post(signed_in, body)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_text_over_the_limit_gets_a_413_with_the_limit(signed_in):
    response = post(signed_in, {"text": "a" * (MAX_CHARACTERS + 1), "audience": "adult"})
    assert response.status_code == 413
    assert "100,000" in response.json()["error"]


def test_a_huge_body_is_refused_before_it_is_read(signed_in):
    response = post(signed_in, " " * (MAX_CHARACTERS * 7 + 20_000))
    assert response.status_code == 413


def test_text_at_the_limit_is_checked(signed_in):
    response = post(
        signed_in, {"text": "Hello there. " * (MAX_CHARACTERS // 13), "audience": "adult"}
    )
    assert response.status_code == 200


def test_each_user_is_rate_limited(signed_in, settings, make_user):
    settings.TOGETHER_LANGUAGE_API_RATE = "3/m"
    for _ in range(3):
        assert post(signed_in, {"text": "Hello", "audience": "adult"}).status_code == 200
    limited = post(signed_in, {"text": "Hello", "audience": "adult"})
    assert limited.status_code == 429 and limited["Retry-After"] == "60"
    assert "Too many checks" in limited.json()["error"]
    other = Client()
    other.force_login(make_user("fca"))
    assert post(other, {"text": "Hello", "audience": "adult"}).status_code == 200


def test_a_session_needs_the_csrf_token(fca):
    client = Client(enforce_csrf_checks=True)
    client.force_login(fca)
    refused = post(client, {"text": "Hello", "audience": "adult"})
    assert refused.status_code == 403 and "CSRF" in refused.json()["error"]
    client.get("/")  # sets the CSRF cookie
    token = client.cookies["together_csrftoken"].value
    accepted = post(client, {"text": "Hello", "audience": "adult"}, HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 200
