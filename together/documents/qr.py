"""QR codes (segno) for the feedback links printed on letters and shared plans."""

import io

import segno


def qr_svg(url: str, *, title: str = "QR code for the feedback link") -> str:
    """An inline SVG of `url` as a QR code, with a <title> for screen readers. Medium error
    correction survives a crease or a coffee ring on a printed letter."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, title=title, nl=False
    )
    return buffer.getvalue().decode("utf-8")


def qr_data_uri(url: str) -> str:
    """The QR code as a PNG data: URI, for an <img> in a PDF. A bitmap rather than SVG so that the
    code inside the PDF can be pulled out and read back by a test, as a phone would read it."""
    return segno.make(url, error="m").png_data_uri(scale=8, border=4)
