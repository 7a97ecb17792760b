"""Forms for letters: choosing what to write, writing it, and recording that it was sent."""

from django import forms
from django.utils import timezone

from together.core.forms import DateField, SubmitOnceForm
from together.language.forms import LanguageCheckMixin

from .models import TO_CHILD, Kind, SentHow, validate_https

CHILD = "child"


class LetterNewForm(SubmitOnceForm):
    kind = forms.ChoiceField(
        label="What kind of letter?",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what kind of letter to write",
            "invalid_choice": "Choose from the options given",
        },
    )
    recipient = forms.ChoiceField(
        label="Who is it to?",
        widget=forms.RadioSelect,
        help_text="Letters to a parent or carer go to someone in the child's family.",
        error_messages={
            "required": "Choose who the letter is to",
            "invalid_choice": "Choose from the people given",
        },
    )
    meeting_plan = forms.CharField(
        label="When and how will you meet? (optional)",
        help_text="For example: I will come to your school on Tuesday after lunch.",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": "When and how you will meet must be 500 characters or fewer"},
    )
    how_to_reach_me = forms.CharField(
        label="How can they reach you? (optional)",
        help_text="For example: call or text me on 07700 900123, Monday to Friday.",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": "How they can reach you must be 500 characters or fewer"},
    )
    plain = forms.BooleanField(
        label="Use the plain-text version (for a screen reader, email or translation)",
        required=False,
    )

    def __init__(self, *args, child, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child
        self.people = {str(person.uuid): person for person in people}
        self.fields["recipient"].choices = [(CHILD, f"{child.preferred_name}")] + [
            (key, str(person)) for key, person in self.people.items()
        ]

    def clean(self):
        data = super().clean()
        kind, recipient = data.get("kind"), data.get("recipient")
        if kind and recipient:
            if kind in TO_CHILD and recipient != CHILD:
                self.add_error(
                    "recipient", f"A letter to a child goes to {self.child.preferred_name}"
                )
            if kind not in TO_CHILD and recipient == CHILD:
                self.add_error("recipient", "Choose the parent or carer the letter is to")
        return data

    def recipient_person(self):
        return self.people.get(self.cleaned_data.get("recipient"))


class LetterEditForm(LanguageCheckMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    body = forms.CharField(
        label="The letter",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 20}),
        strip=True,
        error_messages={
            "required": "Write the letter. It cannot be empty",
            "max_length": "The letter must be 20,000 characters or fewer",
        },
    )
    video_url = forms.CharField(
        label="Link to a video introduction (optional)",
        help_text="A web address that starts with https://",
        max_length=500,
        required=False,
        validators=[validate_https],
        error_messages={"max_length": "The web address must be 500 characters or fewer"},
    )
    include_address = forms.BooleanField(
        label="Print their address on the letter, for posting", required=False
    )


class LetterSendForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    sent_how = forms.ChoiceField(
        label="How did it go?",
        choices=SentHow.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the letter was sent"},
    )
    sent_on = DateField(
        label="When was it sent?",
        label_for_errors="the date the letter was sent",
        help_text="For example, 27 3 2026",
    )
    sent_to = forms.CharField(
        label="Who was it given or sent to?",
        max_length=200,
        error_messages={
            "required": "Enter who the letter was sent to",
            "max_length": "Who the letter was sent to must be 200 characters or fewer",
        },
    )

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.letter = letter

    def clean_sent_on(self):
        day = self.cleaned_data["sent_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date the letter was sent must be today or in the past")
        started = timezone.localtime(self.letter.started_at).date()
        if day and day < started:
            raise forms.ValidationError(
                f"The date the letter was sent must be on or after {started:%-d %B %Y}, "
                "when it was started"
            )
        return day
