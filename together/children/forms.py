"""Forms for a child's file: About me, family and important people, meetings."""

import datetime

from django import forms
from django.utils import timezone

from together.core.forms import DateField, SubmitOnceForm, TimeField, text_field
from together.language.forms import LanguageCheckMixin

from .models import (
    Child,
    Communication,
    CommunicationNeed,
    FamilyMember,
    Meeting,
    Professional,
    Relationship,
)

OWN_WORDS_CHOICES = [
    ("special_and_unique", "What is special and unique about them, in their words"),
    ("enjoys", "What they enjoy, in their words"),
    ("identity", "The parts of who they are, in their words"),
]


class AboutMeForm(LanguageCheckMixin, forms.Form):
    """A child's About me. The free-text answers are checked for the child reading them (their
    file is theirs to read one day); "Check my writing" shows the findings and saves nothing."""

    preferred_name = text_field("The name they use", max_length=100, required=True)
    name_spelling = text_field(
        "How to spell it (optional)",
        max_length=200,
        name="How to spell it",
        help_text="For example, Aaliyah with two a's",
        required=False,
    )
    name_pronunciation = text_field(
        "How to say it (optional)",
        max_length=200,
        name="How to say it",
        help_text="For example, ah-LEE-ah",
        required=False,
    )
    pronouns = text_field(
        "Pronouns (optional)",
        max_length=40,
        name="Pronouns",
        help_text="For example, she/her, he/him, they/them",
        required=False,
    )
    date_of_birth = DateField(
        label="Date of birth",
        label_for_errors="their date of birth",
        help_text="For example, 27 3 2016",
    )
    first_language = text_field("First language", max_length=60, required=True)
    preferred_language = text_field(
        "Language they prefer to use with us (optional)",
        max_length=60,
        name="Preferred language",
        required=False,
    )
    needs_interpreter = forms.BooleanField(label="They need an interpreter", required=False)
    needs_translated_documents = forms.BooleanField(
        label="They need documents translated", required=False
    )
    communication = forms.MultipleChoiceField(
        label="How they want to talk with us",
        choices=Communication.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the options given"},
    )
    communication_needs = forms.MultipleChoiceField(
        label="Anything that helps them read or take part",
        choices=CommunicationNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the options given"},
    )
    special_and_unique = text_field(
        "What is special and unique about them", max_length=2000, rows=4, required=False
    )
    enjoys = text_field("What they enjoy", max_length=2000, rows=3, required=False)
    school = text_field(
        "School or nursery (optional)", max_length=200, name="School", required=False
    )
    identity_culture = text_field("Culture", max_length=1000, rows=2, required=False)
    identity_faith = text_field("Faith", max_length=1000, rows=2, required=False)
    identity_language = text_field("Language", max_length=1000, rows=2, required=False)
    identity_disability = text_field("Disability", max_length=1000, rows=2, required=False)
    identity_gender = text_field("Gender identity", max_length=1000, rows=2, required=False)
    identity_other = text_field(
        "Anything else they want us to know",
        max_length=1000,
        rows=2,
        name="Anything else",
        required=False,
    )
    own_words = forms.MultipleChoiceField(
        label="Which of these are in their own words?",
        choices=OWN_WORDS_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "This page is out of date. Reload it and make your change again.",
            "invalid": "This page is out of date. Reload it and make your change again.",
        },
    )

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born and born > timezone.localdate():
            raise forms.ValidationError("Date of birth must be today or in the past")
        return born

    @classmethod
    def initial_for(cls, child: Child) -> dict:
        initial = {
            name: getattr(child, name) for name in cls.base_fields if name not in {"own_words"}
        }
        initial["own_words"] = child.own_words
        return initial


class FamilyMemberForm(SubmitOnceForm):
    given_name = text_field("First name", max_length=100, required=True)
    family_name = text_field(
        "Last name (optional)", max_length=100, name="Last name", required=False
    )
    kind = forms.ChoiceField(
        label="Are they an adult or a child?",
        choices=FamilyMember.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether they are an adult or a child"},
    )
    relationship = forms.ChoiceField(
        label="How are they connected to the child?",
        choices=[("", "Choose")] + Relationship.choices,
        error_messages={"required": "Choose how they are connected to the child"},
    )
    child_calls_them = text_field(
        "What the child calls them (optional)",
        max_length=100,
        name="What the child calls them",
        help_text="For example, Nanny Jo",
        required=False,
    )
    important_because = text_field(
        "Why they matter to the child (optional)",
        max_length=1000,
        rows=3,
        name="Why they matter",
        required=False,
    )
    language = text_field(
        "Language they speak (optional)", max_length=60, name="Language", required=False
    )
    needs_interpreter = forms.BooleanField(label="They need an interpreter", required=False)
    address = text_field(
        "Address (optional)", max_length=500, rows=3, name="Address", required=False
    )
    address_confidential = forms.BooleanField(
        label="This address must be kept confidential",
        required=False,
        help_text=(
            "For example, where someone is hiding from domestic abuse. "
            "It will be hidden and never printed."
        ),
    )


OUT_OF_DATE = "This page is out of date. Reload it and make your change again."


def _when(day, at=None):
    """The moment a record is for: the day and time given, or the start of the day in London."""
    return timezone.make_aware(datetime.datetime.combine(day, at or datetime.time(0, 0)))


class MeetingForm(SubmitOnceForm):
    """A meeting with the child. "Where" belongs to a meeting in person only: it is revealed
    under that answer, and ignored on the server for a call, so a phone call is never "at
    school" (without JavaScript every question shows, so the server decides)."""

    date = DateField(
        label="Date", label_for_errors="the date you met", help_text="For example, 14 10 2026"
    )
    time = TimeField(
        label="Time",
        help_text="For example, 15:30",
        error_messages={"required": "Enter the time you met", "invalid": "Enter a time like 15:30"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    method = forms.ChoiceField(
        label="How did you meet?",
        choices=Meeting.Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how you met"},
    )
    place = forms.ChoiceField(
        label="Where did you meet?",
        choices=[c for c in Meeting.Place.choices if c[0] != Meeting.Place.REMOTE],
        widget=forms.RadioSelect,
        required=False,
    )
    place_detail = text_field(
        "More about where (optional)", max_length=200, name="More about where", required=False
    )
    others_present = text_field(
        "Who else was there (optional)", max_length=300, name="Who else was there", required=False
    )
    child_words = text_field(
        "What they said, in their own words",
        max_length=5000,
        rows=6,
        name="What they said",
        help_text=(
            "Write their words as they said them. For a baby, or a child who does not talk "
            "yet, leave this empty and say what you saw and heard."
        ),
        required=False,
    )
    observations = text_field(
        "What you saw and heard",
        max_length=5000,
        rows=6,
        help_text="For example, how they played, who they went to, how they seemed",
        required=False,
    )
    why_this_way = text_field(
        "Why you met this way and at this time",
        max_length=2000,
        rows=3,
        name="Why this way",
        required=True,
        required_message="Say why you met this way and at this time",
    )

    def clean(self):
        data = super().clean()
        day, at, method = data.get("date"), data.get("time"), data.get("method")
        if day and at:
            when = _when(day, at)
            if when > timezone.now():
                self.add_error(
                    "date", "The meeting must be in the past: record it after you have met"
                )
            data["occurred_at"] = when
        if method == Meeting.Method.IN_PERSON and not data.get("place"):
            self.add_error("place", "Say where you met")
        if method and method != Meeting.Method.IN_PERSON:
            # Answers typed under "In person" before choosing a call are not kept.
            data["place"], data["place_detail"] = Meeting.Place.REMOTE, ""
        said, saw = data.get("child_words"), data.get("observations")
        if "child_words" in data and "observations" in data and not (said or saw):
            self.add_error(
                "child_words", "Enter what they said in their own words, or what you saw and heard"
            )
        return data

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        local = timezone.localtime(meeting.occurred_at)
        return {
            "date": local.date(),
            "time": local.strftime("%H:%M"),
            "method": meeting.method,
            "place": meeting.place if meeting.place != Meeting.Place.REMOTE else "",
            "place_detail": meeting.place_detail,
            "others_present": meeting.others_present,
            "child_words": meeting.child_words,
            "observations": meeting.observations,
            "why_this_way": meeting.why_this_way,
            "version": meeting.version,
        }

    def meeting_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "occurred_at": data["occurred_at"],
            "method": data["method"],
            "place": data["place"],
            "place_detail": data["place_detail"],
            "others_present": data["others_present"],
            "child_words": data["child_words"],
            "observations": data["observations"],
            "why_this_way": data["why_this_way"],
        }


class NotMetForm(SubmitOnceForm):
    """A child the service did not meet: it tried, or decided not to yet, and says why."""

    outcome = forms.ChoiceField(
        label="What happened?",
        choices=[c for c in Meeting.Outcome.choices if c[0] != Meeting.Outcome.MET],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you tried to meet or decided not to meet yet"},
    )
    date = DateField(
        label="When did you try, or decide?",
        label_for_errors="the date",
        help_text="For example, 14 10 2026",
    )
    not_met_reason = text_field(
        "Why did you not meet?",
        max_length=2000,
        rows=4,
        name="Why you did not meet",
        help_text=(
            "For example, the visit was cancelled because they were ill, or meeting now would "
            "upset them before the hearing. Your manager reads this."
        ),
        required=True,
        required_message="Say why you did not meet",
    )

    def clean(self):
        data = super().clean()
        day = data.get("date")
        if day:
            if day > timezone.localdate():
                self.add_error("date", "The date must be today or in the past")
            else:
                data["occurred_at"] = _when(day)
        return data

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        return {
            "outcome": meeting.outcome,
            "date": timezone.localtime(meeting.occurred_at).date(),
            "not_met_reason": meeting.not_met_reason,
            "version": meeting.version,
        }

    def meeting_fields(self) -> dict:
        data = self.cleaned_data
        return {"occurred_at": data["occurred_at"], "not_met_reason": data["not_met_reason"]}


def _version_field():
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": OUT_OF_DATE, "invalid": OUT_OF_DATE},
    )


class MeetingChangeForm(MeetingForm):
    version = _version_field()


class NotMetChangeForm(NotMetForm):
    version = _version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Whether they tried or decided not to yet stays as recorded; the date and why may change.
        del self.fields["outcome"]


class ProfessionalForm(SubmitOnceForm):
    role = forms.ChoiceField(
        label="Who are they to the child?",
        choices=Professional.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who they are to the child"},
    )
    role_detail = text_field(
        "Their role (optional)",
        max_length=200,
        name="Their role",
        required=False,
        help_text="For example, class teacher or school nurse",
    )
    name = text_field("Name", max_length=200, required=True)
    organisation = text_field(
        "Where they work (optional)", max_length=200, name="Where they work", required=False
    )
    consulted_on = DateField(
        label="When did you talk with them? (optional)",
        label_for_errors="the date you talked with them",
        help_text="For example, 27 3 2026",
        required=False,
    )
    what_they_said = text_field(
        "What they said (optional)",
        max_length=5000,
        rows=5,
        name="What they said",
        required=False,
        help_text="Write it so it can be quoted in a report with them as the source",
    )
