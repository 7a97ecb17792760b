"""The version check: a change made on an old version of a record is refused, naming who saved
since, instead of silently overwriting their change."""

import datetime

import pytest
from django.db import transaction

from tests.children.factories import ChildFactory
from together.children.models import Child
from together.core.exceptions import EditConflict
from together.core.versioning import lock_at_version

pytestmark = pytest.mark.django_db

SAVED_AT = datetime.datetime(2026, 6, 1, 9, 30, tzinfo=datetime.UTC)


@transaction.atomic
def test_the_record_at_the_version_the_person_saw_is_returned_for_the_change():
    child = ChildFactory(version=3)
    locked = lock_at_version(Child.objects.all(), pk=child.pk, version=3)
    assert locked == child and locked is not child


@transaction.atomic
def test_a_change_made_on_an_old_version_is_refused_with_who_saved_since_and_when():
    child = ChildFactory(version=4)
    with pytest.raises(EditConflict) as refused:
        lock_at_version(
            Child.objects.all(),
            pk=child.pk,
            version="3",  # as a form posts it
            last_saved=lambda row: (f"whoever saved version {row.version}", SAVED_AT),
        )
    assert (refused.value.by, refused.value.at) == ("whoever saved version 4", SAVED_AT)


@transaction.atomic
def test_without_a_way_to_tell_who_saved_the_conflict_names_no_one():
    child = ChildFactory(version=2)
    with pytest.raises(EditConflict) as refused:
        lock_at_version(Child.objects.all(), pk=child.pk, version=1)
    assert (refused.value.by, refused.value.at) == (None, None)


@transaction.atomic
def test_without_a_version_the_record_is_locked_and_not_checked():
    child = ChildFactory(version=7)
    assert lock_at_version(Child.objects.all(), pk=child.pk, version=None).version == 7
