"""Two task workers on one queue (issue 21): real `manage.py db_worker` processes against one
PostgreSQL, making several batches of letters while one is killed and the other is stopped in
the middle of a task.

django-tasks' database backend (django-tasks-db 0.13) never runs a task again by itself: a task
whose worker was killed stays "running" and one that raised stays "failed". What starts a batch
again is `manage.py letters_resume_batches`, which finds batches that stopped saying they were
being made. These tests show that, with two workers, each task is taken by one worker only, no
batch is made by two at once, and each letter ends up in its batch's zip file once.

PostgreSQL only: SQLite's test database lives in this process.
"""

import datetime
import io
import signal
import subprocess
import sys
import time
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.letters.factories import start_letter
from tests.test_two_servers import ROOT, process_env
from together.letters.models import Letter, LetterBatch
from together.letters.tasks import letters_batch_make

pytestmark = pytest.mark.django_db(transaction=True)

BATCHES = 3
# Progress is written every 10 letters. A stop is sent with at least 20 still to make, so the
# worker cannot finish the batch between the first signal and the second on a busy machine.
LETTERS_A_BATCH = 40


@pytest.fixture
def workers(tmp_path):
    """Start `manage.py db_worker` processes by name; every one still running is stopped after
    the test."""
    if connection.vendor != "postgresql":
        pytest.skip("two worker processes share PostgreSQL; SQLite's test database is in this one")
    env = {**process_env(), "PYTHONUNBUFFERED": "1"}  # each line in the log as it happens
    log = (tmp_path / "workers.log").open("w")
    running: dict[str, subprocess.Popen] = {}

    def start(worker_id: str) -> subprocess.Popen:
        running[worker_id] = subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--worker-id",
                worker_id,
                "--interval",
                "0.1",
                "--no-startup-delay",
                "--no-reload",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return running[worker_id]

    start.log = tmp_path / "workers.log"
    yield start
    for process in running.values():
        process.kill()
        process.wait(timeout=30)
    log.close()


def wait_for(what, log, timeout=300):
    """Wait till `what` answers something (seconds on a free machine; the timeout is for a busy
    one, where a batch can take a minute), showing the workers' log if it never does."""
    deadline = time.monotonic() + timeout
    while not (found := what()):
        assert time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(0.05)
    return found


def task_of(batch):
    """The batch's task that a worker is making now."""
    return DBTaskResult.objects.running().filter(args_kwargs__args=[batch.pk]).first()


def batches_of_letters(letters_world):
    batches = []
    for _ in range(BATCHES):
        letters = [
            start_letter(letters_world.child, letters_world.fca_allocated)
            for _ in range(LETTERS_A_BATCH)
        ]
        batches.append(
            LetterBatch.objects.create(
                requested_by=letters_world.fca_allocated,
                scope=LetterBatch.Scope.MY_LETTERS,
                letter_ids=[letter.pk for letter in letters],
                total=len(letters),
            )
        )
    return batches


def half_made(batches, worker_id):
    """A batch the worker is making, with progress written and at least 20 letters still to make."""
    for batch in LetterBatch.objects.filter(
        pk__in=[b.pk for b in batches], state=LetterBatch.State.RUNNING, done__gte=10
    ):
        task = task_of(batch)
        if task and task.worker_ids == [worker_id] and batch.done <= batch.total - 20:
            return batch
    return None


def test_two_workers_make_every_batch_once_though_one_is_killed_and_one_stopped(
    letters_world, workers
):
    batches = batches_of_letters(letters_world)
    first, second = workers("first"), workers("second")
    for batch in batches:
        letters_batch_make.enqueue(batch.pk)

    # Both workers take a task of their own at once.
    wait_for(
        lambda: (
            {task.worker_ids[0] for task in DBTaskResult.objects.running() if task.worker_ids}
            == {"first", "second"}
        ),
        workers.log,
    )

    # The first is killed (no chance to say anything) part way through a batch.
    killed = wait_for(lambda: half_made(batches, "first"), workers.log)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    killed_at = timezone.now()
    killed.refresh_from_db()
    assert killed.state == LetterBatch.State.RUNNING and 10 <= killed.done < killed.total
    assert not Letter.objects.filter(
        pk__in=killed.letter_ids, first_printed_at__isnull=False
    ).exists()
    workers("first-again")  # and started again, as its supervisor would

    # The second is told twice to stop (a second Ctrl+C ends the task it is running): django-tasks
    # records its task as failed, and the batch as still being made.
    stopped = wait_for(lambda: half_made(batches, "second"), workers.log)
    second.send_signal(signal.SIGTERM)
    wait_for(lambda: "Received Terminated - shutting down" in workers.log.read_text(), workers.log)
    second.send_signal(signal.SIGTERM)
    second.wait(timeout=30)
    failed = DBTaskResult.objects.get(args_kwargs__args=[stopped.pk], worker_ids=["second"])
    assert failed.status == "FAILED" and failed.exception_class_path == "builtins.SystemExit"
    stopped.refresh_from_db()
    assert stopped.state == LetterBatch.State.RUNNING and stopped.done < stopped.total
    workers("second-again")

    # Neither task is taken again by the workers: django-tasks has no retries.
    time.sleep(1)
    for batch in (killed, stopped):
        assert DBTaskResult.objects.filter(args_kwargs__args=[batch.pk]).count() == 1
    assert task_of(killed).worker_ids == ["first"]  # "running" for ever, on a dead worker

    # Ten minutes without progress later, the resume command starts both batches again.
    said = io.StringIO()
    call_command("letters_resume_batches", stdout=said)
    assert said.getvalue() == ""  # not stale yet: a batch that is only slow is left alone
    LetterBatch.objects.filter(pk__in=[killed.pk, stopped.pk]).update(
        progress_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    call_command("letters_resume_batches", stdout=said)
    assert said.getvalue().strip() == "Started 2 batches again."

    wait_for(
        lambda: LetterBatch.objects.filter(state=LetterBatch.State.DONE).count() == BATCHES,
        workers.log,
    )
    every_letter = []
    for batch in LetterBatch.objects.order_by("pk"):
        names = zipfile.ZipFile(io.BytesIO(bytes(batch.zip_file))).namelist()
        assert (batch.done, batch.total, len(names), len(set(names))) == (LETTERS_A_BATCH,) * 4
        every_letter += names
        # One worker a task, and the batch's tasks one after another, never two at once.
        tasks = list(DBTaskResult.objects.filter(args_kwargs__args=[batch.pk]))
        assert all(len(task.worker_ids) == 1 for task in tasks)
        assert [task.status for task in tasks].count("SUCCESSFUL") == 1
        spans = sorted((task.started_at, task.finished_at or killed_at) for task in tasks)
        assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:], strict=False))
    assert len(every_letter) == len(set(every_letter)) == BATCHES * LETTERS_A_BATCH
    assert not Letter.objects.filter(first_printed_at__isnull=True).exists()
    # The killed worker's task is still "running": nothing but the batch's resume went round it.
    assert list(DBTaskResult.objects.running()) == [task_of(killed)]
