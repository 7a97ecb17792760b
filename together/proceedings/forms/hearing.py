"""The form for a hearing."""

from datetime import datetime

from django import forms
from django.utils import timezone

from together.core.forms import DateField, SubmitOnceForm, TimeField

from ..models import Hearing


class HearingForm(SubmitOnceForm):
    kind = forms.ChoiceField(
        label="What kind of hearing?",
        choices=Hearing.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the kind of hearing",
            "invalid_choice": "Choose one of the kinds of hearing listed",
        },
    )
    date = DateField(
        label="Date of the hearing",
        label_for_errors="the date of the hearing",
        help_text="For example, 3 12 2026",
    )
    time = TimeField(
        label="Time",
        help_text="For example, 10:30 or 2pm",
        error_messages={
            "required": "Enter the time of the hearing",
            "invalid": "Enter the time of the hearing, like 10:30 or 2pm",
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    outcome = forms.CharField(
        label="What the court decided (optional)",
        help_text="Leave this blank for a hearing that has not happened yet.",
        max_length=Hearing._meta.get_field("outcome").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "What the court decided must be 2000 characters or fewer"},
    )

    def starts_at(self) -> datetime:
        return timezone.make_aware(
            datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        )
