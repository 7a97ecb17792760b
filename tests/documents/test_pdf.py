"""Tagged PDFs: text a person can extract, a title, and nothing fetched from outside the disk."""

import io

import pypdf
import pytest
import zxingcpp
from PIL import Image

from together.documents.pdf import DocumentFetchRefused, pdf_from_html, url_fetcher
from together.documents.qr import qr_data_uri, qr_svg

PAGE = (
    '<html lang="en-GB"><head><title>A letter for Amara</title></head>'
    "<body><h1>Hello Amara</h1><p>My name is Sam.</p></body></html>"
)


def _reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def test_a_pdf_has_its_title_and_extractable_text():
    reader = _reader(pdf_from_html(PAGE))
    assert reader.metadata.title == "A letter for Amara"
    text = reader.pages[0].extract_text()
    assert "Hello Amara" in text
    assert "My name is Sam." in text


def test_a_pdf_is_tagged_for_screen_readers():
    reader = _reader(pdf_from_html(PAGE))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "en-GB"


def test_large_print_makes_more_pages_than_standard_print():
    long_page = PAGE.replace("<p>My name is Sam.</p>", "<p>My name is Sam.</p>" * 60)
    standard = len(_reader(pdf_from_html(long_page)).pages)
    large = len(_reader(pdf_from_html(long_page, large_print=True)).pages)
    assert large > standard


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/x.png",
        "file:///etc/passwd",
        "/assets/../../settings.py",
        "/assets/documents/../../../settings.py",
    ],
)
def test_a_document_cannot_fetch_from_the_network_or_outside_the_static_folders(url):
    with pytest.raises(DocumentFetchRefused):
        url_fetcher(url)


def test_a_remote_image_in_typed_text_is_not_fetched():
    html = PAGE.replace("</h1>", '</h1><img src="http://example.org/x.png" alt="x">')
    assert "Hello Amara" in _reader(pdf_from_html(html)).pages[0].extract_text()


def test_the_qr_code_in_a_pdf_reads_back_as_the_link():
    link = "https://together.example.org/f/Zm9vYmFyYmF6cXV4cXV1eA"
    svg = qr_svg(link)
    assert svg.startswith("<svg") and "<title>" in svg
    html = PAGE.replace("</h1>", f'</h1><img class="qr" src="{qr_data_uri(link)}" alt="QR code">')
    images = list(_reader(pdf_from_html(html)).pages[0].images)
    assert len(images) == 1
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(images[0].data)))
    assert [code.text for code in decoded] == [link]


def test_the_print_style_sheets_are_served_from_disk():
    assert b"@page" in url_fetcher("/assets/documents/print.css").read()


def test_a_document_may_link_a_style_sheet_of_its_own():
    html = PAGE.replace(
        "</title>", '</title><link rel="stylesheet" href="/assets/documents/large-print.css">'
    )
    long_page = html.replace("<p>My name is Sam.</p>", "<p>My name is Sam.</p>" * 60)
    plain = PAGE.replace("<p>My name is Sam.</p>", "<p>My name is Sam.</p>" * 60)
    assert len(_reader(pdf_from_html(long_page)).pages) > len(_reader(pdf_from_html(plain)).pages)
