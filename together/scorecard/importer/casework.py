"""Writing children and their proceedings: links, allocations, and each set's lead and team."""

from collections import defaultdict

from together.children.models import Child
from together.children.services import search_text_for
from together.organisation.models import ServiceArea
from together.proceedings.models import Allocation, Kind, Proceedings, ProceedingsChild, Stage

from ..dates import start_of
from .saving import CHUNK, K, _chunks, _keys, _mapping, _Saving

KIND_OF = {
    "s31": Kind.CARE_S31,
    "private_pre_first_hearing": Kind.PRIVATE_FIRST_HEARING,
    "s7": Kind.SECTION_7,
    "r16_4": Kind.RULE_16_4,
    "other": Kind.OTHER,
}


class _Casework(_Saving):
    """The steps for children, proceedings, the links between them and allocations."""

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
