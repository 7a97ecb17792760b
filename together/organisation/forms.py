"""Forms for the organisation's pages: recording absence."""

from django import forms
from django.core.exceptions import ValidationError

from together.core.forms import DateField, SubmitOnceForm, text_field

from .models import Absence, PrioritisationEvent

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


class PrioritisationChangeForm(SubmitOnceForm):
    change = forms.ChoiceField(
        label="What has been decided?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what has been decided",
            "invalid_choice": "Choose one of the changes listed",
        },
    )
    reason = text_field(
        "Why",
        max_length=2000,
        required=True,
        rows=4,
        help_text="For example, what the figures show and what the area's managers said.",
        required_message="Enter why this has been decided",
    )

    def __init__(self, *args, changes, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(PrioritisationEvent.Change.choices)
        self.fields["change"].choices = [(change, labels[change]) for change in changes]


def _threshold(label: str, what: str, help_text: str, max_value: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=max_value,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": f"{what} must be a whole number, like 20",
            "min_value": f"{what} must be 0 or more",
            "max_value": f"{what} must be {max_value:,} or fewer",
        },
    )


class ThresholdsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    saturation_percent = _threshold(
        "Saturation (%)",
        "Saturation",
        "Open proceedings led as a share of the advisers' capacity. The board's line is 90.",
        1000,
    )
    held_on_duty = _threshold(
        "Proceedings held on duty",
        "Proceedings held on duty",
        "Open proceedings with no lead adviser. Leave blank not to watch this.",
        100000,
    )
    days_to_allocation = _threshold(
        "Average days to allocation",
        "Average days to allocation",
        "Over the last 90 days. The board's line is 20.",
        1000,
    )
    manager_duty_holdings = _threshold(
        "Proceedings service managers hold on duty",
        "Proceedings service managers hold on duty",
        "Leave blank not to watch this.",
        100000,
    )


class SicknessEndForm(forms.Form):
    ends_on = DateField(
        label="Last day off sick",
        label_for_errors="the last day off sick",
        help_text="For example, 3 12 2026",
    )

    def __init__(self, *args, absence, **kwargs):
        super().__init__(*args, **kwargs)
        self.absence = absence

    def clean_ends_on(self):
        ends = self.cleaned_data["ends_on"]
        if ends and ends < self.absence.starts_on:
            raise ValidationError(
                "The last day off sick must be the same as or after the first, "
                f"{self.absence.starts_on:%-d %B %Y}"
            )
        return ends
