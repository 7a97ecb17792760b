"""Background work for letters: making many letters' PDFs into one zip file (django-tasks).

`manage.py db_worker` runs the tasks; tests run them at once with the immediate backend.
"""

import io
import logging
import zipfile
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .models import Letter, LetterBatch

log = logging.getLogger(__name__)

# Progress is written after every this many letters, so the progress page moves without the
# worker writing a row per letter.
PROGRESS_EVERY = 10


@task()
def letters_batch_make(batch_id: int) -> int:
    """Make the PDF of every letter in the batch, zip them, and store the zip on the batch."""
    return batch_make(batch_id)


def batch_make(batch_id: int) -> int:
    from . import selectors
    from .services.printing import letter_pdf

    batch = LetterBatch.objects.defer("zip_file").get(pk=batch_id)
    # Made from the start every time, so a batch whose worker died half way is made again
    # whole: each letter once in the zip, and printed dates set only where none was.
    LetterBatch.objects.filter(pk=batch.pk).update(
        state=LetterBatch.State.RUNNING, done=0, progress_at=timezone.now()
    )
    letters = (
        Letter.objects.filter(pk__in=batch.letter_ids)
        .select_related("child", "fca", "recipient")
        .order_by("started_at", "pk")
    )
    buffer = io.BytesIO()
    done = 0
    skipped = []
    try:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for chunk in _chunks(list(letters), 100):
                invitations, addresses = selectors.batch_lookups(chunk)
                for letter in chunk:
                    try:
                        pdf = letter_pdf(
                            letter,
                            invitation=invitations.get(letter.uuid),
                            addresses=addresses[letter.child_id],
                        )
                    except Exception:  # one bad letter must not lose the other 499
                        log.exception("Letter %s could not be made", letter.uuid)
                        skipped.append(str(letter.uuid))
                    else:
                        name = (
                            f"{letter.child.preferred_name}-{letter.kind}-{letter.uuid.hex[:8]}.pdf"
                        )
                        archive.writestr(name, pdf)
                    done += 1
                    if done % PROGRESS_EVERY == 0:
                        LetterBatch.objects.filter(pk=batch.pk).update(
                            done=done, progress_at=timezone.now()
                        )
    except Exception as error:
        LetterBatch.objects.filter(pk=batch.pk).update(
            state=LetterBatch.State.FAILED, error=str(error)[:300], finished_at=timezone.now()
        )
        raise
    now = timezone.now()
    with transaction.atomic():
        LetterBatch.objects.filter(pk=batch.pk).update(
            state=LetterBatch.State.DONE,
            done=done,
            total=F("total"),
            zip_file=buffer.getvalue(),
            finished_at=now,
            error=_skipped_message(len(skipped)),
        )
        Letter.objects.filter(pk__in=batch.letter_ids, first_printed_at__isnull=True).exclude(
            uuid__in=skipped
        ).update(first_printed_at=now)
    return done


def batches_resume(*, stale_after: timedelta) -> int:
    """Start again every batch being made whose worker has said nothing for `stale_after` (it
    died: killed, or its machine went away). Safe to run at any time and more than once: a batch
    is made whole each time. Returns how many were started again."""
    cutoff = timezone.now() - stale_after
    stale = list(
        LetterBatch.objects.filter(state=LetterBatch.State.RUNNING, progress_at__lte=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for batch_id in stale:
        # Only one of several workers running this at once wins each batch.
        claimed = LetterBatch.objects.filter(
            pk=batch_id, state=LetterBatch.State.RUNNING, progress_at__lte=cutoff
        ).update(state=LetterBatch.State.WAITING, done=0, progress_at=timezone.now())
        if claimed:
            log.warning("Letter batch %s lost its worker: starting it again", batch_id)
            transaction.on_commit(lambda batch_id=batch_id: letters_batch_make.enqueue(batch_id))
    return len(stale)


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _file_name(letter: Letter) -> str:
    return f"{letter.child.preferred_name}-{letter.kind}-{letter.uuid.hex[:8]}.pdf"


def _skipped_message(n: int) -> str:
    if not n:
        return ""
    if n == 1:
        return "1 letter could not be made: open it to see why"
    return f"{n} letters could not be made: open them to see why"
