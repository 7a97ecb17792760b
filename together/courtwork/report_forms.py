"""Forms for reports to the court, hearing outcomes and telling the child."""

from django import forms

from together.core.forms import DateField, SubmitOnceForm, text_field
from together.language.forms import LanguageCheckMixin

from .report_models import SECTIONS, TEXT_LIMIT, ChildTold, ReportKind

OUT_OF_DATE = "This page is out of date. Reload it and make your change again."
YES_NO = [("yes", "Yes"), ("no", "No")]


class VersionForm(forms.Form):
    """Every form that changes a report carries the version of the report the person saw."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": OUT_OF_DATE, "invalid": OUT_OF_DATE},
    )


def _direction_fields(form):
    form.fields["ordered_on"] = DateField(
        label="When did the court order it?",
        label_for_errors="the date the court ordered it",
        help_text="For example, 27 3 2026",
    )
    form.fields["due_on"] = DateField(
        label="When is it due?", label_for_errors="the date it is due"
    )
    form.fields["court_asked"] = text_field(
        "What did the court ask?",
        max_length=5000,
        required=True,
        rows=5,
        required_message="Enter what the court asked",
    )


def _check_dates(form, data):
    ordered, due = data.get("ordered_on"), data.get("due_on")
    if ordered and due and due < ordered:
        form.add_error("due_on", "The date it is due must be on or after the date it was ordered")
    return data


class ReportStartForm(SubmitOnceForm):
    proceedings = forms.ChoiceField(
        label="Which proceedings is the report for?",
        choices=[],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose which proceedings the report is for",
            "invalid_choice": "Choose which proceedings the report is for",
        },
    )
    kind = forms.ChoiceField(
        label="What kind of report did the court ask for?",
        choices=ReportKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what kind of report the court asked for",
            "invalid_choice": "Choose what kind of report the court asked for",
        },
    )

    def __init__(self, *args, proceedings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.proceedings_by_id = {str(p.uuid): p for p in proceedings}
        self.fields["proceedings"].choices = [
            (key, f"{p.court_number}, {p.get_kind_display()}")
            for key, p in self.proceedings_by_id.items()
        ]
        if len(self.proceedings_by_id) == 1:
            self.fields["proceedings"].initial = next(iter(self.proceedings_by_id))
        _direction_fields(self)

    def clean(self):
        return _check_dates(self, super().clean())

    def chosen_proceedings(self):
        return self.proceedings_by_id[self.cleaned_data["proceedings"]]


class DirectionForm(VersionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _direction_fields(self)

    def clean(self):
        return _check_dates(self, super().clean())


LABELS = {
    "harm": (
        "What harm has the child suffered, or may they suffer?",
        "Say what happened, how you know and how sure you are.",
    ),
    "non_recent_harm": (
        "Harm that happened some time ago, and what it means for the child now",
        "Do not call it “historic”: harm some time ago can still shape the child's life and "
        "what is safe for them.",
    ),
    "coercive_control": (
        "Is there coercive or controlling behaviour?",
        "Patterns of control, threats, isolation or money kept from someone, and how they "
        "affect the child. Say if there is none known.",
    ),
    "unique_about_child": ("What is special and unique about the child?", ""),
    "family_strengths": ("What are the strengths in the family?", ""),
    "impact_on_child": ("What is the impact on the child?", ""),
    "wishes_and_feelings": (
        "The child's wishes and feelings, in their own words",
        "Quote the child as they said it.",
    ),
    "shared_with_child": (
        "How were the recommendations shared with the child?",
        "When and how, or why they were not shared.",
    ),
    "child_response": (
        "What did the child say about the recommendations?",
        "In the child's own words.",
    ),
}


class ReportSectionForm(LanguageCheckMixin, VersionForm):
    """One section of the report: its fields, each checked by the language check."""

    def __init__(self, *args, section: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        for name in SECTIONS[section][1]:
            label, hint = LABELS[name]
            self.fields[name] = text_field(
                label, max_length=TEXT_LIMIT, required=False, rows=8, help_text=hint
            )

    def section_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in SECTIONS[self.section][1]}


class RecommendationForm(LanguageCheckMixin, VersionForm):
    recommendation = text_field(
        "Recommendation",
        max_length=5000,
        required=True,
        rows=4,
        required_message="Enter the recommendation",
    )
    evidence = text_field(
        "What evidence does it rest on?",
        max_length=TEXT_LIMIT,
        required=True,
        rows=6,
        help_text="Link it to what you found: the risks, the strengths, the child's wishes.",
        required_message="Say what evidence the recommendation rests on",
    )
    differs_from_wishes = forms.TypedChoiceField(
        label="Is this different from what the child wants?",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Say whether this is different from what the child wants",
            "invalid_choice": "Say whether this is different from what the child wants",
        },
    )
    why_different = text_field(
        "Why do you recommend something different from what the child wants?",
        max_length=5000,
        required=False,
        rows=5,
        help_text="Only if it is different. The court needs to know why.",
    )

    def clean(self):
        data = super().clean()
        if data.get("differs_from_wishes") and not data.get("why_different"):
            self.add_error(
                "why_different",
                "Explain why you recommend something different from what the child wants",
            )
        return data


class MoveForm(forms.Form):
    comment = text_field("Comments", max_length=5000, required=False, rows=5)


class FileForm(forms.Form):
    filed_on = DateField(
        label="When was the report filed with the court?",
        label_for_errors="the date the report was filed",
        help_text="For example, 27 3 2026",
    )


class CommentForm(SubmitOnceForm):
    text = text_field(
        "Add a comment",
        max_length=5000,
        rows=4,
        required=True,
        required_message="Enter your comment",
    )


class OutcomeForm(SubmitOnceForm):
    orders_made = text_field(
        "What orders did the court make?",
        max_length=5000,
        required=True,
        rows=5,
        help_text="Say if the court made no orders.",
        required_message="Say what orders the court made, or that it made none",
    )
    directions = text_field(
        "What did the court direct? (optional)",
        max_length=5000,
        required=False,
        rows=5,
        name="The directions",
    )
    next_hearing_on = DateField(
        label="When is the next hearing? (optional)",
        label_for_errors="the date of the next hearing",
        required=False,
    )


class ToldForm(LanguageCheckMixin, forms.Form):
    told_on = DateField(label="When did you tell them?", label_for_errors="the date you told them")
    method = forms.ChoiceField(
        label="How did you tell them?",
        choices=ChildTold.Method.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you told them",
            "invalid_choice": "Choose how you told them",
        },
    )
    words_for_child = text_field(
        "What did you tell them?",
        max_length=5000,
        required=True,
        rows=6,
        help_text="In the words you used with the child.",
        required_message="Enter what you told the child",
    )
    child_response = text_field(
        "What did they say? (optional)",
        max_length=5000,
        required=False,
        rows=4,
        name="What the child said",
    )


class QuotesForm(VersionForm):
    """Which of the professionals who know the child the report quotes."""

    professionals = forms.MultipleChoiceField(
        label="Which professionals does the report quote?",
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply. Each is quoted with what they said and who they are: "
        "their name, role, organisation and when you talked with them, never how to contact "
        "them.",
        error_messages={"invalid_choice": "Choose from the professionals listed"},
    )

    def __init__(self, *args, professionals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.by_key = {str(p.uuid): p for p in professionals}
        self.fields["professionals"].choices = [
            (key, f"{p.name}, {p.get_role_display().lower()}"
             + (f", {p.organisation}" if p.organisation else ""))
            for key, p in self.by_key.items()
        ]  # fmt: skip

    def chosen(self) -> list:
        return [self.by_key[key] for key in self.cleaned_data["professionals"]]
