"""The forms of quality assurance, with GOV.UK error messages."""

from django import forms

from together.core.forms import DateField, SubmitOnceForm, text_field

from .models import DOMAINS, Audit, Domain, Grade

GRADE_CHOICES = Grade.choices


def _grade_field(label: str, message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=GRADE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


class StartAuditForm(SubmitOnceForm):
    child = forms.ChoiceField(
        label="Whose file will you audit?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the child whose file you will audit",
            "invalid_choice": "Choose the child whose file you will audit",
        },
    )
    kind = forms.ChoiceField(
        label="What kind of audit?",
        choices=Audit.Kind.choices,
        widget=forms.RadioSelect,
        help_text=(
            "In a collaborative audit the Family Court Adviser assesses their own work first, "
            "the family's feedback is added, and you agree the grades together."
        ),
        error_messages={"required": "Choose the kind of audit"},
    )

    def __init__(self, *args, children=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.children = {choice.key: choice for choice in children}
        self.fields["child"].choices = [(c.key, c.label) for c in children]

    def chosen(self):
        return self.children[self.cleaned_data["child"]]


class GradesForm(forms.Form):
    """A grade and its evidence for each domain, and an overall grade."""

    evidence_label = "Evidence for this grade"
    evidence_required = True
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for domain in DOMAINS:
            name = Domain(domain).label.lower()
            self.fields[f"{domain}_grade"] = _grade_field("Grade", f"Choose a grade for {name}")
            self.fields[f"{domain}_evidence"] = text_field(
                self.evidence_label,
                max_length=4000,
                required=self.evidence_required,
                rows=4,
                required_message=f"Write the evidence for the grade for {name}",
            )
        self.fields["overall"] = _grade_field("Overall grade", "Choose an overall grade")

    def domain_fields(self):
        return [
            {
                "domain": domain,
                "label": Domain(domain).label,
                "grade": self[f"{domain}_grade"],
                "evidence": self[f"{domain}_evidence"],
            }
            for domain in DOMAINS
        ]

    def grades(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {d: (data[f"{d}_grade"], data.get(f"{d}_evidence", "")) for d in DOMAINS}

    @classmethod
    def initial_from(cls, audit, rows, view) -> dict:
        initial = {"version": audit.version}
        for row in rows:
            grade = row.views.get(view)
            if grade is None:
                continue
            if row.domain == Domain.OVERALL:
                initial["overall"] = grade.grade
            else:
                initial[f"{row.domain}_grade"] = grade.grade
                initial[f"{row.domain}_evidence"] = grade.evidence
        return initial


class SelfAssessmentForm(GradesForm):
    evidence_label = "What shows this (optional)"
    evidence_required = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["impact"] = text_field(
            "What difference did your work make to the child?",
            max_length=4000,
            required=True,
            rows=5,
            required_message="Write what difference your work made to the child",
        )


class AuditorGradesForm(GradesForm):
    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worked_well"] = text_field(
            "What worked well?",
            max_length=4000,
            required=True,
            rows=5,
            help_text="What the work did well, and the difference it made for the child.",
            required_message="Write what worked well",
        )
        self.themes = {str(theme.uuid): theme for theme in themes}
        self.fields["themes"] = forms.MultipleChoiceField(
            label="Themes (optional)",
            required=False,
            choices=[(key, theme.name) for key, theme in self.themes.items()],
            widget=forms.CheckboxSelectMultiple,
        )

    def chosen_themes(self):
        return [self.themes[key] for key in self.cleaned_data.get("themes", [])]


class AgreementForm(GradesForm):
    evidence_label = "Why you agreed this grade"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worked_well"] = text_field(
            "What worked well?",
            max_length=4000,
            required=True,
            rows=5,
            required_message="Write what worked well",
        )


class FamilyVoiceForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    responses = forms.MultipleChoiceField(
        label="Feedback from the child and family to add to this audit",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    conversation = text_field(
        "What the family told you when you talked with them (optional)",
        max_length=4000,
        required=False,
        rows=6,
    )

    def __init__(self, *args, responses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.found = {str(response.uuid): response for response in responses}
        self.fields["responses"].choices = [
            (key, _response_label(response)) for key, response in self.found.items()
        ]

    def clean(self):
        data = super().clean()
        if not data.get("responses") and not data.get("conversation"):
            raise forms.ValidationError(
                "Add some feedback from the family, or write what they told you"
            )
        return data

    def chosen(self):
        return [self.found[key] for key in self.cleaned_data["responses"]]


def _response_label(response) -> str:
    said = response.do_better or response.anything_else or "No comment written"
    return f"{response.get_audience_display()}, {response.answered_at:%d %B %Y}: {said[:120]}"


class ActionForm(SubmitOnceForm):
    text = text_field("What needs doing?", max_length=500, required=True, rows=3)
    owner = forms.ChoiceField(
        label="Who will do it?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who will do it"},
    )
    due_on = DateField(
        label="Do it by",
        label_for_errors="the date to do it by",
        help_text="For example, 27 3 2027",
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.uuid): person for person in people}
        self.fields["owner"].choices = [
            (key, f"{person.given_name} {person.family_name}")
            for key, person in self.people.items()
        ]

    def chosen_owner(self):
        return self.people[self.cleaned_data["owner"]]


class AddendumForm(SubmitOnceForm):
    text = text_field(
        "What do you want to add?",
        max_length=4000,
        required=True,
        rows=6,
        help_text="A finished audit is not changed. What you add is kept with it, with your name.",
        required_message="Write what you want to add",
    )


class DrawSampleForm(forms.Form):
    area = forms.ChoiceField(
        label="Service area", error_messages={"required": "Choose the service area"}
    )
    month = forms.ChoiceField(
        label="Audits finished in",
        error_messages={"required": "Choose the month", "invalid_choice": "Choose the month"},
    )

    def __init__(self, *args, areas=(), months=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = {str(area.uuid): area for area in areas}
        self.fields["area"].choices = [(key, area.name) for key, area in self.areas.items()]
        self.months = {month.isoformat(): month for month in months}
        self.fields["month"].choices = [
            (key, f"{month:%B %Y}") for key, month in self.months.items()
        ]

    def chosen(self):
        return self.areas[self.cleaned_data["area"]], self.months[self.cleaned_data["month"]]


class ModerationGradesForm(forms.Form):
    """The moderator's grade for each domain the audit graded, and overall: no evidence boxes,
    and no sight of the audit's grades."""

    def __init__(self, *args, domains=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.domains = list(domains)
        for domain in self.domains:
            label = Domain(domain).label
            self.fields[f"{domain}_grade"] = _grade_field(
                label, f"Choose a grade for {label.lower()}"
            )

    def grades(self) -> dict[str, str]:
        return {domain: self.cleaned_data[f"{domain}_grade"] for domain in self.domains}


class ResolveForm(forms.Form):
    """The final grade of each domain where the moderator and the audit differed, and why."""

    def __init__(self, *args, differing=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.differing = list(differing)
        for row in self.differing:
            label = row.get_domain_display()
            self.fields[f"{row.domain}_final"] = _grade_field(
                f"Final grade: {label}", f"Choose the final grade for {label.lower()}"
            )
        self.fields["reason"] = text_field(
            "Why are these the final grades?",
            max_length=4000,
            required=True,
            rows=5,
            required_message="Write why these are the final grades",
        )

    def finals(self) -> dict[str, str]:
        return {row.domain: self.cleaned_data[f"{row.domain}_final"] for row in self.differing}


class ObservationForm(SubmitOnceForm):
    fca = forms.ChoiceField(
        label="Whose practice did you observe?",
        error_messages={
            "required": "Choose whose practice you observed",
            "invalid_choice": "Choose whose practice you observed",
        },
    )
    observed_on = DateField(
        label="When?",
        label_for_errors="the date of the observation",
        help_text="For example, 2 11 2026",
    )
    with_whom = text_field(
        "Who were they with?",
        max_length=300,
        required=True,
        help_text="For example, a meeting with a child at school, or a call with a parent.",
        required_message="Enter who they were with",
    )
    what = text_field("What did you observe?", max_length=4000, required=True, rows=5)
    worked_well = text_field(
        "What worked well?",
        max_length=4000,
        required=True,
        rows=4,
        required_message="Write what worked well",
    )
    to_improve = text_field(
        "What could be better? (optional)", max_length=4000, required=False, rows=4
    )
    action = text_field("An action for them (optional)", max_length=500, required=False, rows=2)
    action_due_on = DateField(
        label="Do it by (optional)",
        label_for_errors="the date to do it by",
        required=False,
        help_text="For example, 27 3 2027",
    )

    def __init__(self, *args, fcas=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fcas = {str(fca.uuid): fca for fca in fcas}
        self.fields["fca"].choices = [("", "Choose someone")] + [
            (key, fca.full_name) for key, fca in self.fcas.items()
        ]
        self.themes = {str(theme.uuid): theme for theme in themes}
        self.fields["themes"] = forms.MultipleChoiceField(
            label="Themes (optional)",
            required=False,
            choices=[(key, theme.name) for key, theme in self.themes.items()],
            widget=forms.CheckboxSelectMultiple,
        )

    def chosen_fca(self):
        return self.fcas[self.cleaned_data["fca"]]

    def chosen_themes(self):
        return [self.themes[key] for key in self.cleaned_data.get("themes", [])]


class ThemeForm(forms.Form):
    name = text_field("Name of the theme", max_length=80, required=True)


class ThemesOverTimeForm(forms.Form):
    """Where and how far back to look at the themes (a GET form)."""

    place = forms.ChoiceField(
        label="Where",
        required=False,
        error_messages={"invalid_choice": "Choose a place from the list"},
    )
    months = forms.TypedChoiceField(
        label="How far back",
        coerce=int,
        required=False,
        error_messages={"invalid_choice": "Choose how far back to look from the list"},
    )

    def __init__(self, *args, places=(), months=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.places = {place.key: place for place in places}
        self.fields["place"].choices = [(place.key, place.name) for place in places]
        self.fields["months"].choices = [(n, f"The last {n} months") for n in months]
