"""The organisation in the admin site. Every change is an audit event (AuditedAdminMixin) that
names the service areas and regions it concerns, so their managers see it on the staff changes
page (organisation.selectors.staff_changes_page)."""

from django.contrib import admin

from together.accounts.models import User
from together.audit.admin import AuditedAdminMixin

from .models import Region, ServiceArea, Team, TeamMembership

# What about a member of staff, changed, concerns the managers of where they work.
PLACE_FIELDS = ("role", "service_area_id", "region_id", "is_active")


def places_concerned(before, after) -> dict[str, dict[str, str]] | None:
    """The service areas and regions a change to the organisation concerns, before and after it,
    as {"areas": {uuid: name}, "regions": {uuid: name}}; None for a change to a member of staff that
    leaves their role and place alone (their pronouns, say).

    The keys are UUIDs, never bare numbers: a JSON path reads a key of digits as a position in a
    list (Django's has_key on SQLite), so "12" would not find the area with id 12."""
    objs = [obj for obj in (before, after) if obj is not None]
    areas: dict[str, str] = {}
    regions: dict[str, str] = {}

    def add_area(area):
        if area is not None:
            areas[str(area.uuid)] = area.name
            add_region(area.region)

    def add_region(region):
        if region is not None:
            regions[str(region.uuid)] = region.name

    for obj in objs:
        if isinstance(obj, TeamMembership):
            add_area(obj.team.service_area)
        elif isinstance(obj, Team):
            add_area(obj.service_area)
        elif isinstance(obj, ServiceArea):
            add_area(obj)
        elif isinstance(obj, Region):
            add_region(obj)
        elif isinstance(obj, User):
            if (
                before is not None
                and after is not None
                and all(getattr(before, f) == getattr(after, f) for f in PLACE_FIELDS)
            ):
                return None
            add_area(obj.service_area)
            add_region(obj.region)
            for membership in obj.team_memberships.filter(ended_on__isnull=True):
                add_area(membership.team.service_area)
        else:
            return None
    return {"areas": areas, "regions": regions}


class OrganisationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    def audit_scope(self, before, after):
        return places_concerned(before, after)


@admin.register(Region)
class RegionAdmin(OrganisationAdmin):
    list_display = ["name", "code"]


@admin.register(ServiceArea)
class ServiceAreaAdmin(OrganisationAdmin):
    list_display = ["name", "code", "region", "in_prioritisation"]
    list_filter = ["region", "in_prioritisation"]


@admin.register(Team)
class TeamAdmin(OrganisationAdmin):
    list_display = ["name", "service_area", "kind"]
    list_filter = ["kind", "service_area__region"]
    search_fields = ["name", "service_area__name"]
    list_select_related = ["service_area"]


@admin.register(TeamMembership)
class TeamMembershipAdmin(OrganisationAdmin):
    list_display = ["user", "team", "started_on", "ended_on"]
    list_select_related = ["user", "team"]
    raw_id_fields = ["user", "team"]
