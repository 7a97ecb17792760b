"""Forms for a plan's workflow: starting it, moving it on, comments, and copying."""

from django import forms

from together.core.forms import SubmitOnceForm, text_field

from .common import VersionForm


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
