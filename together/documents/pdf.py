"""Tagged PDFs (PDF/UA-1) from Django templates, with WeasyPrint.

Everything a PDF needs (fonts, style sheets, images) comes from disk: the URL fetcher refuses
anything that is not a file under the project's static folders or a data: URL, so a document can
never make the server fetch from the network, and text a person typed cannot pull in a file.

Each thread keeps its parsed print style sheets and its font configuration (the fonts found on
disk, with Pango's caches of loaded faces) from one PDF to the next: finding and loading the
fonts again for every PDF cost more than laying out a one-page letter's words.
"""

from __future__ import annotations

import base64
import binascii
import functools
import mimetypes
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes, urljoin

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string

PDF_VARIANT = "pdf/ua-1"
STYLESHEET = "documents/print.css"
LARGE_PRINT_STYLESHEET = "documents/large-print.css"


# Relative and root-relative addresses in a document (such as {% static %} ones) resolve against
# this made-up origin, and only addresses under it are served, from the static folders on disk.
BASE_URL = "https://documents.together.invalid/assets/"


class DocumentFetchRefused(Exception):
    """A document asked for something that is not a local static file."""


def _static_path(url: str) -> Path | None:
    if not url.startswith(BASE_URL):
        return None
    relative = url.removeprefix(BASE_URL).split("?")[0].split("#")[0]
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation:
        return None
    return Path(found) if found else None


def _data_url(url: str) -> tuple[bytes, str] | None:
    """The bytes and type of a base64 data: URL (how the documents carry their QR codes), or None
    for any other data: URL, which the standard library then reads."""
    head, comma, payload = url.partition(",")
    if not comma or not head.endswith(";base64"):
        return None
    try:
        data = base64.b64decode(unquote_to_bytes(payload), validate=True)
    except binascii.Error:
        return None
    return data, head.removeprefix("data:").removesuffix(";base64") or "text/plain"


@functools.cache
def _weasyprint_fetcher_class():
    import weasyprint

    class LocalFetcher(weasyprint.URLFetcher):
        """Static files from disk and data: URLs; nothing from the network or the file system."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                # The standard library's data: handler parses a MIME header for every image.
                found = _data_url(url)
                if found is None:
                    return super().fetch(url, headers)
                data, kind = found
                return weasyprint.urls.URLFetcherResponse(url, data, headers={"Content-Type": kind})
            path = _static_path(url)
            if path is None:
                raise DocumentFetchRefused(url)
            # The type matters: WeasyPrint refuses a <link rel="stylesheet"> that is not text/css.
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return weasyprint.urls.URLFetcherResponse(
                url, path.read_bytes(), headers={"Content-Type": kind}
            )

    return LocalFetcher


def url_fetcher(url: str):
    """Fetch `url` as a document would (resolved against BASE_URL): a static file, a data: URL,
    or DocumentFetchRefused."""
    return _weasyprint_fetcher_class()().fetch(urljoin(BASE_URL, url))


class _Reused(threading.local):
    """What a thread keeps from one PDF to the next. WeasyPrint's style sheets and Pango's font
    map are not meant to be shared between threads, so each thread (a web server's, a task
    worker's) has its own."""

    def __init__(self):
        self.font_config = None
        self.stylesheets: dict[str, tuple[tuple, Any]] = {}


_reused = _Reused()


def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    if _reused.font_config is None:
        _reused.font_config = FontConfiguration()
    return _reused.font_config


def _stylesheet(name: str, fetcher):
    """The print style sheet `name`, parsed once a thread and again only when the file changes
    (so an edited sheet shows in the next PDF while developing)."""
    import weasyprint

    path = _static_path(BASE_URL + name)
    if path is None:
        raise DocumentFetchRefused(BASE_URL + name)
    version = (path, path.stat().st_mtime_ns)
    kept = _reused.stylesheets.get(name)
    if kept is None or kept[0] != version:
        sheet = weasyprint.CSS(
            url=BASE_URL + name, url_fetcher=fetcher, base_url=BASE_URL, font_config=_font_config()
        )
        kept = _reused.stylesheets[name] = (version, sheet)
    return kept[1]


def pdf_from_html(html: str, *, large_print: bool = False) -> bytes:
    """Turn a whole HTML document into a tagged PDF. The document's <html lang> and <title>
    become the PDF's language and title, which PDF/UA needs."""
    import weasyprint

    sheets = [STYLESHEET, *([LARGE_PRINT_STYLESHEET] if large_print else [])]
    fetcher = _weasyprint_fetcher_class()()
    stylesheets = [_stylesheet(name, fetcher) for name in sheets]
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=stylesheets, pdf_variant=PDF_VARIANT, font_config=_font_config()
    )


def pdf_from_template(
    template: str, context: dict[str, Any], *, large_print: bool = False
) -> bytes:
    """Render `template` (which should extend documents/base.html) to a tagged PDF."""
    html = render_to_string(template, {**context, "large_print": large_print})
    return pdf_from_html(html, large_print=large_print)
