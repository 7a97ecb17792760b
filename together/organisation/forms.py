"""Forms for the organisation's pages: recording absence."""

from django import forms
from django.core.exceptions import ValidationError

from together.core.forms import DateField, SubmitOnceForm

from .models import Absence

PLANNED_CHOICES = [
    (Absence.Kind.ANNUAL_LEAVE.value, Absence.Kind.ANNUAL_LEAVE.label),
    (Absence.Kind.TRAINING.value, Absence.Kind.TRAINING.label),
]


def _check_dates(form: forms.Form) -> None:
    starts, ends = form.cleaned_data.get("starts_on"), form.cleaned_data.get("ends_on")
    if starts and ends and ends < starts:
        form.add_error("ends_on", "The last day away must be the same as or after the first day")


class PlannedAbsenceForm(SubmitOnceForm):
    kind = forms.ChoiceField(
        label="Why will you be away?",
        choices=PLANNED_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose annual leave or training",
            "invalid_choice": "Choose annual leave or training",
        },
    )
    starts_on = DateField(
        label="First day away",
        label_for_errors="the first day away",
        help_text="For example, 3 12 2026",
    )
    ends_on = DateField(
        label="Last day away",
        label_for_errors="the last day away",
        help_text="For example, 5 12 2026",
    )

    def clean(self):
        cleaned = super().clean()
        _check_dates(self)
        return cleaned


class SicknessForm(SubmitOnceForm):
    person = forms.ChoiceField(
        label="Who is off sick?",
        error_messages={
            "required": "Choose who is off sick",
            "invalid_choice": "Choose someone from the list",
        },
    )
    starts_on = DateField(
        label="First day off sick",
        label_for_errors="the first day off sick",
        help_text="For example, 3 12 2026",
    )
    ends_on = DateField(
        label="Last day off sick (optional)",
        label_for_errors="the last day off sick",
        help_text="Leave this blank if you do not know yet when they will be back.",
        required=False,
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {str(person.uuid): person for person in staff}
        self.fields["person"].choices = [("", "Choose a person")] + [
            (key, person.full_name) for key, person in self.staff.items()
        ]

    def clean(self):
        cleaned = super().clean()
        _check_dates(self)
        return cleaned

    def chosen(self):
        try:
            return self.staff[self.cleaned_data["person"]]
        except KeyError:
            raise ValidationError("Choose someone from the list") from None
