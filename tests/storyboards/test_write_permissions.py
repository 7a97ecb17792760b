"""Every service that writes storyboards checks who is writing, whoever calls it (see
tests/write_permissions.py for how these tests work)."""

from django.utils import timezone

from tests.storyboards.factories import fill_words, png_bytes, share, start_storyboard
from tests.write_permissions import (
    INACTIVE,
    MAY_NOT_CHANGE_THE_FILE,
    SIGNED_OUT,
    Write,
    WritePermissions,
)
from together.core.form_tokens import new_token
from together.storyboards import services
from together.storyboards.models import SharedHow
from together.storyboards.selectors import panels_of


def _panel(world):
    storyboard = start_storyboard(world)
    panel = panels_of(storyboard)[0]
    panel.storyboard = storyboard
    return panel


def _drawing(world):
    panel = _panel(world)
    drawing = services.drawing_add(
        by=world.fca_allocated,
        panel=panel,
        version=panel.storyboard.version,
        data=png_bytes(),
        description="A drawing of a house",
    )
    drawing.storyboard = panel.storyboard
    return drawing


def _ready_to_share(world):
    return fill_words(start_storyboard(world), world.fca_allocated)


def _shared(world):
    return share(_ready_to_share(world), world.fca_allocated)


WRITES = {
    "storyboard_start": Write(
        lambda world, by, _: start_storyboard(world, by=by, token=new_token()),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
    ),
    "panel_add": Write(
        lambda world, by, panel: services.panel_add(
            by=by, storyboard=panel.storyboard, version=panel.storyboard.version
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_panel,
    ),
    "panel_update": Write(
        lambda world, by, panel: services.panel_update(
            by=by, panel=panel, version=panel.storyboard.version, prompt="Hello", words="Hi."
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="supervisor_team",
        setup=_panel,
    ),
    "panel_position_change": Write(
        lambda world, by, panel: services.panel_position_change(
            by=by, panel=panel, version=panel.storyboard.version, direction="down"
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_panel,
    ),
    "panel_remove": Write(
        lambda world, by, panel: services.panel_remove(
            by=by, panel=panel, version=panel.storyboard.version
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_panel,
    ),
    "panel_pictures_set": Write(
        lambda world, by, panel: services.panel_pictures_set(
            by=by, panel=panel, version=panel.storyboard.version, pictures=["judge", "sun"]
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_panel,
    ),
    "drawing_add": Write(
        lambda world, by, panel: services.drawing_add(
            by=by,
            panel=panel,
            version=panel.storyboard.version,
            data=png_bytes(),
            description="A drawing of a house",
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_panel,
    ),
    "drawing_remove": Write(
        lambda world, by, drawing: services.drawing_remove(
            by=by, drawing=drawing, version=drawing.storyboard.version
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_drawing,
    ),
    "storyboard_print_record": Write(
        lambda world, by, storyboard: services.storyboard_print_record(
            by=by, storyboard=storyboard
        ),
        refused=("fca_other_area", "head_other_region", "sysadmin", SIGNED_OUT, INACTIVE),
        allowed="national",
        setup=start_storyboard,
    ),
    "storyboard_share_record": Write(
        lambda world, by, storyboard: services.storyboard_share_record(
            by=by,
            storyboard=storyboard,
            version=storyboard.version,
            shared_with="Jayden",
            shared_how=SharedHow.READ_TOGETHER,
            shared_on=timezone.localdate(),
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_ready_to_share,
    ),
    "share_response_record": Write(
        lambda world, by, shared: services.share_response_record(
            by=by, share=shared, response="I liked the pictures of the dog"
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=_shared,
    ),
    "reflection_record": Write(
        lambda world, by, storyboard: services.reflection_record(
            by=by,
            storyboard=storyboard,
            what_worked="Drawing the house together helped him talk.",
            what_to_change="Fewer words on each panel.",
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=start_storyboard,
    ),
}


# Records a read through the secure link: the reader holds the link and is signed in as nobody,
# so there is no one to check; the public view reaches it only for a live link.
NO_CHECK_BY_DESIGN = frozenset({"storyboard_link_read_record"})


class TestWritePermissions(WritePermissions):
    app = "storyboards"
    writes = WRITES
    no_check_by_design = NO_CHECK_BY_DESIGN
