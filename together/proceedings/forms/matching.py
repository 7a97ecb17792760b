"""The form matching the children on a new application with children already known."""

from django import forms

from together.children.models import BreakGlass, Child


class MatchForm(forms.Form):
    """For each child who may already have a file: link to that child, or start a new file."""

    NEW = "new"

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        self.unmatched = [details for _, details, matches in rows if not matches]
        for number, details, matches in rows:
            if not matches:
                continue
            name = f"match{number}"
            self.fields[name] = forms.ChoiceField(
                label=f"Is {details.preferred_name} one of these children?",
                choices=[(str(m.child.uuid), m.child.preferred_name) for m in matches]
                + [(self.NEW, "This is a new child")],
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Say whether {details.preferred_name} already has a file, "
                    "or is a new child",
                    "invalid_choice": "Choose one of the children listed, or say this is a new "
                    "child",
                },
            )
            elsewhere = any(m.held_elsewhere for m in matches)
            if elsewhere:
                self.fields[f"reason{number}"] = forms.CharField(
                    label=f"If you link {details.preferred_name} to a child whose file another "
                    "area holds, say why",
                    help_text="For example, the court says it is the same child. Your reason is "
                    "recorded and shown to that area's managers.",
                    required=False,
                    max_length=BreakGlass._meta.get_field("reason").max_length,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    error_messages={"max_length": "Your reason must be 1,000 characters or fewer"},
                )
            self.rows.append(
                {"number": number, "details": details, "matches": matches, "elsewhere": elsewhere}
            )

    def row_fields(self) -> list[dict]:
        return [
            {
                **row,
                "field": self[f"match{row['number']}"],
                "reason": self[f"reason{row['number']}"] if row["elsewhere"] else None,
            }
            for row in self.rows
        ]

    def clean(self):
        cleaned = super().clean()
        chosen: dict[str, int] = {}
        for row in self.rows:
            name = f"match{row['number']}"
            value = cleaned.get(name)
            if value and value != self.NEW:
                if value in chosen:
                    self.add_error(
                        name,
                        f"Child {row['number']} and child {chosen[value]} cannot both be the "
                        "same child. Choose again for one of them",
                    )
                chosen[value] = row["number"]
                match = self._match(row, value)
                reason = " ".join((cleaned.get(f"reason{row['number']}") or "").split())
                if match and match.held_elsewhere and not reason:
                    self.add_error(
                        f"reason{row['number']}",
                        f"Say why you are linking {row['details'].preferred_name} to the child "
                        f"whose file {' and '.join(match.held_by)} holds",
                    )
        return cleaned

    @staticmethod
    def _match(row, value):
        return next((m for m in row["matches"] if str(m.child.uuid) == value), None)

    def link_reason(self, number: int) -> str:
        return " ".join((self.cleaned_data.get(f"reason{number}") or "").split())

    def linked_child(self, number: int) -> Child | None:
        value = self.cleaned_data.get(f"match{number}")
        for row in self.rows:
            if row["number"] == number:
                for match in row["matches"]:
                    if str(match.child.uuid) == value:
                        return match.child
        return None
