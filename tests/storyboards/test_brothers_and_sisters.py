"""A storyboard for brothers and sisters together is kept on one child's file (the main child's),
and is for the others too (also_for): each of them finds it on their own storyboards page, with
whose file keeps it, and a link only for a viewer who may see that file; sharing it writes the
timeline entry on every child it is for, never on another family's."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.children.factories import ChildFactory
from tests.organisation.factories import TeamFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from tests.storyboards.factories import fill_words, share, start_storyboard
from together.children.models import TimelineEntry
from together.storyboards import services
from together.storyboards.models import StoryboardShare

SHARED = "A storyboard was shared with Jayden and Ruby (read together): Our story"


def _start(by, child, also_for, title):
    return services.storyboard_start(
        by=by, child=child, token=None, title=title, prompts=["who_i_am"], also_for=also_for
    )


@pytest.fixture
def family(world):
    """Jayden (world.child) and his sister Ruby, in the same proceedings. Ruby is also in
    proceedings in another area, allocated to `fca_other_area`, who may see her file but not
    Jayden's. Another family (Ola and her brother Sam) has a storyboard of its own."""
    from types import SimpleNamespace

    ruby = ChildFactory(preferred_name="Ruby", legal_given_names="Ruby Mae")
    ProceedingsChildFactory(proceedings=world.proceedings, child=ruby)
    elsewhere = ProceedingsFactory(service_area=world.other_area)
    ProceedingsChildFactory(proceedings=elsewhere, child=ruby)
    allocate(elsewhere, world.fca_other_area, TeamFactory(service_area=world.other_area))

    ola = ChildFactory(preferred_name="Ola", legal_given_names="Ola")
    sam = ChildFactory(preferred_name="Sam", legal_given_names="Sam")
    theirs = ProceedingsFactory(service_area=world.area)
    for child in (ola, sam):
        ProceedingsChildFactory(proceedings=theirs, child=child)
    allocate(theirs, world.fca_allocated, world.team)

    ours = _start(world.fca_allocated, world.child, [ruby], "Our story")
    other = _start(world.fca_allocated, ola, [sam], "Ola and Sam's story")
    alone = start_storyboard(world)  # Jayden's own, for him alone
    return SimpleNamespace(ruby=ruby, ola=ola, sam=sam, ours=ours, other=other, alone=alone)


def _list(child):
    return f"/children/{child.uuid}/storyboards/"


def _builder(storyboard):
    return f"/children/{storyboard.child.uuid}/storyboards/{storyboard.uuid}/"


def test_a_sisters_page_lists_the_storyboard_kept_on_her_brothers_file_and_links_to_it(
    client, world, family
):
    share(fill_words(family.ours, world.fca_allocated), world.fca_allocated, "Jayden and Ruby")
    client.force_login(world.fca_allocated)
    page = client.get(_list(family.ruby)).content.decode()
    assert "Storyboards Ruby shares with a brother or sister" in page
    assert "Our story" in page and "Kept on Jayden's file" in page
    assert f'href="{_builder(family.ours)}"' in page
    assert "Shared" in page
    # Only the storyboard that is for her too; nothing of another family's.
    assert "Jayden&#x27;s story" not in page
    assert "Ola" not in page and "Sam" not in page
    assert "No storyboards are kept on Ruby's file yet." in page
    # The link opens it on Jayden's file.
    opened = client.get(_builder(family.ours))
    assert opened.status_code == 200 and "Our story" in opened.content.decode()


def test_the_main_childs_page_is_unchanged(client, world, family):
    client.force_login(world.fca_allocated)
    page = client.get(_list(world.child)).content.decode()
    assert "Our story" in page and "Jayden&#x27;s story" in page
    assert "shares with a brother or sister" not in page and "Kept on" not in page


def test_a_viewer_who_may_not_see_the_main_childs_file_sees_it_listed_without_a_link(
    client, world, family
):
    viewer = world.fca_other_area  # Ruby's FCA in her other proceedings
    client.force_login(viewer)
    response = client.get(_list(family.ruby))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Our story" in page and "Kept on Jayden's file" in page
    assert "You cannot see Jayden's file" in page
    assert str(family.ours.uuid) not in page and f"/children/{world.child.uuid}/" not in page
    assert "Ola" not in page and "Sam" not in page
    # Jayden's file stays closed to them.
    assert client.get(_builder(family.ours)).status_code == 404
    assert client.get(_list(world.child)).status_code == 404


@pytest.mark.parametrize("relationship", ["fca_same_team", "supervisor_other_team", "sysadmin"])
def test_a_viewer_who_may_not_see_the_sisters_file_is_shown_nothing(
    client, world, family, relationship
):
    client.force_login(world.users[relationship])
    assert client.get(_list(family.ruby)).status_code == 404


def test_sharing_puts_the_entry_on_every_childs_timeline(client, world, family):
    share(fill_words(family.other, world.fca_allocated), world.fca_allocated, "Ola and Sam")
    share(fill_words(family.ours, world.fca_allocated), world.fca_allocated, "Jayden and Ruby")

    def entries(child):
        return list(
            TimelineEntry.objects.filter(
                child=child, kind=TimelineEntry.Kind.STORYBOARD, summary__contains="was shared"
            ).values_list("summary", "actor")
        )

    mine = [(SHARED, world.fca_allocated.pk)]
    assert entries(world.child) == mine and entries(family.ruby) == mine
    theirs = [
        (
            "A storyboard was shared with Ola and Sam (read together): Ola and Sam's story",
            world.fca_allocated.pk,
        )
    ]
    assert entries(family.ola) == theirs and entries(family.sam) == theirs
    # As a user would see it, on Ruby's timeline.
    client.force_login(world.fca_allocated)
    timeline = client.get(f"/children/{family.ruby.uuid}/timeline/").content.decode()
    assert "A storyboard was shared with Jayden and Ruby (read together): Our story" in timeline
    assert "Ola" not in timeline


def test_a_storyboard_for_one_child_goes_on_their_timeline_only(world, family):
    share(fill_words(family.alone, world.fca_allocated), world.fca_allocated)
    shared = TimelineEntry.objects.filter(summary__startswith="A storyboard was shared")
    assert [entry.child for entry in shared] == [world.child]


def test_the_entries_are_written_in_the_same_transaction_as_the_share(world, family, monkeypatch):
    from together.storyboards.services import sharing

    fill_words(family.ours, world.fca_allocated)
    written = []
    real = sharing.timeline_entry_add

    def fails_for_ruby(*, child, **kwargs):
        if child == family.ruby:
            raise ValidationError("Ruby's timeline could not be written")
        written.append(real(child=child, **kwargs))

    monkeypatch.setattr(sharing, "timeline_entry_add", fails_for_ruby)
    with pytest.raises(ValidationError):
        share(family.ours, world.fca_allocated, "Jayden and Ruby")
    assert len(written) == 1  # Jayden's was written, then undone with the share
    assert not TimelineEntry.objects.filter(summary__startswith="A storyboard was shared").exists()
    assert not StoryboardShare.objects.exists()


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


# Session and user (2); the child, with the viewer's everyday access, which also answers whether
# they may change the file (1); the child's own storyboards (1); the storyboards kept on a
# brother's or sister's file, with whether the viewer may see that file (1: the one more this
# listing needs); the logged view (1); the seen status at the top (2).
LIST_PAGE_QUERIES = 8


def test_the_list_page_asks_the_same_number_of_queries_however_many_storyboards(
    client, world, family
):
    client.force_login(world.fca_allocated)
    urls = [_list(world.child), _list(family.ruby)]
    for url in urls:
        client.get(url)  # warm the session
    before = [_count(client, url) for url in urls]
    for n in range(3):
        board = _start(world.fca_allocated, world.child, [family.ruby], f"Story {n}")
        share(fill_words(board, world.fca_allocated), world.fca_allocated, "Jayden and Ruby")
        start_storyboard(world)
    assert [_count(client, url) for url in urls] == before == [LIST_PAGE_QUERIES] * 2
    client.force_login(world.fca_other_area)
    client.get(_list(family.ruby))
    assert _count(client, _list(family.ruby)) == LIST_PAGE_QUERIES
