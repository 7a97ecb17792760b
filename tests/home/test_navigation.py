"""The service navigation offers each role the pages it may use, with the current one marked."""

import pytest

from together.accounts.models import Role


def _navigation(client, path="/"):
    return client.get(path).context["navigation"]


@pytest.mark.parametrize(
    ("role", "texts"),
    [
        (Role.FCA, ["Home", "Find a child", "Feedback", "Supervision", "Quality", "Your details"]),
        (
            Role.SERVICE_MANAGER,
            [
                "Home",
                "Find a child",
                "Duty list",
                "Children not seen",
                "Letters",
                "Feedback",
                "Supervision",
                "Quality",
                "Scorecard",
                "Staff changes",
                "Your details",
            ],
        ),
        (
            Role.NATIONAL_PERFORMANCE,
            ["Home", "Find a child", "Letters", "Feedback", "Quality", "National audits"]
            + ["Scorecard"]
            + ["Staff changes"]
            + ["Your details"],
        ),
        (
            Role.ASSISTANT_DIRECTOR,
            ["Home", "Find a child", "Duty list", "Children not seen", "Letters", "Feedback"]
            + ["Supervision", "Quality", "Quality report", "Scorecard", "Staff changes"]
            + ["Your details"],
        ),
        (Role.BUSINESS_SERVICES, ["Home", "Find a child", "New application", "Your details"]),
        (
            Role.SYSTEM_ADMINISTRATOR,
            ["Home", "Find a child", "Staff changes", "Your details", "Administration"],
        ),
    ],
)
def test_each_role_sees_the_pages_it_may_use(client, make_user, role, texts):
    client.force_login(make_user(role))
    assert [item["text"] for item in _navigation(client)] == texts


def test_the_page_being_read_is_marked_current(client, fca):
    client.force_login(fca)
    current = [item["text"] for item in _navigation(client, "/account/") if item["current"]]
    assert current == ["Your details"]
    current = [item["text"] for item in _navigation(client, "/") if item["current"]]
    assert current == ["Home"]


def test_someone_not_signed_in_has_no_navigation(client, db):
    assert _navigation(client, "/accessibility/") == []


def test_a_national_page_is_marked_current_rather_than_quality(client, make_user):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    current = [i["text"] for i in _navigation(client, "/quality/national/") if i["current"]]
    assert current == ["National audits"]
    current = [i["text"] for i in _navigation(client, "/quality/themes/") if i["current"]]
    assert current == ["Quality"]
