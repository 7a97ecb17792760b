"""The import format (each file's columns and values) and what reading gives (Known, Folder)."""

import datetime
from dataclasses import dataclass, field

# Each file, in the order they are read, with its columns. Every file may be left out: a folder
# may add feedback to a service imported before, for example. Ids it names must then be known
# from an earlier import.
FILES = {
    "regions.csv": ("region_code", "name"),
    "service_areas.csv": ("code", "name", "region_code"),
    "teams.csv": ("code", "name", "service_area_code", "kind"),
    "staff.csv": (
        "staff_id",
        "given_name",
        "family_name",
        "email",
        "role",
        "team_code",
        "employment",
        "fte",
    ),
    "children.csv": ("child_id", "given_name", "family_name", "preferred_name", "date_of_birth"),
    "proceedings.csv": (
        "proceedings_id",
        "court",
        "court_number",
        "law",
        "kind",
        "received_on",
        "first_hearing_on",
        "closed_on",
        "service_area_code",
    ),
    "proceedings_children.csv": ("proceedings_id", "child_id"),
    "allocations.csv": ("proceedings_id", "staff_id", "kind", "started_on", "ended_on"),
    "meetings.csv": ("child_id", "proceedings_id", "met_on", "method"),
    "audits.csv": (
        "child_id",
        "proceedings_id",
        "auditor_staff_id",
        "fca_staff_id",
        "audited_on",
        "grade",
    ),
    "feedback.csv": (
        "proceedings_id",
        "staff_id",
        "respondent",
        "submitted_on",
        "felt_listened_to",
    ),
}

TEAM_KINDS = ("pre_first_hearing", "post_first_hearing", "allocation_hub", "post_assessment_hub")
EMPLOYMENT = ("permanent", "locum")
LAWS = ("public", "private")
PROCEEDINGS_KINDS = ("s31", "private_pre_first_hearing", "s7", "r16_4", "other")
# The law each kind belongs to ("other" may be either).
LAW_OF_KIND = {
    "s31": "public",
    "private_pre_first_hearing": "private",
    "s7": "private",
    "r16_4": "private",
}
ALLOCATION_KINDS = ("lead", "duty", "hub")
MEETING_METHODS = ("in_person_home", "in_person_school", "in_person_office", "video", "phone")
GRADES = ("outstanding", "good", "requires_improvement", "inadequate")
RESPONDENTS = ("child", "parent_carer", "professional")
FELT = ("yes", "partly", "no", "dont_know")

CODE_LENGTH = 10  # region and service area codes (organisation.models)
ID_LENGTH = 100


@dataclass
class Known:
    """What the database already holds from earlier imports, for rows that refer to it: codes of
    regions and service areas, and the ids of teams, staff, children and proceedings."""

    regions: set[str] = field(default_factory=set)
    areas: dict[str, str] = field(default_factory=dict)  # code: region code
    teams: dict[str, str] = field(default_factory=dict)  # code: service area code
    staff: dict[str, str] = field(default_factory=dict)  # id: role
    staff_emails: dict[str, str] = field(default_factory=dict)  # email: staff id ("" if none)
    children: set[str] = field(default_factory=set)
    proceedings: dict[str, datetime.date] = field(default_factory=dict)  # id: received on
    links: set[tuple[str, str]] = field(default_factory=set)  # (proceedings id, child id)


@dataclass
class Folder:
    """Every row of a folder, checked, and every problem found."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> list[dict]:
        return self.rows.get(name, [])
