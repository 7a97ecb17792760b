"""The shared form pieces: free text, and a service's ValidationError shown on the form."""

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from together.core.forms import add_service_errors, text_field


class NoteForm(forms.Form):
    title = text_field("Title", max_length=10, required=True)
    note = text_field(
        "What they said (optional)", max_length=20, required=False, rows=4, name="What they said"
    )
    reason = text_field("Why", max_length=50, required=True, required_message="Say why")


def test_free_text_is_a_text_input_or_a_textarea_of_the_rows_asked_for():
    form = NoteForm()
    assert isinstance(form.fields["title"].widget, forms.TextInput)
    assert isinstance(form.fields["note"].widget, forms.Textarea)
    assert form.fields["note"].widget.attrs["rows"] == 4


def test_free_text_errors_name_the_field_as_a_person_would_read_it():
    form = NoteForm({"title": "  ", "note": "x" * 21, "reason": ""})
    assert form.errors == {
        "title": ["Enter title"],
        "note": ["What they said must be 20 characters or fewer"],
        "reason": ["Say why"],
    }


def test_free_text_drops_surrounding_spaces():
    form = NoteForm({"title": "  Visit ", "reason": "x"})
    assert form.is_valid() and form.cleaned_data["title"] == "Visit"


def _valid_form():
    form = NoteForm({"title": "Visit", "reason": "Asked"})
    assert form.is_valid()
    return form


def test_a_services_error_about_a_field_goes_on_that_field_and_the_rest_at_the_top():
    form = _valid_form()
    add_service_errors(form, ValidationError({"title": "Too like another", "plan": "Not yours"}))
    assert form.errors == {"title": ["Too like another"], NON_FIELD_ERRORS: ["Not yours"]}


def test_a_service_may_call_a_field_by_another_name():
    form = _valid_form()
    add_service_errors(
        form,
        ValidationError({"starts_at": "Must be after 1900", "outcome": "Too long"}),
        fields={"starts_at": "reason", "outcome": None},
    )
    assert form.errors == {"reason": ["Must be after 1900"], NON_FIELD_ERRORS: ["Too long"]}


@pytest.mark.parametrize(
    "error", [ValidationError("The plan is final"), ValidationError(["The plan is final"])]
)
def test_a_services_error_about_no_field_goes_at_the_top(error):
    form = _valid_form()
    add_service_errors(form, error)
    assert form.errors == {NON_FIELD_ERRORS: ["The plan is final"]}


def test_made_from_form_makes_once_shows_refusals_and_sends_the_person_on(rf, db):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.middleware import MessageMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware

    from together.core.forms import SubmitOnceForm, made_from_form

    class NameForm(SubmitOnceForm):
        name = forms.CharField()

    made = []

    def make(*, by, token, name):
        if name == "no":
            raise ValidationError({"name": "Choose another name"})
        made.append((token, name))
        return name

    def post(data):
        request = rf.post("/", data)
        request.user = AnonymousUser()
        SessionMiddleware(lambda r: None).process_request(request)
        MessageMiddleware(lambda r: None).process_request(request)
        form = NameForm(request.POST)
        answer = made_from_form(request, form, make, said="Saved", then=lambda n: f"/{n}/")
        return form, answer

    form, answer = post({"name": "no", "form_token": "t1"})
    assert answer is None and form.errors["name"] == ["Choose another name"] and not made
    form, answer = post({"name": "kai", "form_token": "t2"})
    assert answer.status_code == 302 and answer.url == "/kai/"
    assert made == [("t2", "kai")]
    assert made_from_form(rf.get("/"), NameForm(), make, said="", then="/") is None
