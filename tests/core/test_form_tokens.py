"""The one-time form token (core.form_tokens, ADR 0016): of two claims of one token exactly one
makes the record, whatever the timing; the other is handed the record the first made."""

import datetime
import threading
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone

from tests.children.factories import FamilyMemberFactory
from together.accounts.models import Role
from together.children.models import FamilyMember, Meeting
from together.core import form_tokens
from together.core.models import UsedFormToken


def _add_rose(token, by):
    """What a service does: claim the token, then make the record only if it is the first."""
    with transaction.atomic():
        claim = form_tokens.claim(token, by=by, model=FamilyMember)
        if claim.earlier:
            return claim.earlier, False
        rose = FamilyMemberFactory(given_name="Rose")
        claim.made(rose)
        return rose, True


def test_the_second_claim_of_a_token_is_given_the_first_ones_record(make_user):
    fca = make_user(Role.FCA)
    token = form_tokens.new_token()
    first, first_made = _add_rose(token, fca)
    second, second_made = _add_rose(token, fca)
    assert (first_made, second_made) == (True, False)
    assert second == first
    assert FamilyMember.objects.count() == 1


def test_a_post_that_saved_nothing_leaves_its_token_free(make_user):
    fca = make_user(Role.FCA)
    token = form_tokens.new_token()
    with pytest.raises(ValueError), transaction.atomic():
        form_tokens.claim(token, by=fca, model=FamilyMember)
        raise ValueError("the service refused the answers")
    assert not UsedFormToken.objects.exists()
    _, made = _add_rose(token, fca)
    assert made


def test_no_token_is_no_guard(make_user):
    fca = make_user(Role.FCA)
    assert [_add_rose(None, fca)[1], _add_rose("", fca)[1]] == [True, True]
    assert FamilyMember.objects.count() == 2 and not UsedFormToken.objects.exists()


def test_a_token_used_by_someone_else_or_for_something_else_is_refused(make_user):
    fca, other = make_user(Role.FCA), make_user(Role.FCA)
    token = form_tokens.new_token()
    _add_rose(token, fca)
    with pytest.raises(PermissionDenied), transaction.atomic():
        form_tokens.claim(token, by=other, model=FamilyMember)
    with pytest.raises(PermissionDenied), transaction.atomic():
        form_tokens.claim(token, by=fca, model=Meeting)
    assert FamilyMember.objects.count() == 1


def test_tokens_are_forgotten_after_a_week(make_user):
    fca = make_user(Role.FCA)
    old, recent = form_tokens.new_token(), form_tokens.new_token()
    _add_rose(old, fca)
    _add_rose(recent, fca)
    now = timezone.now()
    UsedFormToken.objects.filter(token=old).update(used_at=now - datetime.timedelta(days=8))
    UsedFormToken.objects.filter(token=recent).update(used_at=now - datetime.timedelta(days=6))
    _add_rose(form_tokens.new_token(), fca)  # any claim clears what has expired
    assert set(UsedFormToken.objects.values_list("token", flat=True)) >= {recent}
    assert not UsedFormToken.objects.filter(token=old).exists()
    assert UsedFormToken.objects.count() == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite runs one writing transaction at a time, so its posts never overlap (the "
    "test above is its case); the in-memory test database refuses the second at once instead",
)
def test_two_posts_of_one_form_at_the_same_moment_make_one_record(transactional_db, make_user):
    """Two requests, each in its own transaction on its own connection, claim one token together
    (PostgreSQL): the unique constraint lets exactly one insert it. The other waits at its insert
    until the first commits, then is handed the first one's record."""
    fca = make_user(Role.FCA)
    token = form_tokens.new_token()
    start = threading.Barrier(2, timeout=10)
    outcomes = []

    def post():
        try:
            start.wait()
            with transaction.atomic():
                claim = form_tokens.claim(token, by=fca, model=FamilyMember)
                if claim.earlier:
                    outcomes.append(("given", claim.earlier.pk))
                    return
                rose = FamilyMember.objects.create(given_name="Rose")
                claim.made(rose)
                outcomes.append(("made", rose.pk))
                time.sleep(0.5)  # the other post reaches its claim while this one is open
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong instead
            outcomes.append(("failed", repr(error)))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)

    assert sorted(kind for kind, _ in outcomes) == ["given", "made"], outcomes
    assert len({pk for _, pk in outcomes}) == 1  # the second was given the first one's record
    assert FamilyMember.objects.count() == 1
