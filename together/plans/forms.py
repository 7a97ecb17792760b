"""Forms for the plan's pages: one per section, one per kind of item, and the workflow."""

from django import forms
from django.utils import timezone

from together.core.forms import DateField, SubmitOnceForm, text_field
from together.language.forms import LanguageCheckMixin

from .models import (
    TEXT_LIMIT,
    Certainty,
    ContactKind,
    DomesticAbuseAssessment,
    DomesticAbuseKind,
)

YES_NO = [("yes", "Yes"), ("no", "No")]
OUT_OF_DATE = "This page is out of date. Reload it and make your change again."


def _yes_no(label, *, required_message, help_text=""):
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


def section_text(label, *, section, part="", required=False, help_text="", rows=8):
    """A free-text part of the plan, limited to TEXT_LIMIT with a message naming the section."""
    field = text_field(
        label,
        max_length=TEXT_LIMIT,
        required=required,
        rows=rows,
        help_text=help_text,
        name=f"Section {section}, {part}," if part else f"Section {section}",
    )
    # "Enter ..." asks for what the label asks, not for the section.
    field.error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"
    return field


class VersionForm(forms.Form):
    """Every form that changes a plan carries the version of the plan the person saw."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": OUT_OF_DATE, "invalid": OUT_OF_DATE},
    )


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


class HarmForm(VersionForm):
    what = text_field("What happened, or could happen", max_length=2000, rows=3, required=True)
    when_happened = text_field(
        "When", max_length=200, required=False, help_text="For example, summer 2025"
    )
    source = text_field(
        "How do we know?",
        max_length=300,
        required=False,
        help_text="For example, the police, school, or the child",
    )
    certainty = forms.ChoiceField(
        label="How sure are we?",
        choices=Certainty.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Say how sure we are",
            "invalid_choice": "Say how sure we are",
        },
    )


class ContactForm(VersionForm):
    kind = forms.ChoiceField(
        label="Who did you contact?",
        choices=ContactKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say who you contacted", "invalid_choice": "Choose one"},
    )
    organisation = text_field("Name of the organisation", max_length=200, required=True)
    contacted_on = DateField(
        label="When did you contact them?",
        label_for_errors="the date you contacted them",
        help_text="For example, 27 3 2026",
    )
    what_they_said = text_field("What did they say?", max_length=5000, rows=5, required=True)

    def clean_contacted_on(self):
        day = self.cleaned_data["contacted_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date you contacted them must be today or in the past")
        return day


STRENGTHS = "strengths"
WISHES = "wishes"


class RecommendationForm(VersionForm):
    recommendation = text_field(
        "What do you recommend to the court?", max_length=5000, rows=3, required=True
    )
    reasoning = forms.CharField(
        label="Explain why you recommend this",
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="So the child and their family can follow how you reached it.",
        error_messages={
            "required": "Explain why you recommend this",
            "max_length": f"The reasons must be {TEXT_LIMIT:,} characters or fewer",
        },
    )
    rests_on = forms.MultipleChoiceField(
        label="What does this rest on?",
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply: the harms listed in section 1, the strengths in "
        "the family, and the child's wishes and feelings.",
        error_messages={
            "required": "Say what this recommendation rests on",
            "invalid_choice": "Choose from the options given",
        },
    )
    differs_from_wishes = _yes_no(
        "Does this differ from what the child wants?",
        required_message="Say whether this differs from what the child wants",
    )
    why_different = text_field(
        "Why do you recommend something different?",
        max_length=5000,
        required=False,
        rows=4,
        help_text="Only if it differs from what the child wants.",
    )

    def __init__(self, *args, harms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.harms = {str(harm.uuid): harm for harm in harms}
        self.fields["rests_on"].choices = [
            *((key, f"Harm: {harm.what[:120]}") for key, harm in self.harms.items()),
            (STRENGTHS, "The strengths in the family"),
            (WISHES, "The child's wishes and feelings"),
        ]

    def clean(self):
        data = super().clean()
        if data.get("differs_from_wishes") and not (data.get("why_different") or "").strip():
            self.add_error(
                "why_different",
                "Explain why you recommend something different from what the child wants",
            )
        return data

    def service_fields(self) -> dict:
        chosen = self.cleaned_data["rests_on"]
        return {
            "recommendation": self.cleaned_data["recommendation"],
            "reasoning": self.cleaned_data["reasoning"],
            "rests_on_strengths": STRENGTHS in chosen,
            "rests_on_wishes": WISHES in chosen,
            "differs_from_wishes": self.cleaned_data["differs_from_wishes"],
            "why_different": self.cleaned_data.get("why_different") or "",
            "harms": [self.harms[key] for key in chosen if key in self.harms],
        }

    @staticmethod
    def initial_for(item) -> dict:
        rests_on = [str(harm.uuid) for harm in item.rests_on_harms.all()]
        if item.rests_on_strengths:
            rests_on.append(STRENGTHS)
        if item.rests_on_wishes:
            rests_on.append(WISHES)
        return {
            "recommendation": item.recommendation,
            "reasoning": item.reasoning,
            "rests_on": rests_on,
            "differs_from_wishes": "yes" if item.differs_from_wishes else "no",
            "why_different": item.why_different,
        }


SOMEONE_ELSE = ""


class ActivityForm(VersionForm):
    what = text_field("What needs to be done?", max_length=2000, rows=3, required=True)
    who = forms.ChoiceField(
        label="Who will do it?",
        choices=[],
        required=False,
        help_text="Someone on the child's team, or choose 'Someone else' and name them below.",
        error_messages={"invalid_choice": "Choose from the people given"},
    )
    who_else = text_field(
        "Someone else",
        max_length=200,
        required=False,
        help_text="For example, the social worker",
    )
    due_on = DateField(
        label="By when?", label_for_errors="the date it is due", help_text="For example, 27 3 2026"
    )
    for_child = text_field(
        "What will you tell the child about this step? (optional)",
        max_length=1000,
        rows=3,
        required=False,
        help_text="Write to the child, for example: I will come to your school to tell you what "
        "the judge decided. Only steps written for the child are in the child's version of "
        "the plan; leave this empty for your own work.",
    )
    done = forms.BooleanField(label="This has been done", required=False)

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {str(user.uuid): user for user in staff}
        self.fields["who"].choices = [
            (SOMEONE_ELSE, "Someone else"),
            *((key, user.full_name) for key, user in self.staff.items()),
        ]

    def clean(self):
        data = super().clean()
        if not data.get("who") and not (data.get("who_else") or "").strip():
            self.add_error("who_else", "Say who will do this")
        return data

    def service_fields(self, existing=None) -> dict:
        data = self.cleaned_data
        user = self.staff.get(data.get("who") or "")
        done_on = None
        if data.get("done"):
            done_on = (existing.done_on if existing and existing.done_on else None) or (
                timezone.localdate()
            )
        return {
            "what": data["what"],
            "who": user,
            "who_else": "" if user else data["who_else"].strip(),
            "due_on": data["due_on"],
            "done_on": done_on,
            "for_child": (data.get("for_child") or "").strip(),
        }

    @staticmethod
    def initial_for(item) -> dict:
        return {
            "what": item.what,
            "who": str(item.who.uuid) if item.who_id else SOMEONE_ELSE,
            "who_else": item.who_else,
            "due_on": item.due_on,
            "for_child": item.for_child,
            "done": item.done_on is not None,
        }


ITEM_FORMS = {
    "harm": HarmForm,
    "contact": ContactForm,
    "recommendation": RecommendationForm,
    "activity": ActivityForm,
}


class StartForm(forms.Form):
    proceedings = forms.ChoiceField(
        label="Which proceedings is this plan for?",
        choices=[],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose which proceedings the plan is for",
            "invalid_choice": "Choose which proceedings the plan is for",
        },
    )
    started_from = forms.ChoiceField(
        label="How do you want to start?",
        choices=[],
        required=False,
        widget=forms.RadioSelect,
        help_text="From a brother's or sister's plan, you choose next what to copy. You check "
        "each copied part is true for this child before the plan is shared.",
        error_messages={"invalid_choice": "Choose how to start the plan"},
    )

    def __init__(self, *args, proceedings=(), brother_sister_plans=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.proceedings_by_id = {str(p.uuid): p for p in proceedings}
        self.plans_by_id = {str(plan.uuid): plan for plan in brother_sister_plans}
        self.fields["proceedings"].choices = [
            (key, f"{p.court_number}, {p.get_kind_display()}")
            for key, p in self.proceedings_by_id.items()
        ]
        if len(self.proceedings_by_id) == 1:
            self.fields["proceedings"].initial = next(iter(self.proceedings_by_id))
        self.fields["started_from"].choices = [
            ("", "Start a new plan"),
            *(
                (key, f"Start from {plan.child.preferred_name}'s plan")
                for key, plan in self.plans_by_id.items()
            ),
        ]

    def clean(self):
        data = super().clean()
        chosen = self.plans_by_id.get(data.get("started_from") or "")
        proceedings = self.proceedings_by_id.get(data.get("proceedings") or "")
        if chosen and proceedings and chosen.proceedings_id != proceedings.pk:
            self.add_error(
                "started_from",
                "Choose a brother's or sister's plan in the same proceedings",
            )
        data["proceedings_obj"] = proceedings
        data["started_from_obj"] = chosen
        return data


class MoveForm(forms.Form):
    comment = text_field(
        "Comments",
        max_length=5000,
        required=False,
        rows=5,
    )


class CommentForm(SubmitOnceForm):
    text = text_field(
        "Add a comment",
        max_length=5000,
        rows=4,
        required_message="Enter your comment",
        required=True,
    )


class CopyForm(forms.Form):
    """What to copy from a brother's or sister's plan, item by item (none chosen at first)."""

    copy = forms.MultipleChoiceField(
        label="What do you want to copy?",
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from what the other plan can give"},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = list(choices)
        self.fields["copy"].choices = [(choice.key, choice.label) for choice in self.choices]

    def options(self):
        """Each choice with whether it is ticked now, for the page's own checkboxes."""
        chosen = set(self.data.getlist("copy")) if self.is_bound else set()
        return [(choice, choice.key in chosen) for choice in self.choices]


class ConfirmCopiedForm(VersionForm):
    confirm = forms.MultipleChoiceField(
        label="Which of these have you checked are true?",
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose what you have checked is true",
            "invalid_choice": "Choose from what was copied and is still to check",
        },
    )

    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = list(parts)
        self.fields["confirm"].choices = [(part.key, part.label) for part in self.parts]
