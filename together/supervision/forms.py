"""Forms for thinking together. Every free-text box is checked by the language check (for a
professional reader, with the respectful-language rules): "Check my writing" shows the findings
and saves nothing (language.forms.LanguageCheckMixin)."""

from django import forms
from django.utils import timezone

from together.core.forms import DateField, SubmitOnceForm, text_field
from together.language.forms import LanguageCheckMixin

from .models import TEXT_LIMIT, ForWhom, Theme


def _people_choices(people) -> list[tuple[str, str]]:
    return [(str(person.uuid), person.full_name) for person in people]


class GroupSessionForm(SubmitOnceForm):
    """The date, who facilitated and who came."""

    team = forms.ChoiceField(
        label="Team",
        error_messages={"required": "Choose the team", "invalid_choice": "Choose the team"},
    )
    held_on = DateField(
        label="Date of the session",
        label_for_errors="the date of the session",
        help_text="For example, 27 3 2026",
    )
    facilitator = forms.ChoiceField(
        label="Who facilitated",
        error_messages={
            "required": "Choose who facilitated",
            "invalid_choice": "Choose who facilitated",
        },
    )
    attendees = forms.MultipleChoiceField(
        label="Who came",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose who came to the session",
            "invalid_choice": "Choose from the people listed",
        },
    )

    def __init__(self, *args, teams, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = {str(team.uuid): team for team in teams}
        self.staff = {str(person.uuid): person for person in staff}
        self.fields["team"].choices = [(key, team.name) for key, team in self.teams.items()]
        if len(teams) == 1:
            self.fields["team"].initial = next(iter(self.teams))
        self.fields["facilitator"].choices = [("", "Choose"), *_people_choices(staff)]
        self.fields["attendees"].choices = _people_choices(staff)

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on and held_on > timezone.localdate():
            raise forms.ValidationError("The date of the session must be today or in the past")
        return held_on

    def session_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "team": self.teams[data["team"]],
            "held_on": data["held_on"],
            "facilitator": self.staff[data["facilitator"]],
            "attendees": [self.staff[key] for key in data["attendees"]],
        }


def _box(label: str, *, required: bool = False, rows: int = 4, **kwargs) -> forms.CharField:
    return text_field(label, max_length=TEXT_LIMIT, required=required, rows=rows, **kwargs)


class DiscussionFields(forms.Form):
    """What was said about one child: shared by adding and changing a discussion."""

    question = _box(
        "The question brought to the group",
        required=True,
        rows=3,
        help_text="In the words of the person who brought it",
    )
    worried_about = _box("What we are worried about")
    working_well = _box("What is working well")
    unique_about_child = _box("What is unique about the child")
    need_to_know = _box("What we need to know")
    needs_to_happen = _box("What needs to happen")
    thinking = _box("What was thought", rows=5)
    how_it_helped = _box(
        "How it helped",
        required=True,
        rows=3,
        help_text=(
            "The child's file shows this, with who was there. Write it so the child could read "
            "it one day."
        ),
    )


class DiscussionForm(LanguageCheckMixin, SubmitOnceForm, DiscussionFields):
    child = forms.ChoiceField(
        label="Child discussed",
        error_messages={"required": "Choose the child", "invalid_choice": "Choose the child"},
    )
    brought_by = forms.ChoiceField(
        label="Who brought the question",
        error_messages={
            "required": "Choose who brought the question",
            "invalid_choice": "Choose who brought the question",
        },
    )
    field_order = ["child", "brought_by"]

    def __init__(self, *args, children, attendees, **kwargs):
        super().__init__(*args, **kwargs)
        self.children = {str(child.uuid): child for child in children}
        self.people = {str(person.uuid): person for person in attendees}
        self.fields["child"].choices = [("", "Choose")] + [
            (key, f"{child.preferred_name} {child.legal_family_name}".strip())
            for key, child in self.children.items()
        ]
        self.fields["brought_by"].choices = [("", "Choose"), *_people_choices(attendees)]

    def discussion_fields(self) -> dict:
        data = dict(self.answers())
        data["child"] = self.children[data["child"]]
        data["brought_by"] = self.people[data["brought_by"]]
        return data


class DiscussionChangeForm(LanguageCheckMixin, DiscussionFields):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "This page is out of date. Reload it and make your change again.",
            "invalid": "This page is out of date. Reload it and make your change again.",
        },
    )


class ActionForm(LanguageCheckMixin, SubmitOnceForm):
    what = text_field("What needs doing", max_length=1000, required=True, rows=2)
    owner = forms.ChoiceField(
        label="Who will do it",
        error_messages={
            "required": "Choose who will do it",
            "invalid_choice": "Choose who will do it",
        },
    )
    due_on = DateField(
        label="By when", label_for_errors="the date it is due", help_text="For example, 27 3 2026"
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.uuid): person for person in people}
        self.fields["owner"].choices = [("", "Choose"), *_people_choices(people)]

    def action_fields(self) -> dict:
        data = dict(self.answers())
        data["owner"] = self.people[data["owner"]]
        return data


class CircleForm(LanguageCheckMixin, SubmitOnceForm):
    problem_holder = forms.ChoiceField(
        label="Who is the problem holder",
        error_messages={
            "required": "Choose the problem holder",
            "invalid_choice": "Choose the problem holder",
        },
    )
    problem = _box(
        "The problem, as they put it",
        required=True,
        help_text="In the problem holder's own words",
    )
    idea_rounds = forms.TypedChoiceField(
        label="Rounds of ideas",
        coerce=int,
        choices=[(n, str(n)) for n in range(1, 6)],
        initial=2,
        error_messages={"required": "Choose how many rounds of ideas"},
    )
    minutes_per_round = forms.TypedChoiceField(
        label="Minutes for each round",
        coerce=int,
        choices=[(n, f"{n} minutes") for n in (2, 3, 5, 8, 10)],
        initial=5,
        error_messages={"required": "Choose how long each round is"},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.uuid): person for person in people}
        self.fields["problem_holder"].choices = [("", "Choose"), *_people_choices(people)]

    def circle_fields(self) -> dict:
        data = dict(self.answers())
        data["problem_holder"] = self.people[data["problem_holder"]]
        return data


class IdeaForm(LanguageCheckMixin, SubmitOnceForm):
    round = forms.TypedChoiceField(
        label="Round", coerce=int, error_messages={"required": "Choose the round"}
    )
    offered_by = forms.ChoiceField(
        label="Who offered it",
        error_messages={
            "required": "Choose who offered the idea",
            "invalid_choice": "Choose who offered the idea",
        },
    )
    idea = text_field("The idea", max_length=2000, required=True, rows=2)

    def __init__(self, *args, people, rounds: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.uuid): person for person in people}
        self.fields["offered_by"].choices = [("", "Choose"), *_people_choices(people)]
        self.fields["round"].choices = [(n, f"Round {n}") for n in range(1, rounds + 1)]

    def idea_fields(self) -> dict:
        data = dict(self.answers())
        data["offered_by"] = self.people[data["offered_by"]]
        return data


class CircleOutcomeForm(LanguageCheckMixin, forms.Form):
    first_step = _box("The first step the problem holder chose", rows=3)
    follow_up_on = DateField(
        label="Follow-up date",
        label_for_errors="the follow-up date",
        help_text="When to come back and say what happened. For example, 27 3 2026",
        required=False,
    )
    what_happened = _box("What happened", rows=3, help_text="At the follow-up")
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "This page is out of date. Reload it and make your change again.",
            "invalid": "This page is out of date. Reload it and make your change again.",
        },
    )


class OneToOneForm(LanguageCheckMixin, SubmitOnceForm):
    supervisee = forms.ChoiceField(
        label="Who you supervised",
        error_messages={
            "required": "Choose who you supervised",
            "invalid_choice": "Choose who you supervised",
        },
    )
    held_on = DateField(
        label="Date", label_for_errors="the date", help_text="For example, 27 3 2026"
    )
    discussion = _box("What you talked about", required=True, rows=6)
    wellbeing = _box(
        "Wellbeing (optional)",
        rows=3,
        name="Wellbeing",
        help_text=(
            "Only the two of you and your manager can read this. It never goes on a child's file."
        ),
    )

    def __init__(self, *args, supervisees, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.uuid): person for person in supervisees}
        self.fields["supervisee"].choices = [("", "Choose"), *_people_choices(supervisees)]

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on and held_on > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        return held_on

    def record_fields(self) -> dict:
        data = dict(self.answers())
        data["supervisee"] = self.people[data["supervisee"]]
        return data


class OneToOneChildForm(LanguageCheckMixin, SubmitOnceForm):
    child = forms.ChoiceField(
        label="Child thought about",
        error_messages={"required": "Choose the child", "invalid_choice": "Choose the child"},
    )
    how_it_helped = DiscussionFields.base_fields["how_it_helped"]

    def __init__(self, *args, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.children = {str(child.uuid): child for child in children}
        self.fields["child"].choices = [("", "Choose")] + [
            (key, f"{child.preferred_name} {child.legal_family_name}".strip())
            for key, child in self.children.items()
        ]

    def child_fields(self) -> dict:
        data = dict(self.answers())
        data["child"] = self.children[data["child"]]
        return data


class AppreciationForm(LanguageCheckMixin, SubmitOnceForm):
    theme = forms.ChoiceField(
        label="Theme",
        choices=[("", "Choose"), *Theme.choices],
        error_messages={"required": "Choose a theme", "invalid_choice": "Choose a theme"},
    )
    what_worked = _box("What worked well", required=True)
    difference = _box("The difference it made", required=True)
    for_whom = forms.MultipleChoiceField(
        label="Who it made a difference for",
        choices=ForWhom.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Say who it made a difference for",
            "invalid_choice": "Choose from the options given",
        },
    )

    def __init__(self, *args, about=None, **kwargs):
        """`about`: the meetings, letters, plans and storyboards on the child's file it may be
        about (selectors.about_on_file), offered as a choice when there are any."""
        super().__init__(*args, **kwargs)
        self.about = about or {}
        if self.about:
            self.fields["about"] = forms.ChoiceField(
                label="What it was about (optional)",
                choices=[
                    ("", "The work with the child in general"),
                    *((key, words) for key, (words, _name, _record) in self.about.items()),
                ],
                required=False,
                error_messages={"invalid_choice": "Choose from the options given"},
            )

    def about_fields(self) -> dict:
        """The answers for the service, with the record chosen as what it was about."""
        data = dict(self.answers())
        chosen = data.pop("about", "")
        if chosen:
            _words, name, record = self.about[chosen]
            data[name] = record
        return data


class WhatWorksSearchForm(forms.Form):
    theme = forms.ChoiceField(
        label="Theme", choices=[("", "All themes"), *Theme.choices], required=False
    )
    words = forms.CharField(label="Words", max_length=100, required=False)
    where = forms.ChoiceField(
        label="Where",
        choices=[("area", "My service area"), ("national", "The whole service")],
        required=False,
        widget=forms.RadioSelect,
    )
