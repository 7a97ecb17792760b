"""The page layout's promises: a strict Content Security Policy, security headers, and templates
that need no inline script or style and never call a child a case."""

import re
from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "together").rglob("templates/**/*.html"))


def test_pages_send_a_strict_content_security_policy_and_security_headers(client, db):
    response = client.get("/sign-in/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/", "/children/", "/account/"])
def test_signed_in_pages_are_never_kept_by_a_browser_or_a_proxy(client, fca, path):
    client.force_login(fca)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/f/not-a-real-token", "/l/not-a-real-token", "/sign-in/"])
def test_public_pages_behind_a_link_are_never_kept_either(client, db, path):
    response = client.get(path)
    assert "no-store" in response["Cache-Control"]


def test_pages_turn_off_browser_features_the_service_never_uses(client, db):
    policy = client.get("/sign-in/")["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_session_and_csrf_cookies_are_http_only_or_same_site(client, fca):
    from tests.accounts.factories import PASSWORD

    response = client.post("/sign-in/", {"username": fca.email, "password": PASSWORD})
    cookie = response.cookies["together_session"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_have_no_inline_script_or_style(template):
    text = template.read_text()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", text)
    assert not inline_scripts, f"{template}: inline <script> is blocked by the policy"
    assert not re.search(r"\sstyle=", text), f"{template}: style= is blocked by the policy"
    assert "<style" not in text, f"{template}: <style> is blocked by the policy"
    assert not re.search(r"\son[a-z]+=", text), f"{template}: inline event handlers are blocked"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_never_call_a_child_a_case(template):
    text = re.sub(r"{[{%#].*?[}%#]}", " ", template.read_text(), flags=re.S)
    allowed = r"lower|upper|in case|case number|showcase|case-sensitive|suitcase|staircase"
    hits = [
        m.group(0)
        for m in re.finditer(r"[\w -]{0,12}\bcases?\b[\w -]{0,12}", text, flags=re.I)
        if not re.search(allowed, m.group(0), flags=re.I)
    ]
    assert not hits, f"{template}: a child is never a case: {hits}"
