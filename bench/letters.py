"""Letters against floors measured in the same run: a letter's PDF against a minimal WeasyPrint
document (one paragraph, through pdf_from_html), and 500 letters made by the batch task, read
against the time for one letter. Also the letters pages against the bare-page floor. The minimal
document made as a new thread's first PDF shows what each thread pays once (fonts found, print
style sheets parsed), which every PDF paid before they were kept from one PDF to the next.

Everything the benchmark adds (letters, batches) is rolled back at the end.
BENCH_PDFS sets how many PDFs each PDF figure times (default 20)."""

import os
import time

from common import prepare_database, print_row, summary, time_against_floor, time_calls
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

N_PDFS = int(os.environ.get("BENCH_PDFS", "20"))
N_PAGES = int(os.environ.get("BENCH_REQUESTS", "100"))
BATCH = 500
SIZE = os.environ.get("BENCH_SIZE", "small")

MINIMAL = (
    '<html lang="en-GB"><head><title>Floor</title></head>'
    "<body><p>One paragraph, the least a PDF can be.</p></body></html>"
)


class _Rollback(Exception):
    pass


def _enough_letters(n: int) -> list[int]:
    """At least n letters (demo letters, made again with new seeds until there are enough)."""
    import datetime

    from together.demo import letters as demo_letters
    from together.demo.generator import SIZES, Context
    from together.letters.models import Letter

    seed = 1000
    while Letter.objects.count() < n:
        ctx = Context(
            seed=seed,
            size=SIZES["small"],
            today=datetime.date(2026, 11, 1),
            password_hash="x",  # noqa: S106 (no one signs in)
        )
        demo_letters.generate(ctx)
        seed += 1
        if seed > 1100:
            break
    return list(Letter.objects.order_by("pk").values_list("pk", flat=True)[:n])


def _in_new_thread(call, *args):
    import threading

    thread = threading.Thread(target=call, args=args)
    thread.start()
    thread.join()


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def main():
    from together.accounts.models import User
    from together.demo.organisation import DEMO_ACCOUNTS
    from together.documents.pdf import pdf_from_html
    from together.letters import services
    from together.letters.models import Letter, LetterBatch
    from together.letters.tasks import batch_make

    prepare_database(SIZE)
    print(f"\nLetters ({connection.vendor}, {SIZE} data):")
    try:
        with transaction.atomic():
            ids = _enough_letters(BATCH)
            letter = Letter.objects.select_related("child", "fca", "recipient").get(pk=ids[0])

            floor = summary(time_calls(lambda: pdf_from_html(MINIMAL), N_PDFS, warmup=3))
            print_row("floor: minimal WeasyPrint PDF (one paragraph)", floor, None, 0)
            # Not a floor: the same minimal document as a new thread's first PDF, which finds the
            # fonts and parses the print style sheets before it can lay anything out.
            first = summary(time_calls(lambda: _in_new_thread(pdf_from_html, MINIMAL), N_PDFS, 3))
            print_row("minimal PDF, first in a new thread", first, floor)
            one = summary(time_calls(lambda: services.letter_pdf(letter), N_PDFS, warmup=3))
            print_row(
                "letter PDF, standard print",
                one,
                floor,
                queries(lambda: services.letter_pdf(letter)),
            )
            large = summary(
                time_calls(lambda: services.letter_pdf(letter, large_print=True), N_PDFS, warmup=3)
            )
            print_row("letter PDF, large print", large, floor)
            # Where the rest of the time goes: the finished letter's HTML (QR code drawn, words
            # in place) through WeasyPrint alone, as the same code makes every PDF.
            from django.template.loader import render_to_string

            from together.documents.qr import qr_data_uri

            context = services.letter_document(letter)
            link = context["qr_link"]
            context["qr"] = qr_data_uri(link) if link else ""
            finished = render_to_string("letters/letter_pdf.html", context)
            floor_turns, weasy_turns = time_against_floor(
                lambda: pdf_from_html(MINIMAL), lambda: pdf_from_html(finished), N_PDFS, warmup=3
            )
            print_row(
                "the finished letter through WeasyPrint alone",
                summary(weasy_turns),
                summary(floor_turns),
            )
            qr = summary(time_calls(lambda: qr_data_uri(link), N_PDFS, 3))
            print_row("drawing its QR code (segno), for comparison", qr, floor)
            # The same letters timed in turns with the floor, so that a burst of other work on a
            # shared machine slows both rather than whichever was being timed then.
            for label, large_print in (("standard", False), ("large", True)):
                floor_turns, letter_turns = time_against_floor(
                    lambda: pdf_from_html(MINIMAL),
                    lambda large_print=large_print: services.letter_pdf(
                        letter, large_print=large_print
                    ),
                    N_PDFS,
                    warmup=3,
                )
                print_row(
                    f"letter PDF, {label} print, in turns with the floor",
                    summary(letter_turns),
                    summary(floor_turns),
                )

            batch = LetterBatch.objects.create(
                requested_by=letter.fca, scope="my_letters", letter_ids=ids, total=len(ids)
            )
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                made = batch_make(batch.pk)
                elapsed = time.perf_counter() - start
            size = len(bytes(LetterBatch.objects.get(pk=batch.pk).zip_file))
            print(
                f"  batch task: {made} letters in {elapsed:6.1f} s,"
                f" {made / elapsed:5.1f} letters/s,"
                f" {elapsed * 1000 / made:6.1f} ms a letter"
                f" ({elapsed * 1000 / made / one['median']:4.2f}x one letter's PDF),"
                f" zip {size / 1_000_000:4.1f} MB, {len(captured.captured_queries)} queries"
            )

            fca = User.objects.get(email=DEMO_ACCOUNTS["fca"])
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(fca)
            mine = Letter.objects.filter(fca=fca).select_related("child").first()

            def fetch_floor():
                assert client.get("/bench/floor/").status_code == 200

            manager = Client(HTTP_HOST="127.0.0.1")
            manager.force_login(User.objects.get(email=DEMO_ACCOUNTS["service_manager"]))

            def oversight():
                assert manager.get("/letters/oversight/").status_code == 200

            pages = []
            if mine is not None:
                base = f"/children/{mine.child.uuid}/letters/"
                pages += [("letters list", base), ("letter editor", f"{base}{mine.uuid}/")]
            calls = []
            for label, url in pages:

                def fetch(url=url):
                    response = client.get(url)
                    assert response.status_code == 200, f"{url} answered {response.status_code}"

                calls.append((label, fetch))
            calls.append(("letters oversight (service manager)", oversight))
            floor_page = summary(time_calls(fetch_floor, N_PAGES, warmup=5))
            print_row("floor: bare page in the base layout", floor_page, None, queries(fetch_floor))
            print("  (each page is timed in turns with the floor; its ratio is to that floor)")
            for label, call in calls:
                floor_turns, page_turns = time_against_floor(fetch_floor, call, N_PAGES, warmup=5)
                print_row(label, summary(page_turns), summary(floor_turns), queries(call))
            raise _Rollback
    except _Rollback:
        pass


if __name__ == "__main__":
    main()
