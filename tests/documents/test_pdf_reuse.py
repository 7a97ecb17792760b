"""PDFs made one after another, or at once in several threads, each come out whole: fonts and
style sheets kept from one PDF to the next never carry one document's words or print size into
another, and the QR code stays sharp enough to print and scan."""

import io
from concurrent.futures import ThreadPoolExecutor

import pypdf
import zxingcpp
from PIL import Image

from together.documents.pdf import pdf_from_html, url_fetcher
from together.documents.qr import qr_data_uri


def _page(title: str, words: str, repeat: int = 1) -> str:
    return (
        f'<html lang="en-GB"><head><title>{title}</title></head>'
        f"<body><h1>{title}</h1>{f'<p>{words}</p>' * repeat}</body></html>"
    )


def _reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in _reader(pdf).pages)


def test_pdfs_made_one_after_another_each_carry_their_own_words():
    first = _page("For Amara", "My name is Sam. I will listen to you.")
    # Letters the first document does not use, so a font subset kept from it would lose them.
    second = _page("For Zoë", "Quick, jumpy wax: £5 of Björk’s figs & 10% off?")
    texts = [_text(pdf_from_html(html)) for html in (first, second, first)]
    assert "My name is Sam. I will listen to you." in texts[0]
    assert "Quick, jumpy wax: £5 of Björk’s figs & 10% off?" in texts[1]
    assert "Sam" not in texts[1] and "Björk" not in texts[2]
    assert texts[2] == texts[0]


def test_large_print_does_not_carry_over_into_the_next_standard_pdf():
    html = _page("For Amara", "My name is Sam and I will be working with you.", repeat=40)
    pages = [
        len(_reader(pdf_from_html(html, large_print=large)).pages)
        for large in (False, True, False, True)
    ]
    assert pages[0] == pages[2] < pages[1] == pages[3]


def test_pdfs_made_at_once_in_several_threads_are_each_whole():
    names = ["Amara", "Ben", "Chloé", "Dawit", "Ewa", "Farah"]

    def make(name):
        pdf = pdf_from_html(_page(f"For {name}", f"Hello {name}, this letter is yours."))
        return _reader(pdf).metadata.title, _text(pdf)

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(make, names * 2))
    for name, (title, text) in zip(names * 2, results, strict=True):
        assert title == f"For {name}"
        assert f"Hello {name}, this letter is yours." in text
        assert all(other not in text for other in names if other != name)


def test_a_base64_data_url_and_a_percent_encoded_one_are_both_read():
    assert url_fetcher("data:text/plain;base64,SGVsbG8gQW1hcmE=").read() == b"Hello Amara"
    assert url_fetcher("data:text/plain,Hello%20Amara").read() == b"Hello Amara"
    image = url_fetcher(qr_data_uri("https://together.example.org/f/abc"))
    assert image.content_type == "image/png"


def test_the_qr_code_is_sharp_enough_to_print_at_large_print_size_and_still_reads():
    link = "https://together.example.org/f/Zm9vYmFyYmF6cXV4cXV1eA"
    html = _page("For Amara", "Scan this.").replace(
        "</h1>", f'</h1><img class="qr" src="{qr_data_uri(link)}" alt="QR code">'
    )
    (image,) = _reader(pdf_from_html(html, large_print=True)).pages[0].images
    picture = Image.open(io.BytesIO(image.data))
    # Large print draws the code 45 mm wide; under about 150 dots an inch its edges go soft.
    assert picture.width / (45 / 25.4) >= 150
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == [link]
