"""Two app servers against one PostgreSQL (issue 21): everything that must agree between them
lives in the database or the shared cache, so a change made through one is seen at once
through the other: a session ended, a sign-in lock-out reached, a feedback answer in the
figures a manager reads.

Each server is a real gunicorn process with a worker of its own (and so its own memory), on
the committed test database. PostgreSQL only: SQLite's test database lives in this process.
"""

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

from tests.accounts.factories import PASSWORD
from tests.feedback.test_dashboard import answers
from tests.feedback.test_public_form import GOOD
from together.feedback.models import Answer, Audience

from .feedback.factories import InvitationFactory

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
SECRET_KEY = secrets.token_urlsafe(64)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """One person's cookies, sent to whichever server is asked."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port, method, path, form=None):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        page = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        conn.close()
        return response.status, response.headers, page

    def get(self, port, path):
        return self.request(port, "GET", path)

    def post(self, port, path, form, page_path=None):
        """Open the page the form is on (for its hidden fields: the CSRF token, the form's
        one-time token) and send the form, as a browser would."""
        _, _, page = self.get(port, page_path or path)
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
        return self.request(port, "POST", path, {**hidden, **form})


def process_env() -> dict[str, str]:
    """The environment of another process (an app server, a task worker) on the committed test
    database, with the settings it shares with every other: the secret key, the cache."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "TOGETHER_ENV": "demo",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "TOGETHER_ACCESS_LOG": "false",
    }
    env.pop("CACHE_URL", None)  # the default: the database cache, shared by every process
    return env


@pytest.fixture(scope="module")
def two_servers(django_db_setup, tmp_path_factory):
    """Two servers for the module's tests (each test's rows are emptied after it, as usual)."""
    tmp_path = tmp_path_factory.mktemp("servers")
    if connection.vendor != "postgresql":
        pytest.skip("two processes share PostgreSQL; SQLite's test database lives in this one")
    env = process_env()
    subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True
    )
    ports, processes = [free_port(), free_port()], []
    log = (tmp_path / "servers.log").open("w")
    for port in ports:
        processes.append(
            subprocess.Popen(  # noqa: S603
                [
                    str(ROOT / ".venv" / "bin" / "gunicorn"),
                    "together.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    try:
        for port in ports:
            deadline = time.monotonic() + 60
            while True:
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    conn.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
                    if conn.getresponse().status == 200:
                        break
                except OSError:
                    pass
                assert time.monotonic() < deadline, (tmp_path / "servers.log").read_text()
                time.sleep(0.2)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        log.close()


def staff(make_user, settings, role, **where):
    """A member of staff whose password the servers (with production's hashers) can check."""
    settings.PASSWORD_HASHERS = PRODUCTION_HASHERS
    user = make_user(role, **where)
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(browser, port, user, password=PASSWORD):
    return browser.post(port, "/sign-in/", {"username": user.email, "password": password})


def test_a_session_started_on_one_server_works_on_the_other_and_ends_on_both(
    two_servers, make_user, settings
):
    a, b = two_servers
    fca = staff(make_user, settings, "fca")
    person = Browser()
    status, headers, _ = sign_in(person, a, fca)
    assert status == 302 and "sign-in" not in headers["Location"]
    status, _, page = person.get(b, "/")
    assert status == 200 and "My children" in page
    status, _, _ = person.post(a, "/sign-out/", {}, page_path="/")
    assert status == 302
    status, headers, _ = person.get(b, "/")
    assert status == 302 and headers["Location"].startswith("/sign-in/")


def test_a_lock_out_reached_on_one_server_holds_on_the_other(two_servers, make_user, settings):
    a, b = two_servers
    fca = staff(make_user, settings, "fca")
    attacker = Browser()
    for _ in range(5):
        status, _, _ = sign_in(attacker, a, fca, password="not the password at all")
    # The right password, through the other server: still locked.
    status, _, page = sign_in(Browser(), b, fca)
    assert status == 429
    assert "Your account is locked" in page


def test_a_feedback_answer_given_through_one_server_is_in_the_figures_on_the_other(
    two_servers, make_user, settings
):
    from tests.organisation.factories import ServiceAreaFactory, TeamFactory

    a, b = two_servers
    area = ServiceAreaFactory()
    team = TeamFactory(service_area=area)
    fca = make_user("fca", team=team)
    answers(5, fca=fca, team=team, listened=Answer.YES)
    manager = staff(make_user, settings, "service_manager", area=area)
    reader = Browser()
    sign_in(reader, b, manager)
    status, _, page = reader.get(b, "/feedback/")
    assert status == 200 and "100% (5 of 5)" in page  # counted, and kept in the shared cache
    invitation = InvitationFactory(
        fca=fca, team=team, service_area=area, audience=Audience.YOUNGER_CHILD
    )
    status, _, _ = Browser().post(
        a, f"/f/{invitation.token}", {**GOOD, "listened": str(Answer.NOT_AT_ALL.value)}
    )
    assert status == 303
    _, _, page = reader.get(b, "/feedback/")
    assert "83% (5 of 6)" in page, re.findall(r"\d+% \(\d+ of \d+\)", page)
