"""The short code printed on a letter for a child to type: no characters that look alike, in
groups, leading to the same page as the link's secret token, forgiving of case and a missing
dash, and limited like the public form so codes cannot be tried in bulk."""

import re

import pytest

from together.feedback.models import CODE_ALPHABET, code_grouped
from together.feedback.services import new_code

from .factories import InvitationFactory

pytestmark = pytest.mark.django_db

LOOK_ALIKES = "0O1Il"


def test_codes_use_no_characters_that_look_alike():
    assert not set(LOOK_ALIKES) & set(CODE_ALPHABET)
    assert not set("2Z5S8BUV") & set(CODE_ALPHABET)
    codes = {new_code() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert re.fullmatch(f"[{CODE_ALPHABET}]{{9}}", code)


def test_the_printed_link_is_short_and_grouped(settings):
    settings.TOGETHER_PUBLIC_URL = "https://fb.example"
    invitation = InvitationFactory()
    assert invitation.typed_link == f"fb.example/f/{code_grouped(invitation.code)}"
    assert re.fullmatch(r"fb\.example/f/\w{3}-\w{3}-\w{3}", invitation.typed_link)
    assert len(invitation.typed_link) < len(invitation.short_link) / 2


@pytest.mark.parametrize(
    "typed", [lambda c: code_grouped(c), lambda c: c, lambda c: code_grouped(c).lower()]
)
def test_a_typed_code_leads_to_the_links_own_page(client, typed):
    invitation = InvitationFactory()
    response = client.get(f"/f/{typed(invitation.code)}")
    assert response.status_code == 302
    assert response["Location"] == f"/f/{invitation.token}"
    assert client.get(response["Location"]).status_code == 200


def test_a_code_that_does_not_work_gets_the_same_page_as_an_unknown_link(client):
    expired = InvitationFactory(expires_at="2020-01-01T00:00:00Z")
    not_sent = InvitationFactory(opened_at=None)
    unknown = client.get("/f/" + "x" * 32)
    for code in (expired.code, not_sent.code, "KKK-KKK-KKK", "ABC-DEF-GHI"):
        response = client.get(f"/f/{code}")
        assert response.status_code == 404
        assert response.content == unknown.content


def test_trying_codes_is_limited_for_each_person(client, settings):
    settings.TOGETHER_FEEDBACK_CODE_RATE = "3/m"
    invitation = InvitationFactory()
    for _ in range(3):
        assert client.get("/f/KKK-KKK-KKK").status_code == 404
    blocked = client.get(f"/f/{invitation.code}")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "60"
    # Another person (another address) is not held back by the first.
    other = client.get(f"/f/{invitation.code}", REMOTE_ADDR="192.0.2.44")
    assert other.status_code == 302
    # The link itself, with its token, still opens for the first person.
    assert client.get(f"/f/{invitation.token}").status_code == 200
