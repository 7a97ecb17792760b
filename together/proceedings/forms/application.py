"""The form for a new application: its kind, the children and the parties."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from together.children.models import Child, FamilyMember, Relationship
from together.core.forms import DateField

from ..courts import HEARING_CENTRES
from ..models import LAW_OF_KIND, Kind, Law, PartyRole, Proceedings
from ..selectors import ChildDetails, PartyDetails


def _past_only(value, what: str):
    if value and value > timezone.localdate():
        raise ValidationError(f"{what.capitalize()} must be today or in the past")
    return value


def _text(label: str, max_length: int, *, required=True, what: str | None = None, **kwargs):
    what = what or label.lower()
    messages = {
        "required": f"Enter {what}",
        "max_length": f"{what[:1].upper() + what[1:]} must be {max_length} characters or fewer",
    }
    return forms.CharField(
        label=label, max_length=max_length, required=required, error_messages=messages, **kwargs
    )


NEW_KINDS = [
    (Kind.CARE_S31.value, Kind.CARE_S31.label),
    (Kind.PRIVATE_FIRST_HEARING.value, Kind.PRIVATE_FIRST_HEARING.label),
    (Kind.SECTION_7.value, Kind.SECTION_7.label),
    (Kind.RULE_16_4.value, Kind.RULE_16_4.label),
    ("other_public", "Another public law application"),
    ("other_private", "Another private law application"),
]


OTHER_KIND_LAW = {"other_public": Law.PUBLIC, "other_private": Law.PRIVATE}


MAX_CHILDREN = 4


CHILD_FIELDS = ("legal_given_names", "legal_family_name", "preferred_name", "date_of_birth")


MAX_PARTIES = 4


PARTY_FIELDS = ("given_name", "family_name", "relationship", "role")


PARTY_ROLES = [
    (PartyRole.APPLICANT.value, "Applicant"),
    (PartyRole.RESPONDENT.value, "Respondent"),
    (PartyRole.OTHER_PARTY.value, "Other party"),
]


def _max(model, name) -> int:
    return model._meta.get_field(name).max_length


class NewApplicationForm(forms.Form):
    """The proceedings and up to four children. Rows for children 2 to 4 may be left blank."""

    court = forms.ChoiceField(
        label="Court",
        help_text="The family court hearing centre named on the application.",
        choices=[("", "Choose a court")] + [(name, name) for name in HEARING_CENTRES],
        error_messages={
            "required": "Choose the court",
            "invalid_choice": "Choose the court from the list",
        },
    )
    court_number = _text(
        "Court's number",
        _max(Proceedings, "court_number"),
        what="the court's number",
        help_text="As it is written on the application, for example LS26C00123.",
    )
    kind = forms.ChoiceField(
        label="What kind of application is it?",
        choices=NEW_KINDS,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the kind of application",
            "invalid_choice": "Choose one of the kinds of application listed",
        },
    )
    received_on = DateField(
        label="When was the application received?",
        label_for_errors="the date the application was received",
        help_text="For example, 27 3 2026",
    )
    first_hearing_on = DateField(
        label="When is the first hearing? (optional)",
        label_for_errors="the date of the first hearing",
        required=False,
        help_text="Leave this blank if the court has not listed it yet. For example, 8 4 2026",
    )
    applicant_local_authority = _text(
        "Which local authority applied?",
        _max(Proceedings, "applicant_local_authority"),
        required=False,
        what="the local authority that applied",
        help_text="Only for a public law application, for example Leeds City Council.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = _max(Child, "legal_given_names")
        for n in range(1, MAX_CHILDREN + 1):
            whose = f"child {n}'s"
            self.fields[f"child{n}_legal_given_names"] = _text(
                "Given names", names, required=False, what=f"{whose} given names"
            )
            self.fields[f"child{n}_legal_family_name"] = _text(
                "Family name",
                _max(Child, "legal_family_name"),
                required=False,
                what=f"{whose} family name",
            )
            self.fields[f"child{n}_preferred_name"] = _text(
                "The name they use (optional)",
                _max(Child, "preferred_name"),
                required=False,
                what=f"the name child {n} uses",
                help_text="Leave this blank if it is their first given name.",
            )
            self.fields[f"child{n}_date_of_birth"] = DateField(
                label="Date of birth",
                label_for_errors=f"{whose} date of birth",
                required=False,
                help_text="For example, 14 5 2016",
            )
        for n in range(1, MAX_PARTIES + 1):
            whose = f"person {n}'s"
            self.fields[f"party{n}_given_name"] = _text(
                "Given name",
                _max(FamilyMember, "given_name"),
                required=False,
                what=f"{whose} given name",
            )
            self.fields[f"party{n}_family_name"] = _text(
                "Family name",
                _max(FamilyMember, "family_name"),
                required=False,
                what=f"{whose} family name",
            )
            self.fields[f"party{n}_relationship"] = forms.ChoiceField(
                label="Who they are to the children",
                required=False,
                choices=[("", "Choose")] + list(Relationship.choices),
                error_messages={"invalid_choice": f"Choose who person {n} is to the children"},
            )
            self.fields[f"party{n}_role"] = forms.ChoiceField(
                label="Their part in the proceedings",
                required=False,
                choices=[("", "Choose")] + PARTY_ROLES,
                error_messages={"invalid_choice": f"Choose person {n}'s part in the proceedings"},
            )

    def party_rows(self) -> list[dict]:
        return [
            {"number": n, **{name: self[f"party{n}_{name}"] for name in PARTY_FIELDS}}
            for n in range(1, MAX_PARTIES + 1)
        ]

    def child_rows(self) -> list[dict]:
        return [
            {"number": n, **{name: self[f"child{n}_{name}"] for name in CHILD_FIELDS}}
            for n in range(1, MAX_CHILDREN + 1)
        ]

    def _row_is_blank(self, n: int, prefix: str = "child", names=CHILD_FIELDS) -> bool:
        for name in names:
            value = self[f"{prefix}{n}_{name}"].value()
            if any(value) if isinstance(value, list) else value:
                return False
        return True

    def _clean_parties(self, cleaned) -> None:
        self._parties: list[tuple[int, PartyDetails]] = []
        for n in range(1, MAX_PARTIES + 1):
            if self._row_is_blank(n, "party", PARTY_FIELDS):
                continue
            row = {name: cleaned.get(f"party{n}_{name}") for name in PARTY_FIELDS}
            for name, message in (
                ("given_name", f"Enter person {n}'s given name"),
                ("relationship", f"Choose who person {n} is to the children"),
                ("role", f"Choose person {n}'s part in the proceedings"),
            ):
                if not row[name] and f"party{n}_{name}" not in self.errors:
                    self.add_error(f"party{n}_{name}", message)
            if all(row[name] for name in ("given_name", "relationship", "role")):
                details = PartyDetails(**{k: row[k] or "" for k in PARTY_FIELDS})
                self._parties.append((n, details))
        kind = cleaned.get("kind")
        law = OTHER_KIND_LAW.get(kind) or LAW_OF_KIND.get(kind)
        missing_authority = not cleaned.get("applicant_local_authority")
        if (
            law == Law.PUBLIC
            and missing_authority
            and "applicant_local_authority" not in self.errors
        ):
            self.add_error(
                "applicant_local_authority",
                "Enter the local authority that applied, for a public law application",
            )
        has_applicant = any(p.role == PartyRole.APPLICANT for _, p in self._parties)
        if law == Law.PRIVATE and not has_applicant and "party1_given_name" not in self.errors:
            self.add_error(
                "party1_given_name",
                "Add the person who applied, with their part as applicant, for a private law "
                "application",
            )

    def clean_received_on(self):
        return _past_only(self.cleaned_data["received_on"], "the date the application was received")

    def clean(self):
        cleaned = super().clean()
        self._clean_parties(cleaned)
        received, first = cleaned.get("received_on"), cleaned.get("first_hearing_on")
        if received and first and first < received:
            self.add_error(
                "first_hearing_on",
                "The first hearing must be on or after the date the application was received",
            )
        for n in range(1, MAX_CHILDREN + 1):
            name = f"child{n}_date_of_birth"
            try:
                _past_only(cleaned.get(name), f"child {n}'s date of birth")
            except ValidationError as error:
                self.add_error(name, error)
                cleaned.pop(name, None)
        seen: dict[tuple, int] = {}
        self._children: list[tuple[int, ChildDetails]] = []
        for n in range(1, MAX_CHILDREN + 1):
            if n > 1 and self._row_is_blank(n):
                continue
            row = {name: cleaned.get(f"child{n}_{name}") for name in CHILD_FIELDS}
            for name, what in (
                ("legal_given_names", f"child {n}'s given names"),
                ("legal_family_name", f"child {n}'s family name"),
                ("date_of_birth", f"child {n}'s date of birth"),
            ):
                if not row[name] and f"child{n}_{name}" not in self.errors:
                    self.add_error(f"child{n}_{name}", f"Enter {what}")
            if not all(row[name] for name in ("legal_given_names", "legal_family_name")):
                continue
            if not row["date_of_birth"]:
                continue
            details = ChildDetails(
                legal_given_names=row["legal_given_names"],
                legal_family_name=row["legal_family_name"],
                preferred_name=row["preferred_name"] or row["legal_given_names"].split()[0],
                date_of_birth=row["date_of_birth"],
            )
            key = (
                details.legal_given_names.lower(),
                details.legal_family_name.lower(),
                details.date_of_birth,
            )
            if key in seen:
                self.add_error(
                    f"child{n}_legal_given_names",
                    f"Child {n} has the same name and date of birth as child {seen[key]}. "
                    "Remove one of them",
                )
                continue
            seen[key] = n
            self._children.append((n, details))
        return cleaned

    def children(self) -> list[tuple[int, ChildDetails]]:
        """The children written on the form, numbered as on the form (once it is valid)."""
        return list(self._children)

    def parties(self) -> list[PartyDetails]:
        """The people written on the form (once it is valid), blank rows left out."""
        return [details for _, details in self._parties]

    def numbered_parties(self) -> list[tuple[int, PartyDetails]]:
        """The same, each with its row's number on the form."""
        return list(self._parties)

    def kind_and_law(self) -> tuple[str, str | None]:
        chosen = self.cleaned_data["kind"]
        if chosen in OTHER_KIND_LAW:
            return Kind.OTHER, OTHER_KIND_LAW[chosen]
        return chosen, None
