"""Writing the organisation: regions, service areas, teams, staff and their team memberships."""

import datetime
from collections import defaultdict

from django.contrib.auth.hashers import make_password

from together.accounts.models import REGION_ROLES, SERVICE_AREA_ROLES, TEAM_ROLES, User
from together.organisation.models import Region, ServiceArea, Team, TeamMembership

from .saving import BATCH, K, _mapping, _Saving


class _Organisation(_Saving):
    """The steps for the organisation's files: regions, service areas, teams and staff."""

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
