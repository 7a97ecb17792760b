"""The new categories (references to the law, Latin, labels of character) and the sentence that
most raises the reading age, as the command line, the JSON endpoint, the inline check and the
pages of a child's documents show them."""

import io
import json
import re
import sys

import pytest
from django import forms
from django.core.management import call_command
from django.template import Context, Template

from together.language.display import COLOURS, LABELS
from together.language.engine import Category
from together.language.forms import READER_TOKEN
from together.language.readers import Reader

TEXT = (
    "The judge made a section 8 order. Tom was volatile, inter alia, at the park. "
    "The determination of the application necessitates comprehensive consideration."
)
HARD = "The determination of the application necessitates comprehensive consideration."


def test_every_category_has_a_plain_label_and_its_own_colour():
    assert set(LABELS) == set(Category) == set(COLOURS)
    assert len(set(COLOURS.values())) == len(Category)
    assert LABELS[Category.LEGAL_REFERENCE] == "Law or form number"
    assert LABELS[Category.LATIN] == "Latin"
    assert LABELS[Category.CHARACTER] == "Judges character"


def test_the_command_line_lists_the_new_categories_and_the_hardest_sentence(tmp_path, db):
    path = tmp_path / "letter.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = io.StringIO()
    call_command("checklanguage", str(path), "--audience", "child", "--age", "9", stdout=out)
    printed = out.getvalue()
    assert 'law or form number: "section 8".' in printed
    assert "Try: the judge's decision about who you live with or spend time with." in printed
    assert 'judges character: "volatile".' in printed
    assert "Describe what was seen and heard" in printed
    assert 'latin: "inter alia".' in printed and "Try: among other things." in printed
    assert f'The sentence that most raises the reading age: "{HARD}" (without it:' in printed


def test_the_command_line_json_has_the_new_categories(db):
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode()), encoding="utf-8"))
        call_command("checklanguage", "-", "--audience", "adult", "--json", stdout=out)
    data = json.loads(out.getvalue())
    found = {(f["text"], f["category"]) for f in data["findings"]}
    assert {
        ("section 8", "legal_reference"),
        ("volatile", "character"),
        ("inter alia", "latin"),
    } <= found


def test_the_api_gives_the_new_categories_and_the_hardest_sentence(client, fca):
    client.force_login(fca)
    response = client.post(
        "/api/language/check",
        json.dumps({"text": TEXT, "audience": "child", "age": 9, "names": ["Tom"]}),
        content_type="application/json",
    )
    data = response.json()
    found = {(f["text"], f["category"]) for f in data["findings"]}
    assert {
        ("section 8", "legal_reference"),
        ("volatile", "character"),
        ("inter alia", "latin"),
    } <= found
    hardest = data["readability"]["hardest_sentence"]
    assert hardest["text"] == HARD == TEXT[hardest["start"] : hardest["end"]]
    assert hardest["reading_age_without"] < data["readability"]["reading_age"]


def test_the_inline_check_shows_the_new_categories_and_the_hardest_sentence(client, fca):
    client.force_login(fca)
    token = Reader.for_child(age=9, name="Jayden", names=["Tom"]).sign(field="body", id="id_body")
    fragment = client.post("/language/check/", {READER_TOKEN: token, "body": TEXT}).content
    fragment = fragment.decode()
    for label, colour, words in (
        ("Law or form number", "turquoise", "section 8"),
        ("Judges character", "orange", "volatile"),
        ("Latin", "green", "inter alia"),
    ):
        assert f'<strong class="govuk-tag govuk-tag--{colour}">{label}</strong> “{words}”' in (
            fragment
        )
        assert f"<mark>{words}</mark>" in fragment
    assert "Reading age" in fragment and "Jayden is 9" in fragment
    assert f"The sentence that most raises the reading age: <mark>{HARD}</mark>" in fragment


def test_the_inline_check_leaves_out_the_hardest_sentence_for_adults_when_it_is_easy(rf, db):
    class NoteForm(forms.Form):
        body = forms.CharField(widget=forms.Textarea)

    form = NoteForm({"body": "We met on Monday. You said you like the park."})
    html = Template("{% load language %}{% language_check form.body reader=reader %}").render(
        Context({"form": form, "reader": Reader.for_family(), "request": rf.get("/")})
    )
    assert "most raises the reading age" not in html


def test_the_reading_age_tag_shows_the_childs_age_and_the_hardest_sentence(db):
    html = Template(
        "{% load language %}{% reading_age reader %}<h1>Your letter</h1>"
        "<p>I met you on Monday. We played a game.</p><p>" + HARD + "</p>{% endreading_age %}"
    ).render(Context({"reader": Reader.for_child(age=9, name="Jayden")}))
    assert re.search(r"Reading age \d+; Jayden is 9\.", html)
    assert f"<mark>{HARD}</mark>" in html
    assert "govuk-!-display-none-print" in html  # never printed with the document
    assert html.index("data-reading-age") < html.index("<h1>Your letter</h1>")


def test_the_reading_age_tag_takes_a_child_and_leaves_the_document_alone_without_one(world):
    page = (
        "{% load language %}{% reading_age who %}<p>Hello. You like dogs.</p>{% endreading_age %}"
    )
    html = Template(page).render(Context({"who": world.child}))
    name = world.child.preferred_name
    assert f"; {name} is {world.child.age}." in html
    assert Template(page).render(Context({"who": None})) == "<p>Hello. You like dogs.</p>"
