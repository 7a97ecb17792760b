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
