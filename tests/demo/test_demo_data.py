"""The demo-data generator: a plausible made-up organisation, the same every time for a seed."""

import io
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from together.accounts.models import Role, User
from together.demo.organisation import DEMO_ACCOUNTS
from together.organisation.models import Region, ServiceArea, Team, TeamMembership


def make(seed=7, size="small"):
    call_command(
        "demo_data", f"--seed={seed}", f"--size={size}", "--today=2026-11-01", stdout=io.StringIO()
    )


def snapshot():
    return (
        list(
            User.objects.order_by("email").values_list("uuid", "email", "given_name", "role", "fte")
        ),
        list(Team.objects.order_by("uuid").values_list("uuid", "name", "kind")),
        list(
            TeamMembership.objects.order_by("user__email", "team__name").values_list(
                "user__email", "team__name", "started_on"
            )
        ),
    )


def test_small_demo_has_19_service_areas_and_a_demo_account_for_every_role(db):
    make()
    assert ServiceArea.objects.count() == 19
    assert ServiceArea.objects.values("region").distinct().count() == 5
    assert set(DEMO_ACCOUNTS) == set(Role)
    for role, email in DEMO_ACCOUNTS.items():
        user = User.objects.get(email=email)
        assert user.role == role
        assert user.check_password("together-demo-2026")
    fcas = User.objects.filter(role=Role.FCA).count()
    assert 24 <= fcas <= 60  # "a few dozen"
    # Every FCA and supervisor works in a team.
    assert not User.objects.filter(
        role__in=[Role.FCA, Role.PRACTICE_SUPERVISOR], team_memberships__isnull=True
    ).exists()


def test_same_seed_gives_the_same_data(db):
    with transaction.atomic():
        make(seed=11)
        first = snapshot()
        transaction.set_rollback(True)  # start again from an empty database
    assert not Region.objects.exists()
    make(seed=11)
    assert snapshot() == first


def test_different_seeds_give_different_people(db):
    with transaction.atomic():
        make(seed=1)
        first = set(User.objects.values_list("given_name", "family_name"))
        transaction.set_rollback(True)
    make(seed=2)
    second = set(User.objects.values_list("given_name", "family_name"))
    assert len(first & second) < len(first) / 4


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("TOGETHER_SLOW_TESTS") != "1",
    reason="national size takes many minutes; set TOGETHER_SLOW_TESTS=1 to run it",
)
def test_national_size_has_about_1700_fcas(db):
    make(size="national")
    assert User.objects.filter(role=Role.FCA).count() == 1710
    assert ServiceArea.objects.count() == 19


def test_refuses_to_add_to_a_database_that_has_data_unless_told_to_skip(db):
    make()
    with pytest.raises(CommandError, match="already has data"):
        make()
    call_command("demo_data", if_empty=True, stdout=io.StringIO())
    assert ServiceArea.objects.count() == 19


def test_refuses_to_run_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        make()
    assert not ServiceArea.objects.exists()
