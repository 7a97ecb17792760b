"""Writing a checked import folder into the service's records, in bulk.

Every record made from a row is remembered in `ImportedRecord` under the row's id (or, for rows
without an id of their own, their key columns), so a second run of the same files updates the
same records. Dates become times at the start of that day in London, so "on or before D" reads
the same from an imported record as from one recorded in the service.
"""

import datetime
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from together.accounts.models import REGION_ROLES, SERVICE_AREA_ROLES, TEAM_ROLES, User
from together.children.models import Child, Meeting
from together.children.services import search_text_for
from together.feedback.models import Answer, Audience, FeedbackInvitation, FeedbackResponse, Source
from together.feedback.services import (
    OLDER_CHILD_FROM_AGE,
    feedback_summary_rebuild,
    new_codes,
    new_token,
)
from together.organisation.models import Region, ServiceArea, Team, TeamMembership
from together.proceedings.models import Allocation, Kind, Proceedings, ProceedingsChild, Stage
from together.quality.models import Audit

from ..dates import start_of
from ..models import ImportedRecord
from .reading import Folder, Known

BATCH = 2000
# Ids asked for in one query (below SQLite's limit on parameters).
CHUNK = 10_000
# How often a long list reports how far it has gone.
PROGRESS_EVERY = 50_000

KIND_OF = {
    "s31": Kind.CARE_S31,
    "private_pre_first_hearing": Kind.PRIVATE_FIRST_HEARING,
    "s7": Kind.SECTION_7,
    "r16_4": Kind.RULE_16_4,
    "other": Kind.OTHER,
}
METHOD_OF = {
    "in_person_home": (Meeting.Method.IN_PERSON, Meeting.Place.HOME),
    "in_person_school": (Meeting.Method.IN_PERSON, Meeting.Place.SCHOOL),
    "in_person_office": (Meeting.Method.IN_PERSON, Meeting.Place.OFFICE),
    "video": (Meeting.Method.VIDEO, Meeting.Place.REMOTE),
    "phone": (Meeting.Method.PHONE, Meeting.Place.REMOTE),
}
# Feedback's "felt listened to" on the five-point scale: only "yes" counts as felt listened to.
LISTENED_OF = {
    "yes": Answer.YES,
    "partly": Answer.SOMETIMES,
    "no": Answer.NOT_AT_ALL,
    "dont_know": Answer.DONT_KNOW,
}
# Feedback questions the import files do not ask are "I don't know", which no figure counts.
NOT_ASKED = ("respected", "explained", "understood_reasons", "could_say")

Progress = Callable[[str], None]
K = ImportedRecord.Kind


def known_from_database() -> Known:
    """What rows may refer to without repeating it: what earlier imports (and the service) hold."""
    staff = _mapping(K.STAFF)
    roles = dict(User.objects.filter(pk__in=staff.values()).values_list("pk", "role"))
    staff_of_pk = {pk: staff_id for staff_id, pk in staff.items()}
    proceedings = _mapping(K.PROCEEDINGS)
    received = dict(Proceedings.objects.values_list("pk", "received_on"))
    children = _mapping(K.CHILD)
    child_of_pk = {pk: child_id for child_id, pk in children.items()}
    proceedings_of_pk = {pk: p_id for p_id, pk in proceedings.items()}
    teams = _mapping(K.TEAM)
    area_code = dict(ServiceArea.objects.values_list("pk", "code"))
    team_area = dict(Team.objects.values_list("pk", "service_area_id"))
    return Known(
        regions=set(Region.objects.values_list("code", flat=True)),
        areas=dict(ServiceArea.objects.values_list("code", "region__code")),
        teams={code: area_code[team_area[pk]] for code, pk in teams.items() if pk in team_area},
        staff={s: roles[pk] for s, pk in staff.items() if pk in roles},
        staff_emails={
            email: staff_of_pk.get(pk, "") for pk, email in User.objects.values_list("pk", "email")
        },
        children={c for c, pk in children.items()},
        proceedings={p: received[pk] for p, pk in proceedings.items() if pk in received},
        links={
            (proceedings_of_pk[p], child_of_pk[c])
            for p, c in ProceedingsChild.objects.values_list("proceedings_id", "child_id")
            if p in proceedings_of_pk and c in child_of_pk
        },
    )


def write_folder(folder: Folder, *, today: datetime.date, progress: Progress) -> Counter:
    """Write every row (the caller holds the transaction). Returns how many rows each file had."""
    writer = _Writer(folder, today, progress)
    for step in (
        writer.regions,
        writer.service_areas,
        writer.teams,
        writer.staff,
        writer.children,
        writer.proceedings,
        writer.proceedings_children,
        writer.allocations,
        writer.lead_and_team_of_proceedings,
        writer.meetings,
        writer.audits,
        writer.feedback,
    ):
        step()
    return writer.counts


class _Writer:
    def __init__(self, folder: Folder, today: datetime.date, progress: Progress):
        self.folder = folder
        self.today = today
        self.progress = progress
        self.counts: Counter = Counter()
        self.now = timezone.now()
        self.touched_proceedings: set[int] = set()

    def report(self, name: str, new: int, updated: int, unchanged: int = 0) -> None:
        self.counts[name] = new + updated + unchanged
        same = f", {unchanged:,} unchanged" if unchanged else ""
        self.progress(f"{name}: {new:,} new, {updated:,} updated{same}")

    # The organisation

    def regions(self):
        rows = self.folder["regions.csv"]
        existing = {r.code: r for r in Region.objects.filter(code__in=[r["code"] for r in rows])}
        new = [Region(code=r["code"], name=r["name"]) for r in rows if r["code"] not in existing]
        changed = [existing[r["code"]] for r in rows if r["code"] in existing]
        for region, row in zip(changed, [r for r in rows if r["code"] in existing], strict=True):
            region.name = row["name"]
        Region.objects.bulk_create(new, batch_size=BATCH)
        Region.objects.bulk_update(changed, ["name"], batch_size=BATCH)
        self.report("regions.csv", len(new), len(changed))

    def service_areas(self):
        rows = self.folder["service_areas.csv"]
        region = dict(Region.objects.values_list("code", "pk"))
        existing = dict(ServiceArea.objects.values_list("code", "pk"))
        objects = [
            (
                existing.get(r["code"]),
                ServiceArea(code=r["code"], name=r["name"], region_id=region[r["region_code"]]),
            )
            for r in rows
        ]
        self._save(ServiceArea, objects, ["name", "region"], "service_areas.csv")

    def teams(self):
        area = dict(ServiceArea.objects.values_list("code", "pk"))
        rows = [
            (
                r["code"],
                Team(name=r["name"], kind=r["kind"], service_area_id=area[r["service_area_code"]]),
            )
            for r in self.folder["teams.csv"]
        ]
        self._upsert(Team, K.TEAM, rows, ["name", "kind", "service_area"], "teams.csv")

    def staff(self):
        rows = self.folder["staff.csv"]
        area = dict(ServiceArea.objects.values_list("code", "pk"))
        region = dict(Region.objects.values_list("code", "pk"))
        by_email = dict(User.objects.values_list("email", "pk"))
        mapping = _mapping(K.STAFF)
        objects = []
        for r in rows:
            user = User(
                email=r["email"],
                given_name=r["given_name"],
                family_name=r["family_name"],
                role=r["role"],
                employment_type=r["employment"],
                fte=r["fte"],
                service_area_id=area.get(r["service_area_code"])
                if r["role"] in TEAM_ROLES | SERVICE_AREA_ROLES
                else None,
                region_id=region.get(r["region_code"]) if r["role"] in REGION_ROLES else None,
                password=make_password(None),
            )
            # Someone with an account already (and no import id yet) is that account.
            mapping.setdefault(r["staff_id"], by_email.get(r["email"]))
            objects.append((r["staff_id"], user))
        fields = ["email", "given_name", "family_name", "role", "employment_type", "fte"]
        self._upsert(
            User,
            K.STAFF,
            objects,
            [*fields, "service_area", "region"],
            "staff.csv",
            mapping={k: v for k, v in mapping.items() if v is not None},
        )
        self._memberships(rows)

    def _memberships(self, rows):
        """Each FCA and supervisor in the team staff.csv names, from their first allocation (or
        today); a current membership of another team ends today."""
        staff = _mapping(K.STAFF)
        teams = _mapping(K.TEAM)
        first_allocation: dict[str, datetime.date] = {}
        for a in self.folder["allocations.csv"]:
            first_allocation[a["staff_id"]] = min(
                a["started_on"], first_allocation.get(a["staff_id"], a["started_on"])
            )
        wanted = {staff[r["staff_id"]]: (teams[r["team_code"]], r) for r in rows if r["team_code"]}
        current = defaultdict(list)
        for membership in TeamMembership.objects.filter(
            user_id__in=list(staff.values()), ended_on__isnull=True
        ):
            current[membership.user_id].append(membership)
        ended, new = [], []
        for user_id, (team_id, row) in wanted.items():
            if any(m.team_id == team_id for m in current[user_id]):
                continue
            for membership in current[user_id]:
                membership.ended_on = max(self.today, membership.started_on)
                ended.append(membership)
            started = min(self.today, first_allocation.get(row["staff_id"], self.today))
            new.append(TeamMembership(user_id=user_id, team_id=team_id, started_on=started))
        TeamMembership.objects.bulk_update(ended, ["ended_on"], batch_size=BATCH)
        TeamMembership.objects.bulk_create(new, batch_size=BATCH)

    # Children and their proceedings

    def children(self):
        objects = []
        for r in self.folder["children.csv"]:
            child = Child(
                legal_given_names=r["given_name"],
                legal_family_name=r["family_name"],
                preferred_name=r["preferred_name"],
                date_of_birth=r["date_of_birth"],
            )
            child.search_text = search_text_for(child)
            objects.append((r["child_id"], child))
        fields = [
            "legal_given_names",
            "legal_family_name",
            "preferred_name",
            "date_of_birth",
            "search_text",
        ]
        self._upsert(Child, K.CHILD, objects, fields, "children.csv")

    def proceedings(self):
        area = dict(ServiceArea.objects.values_list("code", "pk"))
        held = self._held_by_file()
        objects = []
        for r in self.folder["proceedings.csv"]:
            lead, team, first = held.get(r["proceedings_id"], (None, None, None))
            objects.append(
                (
                    r["proceedings_id"],
                    Proceedings(
                        service_area_id=area[r["service_area_code"]],
                        court=r["court"],
                        court_number=r["court_number"],
                        law=r["law"],
                        kind=KIND_OF[r["kind"]],
                        received_on=r["received_on"],
                        first_hearing_on=r["first_hearing_on"],
                        closed_on=r["closed_on"],
                        stage=self._stage(r),
                        lead_fca_id=lead,
                        team_id=team,
                        first_allocated_at=first,
                    ),
                )
            )
        fields = ["service_area", "court", "court_number", "law", "kind", "received_on"]
        fields += ["first_hearing_on", "closed_on", "stage"]
        pks = self._upsert(Proceedings, K.PROCEEDINGS, objects, fields, "proceedings.csv")
        self.touched_proceedings.update(pks)

    def _held_by_file(self) -> dict[str, tuple]:
        """What `lead_and_team_of_proceedings` will find, worked out from allocations.csv, so
        that new proceedings are made with it rather than updated one by one afterwards."""
        staff, team_of = _mapping(K.STAFF), self._team_of()
        allocations = defaultdict(list)
        for a in sorted(self.folder["allocations.csv"], key=lambda a: a["started_on"]):
            fca = staff[a["staff_id"]]
            ended = start_of(a["ended_on"]) if a["ended_on"] else None
            row = (a["proceedings_id"], a["kind"], fca, team_of.get(fca)) + (
                start_of(a["started_on"]),
                ended,
            )
            allocations[a["proceedings_id"]].append(row)
        return {p: _held(rows) for p, rows in allocations.items()}

    def _team_of(self) -> dict[int, int]:
        """Each member of staff's current team (the latest joined, if several)."""
        if not hasattr(self, "_teams"):
            self._teams = {}
            for user, team in (
                TeamMembership.objects.filter(ended_on__isnull=True)
                .order_by("started_on", "pk")
                .values_list("user_id", "team_id")
            ):
                self._teams[user] = team
        return self._teams

    def _stage(self, row) -> str:
        if row["closed_on"] and row["closed_on"] <= self.today:
            return Stage.CONCLUDED
        if row["first_hearing_on"] and row["first_hearing_on"] <= self.today:
            return Stage.AFTER_FIRST_HEARING
        return Stage.BEFORE_FIRST_HEARING

    def proceedings_children(self):
        proceedings, children = _mapping(K.PROCEEDINGS), _mapping(K.CHILD)
        links = [
            ProceedingsChild(
                proceedings_id=proceedings[r["proceedings_id"]], child_id=children[r["child_id"]]
            )
            for r in self.folder["proceedings_children.csv"]
        ]
        for batch in self._batches(links, "proceedings_children.csv"):
            ProceedingsChild.objects.bulk_create(batch, ignore_conflicts=True)
        self.report("proceedings_children.csv", len(links), 0)

    def allocations(self):
        proceedings, staff = _mapping(K.PROCEEDINGS), _mapping(K.STAFF)
        team_of = self._team_of()
        rows = self.folder["allocations.csv"]
        keys = _keys(rows, ("proceedings_id", "staff_id", "kind", "started_on"))
        objects = []
        for key, r in zip(keys, rows, strict=True):
            fca = staff[r["staff_id"]]
            objects.append(
                (
                    key,
                    Allocation(
                        proceedings_id=proceedings[r["proceedings_id"]],
                        fca_id=fca,
                        kind=r["kind"],
                        team_id=team_of.get(fca),
                        started_at=start_of(r["started_on"]),
                        ended_at=start_of(r["ended_on"]) if r["ended_on"] else None,
                    ),
                )
            )
        # Ended ones first, so a set of proceedings is never seen with two current leads.
        objects.sort(key=lambda pair: pair[1].ended_at is None)
        fields = ["proceedings", "fca", "kind", "team", "started_at", "ended_at"]
        self._upsert(Allocation, K.ALLOCATION, objects, fields, "allocations.csv")
        self.touched_proceedings.update(a.proceedings_id for _, a in objects)

    def lead_and_team_of_proceedings(self):
        """Each set of proceedings' lead FCA now, the team holding them and when a lead was first
        named, from its allocations (as proceedings.services keeps them for the service)."""
        touched = self.touched_proceedings
        if not touched:
            return
        allocations = defaultdict(list)
        columns = ("proceedings_id", "kind", "fca_id", "team_id", "started_at", "ended_at")
        for chunk in _chunks(sorted(touched), CHUNK):
            for row in (
                Allocation.objects.filter(proceedings_id__in=chunk)
                .order_by("started_at", "pk")
                .values_list(*columns)
            ):
                allocations[row[0]].append(row)
        fields = ("lead_fca_id", "team_id", "first_allocated_at")
        changed = []
        for chunk in _chunks(sorted(touched), CHUNK):
            for pk, *now in Proceedings.objects.filter(pk__in=chunk).values_list("pk", *fields):
                wanted = _held(allocations.get(pk, []))
                if tuple(now) != wanted:
                    changed.append(Proceedings(pk=pk, **dict(zip(fields, wanted, strict=True))))
        for batch in self._batches(changed, "proceedings (lead FCA and team)"):
            Proceedings.objects.bulk_update(batch, ["lead_fca", "team", "first_allocated_at"])

    # What happened in the proceedings

    def meetings(self):
        proceedings, children = _mapping(K.PROCEEDINGS), _mapping(K.CHILD)
        rows = self.folder["meetings.csv"]
        keys = _keys(rows, ("child_id", "proceedings_id", "met_on", "method"))
        objects = []
        for key, r in zip(keys, rows, strict=True):
            method, place = METHOD_OF[r["method"]]
            meeting = Meeting(
                child_id=children[r["child_id"]],
                proceedings_id=proceedings[r["proceedings_id"]],
                occurred_at=start_of(r["met_on"]),
                method=method,
                place=place,
                recorded_at=self.now,
            )
            objects.append((key, meeting))
        fields = ["child", "proceedings", "occurred_at", "method", "place"]
        self._upsert(Meeting, K.MEETING, objects, fields, "meetings.csv")

    def audits(self):
        proceedings, children, staff = (
            _mapping(K.PROCEEDINGS),
            _mapping(K.CHILD),
            _mapping(K.STAFF),
        )
        rows = self.folder["audits.csv"]
        columns = ("child_id", "proceedings_id", "auditor_staff_id", "fca_staff_id", "audited_on")
        objects = [
            (
                key,
                Audit(
                    child_id=children[r["child_id"]],
                    proceedings_id=proceedings[r["proceedings_id"]],
                    auditor_id=staff[r["auditor_staff_id"]],
                    fca_id=staff[r["fca_staff_id"]],
                    audited_on=r["audited_on"],
                    grade=r["grade"],
                ),
            )
            for key, r in zip(_keys(rows, columns), rows, strict=True)
        ]
        fields = ["child", "proceedings", "auditor", "fca", "audited_on", "grade"]
        self._upsert(Audit, K.AUDIT, objects, fields, "audits.csv")

    def feedback(self):
        rows = self.folder["feedback.csv"]
        if not rows:
            return
        proceedings, staff = _mapping(K.PROCEEDINGS), _mapping(K.STAFF)
        wanted = sorted({proceedings[r["proceedings_id"]] for r in rows})
        area_of, first_child = {}, {}
        for chunk in _chunks(wanted, CHUNK):
            area_of.update(
                Proceedings.objects.filter(pk__in=chunk).values_list("pk", "service_area_id")
            )
            # The feedback is about the work with the children of the proceedings: the
            # invitation names the first of them (the service's invitations name one child).
            for p, c, born in (
                ProceedingsChild.objects.filter(proceedings_id__in=chunk)
                .order_by("child_id")
                .values_list("proceedings_id", "child_id", "child__date_of_birth")
            ):
                first_child.setdefault(p, (c, born))
        team_of = self._team_of()
        keys = _keys(rows, ("proceedings_id", "staff_id", "respondent", "submitted_on"))
        mapping = _mapping(K.FEEDBACK)
        fields = ["audience", "answered_at", "fca", "team", "service_area", "listened", *NOT_ASKED]
        columns = [FeedbackResponse._meta.get_field(f).attname for f in fields]
        existing = {}
        for chunk in _chunks(sorted(set(mapping.values())), CHUNK):
            for pk, *values in FeedbackResponse.objects.filter(pk__in=chunk).values_list(
                "pk", *columns
            ):
                existing[pk] = tuple(values)
        invitations, responses, updated, unchanged = [], [], [], 0
        for key, r in zip(keys, rows, strict=True):
            p = proceedings[r["proceedings_id"]]
            fca = staff[r["staff_id"]]
            child, born = first_child[p]
            at = start_of(r["submitted_on"])
            audience = _audience(r["respondent"], born, r["submitted_on"])
            place = {"fca_id": fca, "team_id": team_of.get(fca), "service_area_id": area_of[p]}
            answers = {"listened": LISTENED_OF[r["felt_listened_to"]]}
            answers.update(dict.fromkeys(NOT_ASKED, Answer.DONT_KNOW))
            pk = mapping.get(key)
            if pk in existing:
                response = FeedbackResponse(
                    pk=pk, audience=audience, answered_at=at, **place, **answers
                )
                if tuple(getattr(response, c) for c in columns) != existing[pk]:
                    updated.append(response)
                else:
                    unchanged += 1
                continue
            invitation = FeedbackInvitation(
                token=new_token(),
                audience=audience,
                source=Source.IMPORTED,
                source_id=uuid.uuid4(),
                child_id=child,
                created_at=at,
                expires_at=at,
                **place,
            )
            invitations.append(invitation)
            responses.append(
                (key, FeedbackResponse(audience=audience, answered_at=at, **place, **answers))
            )
        # Each link has a short code of its own, as every link must (none is ever printed).
        for invitation, code in zip(invitations, new_codes(len(invitations)), strict=True):
            invitation.code = code
        for batch in self._batches(invitations, "feedback.csv (links)"):
            FeedbackInvitation.objects.bulk_create(batch)
        for invitation, (_, response) in zip(invitations, responses, strict=True):
            response.invitation_id = invitation.pk
        for batch in self._batches([r for _, r in responses], "feedback.csv"):
            FeedbackResponse.objects.bulk_create(batch)
        FeedbackResponse.objects.bulk_update(updated, fields, batch_size=BATCH)
        self._remember(K.FEEDBACK, [(key, r.pk) for key, r in responses])
        if responses or updated:
            feedback_summary_rebuild()
        self.report("feedback.csv", len(responses), len(updated), unchanged)

    # Saving in bulk

    def _upsert(self, model, kind, objects, fields, name, *, mapping=None) -> list[int]:
        """Save (id, unsaved object) pairs: the objects whose id an earlier import made are
        updated in place, the others made, and every id remembered. Returns the primary keys."""
        mapping = _mapping(kind) if mapping is None else mapping
        pairs = [(mapping.get(external_id), obj) for external_id, obj in objects]
        self._save(model, pairs, fields, name)
        # Only ids new to the table (or whose record was made again) are written.
        self._remember(kind, [(e, obj.pk) for e, obj in objects if mapping.get(e) != obj.pk])
        return [obj.pk for _, obj in objects]

    def _save(self, model, pairs, fields, name) -> None:
        """Save (primary key or None, unsaved object) pairs: make the ones without a record,
        and update the others where a field changed (a second run of the same files writes
        nothing but what changed)."""
        columns = [model._meta.get_field(f).attname for f in fields]
        current = {}
        wanted = sorted({pk for pk, _ in pairs if pk is not None})
        for chunk in _chunks(wanted, CHUNK):
            for row in model.objects.filter(pk__in=chunk).values_list("pk", *columns):
                current[row[0]] = row[1:]
        new, changed, unchanged = [], [], 0
        for pk, obj in pairs:
            if pk in current:
                obj.pk = pk
                if tuple(getattr(obj, c) for c in columns) != current[pk]:
                    changed.append(obj)
                else:
                    unchanged += 1
            else:
                new.append(obj)
        for batch in self._batches(new, name):
            model.objects.bulk_create(batch)
        for batch in _chunks(changed, BATCH):
            model.objects.bulk_update(batch, fields)
        self.report(name, len(new), len(changed), unchanged)

    def _remember(self, kind, pairs: list[tuple[str, int]]) -> None:
        records = [ImportedRecord(kind=kind, external_id=e, record_id=pk) for e, pk in pairs]
        for batch in _chunks(records, BATCH):
            ImportedRecord.objects.bulk_create(
                batch,
                update_conflicts=True,
                unique_fields=["kind", "external_id"],
                update_fields=["record_id", "imported_at"],
            )

    def _batches(self, items: list, name: str) -> Iterable[list]:
        done = 0
        for batch in _chunks(items, BATCH):
            yield batch
            before, done = done, done + len(batch)
            if len(items) >= PROGRESS_EVERY and done // PROGRESS_EVERY > before // PROGRESS_EVERY:
                self.progress(f"{name}: {done:,} of {len(items):,} saved")


def _held(allocations: list[tuple]) -> tuple:
    """A set of proceedings' lead FCA now, the team holding them and the first lead's start,
    from its allocations (proceedings id, kind, fca, team, started, ended), oldest first."""
    leads = [a for a in allocations if a[1] == Allocation.Kind.LEAD]
    current = [a for a in allocations if a[5] is None]
    current_lead = [a for a in current if a[1] == Allocation.Kind.LEAD]
    holding = current_lead or current
    return (
        current_lead[-1][2] if current_lead else None,
        holding[-1][3] if holding else None,
        leads[0][4] if leads else None,
    )


def _mapping(kind: str) -> dict[str, int]:
    return dict(ImportedRecord.objects.filter(kind=kind).values_list("external_id", "record_id"))


def _keys(rows: list[dict], columns: tuple[str, ...]) -> list[str]:
    """The id of each row without one of its own: its key columns, and which repeat of them it is
    in its file (a child met twice on one day the same way has two meetings)."""
    seen: Counter = Counter()
    keys = []
    for r in rows:
        base = "|".join(str(r[c]) for c in columns)
        seen[base] += 1
        keys.append(f"{base}#{seen[base]}")
    return keys


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _audience(respondent: str, born: datetime.date, on: datetime.date) -> str:
    if respondent == "parent_carer":
        return Audience.PARENT_CARER
    if respondent == "professional":
        return Audience.PROFESSIONAL
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return Audience.OLDER_CHILD if age >= OLDER_CHILD_FROM_AGE else Audience.YOUNGER_CHILD
