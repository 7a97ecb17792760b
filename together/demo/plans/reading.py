"""What demo plans are written about, read once before any is planned: the children in open
proceedings that have a lead Family Court Adviser, their families and meetings, and who
supervises each team."""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from django.db.models import Min

from together.accounts.models import Role, User
from together.children.models import ChildConnection, Meeting
from together.organisation.models import TeamMembership
from together.proceedings.models import Allocation, Hearing, ProceedingsChild

from ..generator import Context

DEMO_FCA = "fca@example.org"
# At national size, plans for this share of children outside the demo service area (the demo
# area gets a plan for everyone), to keep the generator within its time budget.
NATIONAL_SHARE = 0.3


@dataclass
class Row:
    """A child in open proceedings, as read from the database."""

    child: dict
    proceedings_id: int
    law: str
    team_id: int | None
    area_id: int
    fca_id: int
    allocated: date
    next_hearing: date | None
    is_demo_fca: bool


@dataclass
class Found:
    """Everything the plans draw on, by child, proceedings, team or user."""

    rows: list[Row]
    families: dict[int, dict] = field(default_factory=dict)
    # {(child id, proceedings id): [(meeting id, uuid)]}, most recent first
    meetings: dict[tuple, list] = field(default_factory=dict)
    # {user id: (given name, family name)} of every FCA who has a row
    names: dict[int, tuple[str, str]] = field(default_factory=dict)


def supervisors() -> dict[int, int]:
    """Each team's practice supervisor (the first by id, if it has several)."""
    found: dict[int, int] = {}
    for team_id, user_id in (
        TeamMembership.objects.filter(ended_on__isnull=True, user__role=Role.PRACTICE_SUPERVISOR)
        .order_by("team_id", "user_id")
        .values_list("team_id", "user_id")
    ):
        found.setdefault(team_id, user_id)
    return found


def children_to_plan(ctx: Context, rng: random.Random) -> Found:
    """The children who get a plan, in the order they are planned (by proceedings and child)."""
    today = ctx.today
    links = list(
        ProceedingsChild.objects.filter(proceedings__closed_on__isnull=True)
        .order_by("proceedings_id", "child_id")
        .values_list(
            "child_id",
            "child__uuid",
            "child__preferred_name",
            "child__pronouns",
            "child__date_of_birth",
            "child__school",
            "proceedings_id",
            "proceedings__law",
            "proceedings__team_id",
            "proceedings__service_area_id",
            "proceedings__lead_fca_id",
            "proceedings__lead_fca__email",
        )
    )
    open_ids = {link[6] for link in links}
    allocated = dict(
        Allocation.objects.filter(ended_at__isnull=True, proceedings_id__in=open_ids)
        .values_list("proceedings_id")
        .annotate(first=Min("started_at"))
    )
    hearings = dict(
        Hearing.objects.filter(
            proceedings_id__in=open_ids,
            starts_at__gte=datetime.combine(today, time(0), tzinfo=UTC),
        )
        .values_list("proceedings_id")
        .annotate(first=Min("starts_at"))
    )
    national = ctx.size.name == "national"
    demo_area = next((link[9] for link in links if link[11] == DEMO_FCA), None)
    result = []
    for (
        child_id,
        child_uuid,
        name,
        pronouns,
        born,
        school,
        proceedings_id,
        law,
        team_id,
        area_id,
        fca_id,
        email,
    ) in links:
        if fca_id is None or proceedings_id not in allocated:
            continue  # held on duty: nobody is writing a plan yet
        if national and area_id != demo_area and rng.random() > NATIONAL_SHARE:
            continue
        result.append(
            Row(
                child={
                    "id": child_id,
                    "uuid": child_uuid,
                    "name": name,
                    "pronouns": pronouns,
                    "born": born,
                    "school": school,
                },
                proceedings_id=proceedings_id,
                law=law,
                team_id=team_id,
                area_id=area_id,
                fca_id=fca_id,
                allocated=allocated[proceedings_id].date(),
                next_hearing=hearings.get(proceedings_id),
                is_demo_fca=email == DEMO_FCA,
            )
        )
    return Found(
        rows=result,
        families=_families({link[0] for link in links}),
        meetings=_meetings(open_ids),
        names=_names({r.fca_id for r in result}),
    )


def _families(child_ids) -> dict:
    families: dict[int, dict] = {}
    wanted = {"mother", "father", "foster_carer", "grandparent"}
    for child_id, person_id, given, family_name, relationship, confidential in (
        ChildConnection.objects.filter(relationship__in=wanted)
        .order_by("child_id", "relationship", "person_id")
        .values_list(
            "child_id",
            "person_id",
            "person__given_name",
            "person__family_name",
            "relationship",
            "person__address_confidential",
        )
    ):
        if child_id not in child_ids:
            continue
        family = families.setdefault(child_id, {"parents": []})
        if relationship in ("mother", "father"):
            family.setdefault(relationship, given)
            family["parents"].append(
                (person_id, f"{given} {family_name}".strip(), relationship, confidential)
            )
        elif relationship == "foster_carer":
            family.setdefault("carer", f"{given} {family_name}".strip())
        else:
            family.setdefault("carer", "nan" if given else "")
    return families


def _meetings(proceedings_ids) -> dict:
    found: dict[tuple, list] = {}
    for child_id, proceedings_id, meeting_id, meeting_uuid in (
        Meeting.objects.filter(proceedings_id__in=proceedings_ids, outcome=Meeting.Outcome.MET)
        .order_by("-occurred_at")
        .values_list("child_id", "proceedings_id", "id", "uuid")
    ):
        found.setdefault((child_id, proceedings_id), []).append((meeting_id, meeting_uuid))
    return found


def _names(user_ids) -> dict:
    return {
        pk: (given, family)
        for pk, given, family in User.objects.filter(pk__in=user_ids).values_list(
            "pk", "given_name", "family_name"
        )
    }
