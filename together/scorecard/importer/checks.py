"""The checks of each file's rows, a method a file, and of leads across rows (never two at once)."""

import csv
import datetime
from collections import defaultdict
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from together.accounts.models import REGION_ROLES, SERVICE_AREA_ROLES, TEAM_ROLES, Role

from .folder import (
    ALLOCATION_KINDS,
    CODE_LENGTH,
    EMPLOYMENT,
    FELT,
    FILES,
    GRADES,
    ID_LENGTH,
    LAW_OF_KIND,
    LAWS,
    MEETING_METHODS,
    PROCEEDINGS_KINDS,
    RESPONDENTS,
    TEAM_KINDS,
    Folder,
    Known,
)
from .rows import _columns, _Row


class _Checker:
    def __init__(self, result: Folder, known: Known, today: datetime.date):
        self.result = result
        self.known = known
        self.today = today
        # Ids and codes in this folder, with the line that first gave each.
        self.regions: dict[str, int] = {}
        self.areas: dict[str, str] = dict(known.areas)
        self.teams: dict[str, str] = dict(known.teams)
        self.staff: dict[str, str] = dict(known.staff)
        self.children: set[str] = set(known.children)
        self.proceedings: dict[str, datetime.date] = dict(known.proceedings)
        self.links: set[tuple[str, str]] = set(known.links)
        self.first_line: dict[tuple[str, str], int] = {}
        # Each set of proceedings has a court's number of its own (the database holds to it).
        self.court_number_line: dict[str, int] = {}
        self.leads: dict[str, list[tuple[datetime.date, datetime.date | None, int]]] = defaultdict(
            list
        )

    # Reading one file

    def read(self, path: Path) -> None:
        name = path.name
        columns = FILES[name]
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            if missing:
                self.problem(name, 1, f"{_columns(missing)} missing from the first line")
                return
            rows = self.result.rows.setdefault(name, [])
            check = getattr(self, "check_" + name.removesuffix(".csv"))
            try:
                for raw in reader:
                    line = reader.line_num
                    values = {c: (raw.get(c) or "").strip() for c in columns}
                    row = _Row(self, name, line, values)
                    checked = check(row)
                    if checked is not None and not row.failed:
                        checked["line"] = line
                        rows.append(checked)
            except csv.Error as error:
                self.problem(name, reader.line_num, f"the file cannot be read as CSV ({error})")
            except UnicodeDecodeError:
                self.problem(name, reader.line_num, "the file is not written in UTF-8")

    def problem(self, name: str, line: int, message: str) -> None:
        self.result.problems.append(f"{name}:{line}: {message}")

    def once(self, row: "_Row", column: str, value: str) -> bool:
        """Whether this is the first row of its file with this id; a repeat is a problem."""
        key = (row.name, value)
        if key in self.first_line:
            row.fail(f"{column} {value} appears twice (first on line {self.first_line[key]})")
            return False
        self.first_line[key] = row.line
        return True

    # One method for each file: the row's values checked, or None

    def check_regions(self, row):
        code, name = row.required("region_code", length=CODE_LENGTH), row.required("name")
        if code and self.once(row, "region_code", code):
            self.regions[code] = row.line
        return {"code": code, "name": name}

    def check_service_areas(self, row):
        code = row.required("code", length=CODE_LENGTH)
        name = row.required("name")
        region = row.required("region_code")
        if region and region not in self.regions and region not in self.known.regions:
            row.fail(f"unknown region code {region}")
        if code and self.once(row, "code", code):
            self.areas[code] = region
        return {"code": code, "name": name, "region_code": region}

    def check_teams(self, row):
        code = row.required("code", length=ID_LENGTH)
        name = row.required("name")
        area = row.required("service_area_code")
        kind = row.choice("kind", TEAM_KINDS)
        if area and area not in self.areas:
            row.fail(f"unknown service area code {area}")
        if code and self.once(row, "code", code):
            self.teams[code] = area
        return {"code": code, "name": name, "service_area_code": area, "kind": kind}

    def check_staff(self, row):
        staff_id = row.required("staff_id", length=ID_LENGTH)
        given = row.required("given_name")
        family = row.required("family_name")
        email = row.required("email", length=254).lower()
        role = row.choice("role", Role.values)
        place = row.values["team_code"]
        employment = row.choice("employment", EMPLOYMENT)
        fte = row.fte("fte")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                row.fail(f"email {email} is not an email address")
            else:
                owner = self.known.staff_emails.get(email)
                if owner and owner != staff_id:
                    row.fail(f"email {email} belongs to another member of staff already")
                if ("email", email) in self.first_line:
                    first = self.first_line[("email", email)]
                    row.fail(f"email {email} is given twice (first on line {first})")
                else:
                    self.first_line[("email", email)] = row.line
        team = area = region = ""
        if role:
            team, area, region = self.place_of(row, role, place)
        if staff_id and self.once(row, "staff_id", staff_id):
            self.staff[staff_id] = role
        return {
            "staff_id": staff_id,
            "given_name": given,
            "family_name": family,
            "email": email,
            "role": role,
            "team_code": team,
            "service_area_code": area,
            "region_code": region,
            "employment": employment,
            "fte": fte,
        }

    def place_of(self, row, role: str, place: str) -> tuple[str, str, str]:
        """Team, service area and region for a member of staff: team_code names a team, or for
        those who work across an area or a region, the service area's or region's code."""
        if role in TEAM_ROLES:
            if not place:
                row.fail("team_code is empty: a Family Court Adviser or supervisor needs a team")
            elif place not in self.teams:
                row.fail(f"unknown team code {place}")
            else:
                area = self.teams[place]
                return place, area, self.areas.get(area, "")
            return "", "", ""
        if role in SERVICE_AREA_ROLES or role in REGION_ROLES:
            if place in self.teams:
                area = self.teams[place]
                return "", area, self.areas.get(area, "")
            if place in self.areas:
                return "", place, self.areas[place]
            if role in REGION_ROLES and (place in self.regions or place in self.known.regions):
                return "", "", place
            if not place:
                row.fail(f"team_code is empty: a {Role(role).label.lower()} needs a place to work")
            else:
                row.fail(f"unknown team code {place}")
            return "", "", ""
        return "", "", ""

    def check_children(self, row):
        child_id = row.required("child_id", length=ID_LENGTH)
        given = row.required("given_name")
        family = row.required("family_name")
        preferred = row.values["preferred_name"] or given
        born = row.date("date_of_birth", required=True)
        if born and born > self.today:
            row.fail(f"date_of_birth {born:%Y-%m-%d} is in the future")
        if child_id and self.once(row, "child_id", child_id):
            self.children.add(child_id)
        return {
            "child_id": child_id,
            "given_name": given,
            "family_name": family,
            "preferred_name": preferred,
            "date_of_birth": born,
        }

    def check_proceedings(self, row):
        proceedings_id = row.required("proceedings_id", length=ID_LENGTH)
        court = row.required("court", length=200)
        number = row.required("court_number", length=40)
        law = row.choice("law", LAWS)
        kind = row.choice("kind", PROCEEDINGS_KINDS)
        received = row.date("received_on", required=True)
        first_hearing = row.date("first_hearing_on")
        closed = row.date("closed_on")
        area = row.required("service_area_code")
        if law and kind in LAW_OF_KIND and LAW_OF_KIND[kind] != law:
            row.fail(f"kind {kind} is {LAW_OF_KIND[kind]} law, but law says {law}")
        if received and received > self.today:
            row.fail(f"received_on {received:%Y-%m-%d} is in the future")
        if received and first_hearing and first_hearing < received:
            row.fail("first_hearing_on is before received_on")
        if received and closed and closed < received:
            row.fail("closed_on is before received_on")
        if area and area not in self.areas:
            row.fail(f"unknown service area code {area}")
        if number and number in self.court_number_line:
            first = self.court_number_line[number]
            row.fail(f"court_number {number} is already on line {first}: each set has its own")
        elif number:
            self.court_number_line[number] = row.line
        if proceedings_id and self.once(row, "proceedings_id", proceedings_id):
            self.proceedings[proceedings_id] = received
        return {
            "proceedings_id": proceedings_id,
            "court": court,
            "court_number": number,
            "law": law,
            "kind": kind,
            "received_on": received,
            "first_hearing_on": first_hearing,
            "closed_on": closed,
            "service_area_code": area,
        }

    def check_proceedings_children(self, row):
        proceedings_id = row.proceedings("proceedings_id")
        child_id = row.child("child_id")
        if proceedings_id and child_id:
            key = (proceedings_id, child_id)
            if ("link", key) in self.first_line:
                first = self.first_line[("link", key)]
                row.fail(
                    f"child {child_id} is in proceedings {proceedings_id} twice "
                    f"(first on line {first})"
                )
            self.first_line[("link", key)] = row.line
            self.links.add(key)
        return {"proceedings_id": proceedings_id, "child_id": child_id}

    def check_allocations(self, row):
        proceedings_id = row.proceedings("proceedings_id")
        staff_id = row.staff("staff_id")
        kind = row.choice("kind", ALLOCATION_KINDS)
        started = row.date("started_on", required=True)
        ended = row.date("ended_on")
        if started and ended and ended < started:
            row.fail("the allocation ends (ended_on) before it starts (started_on)")
        if started and started > self.today:
            row.fail(f"started_on {started:%Y-%m-%d} is in the future")
        received = self.proceedings.get(proceedings_id)
        if started and received and started < received:
            row.fail("the allocation starts before the application was received (received_on)")
        if kind == "lead" and proceedings_id and started and not row.failed:
            self.leads[proceedings_id].append((started, ended, row.line))
        return {
            "proceedings_id": proceedings_id,
            "staff_id": staff_id,
            "kind": kind,
            "started_on": started,
            "ended_on": ended,
        }

    def check_overlapping_leads(self) -> None:
        for proceedings_id, leads in self.leads.items():
            leads.sort()
            for (_, ended, line), (started, _, next_line) in zip(leads, leads[1:], strict=False):
                if ended is None or started < ended:
                    self.problem(
                        "allocations.csv",
                        next_line,
                        f"proceedings {proceedings_id} would have two lead FCAs at once: this "
                        f"lead starts before the one on line {line} ends",
                    )

    def check_meetings(self, row):
        child_id = row.child("child_id")
        proceedings_id = row.proceedings("proceedings_id")
        met = row.date("met_on", required=True)
        method = row.choice("method", MEETING_METHODS)
        if met and met > self.today:
            row.fail(f"met_on {met:%Y-%m-%d} is in the future")
        row.child_in(child_id, proceedings_id)
        return {
            "child_id": child_id,
            "proceedings_id": proceedings_id,
            "met_on": met,
            "method": method,
        }

    def check_audits(self, row):
        child_id = row.child("child_id")
        proceedings_id = row.proceedings("proceedings_id")
        auditor = row.staff("auditor_staff_id")
        fca = row.staff("fca_staff_id")
        audited = row.date("audited_on", required=True)
        grade = row.choice("grade", GRADES)
        if auditor and auditor == fca:
            row.fail("the auditor (auditor_staff_id) cannot audit their own work (fca_staff_id)")
        if audited and audited > self.today:
            row.fail(f"audited_on {audited:%Y-%m-%d} is in the future")
        row.child_in(child_id, proceedings_id)
        return {
            "child_id": child_id,
            "proceedings_id": proceedings_id,
            "auditor_staff_id": auditor,
            "fca_staff_id": fca,
            "audited_on": audited,
            "grade": grade,
        }

    def check_feedback(self, row):
        proceedings_id = row.proceedings("proceedings_id")
        staff_id = row.staff("staff_id")
        respondent = row.choice("respondent", RESPONDENTS)
        submitted = row.date("submitted_on", required=True)
        felt = row.choice("felt_listened_to", FELT)
        if submitted and submitted > self.today:
            row.fail(f"submitted_on {submitted:%Y-%m-%d} is in the future")
        if proceedings_id and not row.failed and not self.has_children(proceedings_id):
            row.fail(f"proceedings {proceedings_id} have no children (proceedings_children.csv)")
        return {
            "proceedings_id": proceedings_id,
            "staff_id": staff_id,
            "respondent": respondent,
            "submitted_on": submitted,
            "felt_listened_to": felt,
        }

    def has_children(self, proceedings_id: str) -> bool:
        if not hasattr(self, "_with_children"):
            self._with_children = {p for p, _ in self.links}
        return proceedings_id in self._with_children
