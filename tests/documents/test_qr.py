"""The QR codes printed on letters: drawn as the same pixels as segno's own PNG, and read back."""

import io
import random
import string

import segno
import zxingcpp
from PIL import Image

from together.documents import qr

_rng = random.Random(18004)
_ALPHABET = string.ascii_letters + string.digits
# Feedback and web links as the service prints them, and longer ones, up to codes with version
# information (version 7 and up) and with remainder modules segno leaves unset (versions 2 to 6,
# 14 and up).
LINKS = [
    f"{host}/{kind}/{''.join(_rng.choices(_ALPHABET, k=length))}"
    for host in ("http://127.0.0.1:8000", "https://together.example.org")
    for kind in ("f", "l")
    for length in (8, 16, 32, 32, 32, 32, 48, 64, 120, 250, 400)
]


def _rows(matrix) -> list[bytes]:
    return [bytes(row) for row in matrix]


def test_the_png_has_the_pixels_of_segnos_own_png():
    for link in LINKS[::5]:
        ours = Image.open(io.BytesIO(qr.qr_png(link)))
        buffer = io.BytesIO()
        segno.make_qr(link, error=qr.ERROR_CORRECTION).save(
            buffer, kind="png", scale=qr.PNG_SCALE, border=qr.BORDER
        )
        theirs = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
        assert ours.mode == "L"
        assert ours.size == theirs.size
        assert ours.tobytes() == theirs.tobytes()


def test_the_png_reads_back_as_the_link():
    for link in LINKS[::7]:
        found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.qr_png(link))))
        assert [code.text for code in found] == [link]
