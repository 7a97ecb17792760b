"""The hearing form sent twice (a double click, a browser's retry) records one hearing, and the
second post takes the person where the first did (ADR 0016)."""

import pytest
from django.urls import reverse

from tests.proceedings.test_views import hearing_post
from tests.submit_once import assert_sent_to_the_same_place, post_twice
from together.children.models import TimelineEntry
from together.proceedings.models import Hearing


@pytest.mark.parametrize("page", ["proceedings:detail", "proceedings:hearing-add"])
def test_recording_a_hearing_twice_with_one_form_records_it_once(client, world, page):
    """The form is on the proceedings page and on a page of its own; both carry the token."""
    client.force_login(world.fca_allocated)
    first, second = post_twice(
        client,
        page=reverse(page, args=[world.proceedings.uuid]),
        to=reverse("proceedings:hearing-add", args=[world.proceedings.uuid]),
        answers=hearing_post(),
    )
    assert_sent_to_the_same_place(first, second)
    assert first["Location"].endswith(f"/proceedings/{world.proceedings.uuid}/#hearings")
    assert Hearing.objects.filter(proceedings=world.proceedings).count() == 1
    assert world.child.timeline.filter(kind=TimelineEntry.Kind.HEARING).count() == 1
    page = client.get(first["Location"]).content.decode()
    assert page.count("Interim order made") == 1
