"""The scorecard's one question: which day the figures are for."""

from django import forms
from django.utils import timezone

from together.core.forms import DateField


class ScorecardDateForm(forms.Form):
    date = DateField(
        label="Figures on",
        label_for_errors="the date",
        required=False,
        help_text="For example, 30 6 2026. Leave it empty for today.",
    )

    def clean_date(self):
        day = self.cleaned_data.get("date")
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        return day
