"""Storyboards against floors measured in the same run: the PDF of a 12-panel storyboard (with
library pictures on every panel and two of the child's drawings) against a minimal WeasyPrint
document, split into our code (reading the panels, the snapshot, the HTML) and WeasyPrint (the
finished HTML to PDF); and the builder page against the bare-page floor, with its query count.

Everything the benchmark adds is rolled back at the end. BENCH_PDFS sets how many PDFs each PDF
figure times (default 20)."""

import io
import os

from common import prepare_database, print_row, summary, time_against_floor, time_calls
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

N_PDFS = int(os.environ.get("BENCH_PDFS", "20"))
N_PAGES = int(os.environ.get("BENCH_REQUESTS", "100"))
SIZE = os.environ.get("BENCH_SIZE", "small")
PANELS = 12

MINIMAL = (
    '<html lang="en-GB"><head><title>Floor</title></head>'
    "<body><p>One paragraph, the least a PDF can be.</p></body></html>"
)
WORDS = (
    "The judge will decide where you live after the summer holidays. "
    "Until then you will stay with Nanny Pat, and see Mum at the family centre."
)


class _Rollback(Exception):
    pass


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def _drawing() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (800, 600), (240, 200, 40)).save(out, format="JPEG")
    return out.getvalue()


def _storyboard(fca):
    from together.children.models import Child
    from together.children.rules import allocated_to_q
    from together.storyboards import selectors, services
    from together.storyboards.prompts import PROMPTS

    child = Child.objects.filter(allocated_to_q(fca)).order_by("pk").first()
    storyboard = services.storyboard_start(
        by=fca, child=child, token=None, title="A story", prompts=[p.key for p in PROMPTS]
    )
    while storyboard.panels.count() < PANELS:
        services.panel_add(by=fca, storyboard=storyboard, version=storyboard.version)
    for number, panel in enumerate(selectors.panels_of(storyboard)):
        panel.storyboard = storyboard
        services.panel_update(
            by=fca, panel=panel, version=storyboard.version, prompt=panel.prompt, words=WORDS
        )
        services.panel_pictures_set(
            by=fca, panel=panel, version=storyboard.version, pictures=["judge", "house", "sun"]
        )
        if number < 2:
            services.drawing_add(
                by=fca,
                panel=panel,
                version=storyboard.version,
                data=_drawing(),
                description="A drawing of a house",
            )
    return child, storyboard


def main():
    from django.template.loader import render_to_string

    from together.accounts.models import User
    from together.demo.organisation import DEMO_ACCOUNTS
    from together.documents.pdf import pdf_from_html
    from together.storyboards import documents, selectors, services

    prepare_database(SIZE)
    print(f"\nStoryboards ({connection.vendor}, {SIZE} data):")
    try:
        with transaction.atomic():
            fca = User.objects.get(email=DEMO_ACCOUNTS["fca"])
            child, storyboard = _storyboard(fca)

            def whole_pdf():
                snapshot = services.snapshot_of(storyboard, selectors.panels_of(storyboard))
                return documents.storyboard_pdf(storyboard, snapshot, worker_name="Sam Worker")

            floor = summary(time_calls(lambda: pdf_from_html(MINIMAL), N_PDFS, warmup=3))
            print_row("floor: minimal WeasyPrint PDF (one paragraph)", floor, None, 0)
            floor_turns, pdf_turns = time_against_floor(
                lambda: pdf_from_html(MINIMAL), whole_pdf, N_PDFS, warmup=2
            )
            whole = summary(pdf_turns)
            print_row(
                f"{PANELS}-panel storyboard PDF, in turns with the floor",
                whole,
                summary(floor_turns),
                queries(whole_pdf),
            )

            # The split: our code (panels read, snapshot, pictures inlined, HTML made) and then
            # WeasyPrint alone on the finished HTML.
            def our_code():
                snapshot = services.snapshot_of(storyboard, selectors.panels_of(storyboard))
                drawings = documents.drawings_for(storyboard, snapshot, with_images=True)
                panels = documents.panels_for_document(snapshot, drawings)
                import base64

                for panel in panels:
                    for picture in panel["pictures"]:
                        if picture["drawing"]:
                            data = base64.b64encode(bytes(picture["drawing"].image)).decode()
                            picture["src"] = f"data:image/jpeg;base64,{data}"
                return render_to_string(
                    "storyboards/storyboard_pdf.html",
                    {
                        "title": "A story",
                        "panels": panels,
                        "child": child,
                        "for_names": child.preferred_name,
                        "worker_name": "S",
                    },
                )

            ours = summary(time_calls(our_code, N_PDFS, warmup=2))
            print_row("  our code: panels, snapshot and HTML", ours, floor)
            finished = our_code()
            weasy = summary(time_calls(lambda: pdf_from_html(finished), N_PDFS, warmup=2))
            print_row("  WeasyPrint alone on the finished HTML", weasy, floor)
            share = 100 * ours["median"] / (ours["median"] + weasy["median"])
            print(
                f"  split: our code {share:4.1f}% of the PDF's time, WeasyPrint {100 - share:4.1f}%"
            )

            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(fca)
            builder = f"/children/{child.uuid}/storyboards/{storyboard.uuid}/"

            def fetch_floor():
                assert client.get("/bench/floor/").status_code == 200

            def fetch_builder():
                response = client.get(builder)
                assert response.status_code == 200, f"{builder} answered {response.status_code}"

            floor_page = summary(time_calls(fetch_floor, N_PAGES, warmup=5))
            print_row("floor: bare page in the base layout", floor_page, None, queries(fetch_floor))
            floor_turns, page_turns = time_against_floor(fetch_floor, fetch_builder, N_PAGES, 5)
            print_row(
                f"storyboard builder ({PANELS} panels)",
                summary(page_turns),
                summary(floor_turns),
                queries(fetch_builder),
            )
            raise _Rollback
    except _Rollback:
        pass


if __name__ == "__main__":
    main()
