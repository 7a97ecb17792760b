"""Removing a child's drawing or photo from a storyboard: gone from the storyboard, kept in the
versions already shared, and deleted for good when no shared version shows it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.storyboards.factories import png_bytes, share, start_storyboard
from together.audit.models import Action, AuditEvent
from together.core.form_tokens import new_token
from together.storyboards import services
from together.storyboards.models import Drawing
from together.storyboards.selectors import panels_of

DESCRIPTION = "Jayden's drawing of his house"


def _builder(world, storyboard):
    return f"/children/{world.child.uuid}/storyboards/{storyboard.uuid}/"


def _first_panel(storyboard):
    panel = panels_of(storyboard)[0]
    panel.storyboard = storyboard
    return panel


def _add_drawing(world, storyboard, description="A drawing of the dog"):
    drawing = services.drawing_add(
        by=world.fca_allocated,
        panel=_first_panel(storyboard),
        version=storyboard.version,
        data=png_bytes(),
        description=description,
    )
    drawing.storyboard = storyboard
    return drawing


def _remove(world, drawing, by=None):
    services.drawing_remove(
        by=by or world.fca_allocated, drawing=drawing, version=drawing.storyboard.version
    )


def test_a_drawing_no_shared_version_shows_is_deleted_for_good(client, world):
    storyboard = start_storyboard(world)
    drawing = _add_drawing(world, storyboard)
    _remove(world, drawing)
    assert not Drawing.objects.filter(uuid=drawing.uuid).exists()
    client.force_login(world.fca_allocated)
    assert "A drawing of the dog" not in client.get(_builder(world, storyboard)).content.decode()
    picture = client.get(f"{_builder(world, storyboard)}pictures/{drawing.uuid}/")
    assert picture.status_code == 404
    event = AuditEvent.objects.get(action=Action.STORYBOARD_DRAWING_REMOVED)
    assert event.detail["picture"] == str(drawing.uuid)
    assert event.detail["kept_for_shared_versions"] is False


def test_a_drawing_a_shared_version_shows_stays_in_that_version_only(client, world, shared):
    storyboard = shared.storyboard
    drawing = Drawing.objects.get(storyboard=storyboard)
    drawing.storyboard = storyboard
    _remove(world, drawing)

    # Gone from the storyboard and from the next version shared.
    client.force_login(world.fca_allocated)
    assert "drawing of his house" not in client.get(_builder(world, storyboard)).content.decode()
    second = share(storyboard, world.fca_allocated)
    assert all(not panel["drawings"] for panel in second.snapshot["panels"])

    # The first version, read through its link, still shows it: what was shared stays true.
    client.logout()
    page = client.get(f"/l/s/{shared.invitation.token}").content.decode()
    assert "Jayden&#x27;s drawing of his house" in page
    picture = client.get(f"/l/s/{shared.invitation.token}/pictures/{drawing.uuid}")
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
    # The second version's link does not.
    assert (
        "drawing of his house" not in client.get(f"/l/s/{second.invitation.token}").content.decode()
    )
    assert client.get(f"/l/s/{second.invitation.token}/pictures/{drawing.uuid}").status_code == 404


def test_removing_a_panel_keeps_only_the_drawings_a_shared_version_shows(client, world, shared):
    storyboard = shared.storyboard
    kept = Drawing.objects.get(storyboard=storyboard)
    storyboard.refresh_from_db()
    unshared = _add_drawing(world, storyboard)
    panel = _first_panel(storyboard)
    services.panel_remove(by=world.fca_allocated, panel=panel, version=storyboard.version)
    assert not Drawing.objects.filter(uuid=unshared.uuid).exists()
    kept.refresh_from_db()
    assert kept.panel is None and kept.removed_by == world.fca_allocated
    picture = client.get(f"/l/s/{shared.invitation.token}/pictures/{kept.uuid}")
    assert picture.status_code == 200


def test_an_fca_removes_a_drawing_from_the_builder_without_javascript(client, world, shared):
    storyboard = shared.storyboard
    storyboard.refresh_from_db()
    drawing = Drawing.objects.get(storyboard=storyboard)
    client.force_login(world.fca_allocated)
    builder = client.get(_builder(world, storyboard)).content.decode()
    remove_url = f"{_builder(world, storyboard)}pictures/{drawing.uuid}/remove/"
    assert f'href="{remove_url}"' in builder

    confirm = client.get(remove_url)
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "Remove “Jayden&#x27;s drawing of his house”?" in page
    assert "Versions already shared keep showing it" in page

    response = client.post(remove_url, {"version": storyboard.version}, follow=True)
    page = response.content.decode()
    assert "“Jayden&#x27;s drawing of his house” has been removed" in page
    assert f"pictures/{drawing.uuid}/" not in page

    # The same form sent again (a double click) removes nothing more and says so plainly.
    again = client.post(remove_url, {"version": storyboard.version}, follow=True)
    assert "That picture is no longer on the storyboard" in again.content.decode()
    assert AuditEvent.objects.filter(action=Action.STORYBOARD_DRAWING_REMOVED).count() == 1


def test_a_removal_from_an_old_page_is_refused_with_a_message(client, world, shared):
    storyboard = shared.storyboard
    storyboard.refresh_from_db()
    drawing = Drawing.objects.get(storyboard=storyboard)
    seen = storyboard.version
    services.panel_add(by=world.supervisor_team, storyboard=storyboard, version=seen)
    client.force_login(world.fca_allocated)
    response = client.post(
        f"{_builder(world, storyboard)}pictures/{drawing.uuid}/remove/",
        {"version": seen},
        follow=True,
    )
    assert "Someone else changed this storyboard" in response.content.decode()
    drawing.refresh_from_db()
    assert drawing.removed_at is None and drawing.panel_id is not None
    assert not AuditEvent.objects.filter(action=Action.STORYBOARD_DRAWING_REMOVED).exists()


def test_the_upload_form_sent_again_after_its_picture_was_removed_says_so(client, world):
    storyboard = start_storyboard(world)
    panel = _first_panel(storyboard)
    client.force_login(world.fca_allocated)
    url = f"{_builder(world, storyboard)}panels/{panel.uuid}/upload/"
    token = new_token()
    form = {
        "version": storyboard.version,
        "description": DESCRIPTION,
        "agreed": "on",
        "form_token": token,
    }
    first = client.post(
        url, {**form, "image": SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")}
    )
    assert first.status_code == 302
    drawing = Drawing.objects.get(storyboard=storyboard)
    storyboard.refresh_from_db()
    drawing.storyboard = storyboard
    _remove(world, drawing)
    storyboard.refresh_from_db()
    again = client.post(
        url,
        {
            **form,
            "version": storyboard.version,
            "image": SimpleUploadedFile("a.png", png_bytes(), content_type="image/png"),
        },
    )
    assert again.status_code == 200
    assert "This picture was added and then removed" in again.content.decode()
    assert not Drawing.objects.filter(storyboard=storyboard).exists()
