"""A document sent as a download, logged: made first, then logged, then sent.

Made first, so a document that could not be made is never logged as printed, and the log never
holds the database while WeasyPrint or python-docx works. Each app logs with its own service
(`log`): a letter notes when it was first printed, a report to the court is logged against its
proceedings; all of them end in documents.services.document_print_record."""

import re
from collections.abc import Callable

from django.http import HttpResponse

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "zip": "application/zip",
}


def logged_download(
    *, make: Callable[[], bytes], log: Callable[[], object], name: str, fmt: str = "pdf"
) -> HttpResponse:
    """`make()` the document, `log()` the download, and send it as `name`.`fmt` (`name` made
    safe for a file name)."""
    data = make()
    log()
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{safe_name(name)}.{fmt}"'
    return response


def safe_name(name: str) -> str:
    """Letters, digits and dashes only (a court number keeps its capitals), so no browser or
    mail filter trips on it."""
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")[:100] or "document"
