"""What an FCA notices when they make, change and share a storyboard."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.children.factories import ConnectionFactory, FamilyMemberFactory
from tests.storyboards.factories import fill_words, png_bytes, share, start_storyboard
from together.children.models import TimelineEntry
from together.core.exceptions import EditConflict
from together.language.selectors import LanguageNotConfirmed
from together.storyboards import services
from together.storyboards.models import SharedHow, Stage
from together.storyboards.pictures import PICTURES, picture_search
from together.storyboards.prompts import PROMPTS
from together.storyboards.selectors import panels_of


def _panels(storyboard):
    panels = panels_of(storyboard)
    for panel in panels:
        panel.storyboard = storyboard
    return panels


def test_a_storyboard_starts_with_a_panel_for_each_prompt_chosen_in_order(world):
    storyboard = start_storyboard(world, prompts=["talk_to", "who_i_am"])
    panels = _panels(storyboard)
    assert [p.prompt for p in panels] == ["Who I am and why I am here", "Who you can talk to"]
    assert panels[0].words.startswith(f"My name is {world.fca_allocated.given_name}.")
    assert panels[0].pictures == ["worker", "waving"]
    entry = TimelineEntry.objects.get(child=world.child, kind=TimelineEntry.Kind.STORYBOARD)
    assert "started" in entry.summary


def test_the_family_panel_names_people_as_the_child_does(world):
    mum = FamilyMemberFactory(given_name="Deborah", family_name="Fowler")
    ConnectionFactory(child=world.child, person=mum, relationship="mother", child_calls_them="Mum")
    nan = FamilyMemberFactory(given_name="Patricia", family_name="Fowler")
    ConnectionFactory(
        child=world.child, person=nan, relationship="grandparent", child_calls_them="Nanny Pat"
    )
    storyboard = start_storyboard(world, prompts=["family"])
    words = _panels(storyboard)[0].words
    assert "Mum" in words and "Nanny Pat" in words and "Deborah" not in words
    panel = _panels(storyboard)[0]
    services.panel_update(
        by=world.fca_allocated,
        panel=panel,
        version=storyboard.version,
        prompt=panel.prompt,
        words="Deborah Fowler loves you.",
    )
    panel.refresh_from_db()
    assert panel.words == "Mum loves you."


def test_a_double_click_starts_one_storyboard(world):
    from together.core.form_tokens import new_token

    token = new_token()
    first = start_storyboard(world, token=token)
    again = start_storyboard(world, token=token)
    assert first.pk == again.pk


def test_panels_move_up_and_down_and_stay_at_the_ends(world):
    storyboard = start_storyboard(world, prompts=[p.key for p in PROMPTS[:3]])
    first, second, third = _panels(storyboard)
    services.panel_position_change(
        by=world.fca_allocated, panel=third, version=storyboard.version, direction="up"
    )
    assert [p.uuid for p in _panels(storyboard)] == [first.uuid, third.uuid, second.uuid]
    top = _panels(storyboard)[0]
    services.panel_position_change(
        by=world.fca_allocated, panel=top, version=storyboard.version, direction="up"
    )
    assert [p.uuid for p in _panels(storyboard)] == [first.uuid, third.uuid, second.uuid]


def test_two_people_changing_the_same_storyboard_do_not_overwrite_each_other(world):
    storyboard = start_storyboard(world)
    seen = storyboard.version
    panel = _panels(storyboard)[0]
    services.panel_update(
        by=world.fca_allocated, panel=panel, version=seen, prompt="Me", words="Hello."
    )
    with pytest.raises(EditConflict):
        services.panel_update(
            by=world.supervisor_team, panel=panel, version=seen, prompt="Me", words="Hi there."
        )
    panel.refresh_from_db()
    assert panel.words == "Hello."


def test_pictures_come_only_from_the_library(world):
    storyboard = start_storyboard(world)
    panel = _panels(storyboard)[0]
    with pytest.raises(ValidationError):
        services.panel_pictures_set(
            by=world.fca_allocated,
            panel=panel,
            version=storyboard.version,
            pictures=["https://example.com/x.svg"],
        )


def test_the_library_is_searchable_by_word_and_every_picture_is_on_disk():
    from django.contrib.staticfiles import finders

    assert 50 <= len(PICTURES) <= 150
    assert {p.id for p in picture_search("judge")} >= {"judge", "judge-woman", "judge-man"}
    assert any(p.id == "grandma-dark" for p in picture_search("nan dark"))
    for picture in PICTURES:
        assert picture.alt and finders.find(picture.static_path), picture.id


def test_an_uploaded_photo_loses_its_location_and_camera_data(world):
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # the camera's maker
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # where it was taken
    data = png_bytes(fmt="JPEG", exif=exif.tobytes())
    assert b"PhoneMaker" in data
    storyboard = start_storyboard(world)
    drawing = services.drawing_add(
        by=world.fca_allocated,
        panel=_panels(storyboard)[0],
        version=storyboard.version,
        data=data,
        description="A photo of the garden",
    )
    stored = bytes(drawing.image)
    assert b"PhoneMaker" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif()
        assert image.format == "JPEG"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7 not a picture", "The picture must be a JPG or PNG"),
        (png_bytes(fmt="GIF"), "The picture must be a JPG or PNG"),
        (b"x" * (10 * 1024 * 1024 + 1), "The picture must be smaller than 10MB"),
    ],
)
def test_an_upload_that_is_not_a_small_picture_is_refused_clearly(world, data, message):
    storyboard = start_storyboard(world)
    with pytest.raises(ValidationError) as error:
        services.drawing_add(
            by=world.fca_allocated,
            panel=_panels(storyboard)[0],
            version=storyboard.version,
            data=data,
            description="A drawing",
        )
    assert error.value.message_dict["image"] == [message]


def test_it_cannot_be_shared_while_the_language_check_finds_something(world):
    storyboard = start_storyboard(world, prompts=["judge"])
    fill_words(storyboard, world.fca_allocated, words="The local authority applied for an order.")
    with pytest.raises(LanguageNotConfirmed):
        share(storyboard, world.fca_allocated)
    assert storyboard.shares.count() == 0


def test_sharing_keeps_a_version_a_link_and_a_timeline_entry(world):
    storyboard = fill_words(start_storyboard(world), world.fca_allocated)
    shared = share(storyboard, world.fca_allocated)
    storyboard.refresh_from_db()
    assert storyboard.stage == Stage.SHARED
    assert shared.number == 1 and len(shared.snapshot["panels"]) == 3
    assert shared.invitation.opened_at is not None
    summaries = list(
        TimelineEntry.objects.filter(kind=TimelineEntry.Kind.STORYBOARD).values_list(
            "summary", flat=True
        )
    )
    assert any("A storyboard was shared with Jayden (read together)" in s for s in summaries)
    services.share_response_record(
        by=world.fca_allocated, share=shared, response="i liked the dog picture"
    )
    storyboard.refresh_from_db()
    shared.refresh_from_db()
    assert storyboard.stage == Stage.RESPONDED
    assert shared.response == "i liked the dog picture"  # their words, as they said them


def test_a_second_share_is_a_new_version_and_the_first_is_kept(world):
    storyboard = fill_words(start_storyboard(world), world.fca_allocated)
    first = share(storyboard, world.fca_allocated)
    panel = _panels(storyboard)[0]
    services.panel_update(
        by=world.fca_allocated,
        panel=panel,
        version=storyboard.version,
        prompt=panel.prompt,
        words="You live with Mum and your cat.",
    )
    second = services.storyboard_share_record(
        by=world.fca_allocated,
        storyboard=storyboard,
        version=storyboard.version,
        shared_with="Jayden and Mum",
        shared_how=SharedHow.POSTED,
        shared_on=timezone.localdate(),
    )
    first.refresh_from_db()
    assert second.number == 2
    assert first.snapshot["panels"][0]["words"] == "You live with Mum. She loves you very much."
    assert second.snapshot["panels"][0]["words"] == "You live with Mum and your cat."


def test_a_reflection_may_not_name_the_child(world):
    storyboard = start_storyboard(world)
    with pytest.raises(ValidationError) as error:
        services.reflection_record(
            by=world.fca_allocated,
            storyboard=storyboard,
            what_worked="Jayden loved the pictures.",
            what_to_change="",
        )
    assert "Take out the child's name" in error.value.message_dict["what_worked"][0]
    reflection = services.reflection_record(
        by=world.fca_allocated,
        storyboard=storyboard,
        what_worked="He loved choosing the pictures himself.",
        what_to_change="Shorter sentences.",
    )
    assert reflection.child_age == world.child.age
    assert reflection.service_area == world.area


def test_a_storyboard_can_be_for_brothers_and_sisters_together(world):
    from tests.children.factories import ChildFactory
    from tests.proceedings.factories import ProceedingsChildFactory

    sister = ChildFactory(preferred_name="Ruby")
    ProceedingsChildFactory(proceedings=world.proceedings, child=sister)
    stranger = ChildFactory(preferred_name="Ola")
    storyboard = services.storyboard_start(
        by=world.fca_allocated,
        child=world.child,
        token=None,
        title="Our story",
        prompts=["who_i_am"],
        also_for=[sister],
    )
    assert list(storyboard.also_for.all()) == [sister]
    with pytest.raises(ValidationError):
        services.storyboard_start(
            by=world.fca_allocated,
            child=world.child,
            token=None,
            title="Our story",
            prompts=["who_i_am"],
            also_for=[stranger],
        )


def test_words_for_brothers_and_sisters_together_are_checked_for_the_youngest(world):
    import datetime

    from pypdf import PdfReader

    from tests.children.factories import ChildFactory
    from tests.proceedings.factories import ProceedingsChildFactory
    from together.storyboards.documents import storyboard_pdf
    from together.storyboards.selectors import reader_for

    today = timezone.localdate()
    sister = ChildFactory(
        preferred_name="Ruby",
        legal_given_names="Ruby Mae",
        date_of_birth=today.replace(year=today.year - 5) - datetime.timedelta(days=30),
    )
    ProceedingsChildFactory(proceedings=world.proceedings, child=sister)
    assert sister.age < world.child.age
    alone = start_storyboard(world, prompts=["judge"])
    assert reader_for(alone).audience.age == world.child.age
    together = services.storyboard_start(
        by=world.fca_allocated,
        child=world.child,
        token=None,
        title="Our story",
        prompts=["judge"],
        also_for=[sister],
    )
    reader = reader_for(together)
    assert reader.audience.age == 5 and reader.name == "Ruby"
    assert {"Ruby", "Mae", world.child.preferred_name} <= set(reader.names)
    # Their names are never flagged as words a child might not know.
    fill_words(together, world.fca_allocated, words="Ruby and Jayden, this is your story.")
    pdf = storyboard_pdf(
        together,
        services.snapshot_of(together, _panels(together)),
        worker_name="Sam Worker",
    )
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "A story for Jayden and Ruby" in text
    shared = share(together, world.fca_allocated, shared_with="Jayden and Ruby")
    assert shared.number == 1
