"""Many letters' PDFs at once: a background task, a zip file, and a page that shows progress."""

import io
import zipfile

import pytest

from tests.letters.factories import start_letter
from together.audit.models import Action, AuditEvent
from together.letters import services
from together.letters.models import Letter, LetterBatch
from together.letters.tasks import batch_make


@pytest.fixture
def three_letters(letters_world):
    return [start_letter(letters_world.child, letters_world.fca_allocated) for _ in range(3)]


def test_the_task_makes_a_zip_of_every_letter_and_marks_them_printed(
    letters_world, three_letters, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.letters_batch_request(
            by=letters_world.fca_allocated, scope=LetterBatch.Scope.MY_LETTERS, token=None
        )
    batch.refresh_from_db()
    assert (batch.state, batch.done, batch.total) == (LetterBatch.State.DONE, 3, 3)
    archive = zipfile.ZipFile(io.BytesIO(bytes(batch.zip_file)))
    names = archive.namelist()
    assert len(names) == 3 and all(name.endswith(".pdf") for name in names)
    assert all(archive.read(name).startswith(b"%PDF") for name in names)
    assert not Letter.objects.filter(first_printed_at__isnull=True).exists()
    assert AuditEvent.objects.filter(action=Action.LETTERS_BATCH_STARTED).exists()


def test_letters_already_printed_are_left_out(letters_world, three_letters):
    Letter.objects.filter(pk=three_letters[0].pk).update(first_printed_at="2026-11-01T10:00Z")
    batch = LetterBatch.objects.create(
        requested_by=letters_world.fca_allocated, scope=LetterBatch.Scope.MY_LETTERS
    )
    from together.letters.selectors import letters_for_batch

    ids = letters_for_batch(user=letters_world.fca_allocated, scope=batch.scope)
    assert sorted(ids) == sorted(letter.pk for letter in three_letters[1:])


def test_the_progress_page_shows_n_of_m_and_a_refresh_button(client, letters_world, three_letters):
    batch = LetterBatch.objects.create(
        requested_by=letters_world.fca_allocated,
        scope=LetterBatch.Scope.MY_LETTERS,
        letter_ids=[letter.pk for letter in three_letters],
        total=3,
        done=1,
        state=LetterBatch.State.RUNNING,
    )
    client.force_login(letters_world.fca_allocated)
    html = client.get(f"/letters/batches/{batch.uuid}/").content.decode()
    assert "1 of 3 done" in html
    assert ">Refresh</button>" in html
    assert 'hx-trigger="every 2s"' in html
    fragment = client.get(f"/letters/batches/{batch.uuid}/", HTTP_HX_REQUEST="true")
    assert fragment.content.decode().lstrip().startswith('<div id="batch-progress"')
    batch_make(batch.pk)
    html = client.get(f"/letters/batches/{batch.uuid}/").content.decode()
    assert "3 of 3 done" in html and "hx-trigger" not in html
    response = client.get(f"/letters/batches/{batch.uuid}/zip/")
    assert response["Content-Type"] == "application/zip"
    assert AuditEvent.objects.filter(action=Action.DOCUMENT_PRINTED, detail__format="zip")


def test_a_service_manager_batches_the_areas_introductory_letters(
    client, letters_world, three_letters
):
    client.force_login(letters_world.manager_area)
    html = client.get("/letters/batches/new/").content.decode()
    assert "Introductory letters not yet printed: 3 letters" in html


def test_the_task_takes_the_same_queries_for_three_letters_or_six(
    letters_world, three_letters, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def batch_of(letters):
        return LetterBatch.objects.create(
            requested_by=letters_world.fca_allocated,
            scope=LetterBatch.Scope.MY_LETTERS,
            letter_ids=[letter.pk for letter in letters],
            total=len(letters),
        )

    small = batch_of(three_letters)
    with CaptureQueriesContext(connection) as three:
        batch_make(small.pk)
    six = three_letters + [
        start_letter(letters_world.child, letters_world.fca_allocated) for _ in range(3)
    ]
    bigger = batch_of(six)
    with django_assert_num_queries(len(three.captured_queries)):
        batch_make(bigger.pk)


def test_a_letter_that_cannot_be_made_does_not_stop_the_others(letters_world, three_letters):
    from tests.children.factories import ConnectionFactory, FamilyMemberFactory

    mum = FamilyMemberFactory(address="1 Hidden Lane", address_confidential=True)
    ConnectionFactory(child=letters_world.child, person=mum, relationship="mother")
    Letter.objects.filter(pk=three_letters[0].pk).update(body="Mum is at 1 Hidden Lane.")
    batch = LetterBatch.objects.create(
        requested_by=letters_world.fca_allocated,
        scope=LetterBatch.Scope.MY_LETTERS,
        letter_ids=[letter.pk for letter in three_letters],
        total=3,
    )
    batch_make(batch.pk)
    batch.refresh_from_db()
    assert batch.state == LetterBatch.State.DONE
    assert len(zipfile.ZipFile(io.BytesIO(bytes(batch.zip_file))).namelist()) == 2
    assert batch.error.startswith("1 letter could not be made")
    assert Letter.objects.get(pk=three_letters[0].pk).first_printed_at is None


class WorkerKilled(BaseException):
    """What a worker's process being killed looks like from inside: nothing after it runs
    (not an Exception, so no handler of the task's own catches it)."""


def test_a_batch_whose_worker_was_killed_half_way_is_made_again_with_each_letter_once(
    letters_world, immediate_tasks, django_capture_on_commit_callbacks, monkeypatch
):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    import together.letters.services.printing as letter_printing

    letters = [start_letter(letters_world.child, letters_world.fca_allocated) for _ in range(25)]
    batch = LetterBatch.objects.create(
        requested_by=letters_world.fca_allocated,
        scope=LetterBatch.Scope.MY_LETTERS,
        letter_ids=[letter.pk for letter in letters],
        total=25,
    )
    made = []
    real_pdf = letter_printing.letter_pdf

    def dies_after_twelve(letter, **kwargs):
        if len(made) == 12:
            raise WorkerKilled
        made.append(letter.pk)
        return real_pdf(letter, **kwargs)

    monkeypatch.setattr(letter_printing, "letter_pdf", dies_after_twelve)
    with pytest.raises(WorkerKilled):
        batch_make(batch.pk)
    batch.refresh_from_db()
    assert (batch.state, batch.done) == (LetterBatch.State.RUNNING, 10)  # left half made
    assert not Letter.objects.filter(first_printed_at__isnull=False).exists()

    # Not yet stale: a worker that is only slow is left alone.
    call_command("letters_resume_batches")
    batch.refresh_from_db()
    assert batch.state == LetterBatch.State.RUNNING

    monkeypatch.setattr(letter_printing, "letter_pdf", real_pdf)
    LetterBatch.objects.filter(pk=batch.pk).update(
        progress_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("letters_resume_batches")
    batch.refresh_from_db()
    assert (batch.state, batch.done, batch.total) == (LetterBatch.State.DONE, 25, 25)
    names = zipfile.ZipFile(io.BytesIO(bytes(batch.zip_file))).namelist()
    assert len(names) == len(set(names)) == 25  # each letter once
    printed = Letter.objects.filter(pk__in=[letter.pk for letter in letters])
    assert not printed.filter(first_printed_at__isnull=True).exists()
    # Run again (a second worker, a second timer): nothing is started twice.
    call_command("letters_resume_batches", "--stale-minutes", "0")
    batch.refresh_from_db()
    assert batch.state == LetterBatch.State.DONE
