"""Forms of national case quality audits."""

from django import forms

from together.core.forms import DateField, SubmitOnceForm, text_field

from .models import Grade
from .national_models import NationalAuditRound, SpotlightLetter


class NationalRoundForm(SubmitOnceForm):
    title = text_field("Title", max_length=120, required=True)
    focus = forms.ChoiceField(
        label="Which children's files?",
        choices=NationalAuditRound.Focus.choices,
        widget=forms.RadioSelect,
        help_text="One of the three audits each year looks only at proceedings where domestic "
        "abuse is a feature.",
        error_messages={
            "required": "Choose which children's files to draw from",
            "invalid_choice": "Choose from the options given",
        },
    )
    starts_on = DateField(label="Start date", label_for_errors="the start date")
    ends_on = DateField(label="End date", label_for_errors="the end date")
    sample_size = forms.IntegerField(
        label="How many files?",
        initial=200,
        min_value=1,
        max_value=2000,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter how many files to draw",
            "invalid": "Enter how many files to draw as a number, like 200",
            "min_value": "Draw at least 1 file",
            "max_value": "Draw 2,000 files or fewer",
        },
    )

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "The end date must be on or after the start date")
        return data


class NationalAuditForm(SubmitOnceForm):
    grade = forms.ChoiceField(
        label="Overall grade",
        choices=Grade.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the overall grade",
            "invalid_choice": "Choose from the grades given",
        },
    )
    audited_on = DateField(label="Date of the audit", label_for_errors="the date of the audit")
    notes = text_field(
        "What worked well, and what could be better",
        max_length=5000,
        required=True,
        rows=8,
        help_text="Start with what worked well for the child and the difference it made.",
    )


class SpotlightJudgementForm(forms.Form):
    judgement = forms.ChoiceField(
        label="How well was the child's uniqueness explored?",
        choices=SpotlightLetter.Judgement.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how well the child's uniqueness was explored",
            "invalid_choice": "Choose from the options given",
        },
    )
    comment = text_field("Why (optional)", max_length=2000, required=False, rows=4)


class AuditorForm(forms.Form):
    """Choose the auditor of one file, from those who may audit it."""

    auditor = forms.TypedChoiceField(
        label="Auditor",
        coerce=str,
        help_text="Supervisors and managers from other areas than the file's.",
        error_messages={
            "required": "Choose an auditor",
            "invalid_choice": "Choose an auditor from the list",
        },
    )

    def __init__(self, *args, auditors, **kwargs):
        super().__init__(*args, **kwargs)
        self.auditors = {str(a.uuid): a for a in auditors}
        self.fields["auditor"].choices = [("", "Choose an auditor")] + [
            (key, f"{a.full_name}, {a.service_area.name}") for key, a in self.auditors.items()
        ]

    def chosen(self):
        return self.auditors[self.cleaned_data["auditor"]]
