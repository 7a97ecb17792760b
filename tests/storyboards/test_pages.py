"""The storyboard pages as an FCA uses them, without JavaScript."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.storyboards.factories import CLEAR_WORDS, fill_words, png_bytes, share, start_storyboard
from together.storyboards import services
from together.storyboards.selectors import panels_of


def _builder(world, storyboard):
    return f"/children/{world.child.uuid}/storyboards/{storyboard.uuid}/"


def test_the_file_lists_storyboards_in_its_navigation(client, world, storyboard):
    client.force_login(world.fca_allocated)
    page = client.get(f"/children/{world.child.uuid}/").content.decode()
    assert f'href="/children/{world.child.uuid}/storyboards/"' in page
    listing = client.get(f"/children/{world.child.uuid}/storyboards/").content.decode()
    assert "Jayden&#x27;s story" in listing and "Draft" in listing


def test_starting_from_the_form_makes_the_panels(client, world):
    client.force_login(world.fca_allocated)
    response = client.post(
        f"/children/{world.child.uuid}/storyboards/new/",
        {"title": "Jayden's story", "prompts": ["who_i_am", "judge"], "form_token": "t" * 20},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Who I am and why I am here" in page and "What the judge will decide" in page


def test_move_down_is_a_form_that_works_without_javascript(client, world, storyboard):
    client.force_login(world.fca_allocated)
    first, second, _ = panels_of(storyboard)
    response = client.post(
        f"{_builder(world, storyboard)}panels/{first.uuid}/move/",
        {"version": storyboard.version, "direction": "down"},
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#panel-{first.uuid}")
    assert [p.uuid for p in panels_of(storyboard)][:2] == [second.uuid, first.uuid]
    page = client.get(_builder(world, storyboard)).content.decode()
    assert "moved down" in page


def test_a_move_from_an_old_page_is_refused_with_a_message(client, world, storyboard):
    client.force_login(world.fca_allocated)
    first = panels_of(storyboard)[0]
    response = client.post(
        f"{_builder(world, storyboard)}panels/{first.uuid}/move/",
        {"version": storyboard.version - 1 + 5, "direction": "down"},
        follow=True,
    )
    assert "Someone else changed this storyboard" in response.content.decode()
    assert panels_of(storyboard)[0].uuid == first.uuid


def test_check_my_writing_shows_findings_and_saves_nothing(client, world, storyboard):
    client.force_login(world.fca_allocated)
    panel = panels_of(storyboard)[2]
    url = f"{_builder(world, storyboard)}panels/{panel.uuid}/"
    response = client.post(
        url,
        {
            "version": storyboard.version,
            "prompt": panel.prompt,
            "words": "The local authority applied for an order.",
            "language-check": "words",
        },
    )
    assert response.status_code == 200
    assert "local authority" in response.content.decode().lower()
    panel.refresh_from_db()
    assert panel.words == ""


def test_pictures_are_found_by_word_and_saved(client, world, storyboard):
    client.force_login(world.fca_allocated)
    panel = panels_of(storyboard)[2]
    url = f"{_builder(world, storyboard)}panels/{panel.uuid}/pictures/"
    page = client.get(url, {"q": "judge"}).content.decode()
    assert "A judge who is a woman" in page and "/assets/storyboards/pictures/judge.svg" in page
    response = client.post(url, {"version": storyboard.version, "pictures": ["judge", "calendar"]})
    assert response.status_code == 302
    panel.refresh_from_db()
    assert panel.pictures == ["judge", "calendar"]


def test_an_upload_that_is_not_a_picture_says_so(client, world, storyboard):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.fca_allocated)
    panel = panels_of(storyboard)[0]
    url = f"{_builder(world, storyboard)}panels/{panel.uuid}/upload/"
    response = client.post(
        url,
        {
            "version": storyboard.version,
            "image": SimpleUploadedFile("notes.txt", b"just some words"),
            "description": "A drawing",
            "agreed": "on",
        },
    )
    assert response.status_code == 200
    assert "The picture must be a JPG or PNG" in response.content.decode()
    good = client.post(
        url,
        {
            "version": storyboard.version,
            "image": SimpleUploadedFile("house.png", png_bytes(), content_type="image/png"),
            "description": "Jayden's drawing of his house",
            "agreed": "on",
        },
    )
    assert good.status_code == 302
    assert "Jayden&#x27;s drawing of his house" in client.get(good["Location"]).content.decode()


def test_the_builder_page_asks_the_same_number_of_queries_whatever_its_size(
    client, world, django_assert_num_queries
):
    client.force_login(world.fca_allocated)
    small = fill_words(start_storyboard(world, prompts=["who_i_am"]), world.fca_allocated)
    client.get(_builder(world, small))  # warm the session and the glossary
    with CaptureQueriesContext(connection) as one:
        client.get(_builder(world, small))
    big = fill_words(start_storyboard(world), world.fca_allocated)
    for panel in panels_of(big)[:2]:
        panel.storyboard = big
        services.drawing_add(
            by=world.fca_allocated,
            panel=panel,
            version=big.version,
            data=png_bytes(),
            description="A drawing",
        )
    share(big, world.fca_allocated)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(_builder(world, big))


def test_the_pdf_has_text_to_read_and_alt_text_for_every_picture(world, shared):
    from pypdf import PdfReader

    from together.storyboards.documents import storyboard_pdf

    storyboard = shared.storyboard
    for large in (False, True):
        pdf = storyboard_pdf(
            storyboard, shared.snapshot, worker_name="Sam Worker", large_print=large
        )
        reader = PdfReader(io.BytesIO(pdf))
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "Jayden's story" in text
        assert CLEAR_WORDS.split(".")[0] in " ".join(text.split())
        page = reader.pages[0]
        assert page.mediabox.width > page.mediabox.height  # landscape
        alts = _alt_texts(reader)
        assert "Jayden's drawing of his house" in alts
        assert "A worker with a briefcase" in alts
        figures = _figures(reader)
        assert figures and all(figure.get("/Alt") for figure in figures)


def _walk(node, found):
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, dict):
        if node.get("/S") == "/Figure":
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                _walk(kid, found)
    elif isinstance(node, list):
        for kid in node:
            _walk(kid, found)


def _figures(reader):
    found = []
    _walk(reader.trailer["/Root"]["/StructTreeRoot"], found)
    return found


def _alt_texts(reader):
    return {str(figure.get("/Alt")) for figure in _figures(reader)}


@pytest.mark.parametrize("large", ["", "?size=large"])
def test_the_pdf_download_is_logged(client, world, shared, large):
    from together.audit.models import Action, AuditEvent

    client.force_login(world.fca_allocated)
    response = client.get(f"{_builder(world, shared.storyboard)}pdf/{large}")
    assert response["Content-Type"] == "application/pdf"
    event = AuditEvent.objects.filter(action=Action.DOCUMENT_PRINTED).latest("occurred_at")
    assert ("large print" if large else "standard print") in event.detail["what"]


def test_two_shared_versions_can_be_compared(client, world, shared):
    storyboard = shared.storyboard
    panel = panels_of(storyboard)[1]
    panel.storyboard = storyboard
    services.panel_update(
        by=world.fca_allocated,
        panel=panel,
        version=storyboard.version,
        prompt=panel.prompt,
        words="You live with Mum and Grandad.",
    )
    share(storyboard, world.fca_allocated)
    client.force_login(world.fca_allocated)
    page = client.get(f"{_builder(world, storyboard)}versions/").content.decode()
    assert "From version 1 to version 2" in page
    assert "<ins>and Grandad.</ins>" in page or "<ins>" in page


def test_the_share_page_asks_for_a_reason_for_each_finding_before_recording(client, world):
    from django.utils import timezone

    storyboard = start_storyboard(world, prompts=["judge"])
    fill_words(storyboard, world.fca_allocated, words="The local authority applied for an order.")
    client.force_login(world.fca_allocated)
    url = f"{_builder(world, storyboard)}share/"
    today = timezone.localdate()
    form = {
        "version": storyboard.version,
        "shared_how": "read_together",
        "shared_on_day": today.day,
        "shared_on_month": today.month,
        "shared_on_year": today.year,
        "shared_with": "Jayden",
    }
    refused = client.post(url, form)
    assert refused.status_code == 200
    assert "Change the words the check found" in refused.content.decode()
    assert storyboard.shares.count() == 0
    reasons = {f"language-reason_{n}": "I explained this in person" for n in range(1, 10)}
    done = client.post(url, {**form, **reasons})
    assert done.status_code == 302
    assert storyboard.shares.count() == 1


def test_the_builder_shows_whoever_shares_it_the_secure_link_to_give(client, world, shared):
    import re

    from django.test import Client
    from django.utils import timezone

    client.force_login(world.fca_allocated)
    page = client.get(_builder(world, shared.storyboard)).content.decode()
    assert "Link to read it on the web" in page
    link = re.search(r"https?://[^\s<\"]+/l/s/[^\s<\"]+", page).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert f"It works until {timezone.localtime(shared.invitation.expires_at):%-d %B %Y}" in page
    # The link opens the shared version for someone not signed in, as the child would.
    web = Client().get(f"/{path}")
    assert web.status_code == 200
    assert "Jayden&#x27;s story" in web.content.decode()
    assert "Tell us what you thought" in web.content.decode()


def test_someone_who_may_only_read_the_file_is_not_shown_the_secure_link(client, world, shared):
    client.force_login(world.users["national"])
    page = client.get(_builder(world, shared.storyboard)).content.decode()
    assert "Version 1" in page
    assert "/l/s/" not in page and shared.invitation.token not in page


def test_an_expired_link_is_shown_as_no_longer_working(client, world, shared):
    from datetime import timedelta

    from django.utils import timezone

    from together.feedback.models import FeedbackInvitation

    ended = timezone.now() - timedelta(days=2)
    FeedbackInvitation.objects.filter(pk=shared.invitation_id).update(expires_at=ended)
    client.force_login(world.fca_allocated)
    page = client.get(_builder(world, shared.storyboard)).content.decode()
    assert f"It stopped working on {timezone.localtime(ended):%-d %B %Y}" in page
    assert shared.invitation.token not in page


def test_the_pdf_has_two_panels_a_page_and_one_in_large_print(world):
    from pypdf import PdfReader

    from together.storyboards.documents import storyboard_pdf
    from together.storyboards.prompts import PROMPTS

    storyboard = fill_words(
        start_storyboard(world, prompts=[p.key for p in PROMPTS]), world.fca_allocated
    )
    snapshot = services.snapshot_of(storyboard, panels_of(storyboard))
    for large, per_page in ((False, 2), (True, 1)):
        pdf = storyboard_pdf(storyboard, snapshot, worker_name="Sam Worker", large_print=large)
        pages = PdfReader(io.BytesIO(pdf)).pages
        headings = [
            [p.heading for p in PROMPTS if p.heading in page.extract_text()] for page in pages
        ]
        assert len(pages) == len(PROMPTS) // per_page, headings
        assert all(len(on_page) == per_page for on_page in headings), headings
        assert all(page.mediabox.width > page.mediabox.height for page in pages)


def test_the_library_is_grouped_for_this_work_with_people_of_every_skin_colour():
    from together.storyboards.pictures import BY_ID, GROUP_NAMES, PICTURES, picture_search

    for group in (
        "people", "families", "home", "school", "court", "police", "health", "travel",
        "feelings", "places", "weather",
    ):  # fmt: skip
        assert group in GROUP_NAMES and picture_search("", group), group
    for colour in ("light", "medium-light", "medium", "medium-dark", "dark"):
        for who in ("baby", "girl", "boy", "woman", "man", "grandma", "grandad"):
            assert BY_ID[f"{who}-{colour}"].group == "people"
    families = {p.id for p in PICTURES if p.group == "families"}
    assert {"family-two-mums-boy", "family-two-dads-girl", "family-mum-boy"} <= families
    assert all(p.alt and p.alt[0].isupper() for p in PICTURES)


def test_the_accessibility_statement_credits_the_pictures(client):
    page = client.get("/accessibility/").content.decode()
    assert "Twemoji" in page and "CC BY 4.0" in page
    assert "https://creativecommons.org/licenses/by/4.0/" in page
