"""How a service refuses someone who may not do what they ask."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from tests.accounts.factories import UserFactory
from together.core.permissions import SYSTEM, require


def never_asked(user, *args):
    raise AssertionError("the rule was asked about someone who is not signed in and active")


def test_someone_the_rule_allows_goes_ahead_and_the_rule_is_asked_about_them(db):
    user = UserFactory()
    asked = []
    require(user, lambda by, thing: asked.append((by, thing)) or True, "the file", message="No")
    assert asked == [(user, "the file")]


def test_someone_the_rule_refuses_is_refused_with_the_message(db):
    with pytest.raises(PermissionDenied, match="Only those working with the child"):
        require(UserFactory(), lambda by: False, message="Only those working with the child may")


@pytest.mark.parametrize("who", ["signed out", "switched off", "the service itself"])
def test_someone_signed_out_switched_off_or_the_service_itself_is_refused_before_any_rule(db, who):
    by = {
        "signed out": lambda: AnonymousUser(),
        "switched off": lambda: UserFactory(is_active=False),
        "the service itself": lambda: SYSTEM,
    }[who]()
    with pytest.raises(PermissionDenied):
        require(by, never_asked, message="No")
