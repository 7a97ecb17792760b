"""Who sees a child's file: every relationship, against the one policy in children.rules."""

import pytest

from tests.conftest import SEES_CHILD
from together.children import rules


@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_who_sees_the_childs_file(world, relationship, sees):
    user = world.users[relationship]
    assert rules.may_see_child(user, world.child) is sees
    assert (world.child in rules.visible_children(user)) is sees


def test_an_fca_no_longer_sees_a_child_once_reallocated(world):
    from django.utils import timezone

    world.proceedings.allocations.update(ended_at=timezone.now())
    assert not rules.may_see_child(world.fca_allocated, world.child)


def test_breaking_the_glass_opens_the_file_for_a_while_only(world):
    from datetime import timedelta

    from django.utils import timezone

    from together.children.services import break_glass_open

    outsider = world.fca_other_area
    grant = break_glass_open(by=outsider, child=world.child, reason="Covering duty today")
    assert rules.may_see_child(outsider, world.child)
    assert not rules.has_everyday_access(outsider, world.child)
    assert not rules.may_see_confidential_address(outsider, world.child)
    type(grant).objects.filter(pk=grant.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert not rules.may_see_child(outsider, world.child)


def _allocated_both_ways(user, child) -> tuple[bool, bool]:
    """Whether `user` is allocated to proceedings `child` is in, by children.rules' lookup on
    Child and by proceedings.rules' own statement of the rule."""
    from together.children.models import Child
    from together.proceedings import rules as proceedings_rules
    from together.proceedings.models import Proceedings

    by_child = Child.objects.filter(rules.allocated_to_q(user), pk=child.pk).exists()
    by_proceedings = Proceedings.objects.filter(
        proceedings_rules.allocated_to_q(user), children=child
    ).exists()
    return by_child, by_proceedings


def test_the_childs_rule_says_allocated_to_as_the_proceedings_rule_does(world):
    """children.rules cannot import proceedings.rules, so it states "allocated to" again as a
    lookup on Child: both must give the same answer, for every relationship and after the
    allocation moves on (the old one ended, a new one current)."""
    from django.utils import timezone

    from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate

    # A second set of proceedings, once allocated to the same FCA, now to no one.
    earlier = ProceedingsFactory(service_area=world.area)
    ProceedingsChildFactory(proceedings=earlier, child=world.child)
    allocate(earlier, world.fca_allocated, world.team)
    earlier.allocations.update(ended_at=timezone.now())

    answers = {name: _allocated_both_ways(user, world.child) for name, user in world.users.items()}
    assert {name for name, (by_child, _) in answers.items() if by_child} == {"fca_allocated"}
    assert all(by_child == by_proceedings for by_child, by_proceedings in answers.values())

    world.proceedings.allocations.update(ended_at=timezone.now())
    allocate(world.proceedings, world.fca_same_team, world.team)
    answers = {name: _allocated_both_ways(user, world.child) for name, user in world.users.items()}
    assert {name for name, (by_child, _) in answers.items() if by_child} == {"fca_same_team"}
    assert all(by_child == by_proceedings for by_child, by_proceedings in answers.values())


def test_a_supervisor_who_left_the_team_no_longer_sees_its_children(world):
    from django.utils import timezone

    supervisor = world.supervisor_team
    supervisor.team_memberships.update(ended_on=timezone.localdate())
    assert not rules.may_see_child(supervisor, world.child)


def test_a_manager_sees_the_children_of_their_own_area_only_while_active(world):
    manager = world.manager_area
    assert rules.has_everyday_access(manager, world.child)
    manager.is_active = False
    assert not rules.has_everyday_access(manager, world.child)
