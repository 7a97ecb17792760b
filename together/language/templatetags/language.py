"""The inline language check: one line in a form's template turns a text box into a checked one.

    {% load language %}
    {% language_check form.body reader=reader %}

The view gives the reader: selectors.reader_for_child (a child, with the names of their people,
which the view's own app reads), Reader.for_family or Reader.for_professionals.

It renders the GOV.UK textarea for the field (label, hint, error, as
``components/textarea.html`` does) and under it the findings: the text with the flagged words
marked, each finding with its message and suggestions, and the reading age against the reader
("Reading age 11; Jayden is 9").

- With JavaScript, htmx posts the text as the writer types (500 ms after they stop) to
  ``language:check`` and swaps in the new findings; a screen reader hears the summary.
- Without it, a "Check my writing" button posts the form back to the page. Give the form
  ``forms.LanguageCheckMixin`` so that press shows the page again with the findings and saves
  nothing. The button posts to the page's own address; pass ``action="/other/"`` when the form
  posts somewhere else.

Options: ``rows`` (the textarea's height; default the widget's ``rows``, else 5),
``label_class`` (for example ``govuk-label--m``) and ``quoted`` (true when the box holds someone's
own words, quoted: then it is a plain text box, never checked, and says so). The field must sit
inside a POST form with ``{% csrf_token %}``. htmx and the small script are added once per page.

The reading age of a finished document a child receives (a letter, the child's version of the
plan, a storyboard), beside the child's age, with the sentence that most raises it:

    {% reading_age reader %}...the document as the child will read it...{% endreading_age %}

``reader`` is a Reader, or a child (``selectors.reader_for_child`` makes the reader). The note
is printed above the document, marked so that it is left off when the page is printed; the
document itself is rendered unchanged.
"""

from __future__ import annotations

import html
import re

from django import template
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from together.language import display, selectors
from together.language.engine import reading
from together.language.forms import CHECK_BUTTON, READER_TOKEN
from together.language.readers import Reader

register = template.Library()


@register.inclusion_tag("components/language_check.html", takes_context=True)
def language_check(
    context,
    field,
    reader: Reader | None = None,
    action: str = "",
    rows=None,
    label_class: str = "",
    quoted: bool = False,
):
    form = field.form
    if quoted:
        html_id = field.id_for_label or field.html_name
        described_by = [f"{html_id}-hint"] if field.help_text else []
        described_by.append(f"{html_id}-quoted")
        if field.errors:
            described_by.append(f"{html_id}-error")
        return {
            "field": field,
            "html_id": html_id,
            "rows": rows or field.field.widget.attrs.get("rows") or 5,
            "label_class": label_class,
            "described_by": " ".join(described_by),
            "quoted": True,
            "text": field.value() or "",
        }
    memo = form.__dict__.setdefault("_language_check", {})
    if reader is None:
        raise template.TemplateSyntaxError("language_check needs reader= (a Reader)")
    if "glossary" not in memo:
        memo["glossary"] = selectors.glossary_current()

    html_id = field.id_for_label or field.html_name
    text = field.value() or ""
    if not isinstance(text, str):
        text = str(text)
    text = text[: selectors.MAX_CHARACTERS]
    report = selectors.language_check(text=text, reader=reader, glossary=memo["glossary"])

    request = context.get("request")
    assets = not getattr(request, "_language_check_assets", False)
    if request is not None:
        request._language_check_assets = True

    described_by = [f"{html_id}-hint"] if field.help_text else []
    if field.errors:
        described_by.append(f"{html_id}-error")
    described_by.append(f"{html_id}-language-summary")
    return {
        "field": field,
        "html_id": html_id,
        "rows": rows or field.field.widget.attrs.get("rows") or 5,
        "label_class": label_class,
        "described_by": " ".join(described_by),
        "token": reader.sign(field=field.html_name, id=html_id),
        "token_name": READER_TOKEN,
        "check_button": CHECK_BUTTON,
        "action": action,
        "assets": assets,
        "panel": display.panel(text, report, reader.reading_age_note(report), html_id),
        "text": field.value() or "",
    }


# Tags that end a block of text: each becomes a paragraph break, so that headings and list items
# count as sentences of their own.
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|dd|dt|td|th|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(markup: str) -> str:
    """The words of rendered HTML as the reader reads them."""
    return html.unescape(strip_tags(_BLOCK_END.sub("\n\n", markup)))


@register.tag("reading_age")
def do_reading_age(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("reading_age takes one argument: a Reader or a child")
    nodelist = parser.parse(("endreading_age",))
    parser.delete_first_token()
    return ReadingAgeNode(parser.compile_filter(bits[1]), nodelist)


class ReadingAgeNode(template.Node):
    def __init__(self, who, nodelist):
        self.who = who
        self.nodelist = nodelist

    def render(self, context):
        content = self.nodelist.render(context)
        who = self.who.resolve(context)
        if not who:
            return content
        reader = who if isinstance(who, Reader) else selectors.reader_for_child(who)
        text = html_to_text(content)
        report = reading(text, reader.audience)
        words = report.readability.words
        note = render_to_string(
            "language/reading_age.html",
            {
                "note": reader.reading_age_note(report),
                "hardest": display.hardest_text(text, report)
                if words and report.readability.sentences > 1
                else "",
                "without": report.hardest.reading_age_without if report.hardest else None,
                "too_hard": report.too_hard,
            },
        )
        return note + content
