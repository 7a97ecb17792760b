"""QR codes (segno) for the feedback links printed on letters and shared plans."""

import base64
import io

import segno
from PIL import Image

# Medium error correction survives a crease or a coffee ring on a printed letter.
ERROR_CORRECTION = "m"
# The quiet zone the QR standard asks for around the code, in modules.
BORDER = 4
# Pixels a module in the PNG: 8 keeps the code's edges crisp at 45 mm (large print), about
# 185 dots an inch, even in a viewer that smooths images.
PNG_SCALE = 8


def qr_svg(url: str, *, title: str = "QR code for the feedback link") -> str:
    """An inline SVG of `url` as a QR code, with a <title> for screen readers."""
    buffer = io.BytesIO()
    segno.make_qr(url, error=ERROR_CORRECTION).save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, title=title, nl=False
    )
    return buffer.getvalue().decode("utf-8")


_BLACK_ON_WHITE = bytes([255] + [0] * 255)


def qr_png(url: str, *, scale: int = PNG_SCALE) -> bytes:
    """`url` as a QR code in an 8-bit greyscale PNG, black modules on white.

    Greyscale because WeasyPrint takes such a PNG as it is (and compresses it once more into the
    PDF), where segno's own 1-bit PNG is first converted to colour; and Pillow draws the enlarged
    code in C, where segno's PNG writer goes pixel by pixel in Python. The same pixels as segno's
    own PNG at this scale and border."""
    matrix = segno.make_qr(url, error=ERROR_CORRECTION).matrix
    # Any module segno marks (its matrix holds 0 for light, 1 to 3 for dark) black, and a quiet
    # zone of white modules around the code.
    size = len(matrix) + 2 * BORDER
    quiet = b"\xff" * BORDER
    rows = [
        b"\xff" * size * BORDER,
        *(quiet + bytes(row).translate(_BLACK_ON_WHITE) + quiet for row in matrix),
        b"\xff" * size * BORDER,
    ]
    image = Image.frombytes("L", (size, size), b"".join(rows))
    image = image.resize((size * scale, size * scale), Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)  # WeasyPrint compresses it again anyway
    return buffer.getvalue()


def qr_data_uri(url: str) -> str:
    """The QR code as a PNG data: URI, for an <img> in a PDF. A bitmap rather than SVG so that the
    code inside the PDF can be pulled out and read back by a test, as a phone would read it (and
    WeasyPrint draws it in a fraction of the time it takes to draw the same code as SVG)."""
    return "data:image/png;base64," + base64.b64encode(qr_png(url)).decode("ascii")
