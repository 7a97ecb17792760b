"""One form per section page of the plan, each ending "Have you finished this section?"."""

from django import forms

from together.language.forms import LanguageCheckMixin

from ..models import DomesticAbuseAssessment, DomesticAbuseKind
from .common import VersionForm, _yes_no, section_text


class SectionForm(VersionForm):
    """A section page: its own fields, then "Have you finished this section?"."""

    complete = _yes_no(
        "Have you finished this section?",
        required_message="Say whether you have finished this section",
        help_text="You can come back and change it later.",
    )

    def section_fields(self) -> dict:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in {"version", "complete", "meetings"}
        }


class RisksForm(SectionForm):
    risks_remaining = section_text(
        "What risks remain for the child?", section=1, part="the risks that remain"
    )
    domestic_abuse_alleged = _yes_no(
        "Is domestic abuse alleged or known?",
        required_message="Say whether domestic abuse is alleged or known",
    )
    domestic_abuse_kinds = forms.MultipleChoiceField(
        label="What kinds of domestic abuse?",
        choices=DomesticAbuseKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only if domestic abuse is alleged or known. Select all that apply.",
        error_messages={"invalid_choice": "Choose from the options given"},
    )
    domestic_abuse_assessment = forms.ChoiceField(
        label="What is your view?",
        choices=DomesticAbuseAssessment.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text="Only if domestic abuse is alleged or known.",
        error_messages={"invalid_choice": "Choose from the options given"},
    )
    domestic_abuse_reasoning = section_text(
        "How did you reach this view?",
        section=1,
        part="how you reached your view on domestic abuse",
        help_text="Only if domestic abuse is alleged or known.",
        rows=5,
    )
    non_recent_harm = section_text(
        "Harm that happened some time ago",
        section=1,
        part="harm that happened some time ago",
        rows=5,
    )
    mental_health_misuse = section_text(
        "Mental health, drugs and alcohol",
        section=1,
        part="mental health, drugs and alcohol",
        rows=5,
    )

    def clean(self):
        data = super().clean()
        if data.get("domestic_abuse_alleged"):
            if not data.get("domestic_abuse_assessment"):
                self.add_error(
                    "domestic_abuse_assessment", "Say what your view is on domestic abuse"
                )
            if not data.get("domestic_abuse_reasoning"):
                self.add_error(
                    "domestic_abuse_reasoning",
                    "Explain how you reached your view on domestic abuse",
                )
        return data


class UniqueForm(SectionForm):
    unique_about_child = section_text(
        "What is special and unique about the child?",
        section=2,
        help_text="Start from what they told us about themselves.",
    )


class StrengthsForm(SectionForm):
    family_strengths = section_text("What are the strengths in the family?", section=3)


class ImpactForm(SectionForm):
    impact_on_child = section_text("What is the impact on the child?", section=4)


class WishesForm(SectionForm):
    wishes_and_feelings = section_text(
        "What are the child's wishes and feelings?",
        section=5,
        help_text="Use their own words where you can.",
    )
    meetings = forms.ModelMultipleChoiceField(
        label="Which meetings with the child does this come from?",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the meetings given"},
    )

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meetings"].queryset = meetings
        self.fields["meetings"].to_field_name = "uuid"
        self.fields["meetings"].label_from_instance = lambda meeting: (
            f"{meeting.occurred_at:%d %B %Y}: {meeting.get_method_display()}"
        )


class WordsForm(LanguageCheckMixin, SectionForm):
    words_for_child = section_text(
        "Words for the child",
        section=7,
        help_text="Explain the plan and your recommendations in words the child can read.",
        rows=10,
    )


class CompleteForm(SectionForm):
    """Sections made of items (recommendations, plan of work): only the finished question."""


SECTION_FORMS = {
    "risks": RisksForm,
    "unique": UniqueForm,
    "strengths": StrengthsForm,
    "impact": ImpactForm,
    "wishes": WishesForm,
    "recommendations": CompleteForm,
    "words": WordsForm,
    "work": CompleteForm,
}
