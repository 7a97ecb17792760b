"""Form fields shared by every app, shaped for the GOV.UK Design System's patterns, and the one
way a service's ValidationError is shown on a form."""

import datetime
from collections.abc import Callable, Mapping

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect

from .form_tokens import new_token


def text_field(
    label: str,
    *,
    max_length: int,
    required: bool,
    rows: int | None = None,
    help_text: str = "",
    name: str | None = None,
    required_message: str | None = None,
) -> forms.CharField:
    """Free text: a text input, or a textarea of `rows` rows. Surrounding spaces are dropped.

    The error messages follow the GOV.UK pattern and call the field by `name` (the label unless
    given, for a label that says more, such as "Pronouns (optional)"): "<Name> must be 1,000
    characters or fewer" and "Enter <name>" (or `required_message`)."""
    name = name or label
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        error_messages={
            "max_length": f"{name} must be {max_length:,} characters or fewer",
            "required": required_message or f"Enter {name[:1].lower()}{name[1:]}",
        },
    )


class SubmitOnceForm(forms.Form):
    """A form that makes something, and makes it once however often it is sent (ADR 0016).

    It carries a one-time token in a hidden field (`{{ form.form_token }}` in the template), new
    each time the form is drawn and kept when it is drawn again with errors. The view hands
    `form.token()` to the service, which claims it (core.form_tokens.claim). The field may be
    empty: a post without it is made, unguarded."""

    form_token = forms.CharField(
        required=False,
        max_length=64,
        initial=new_token,
        widget=forms.HiddenInput,
        error_messages={"max_length": "This form could not be sent. Open it again and try again"},
    )

    def token(self) -> str | None:
        return self.cleaned_data.get("form_token") or None

    def answers(self) -> dict:
        """What the person answered: the cleaned data without the token."""
        return {name: value for name, value in self.cleaned_data.items() if name != "form_token"}


def add_service_errors(
    form: forms.BaseForm, error: ValidationError, *, fields: Mapping[str, str | None] | None = None
) -> None:
    """Show the ValidationError a service raised on the form that asked for the change.

    Each message goes on the field it is about: the form's field of the same name, or the one
    `fields` maps the service's name to (None: the whole form). Messages about anything else,
    and a ValidationError that names no field, go at the top of the form (the error summary)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, texts in error.message_dict.items():
        target = (fields or {}).get(name, name)
        form.add_error(target if target in form.fields else None, texts)


def made_from_form(
    request,
    form: SubmitOnceForm,
    make: Callable,
    *,
    answers: Callable[[], dict] | None = None,
    said: str,
    then: str | Callable,
) -> HttpResponse | None:
    """The one way a page makes a record from a form it was sent (ADR 0016).

    When the request is a post and `form` is valid, call the service `make` as the person, with
    the form's one-time token and the answers (`answers()`, the form's `answers` unless given).
    A ValidationError the service raises shows on the form (add_service_errors); otherwise the
    person is told `said` and sent to `then` (a URL or URL name, or a function of the record
    made that returns one). None means the page is to be drawn, with the form's errors if any."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        made = make(by=request.user, token=form.token(), **(answers or form.answers)())
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, said)
    return redirect(then(made) if callable(then) else then)


class DateInputWidget(forms.MultiWidget):
    """Day, month and year boxes (the GOV.UK date input)."""

    template_name = "components/date_input_widget.html"

    def __init__(self, attrs=None):
        widgets = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "month": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "year": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
        }
        super().__init__(widgets, attrs)

    def id_for_label(self, id_):
        # Labels and error links point at the first box, the day (Django numbers the boxes).
        return f"{id_}_0" if id_ else ""

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with the GOV.UK error messages."""

    widget = DateInputWidget

    def __init__(self, *, label_for_errors: str, required=True, **kwargs):
        self.label_for_errors = label_for_errors
        fields = tuple(forms.CharField(required=False) for _ in range(3))
        super().__init__(fields=fields, require_all_fields=False, required=required, **kwargs)
        self.error_messages["required"] = f"Enter {label_for_errors}"
        self.error_messages["incomplete"] = (
            f"{label_for_errors.capitalize()} must include a day, month and year"
        )

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        missing = [
            name for name, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must include a {' and '.join(missing)}"
            )
        # Only the digits 0 to 9, and a year of four of them: int() alone would take other
        # scripts' digits, and a year of twenty digits overflows the date.
        digits = all(part.isascii() and part.isdigit() for part in (day, month, year))
        if digits and len(year) < 4:
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must have a year with 4 numbers, like 2019"
            )
        if not (digits and len(year) == 4 and len(day) <= 2 and len(month) <= 2):
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must be a real date, like 27 3 2019"
            )
        try:
            parsed = datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must be a real date, like 27 3 2019"
            ) from None
        if parsed.year < 1900:
            raise forms.ValidationError(f"{self.label_for_errors.capitalize()} must be after 1900")
        return parsed


class TimeField(forms.TimeField):
    """A time of day typed as 14:30 or 2:30pm."""

    input_formats = ["%H:%M", "%H.%M", "%I:%M%p", "%I:%M %p", "%I%p", "%I %p"]

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().lower().replace(" ", "")
        return super().to_python(value)
