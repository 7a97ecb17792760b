"""Tagged PDFs (PDF/UA-1) from Django templates, with WeasyPrint.

Everything a PDF needs (fonts, style sheets, images) comes from disk: the URL fetcher refuses
anything that is not a file under the project's static folders or a data: URL, so a document can
never make the server fetch from the network, and text a person typed cannot pull in a file.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

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


def _weasyprint_fetcher_class():
    import weasyprint

    class LocalFetcher(weasyprint.URLFetcher):
        """Static files from disk and data: URLs; nothing from the network or the file system."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
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


def pdf_from_html(html: str, *, large_print: bool = False) -> bytes:
    """Turn a whole HTML document into a tagged PDF. The document's <html lang> and <title>
    become the PDF's language and title, which PDF/UA needs."""
    import weasyprint

    sheets = [STYLESHEET, *([LARGE_PRINT_STYLESHEET] if large_print else [])]
    fetcher = _weasyprint_fetcher_class()()
    stylesheets = [
        weasyprint.CSS(url=BASE_URL + name, url_fetcher=fetcher, base_url=BASE_URL)
        for name in sheets
    ]
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets, pdf_variant=PDF_VARIANT)


def pdf_from_template(
    template: str, context: dict[str, Any], *, large_print: bool = False
) -> bytes:
    """Render `template` (which should extend documents/base.html) to a tagged PDF."""
    html = render_to_string(template, {**context, "large_print": large_print})
    return pdf_from_html(html, large_print=large_print)
