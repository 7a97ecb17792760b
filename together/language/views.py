"""The plain-language checks over the web: the inline check's findings, the JSON endpoint, and the
language report step that a document's send page uses (see ``services`` for how).

``POST /api/language/check`` (for other services) takes a JSON object::

    {"text": "...", "audience": "child" | "adult" | "professional", "age": 9,
     "names": ["Amira", "Jo"]}

(``audience`` is ``adult`` if left out, ``age`` is for a child only, and ``names`` may also be
one string: "Amira,Jo")

and answers with the same JSON as ``manage.py checklanguage --json``. It needs a signed-in
session (401 without one) and, as for any session, the CSRF token in the ``X-CSRFToken`` header
(403 without it). Each user may make ``TOGETHER_LANGUAGE_API_RATE`` checks (default 60 a
minute; 429 after that). Text over 100,000 characters is refused (413); anything else wrong
with the request is a 400 naming the problem. Every error is ``{"error": "..."}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from together.language import display, selectors, services
from together.language.engine import Audience, AudienceKind
from together.language.forms import READER_TOKEN, LanguageConfirmForm
from together.language.readers import OLDEST_CHILD_AGE, Reader

# --- the inline check ----------------------------------------------------------------------


@require_POST
def check(request: HttpRequest) -> HttpResponse:
    """The findings for one text box, as the writer types (htmx swaps them in)."""
    try:
        reader, extra = Reader.from_token(request.POST.get(READER_TOKEN, ""))
        field, html_id = extra["field"], extra["id"]
    except (ValueError, KeyError):
        return HttpResponse(
            '<p class="govuk-body-s">This check is out of date. Reload the page to check again.</p>'
        )
    text = request.POST.get(field, "")
    if len(text) > selectors.MAX_CHARACTERS:
        return render(
            request,
            "components/language_check_findings.html",
            {
                "panel": {
                    "id": html_id,
                    "summary": "This is too long to check as you type.",
                    "note": f"We check up to {selectors.MAX_CHARACTERS:,} characters at once.",
                },
                "status": True,
            },
        )
    report = selectors.language_check(text=text, reader=reader)
    panel = display.panel(text, report, reader.reading_age_note(report), html_id)
    return render(
        request, "components/language_check_findings.html", {"panel": panel, "status": True}
    )


# --- the JSON endpoint ---------------------------------------------------------------------

AUDIENCES = {
    "child": AudienceKind.CHILD,
    "adult": AudienceKind.ADULT_FAMILY,
    "professional": AudienceKind.PROFESSIONAL,
}
_FIELDS = {"text", "audience", "age", "names"}
# Bytes in the request body: room for the most characters, each up to four bytes in UTF-8,
# escaped in JSON; beyond this the body is not even read.
_MAX_BODY = selectors.MAX_CHARACTERS * 6 + 10_000


class BadInput(ValueError):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _error(message: str, status: int, **headers: str) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _api_rate(group, request) -> str:
    return getattr(settings, "TOGETHER_LANGUAGE_API_RATE", "60/m")


def parse_request(data: object) -> tuple[str, str, Reader]:
    """The text, the audience's name and the reader from the JSON body; ``BadInput`` if wrong."""
    if not isinstance(data, dict):
        raise BadInput('Send a JSON object, for example {"text": "...", "audience": "adult"}.')
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise BadInput(f"Unknown field {unknown[0]!r}. The fields are text, audience, age, names.")
    text = data.get("text")
    if not isinstance(text, str):
        raise BadInput('"text" is needed, as a string.')
    if len(text) > selectors.MAX_CHARACTERS:
        raise BadInput(
            f"The text is {len(text):,} characters long. The most we check at once is "
            f"{selectors.MAX_CHARACTERS:,}: send it in parts.",
            status=413,
        )
    audience = data.get("audience", "adult")
    if audience not in AUDIENCES:
        raise BadInput(f'"audience" must be child, adult or professional, not {audience!r}.')
    names = data.get("names") or []
    if isinstance(names, str):
        names = names.split(",")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise BadInput('"names" must be a list of names, or one string with commas between.')
    names = [n.strip() for n in names if n.strip()]
    age = data.get("age")
    if AUDIENCES[audience] is AudienceKind.CHILD:
        if age is None:
            raise BadInput('A child audience needs "age": the child\'s age in years.')
        if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= OLDEST_CHILD_AGE:
            raise BadInput(f'"age" must be a whole number of years from 0 to {OLDEST_CHILD_AGE}.')
        reader = Reader.for_child(age=age, names=names)
    elif age is not None:
        raise BadInput('"age" is only for a child audience.')
    else:
        reader = Reader(Audience(AUDIENCES[audience]), tuple(names))
    return text, audience, reader


@csrf_exempt  # protected by _checked, once we know there is a session to protect
@login_not_required  # a 401 in JSON, rather than a redirect to the sign-in page
def api_check(request: HttpRequest) -> JsonResponse:
    if not request.user.is_authenticated:
        return _error(
            "Sign in first: this endpoint needs a signed-in session.",
            401,
            WWW_Authenticate='Session realm="Together"',
        )
    if request.method != "POST":
        return _error("Use POST, with a JSON object.", 405, Allow="POST")
    # Django's own CSRF check; a refusal goes to CSRF_FAILURE_VIEW, which answers JSON requests
    # in JSON (core.views.csrf_failure).
    return _checked(request)


@csrf_protect
def _checked(request: HttpRequest) -> JsonResponse:
    if is_ratelimited(
        request, group="language-api", key="user", rate=_api_rate, method="POST", increment=True
    ):
        return _error("Too many checks: wait a minute and try again.", 429, Retry_After="60")
    try:
        if _content_length(request) > _MAX_BODY:
            raise BadInput(
                f"The request is too large. The most we check at once is "
                f"{selectors.MAX_CHARACTERS:,} characters.",
                status=413,
            )
        try:
            data = json.loads(request.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BadInput(f"The body is not valid JSON ({error}).") from error
        text, audience, reader = parse_request(data)
    except BadInput as error:
        return _error(str(error), error.status)
    report = selectors.language_check(text=text, reader=reader)
    return JsonResponse(display.as_json(report, audience, text))


# --- the language report before sending ----------------------------------------------------


@dataclass
class ReportStep:
    report: selectors.LanguageReport
    form: LanguageConfirmForm
    proceed: bool  # POSTed, and nothing is left unconfirmed: the page may send the document

    @property
    def findings(self):
        return self.report.items


def language_report_step(
    request: HttpRequest, *, document, text: str, reader: Reader, child_id=None
) -> ReportStep:
    """The language report for a document's send page (see ``services`` for the pattern).

    On a POST it records the author's reasons for the remaining findings (when every one has
    a reason) and says the page may go on and send.
    """
    report = selectors.language_report(document=document, text=text, reader=reader)
    if request.method != "POST":
        return ReportStep(report, LanguageConfirmForm(report), proceed=False)
    form = LanguageConfirmForm(report, request.POST)
    if report.unresolved:
        if not form.is_valid():
            return ReportStep(report, form, proceed=False)
        services.language_confirmation_record(
            by=request.user,
            document=document,
            text=text,
            reader=reader,
            reasons=form.reasons(),
            child_id=child_id,
        )
        report = selectors.language_report(document=document, text=text, reader=reader)
    return ReportStep(report, form, proceed=report.ready)
