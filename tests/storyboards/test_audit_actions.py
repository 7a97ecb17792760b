"""Each storyboard service writes its own action to the audit log, with its detail, in the
transaction that makes the change: a change that fails leaves no event."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.storyboards.factories import fill_words, png_bytes, share, start_storyboard
from together.audit.models import Action, AuditEvent
from together.core.exceptions import EditConflict
from together.language.selectors import LanguageNotConfirmed
from together.storyboards import services
from together.storyboards.models import Drawing, SharedHow
from together.storyboards.selectors import panels_of


def _panel(storyboard, index=0):
    panel = panels_of(storyboard)[index]
    panel.storyboard = storyboard
    return panel


def _only(action):
    events = list(AuditEvent.objects.filter(action=action))
    assert len(events) == 1, [e.detail for e in events]
    return events[0]


def test_starting_a_storyboard_is_logged_as_started(world):
    storyboard = start_storyboard(world)
    event = _only(Action.STORYBOARD_CREATED)
    assert event.child_id == world.child.uuid and event.object_id == str(storyboard.uuid)
    assert event.detail["storyboard"] == "started"
    assert event.get_action_display() == "Started a storyboard for a child"


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda by, s: services.panel_add(by=by, storyboard=s, version=s.version), "panel added"),
        (
            lambda by, s: services.panel_update(
                by=by, panel=_panel(s), version=s.version, prompt="Me", words="Hello."
            ),
            "panel changed",
        ),
        (
            lambda by, s: services.panel_position_change(
                by=by, panel=_panel(s), version=s.version, direction="down"
            ),
            "panel moved down",
        ),
        (
            lambda by, s: services.panel_remove(by=by, panel=_panel(s), version=s.version),
            "panel removed",
        ),
        (
            lambda by, s: services.panel_pictures_set(
                by=by, panel=_panel(s), version=s.version, pictures=["sun"]
            ),
            "pictures chosen",
        ),
    ],
)
def test_a_change_to_the_panels_is_logged_as_a_storyboard_change(world, change, detail):
    storyboard = start_storyboard(world)
    change(world.fca_allocated, storyboard)
    event = _only(Action.STORYBOARD_CHANGED)
    assert event.detail["storyboard"] == detail
    assert not AuditEvent.objects.filter(action=Action.CHILD_UPDATED).exists()


def test_a_change_refused_as_out_of_date_leaves_no_event(world):
    storyboard = start_storyboard(world)
    seen = storyboard.version
    services.panel_add(by=world.fca_allocated, storyboard=storyboard, version=seen)
    with pytest.raises(EditConflict):
        services.panel_update(
            by=world.fca_allocated, panel=_panel(storyboard), version=seen, prompt="", words="Hi"
        )
    assert [
        e.detail["storyboard"] for e in AuditEvent.objects.filter(action=Action.STORYBOARD_CHANGED)
    ] == ["panel added"]


def test_adding_and_removing_a_drawing_have_actions_of_their_own(world):
    storyboard = start_storyboard(world)
    drawing = services.drawing_add(
        by=world.fca_allocated,
        panel=_panel(storyboard),
        version=storyboard.version,
        data=png_bytes(),
        description="A drawing of the dog",
    )
    assert _only(Action.STORYBOARD_DRAWING_ADDED).detail["picture"] == str(drawing.uuid)
    drawing.storyboard = storyboard
    services.drawing_remove(by=world.fca_allocated, drawing=drawing, version=storyboard.version)
    removed = _only(Action.STORYBOARD_DRAWING_REMOVED)
    assert removed.detail["description"] == "A drawing of the dog"
    assert not AuditEvent.objects.filter(action=Action.STORYBOARD_CHANGED).exists()


def test_an_upload_that_is_not_a_picture_leaves_no_event_and_no_drawing(world):
    storyboard = start_storyboard(world)
    with pytest.raises(ValidationError):
        services.drawing_add(
            by=world.fca_allocated,
            panel=_panel(storyboard),
            version=storyboard.version,
            data=b"just some words",
            description="A drawing",
        )
    assert not Drawing.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.STORYBOARD_DRAWING_ADDED).exists()


def test_sharing_a_response_and_a_reflection_each_have_their_own_action(world):
    storyboard = fill_words(start_storyboard(world), world.fca_allocated)
    shared = share(storyboard, world.fca_allocated)
    event = _only(Action.STORYBOARD_SHARED)
    assert event.detail["version"] == 1 and event.detail["how"] == SharedHow.READ_TOGETHER
    services.share_response_record(by=world.fca_allocated, share=shared, response="i liked it")
    assert _only(Action.STORYBOARD_RESPONSE_RECORDED).detail["version"] == 1
    reflection = services.reflection_record(
        by=world.fca_allocated,
        storyboard=storyboard,
        what_worked="Choosing the pictures together.",
        what_to_change="",
    )
    assert _only(Action.STORYBOARD_REFLECTION_RECORDED).object_id == str(reflection.uuid)


def test_a_share_the_language_check_stops_leaves_no_event_and_no_link(world):
    from together.feedback.models import FeedbackInvitation

    storyboard = fill_words(
        start_storyboard(world),
        world.fca_allocated,
        words="The local authority applied for an order.",
    )
    with pytest.raises(LanguageNotConfirmed):
        services.storyboard_share_record(
            by=world.fca_allocated,
            storyboard=storyboard,
            version=storyboard.version,
            shared_with="Jayden",
            shared_how=SharedHow.READ_TOGETHER,
            shared_on=timezone.localdate(),
        )
    assert not AuditEvent.objects.filter(action=Action.STORYBOARD_SHARED).exists()
    assert not FeedbackInvitation.objects.exists()


def test_a_reflection_that_names_the_child_leaves_no_event(world):
    storyboard = start_storyboard(world)
    with pytest.raises(ValidationError):
        services.reflection_record(
            by=world.fca_allocated,
            storyboard=storyboard,
            what_worked="Jayden liked it.",
            what_to_change="",
        )
    assert not AuditEvent.objects.filter(action=Action.STORYBOARD_REFLECTION_RECORDED).exists()


def test_the_feedback_link_of_a_shared_storyboard_is_filed_under_storyboards(world):
    from together.feedback.models import Source

    storyboard = fill_words(start_storyboard(world), world.fca_allocated)
    shared = share(storyboard, world.fca_allocated)
    assert shared.invitation.source == Source.STORYBOARD_SHARE
    assert shared.invitation.get_source_display() == "Shared storyboard"
    assert shared.invitation.source_id == shared.uuid


def test_links_made_before_there_was_a_storyboard_source_move_to_it(world):
    """The data migration moves the links storyboards made under the plan-share source, and only
    those: a plan's own link stays where it is."""
    import importlib

    from django.apps import apps

    from tests.feedback.factories import InvitationFactory
    from together.feedback.models import FeedbackInvitation, Source

    migration = importlib.import_module(
        "together.storyboards.migrations.0003_feedback_from_storyboards_filed_as_such"
    )
    storyboard = fill_words(start_storyboard(world), world.fca_allocated)
    shared = share(storyboard, world.fca_allocated)
    FeedbackInvitation.objects.filter(pk=shared.invitation_id).update(source=Source.PLAN_SHARE)
    plans_own = InvitationFactory(source=Source.PLAN_SHARE)

    migration.file_under_storyboards(apps, None)
    shared.invitation.refresh_from_db()
    plans_own.refresh_from_db()
    assert shared.invitation.source == Source.STORYBOARD_SHARE
    assert plans_own.source == Source.PLAN_SHARE

    migration.file_under_plans(apps, None)
    shared.invitation.refresh_from_db()
    assert shared.invitation.source == Source.PLAN_SHARE
