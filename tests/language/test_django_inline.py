"""The inline check on a child's About me: findings as the writer types, and without JavaScript."""

import re

import pytest
from django.template import Context, Template

from tests.children.factories import ConnectionFactory, FamilyMemberFactory
from tests.children.test_file_views import about_form
from together.children.models import Child
from together.children.readers import child_reader
from together.language import selectors
from together.language.forms import CHECK_BUTTON, READER_TOKEN
from together.language.readers import Reader

JARGON = "Jayden has contact with his sibling"


def edit_url(child):
    return f"/children/{child.uuid}/about/edit/"


def token_for(page: str, field: str) -> str:
    textarea = re.search(rf'<textarea[^>]*name="{field}"[^>]*>', page).group(0)
    return re.search(r"hx-vals='\{\"language-reader\": \"([^\"]+)\"\}'", textarea).group(1)


def test_the_edit_page_shows_findings_for_what_is_saved(client, world):
    Child.objects.filter(pk=world.child.pk).update(enjoys=JARGON)
    client.force_login(world.fca_allocated)
    page = client.get(edit_url(world.child)).content.decode()
    assert "2 things to look at." in page
    assert "<mark>contact</mark>" in page and "<mark>sibling</mark>" in page
    assert "“brother or sister”" in page and "“time with”" in page
    assert re.search(rf"Reading age \d+; Jayden is {world.child.age}\.", page)
    # Every About me free-text answer is checked, each with its own button.
    assert page.count('name="language-check"') == 8
    assert 'value="identity_other"' in page


def test_check_my_writing_shows_the_findings_and_saves_nothing(client, world):
    client.force_login(world.fca_allocated)
    response = client.post(
        edit_url(world.child),
        about_form(world.child, enjoys=JARGON, preferred_name="", **{CHECK_BUTTON: "enjoys"}),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<mark>sibling</mark>" in page and "“brother or sister”" in page
    assert JARGON in page  # what they typed stays in the box
    # Checking is not saving: no complaint about the empty name, and nothing changed.
    assert "There is a problem" not in page
    child = Child.objects.get(pk=world.child.pk)
    assert child.enjoys == "" and child.version == 1


def test_the_button_brings_the_writer_back_to_the_findings(client, world):
    client.force_login(world.fca_allocated)
    page = client.get(edit_url(world.child)).content.decode()
    assert 'formaction="#id_enjoys-language"' in page
    assert 'id="id_enjoys-language"' in page


def test_save_still_saves_with_findings_in_the_text(client, world):
    client.force_login(world.fca_allocated)
    response = client.post(edit_url(world.child), about_form(world.child, enjoys=JARGON))
    assert response.status_code == 302
    assert Child.objects.get(pk=world.child.pk).enjoys == JARGON


def test_htmx_and_the_script_are_added_once_per_page(client, world):
    client.force_login(world.fca_allocated)
    page = client.get(edit_url(world.child)).content.decode()
    assert page.count("htmx/htmx.min.js") == 1
    assert page.count("js/language-check.js") == 1
    assert 'hx-trigger="input changed delay:500ms"' in page


def test_the_endpoint_returns_the_findings_for_the_text_typed(client, world):
    client.force_login(world.fca_allocated)
    token = token_for(client.get(edit_url(world.child)).content.decode(), "enjoys")
    response = client.post("/language/check/", {READER_TOKEN: token, "enjoys": JARGON})
    fragment = response.content.decode()
    assert response.status_code == 200
    assert "<mark>sibling</mark>" in fragment and "“brother or sister”" in fragment
    assert f"Jayden is {world.child.age}" in fragment
    # The summary is announced to screen readers out of band.
    assert 'id="id_enjoys-language-status"' in fragment and 'hx-swap-oob="true"' in fragment
    assert "<html" not in fragment


def test_a_clean_sentence_has_nothing_to_change(client, world):
    client.force_login(world.fca_allocated)
    token = token_for(client.get(edit_url(world.child)).content.decode(), "enjoys")
    fragment = client.post(
        "/language/check/", {READER_TOKEN: token, "enjoys": "Jayden loves football."}
    ).content.decode()
    assert "Nothing to change." in fragment and "<mark>" not in fragment


def test_an_altered_reader_is_refused(client, world):
    client.force_login(world.fca_allocated)
    token = token_for(client.get(edit_url(world.child)).content.decode(), "enjoys")
    response = client.post("/language/check/", {READER_TOKEN: token[:-2] + "xx", "enjoys": JARGON})
    assert "This check is out of date" in response.content.decode()
    assert "sibling" not in response.content.decode()


def test_text_over_the_limit_gets_a_message_not_a_check(client, world):
    client.force_login(world.fca_allocated)
    token = Reader.for_child(age=9, name="Jayden").sign(field="enjoys", id="id_enjoys")
    response = client.post(
        "/language/check/",
        {READER_TOKEN: token, "enjoys": "word " * (selectors.MAX_CHARACTERS // 5 + 1)},
    )
    assert "too long to check as you type" in response.content.decode()


def test_the_inline_check_needs_a_post(client, world):
    client.force_login(world.fca_allocated)
    assert client.get("/language/check/").status_code == 405


def test_the_mother_is_named_from_the_family(client, world):
    mum = FamilyMemberFactory(given_name="Sarah")
    ConnectionFactory(child=world.child, person=mum, relationship="mother", child_calls_them="")
    Child.objects.filter(pk=world.child.pk).update(special_and_unique="The mother loves him.")
    client.force_login(world.fca_allocated)
    page = client.get(edit_url(world.child)).content.decode()
    assert "<mark>The mother</mark>" in page and "“Sarah”" in page


def test_names_of_the_family_are_never_flagged(world):
    aunt = FamilyMemberFactory(given_name="Oluwaseun", family_name="Adebayo-Okafor")
    ConnectionFactory(child=world.child, person=aunt, relationship="aunt_uncle")
    reader = child_reader(world.child)
    report = selectors.language_check(text="Oluwaseun Adebayo-Okafor visits.", reader=reader)
    assert report.findings == []


def test_a_name_the_caller_gives_is_not_flagged_and_the_child_is_still_the_reader(world):
    text = "Oluwaseun Adebayo-Okafor visits."
    unnamed = selectors.reader_for_child(world.child)
    assert selectors.language_check(text=text, reader=unnamed).findings != []
    reader = selectors.reader_for_child(world.child, names=["Oluwaseun", "Adebayo-Okafor"])
    assert selectors.language_check(text=text, reader=reader).findings == []
    assert reader.is_child and reader.name == world.child.preferred_name


def test_reading_a_child_as_the_reader_asks_the_database_nothing(world, django_assert_num_queries):
    with django_assert_num_queries(0):
        selectors.reader_for_child(world.child, person_names={"mother": "Mum"})


def test_the_component_works_in_any_form_with_any_reader(rf, db):
    from django import forms

    from together.language.forms import LanguageCheckMixin

    class LetterForm(LanguageCheckMixin, forms.Form):
        body = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}))

    form = LetterForm({"body": "The LA will convene a meeting.", CHECK_BUTTON: "body"})
    assert not form.is_valid() and not form.errors
    html = Template("{% load language %}{% language_check form.body reader=reader %}").render(
        Context({"form": form, "reader": Reader.for_family(), "request": rf.get("/")})
    )
    assert 'rows="8"' in html and "<mark>LA</mark>" in html and "<mark>convene</mark>" in html
    assert "For parents and carers aim for 11 or lower." in html
    assert LetterForm({"body": "Hello"}).is_valid()


def test_the_component_needs_a_reader(db):
    from django import forms
    from django.template import TemplateSyntaxError

    class NoteForm(forms.Form):
        body = forms.CharField()

    with pytest.raises(TemplateSyntaxError, match="needs reader="):
        Template("{% load language %}{% language_check form.body %}").render(
            Context({"form": NoteForm()})
        )
