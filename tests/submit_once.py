"""Sending one form twice, as a double click or a browser's retry does (ADR 0016).

`post_twice` opens the page that holds the form, as a person would, takes the one-time token the
page put in the form, and sends the same answers with it twice."""

import re

TOKEN = re.compile(r'<input type="hidden" name="form_token" value="([^"]+)"')


def form_token(page) -> str:
    """The one-time token in the form on `page` (a response)."""
    found = TOKEN.findall(page.content.decode())
    assert len(found) == 1, f"expected one form token on the page, found {len(found)}"
    return found[0]


def post_twice(client, *, page: str, to: str | None = None, answers: dict):
    """Open `page`, then send its form to `to` (the page itself unless given) twice with the same
    answers and token. Returns both responses."""
    opened = client.get(page)
    assert opened.status_code == 200
    data = {**answers, "form_token": form_token(opened)}
    return client.post(to or page, data), client.post(to or page, data)


def assert_sent_to_the_same_place(first, second) -> None:
    """Both posts were answered by sending the person on to the same page, not to an error."""
    assert first.status_code == 302, first.status_code
    assert second.status_code == 302, second.status_code
    assert second["Location"] == first["Location"]
