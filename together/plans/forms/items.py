"""One form per kind of item in a plan: harms, contacts, recommendations and work."""

from django import forms
from django.utils import timezone

from together.core.forms import DateField, text_field

from ..models import TEXT_LIMIT, Certainty, ContactKind
from .common import VersionForm, _yes_no


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
