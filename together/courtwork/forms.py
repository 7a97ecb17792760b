"""Forms for the safeguarding enquiries and the safeguarding letter."""

import datetime

from django import forms
from django.utils import timezone

from together.children.models import DomesticAbuseSource
from together.core.forms import DateField, SubmitOnceForm, text_field
from together.language.forms import LanguageCheckMixin

from .models import SafeguardingCheck, SafeguardingConversation


class CheckAddForm(SubmitOnceForm):
    agency = forms.ChoiceField(
        label="Who did you ask?",
        choices=SafeguardingCheck.Agency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the police or a local authority"},
    )
    agency_name = text_field(
        "Which police force or local authority",
        max_length=200,
        required=True,
        help_text="For example, West Yorkshire Police or Leeds City Council",
        required_message="Enter which police force or local authority you asked",
    )
    asked_on = DateField(
        label="When did you ask?",
        label_for_errors="the date you asked",
        help_text="For example, 27 3 2026",
    )


class CheckAnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    agency_name = CheckAddForm.base_fields["agency_name"]
    asked_on = CheckAddForm.base_fields["asked_on"]
    answered_on = DateField(
        label="When did they answer? (optional)",
        label_for_errors="the date of the answer",
        help_text="Leave empty while you wait for an answer",
        required=False,
    )
    result = forms.ChoiceField(
        label="What was the answer?",
        choices=SafeguardingCheck.Result.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say what the answer was"},
    )
    findings = text_field(
        "What was found",
        max_length=5000,
        rows=6,
        required=False,
        help_text=(
            "Write it so it can be quoted to the court as it stands: what, when and who. "
            "Only the allocated Family Court Adviser and their managers can see it."
        ),
    )

    @classmethod
    def initial_for(cls, check: SafeguardingCheck) -> dict:
        return {
            "version": check.version,
            "agency_name": check.agency_name,
            "asked_on": check.asked_on,
            "answered_on": check.answered_on,
            "result": check.result,
            "findings": check.findings,
        }


class ConversationForm(SubmitOnceForm):
    person = forms.ChoiceField(
        label="Who did you talk with?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who you talked with",
            "invalid_choice": "Choose from the people given",
        },
    )
    date = DateField(label="Date", label_for_errors="the date you talked")
    time = forms.TimeField(
        label="Time",
        help_text="For example, 15:30",
        error_messages={
            "required": "Enter the time you talked",
            "invalid": "Enter a time like 15:30",
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    method = forms.ChoiceField(
        label="How did you talk?",
        choices=SafeguardingConversation.Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how you talked"},
    )
    about_child = text_field(
        "What they said about the child", max_length=5000, rows=5, required=True
    )
    about_risk = text_field(
        "What they said about any risk (optional)",
        max_length=5000,
        rows=5,
        name="What they said about any risk",
        required=False,
    )
    screening = forms.ChoiceField(
        label="The domestic abuse screening questions",
        choices=SafeguardingConversation.Screening.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether they answered the screening questions"},
    )
    screening_answers = text_field(
        "Their answers to the screening questions",
        max_length=5000,
        rows=5,
        required=False,
        help_text="Leave empty if they did not want to answer",
    )
    language = text_field(
        "Language you talked in (optional)", max_length=60, name="Language", required=False
    )
    interpreter = text_field(
        "Interpreter (optional)",
        max_length=200,
        name="Interpreter",
        required=False,
        help_text="Who interpreted, and how. Leave empty if there was no interpreter",
    )

    def __init__(self, *args, people, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.uuid): person for person in people}
        self.fields["person"].choices = [
            (key, f"{person} ({roles.get(person.pk, 'Parent or carer').lower()})")
            for key, person in self.people.items()
        ]

    def clean(self):
        data = super().clean()
        day, at = data.get("date"), data.get("time")
        if day and at:
            when = timezone.make_aware(datetime.datetime.combine(day, at))
            if when > timezone.now():
                self.add_error("date", "The conversation must be today or in the past")
            data["held_at"] = when
        if data.get("screening") == SafeguardingConversation.Screening.ANSWERED and not data.get(
            "screening_answers"
        ):
            self.add_error("screening_answers", "Enter their answers to the screening questions")
        return data

    def conversation_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "person": self.people[data["person"]],
            "held_at": data["held_at"],
            "method": data["method"],
            "about_child": data["about_child"],
            "about_risk": data["about_risk"],
            "screening": data["screening"],
            "screening_answers": data["screening_answers"],
            "language": data["language"],
            "interpreter": data["interpreter"],
        }


class LetterForm(LanguageCheckMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    enquiries = text_field(
        "What the enquiries found",
        max_length=20_000,
        rows=14,
        required=True,
        help_text=(
            "Started from the checks and conversations. Quote only what the court needs: "
            "this letter is the only way the check results leave the file."
        ),
    )
    analysis = text_field(
        "Your analysis",
        max_length=10_000,
        rows=10,
        required=False,
        help_text="What the enquiries mean for the child's safety and welfare",
    )
    recommendation = text_field(
        "Your recommendation for the first hearing",
        max_length=5000,
        rows=6,
        required=False,
    )


class LetterFileForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    filed_on = DateField(
        label="When was it filed with the court?",
        label_for_errors="the date it was filed",
        help_text="For example, 27 3 2026",
    )


class DomesticAbuseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    marked = forms.TypedChoiceField(
        label="Is there domestic abuse in this child's story?",
        choices=[("yes", "Yes, mark it on the file"), ("no", "No, take the marker off")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether to mark domestic abuse on the file"},
    )
    source = forms.ChoiceField(
        label="Where does this come from?",
        choices=DomesticAbuseSource.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where this comes from"},
    )
    reason = text_field(
        "Why",
        max_length=2000,
        rows=4,
        required=True,
        help_text="What you found or were told, so whoever allocates or writes to a parent knows",
        required_message="Say why",
    )
