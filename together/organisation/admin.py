"""The organisation in the admin site. Every change is an audit event (AuditedAdminMixin) that
names the service areas and regions it concerns, so their managers see it on the staff changes
page (organisation.selectors.staff_changes_page)."""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template.response import TemplateResponse

from together.accounts import services as account_services
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


# Staff in the admin site: here rather than in accounts, because where someone works (their
# teams) is the organisation's, and accounts sits below it (docs/adr/0011).
class TeamMembershipInline(admin.TabularInline):
    model = TeamMembership
    fields = ["team", "started_on", "ended_on"]
    autocomplete_fields = ["team"]
    extra = 0
    verbose_name = "team"
    verbose_name_plural = "teams"


@admin.register(User)
class StaffAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["full_name", "email", "role", "service_area", "region", "is_active"]
    list_filter = ["role", "is_active", "service_area", "region"]
    list_select_related = ["service_area", "region"]
    search_fields = ["email", "given_name", "family_name"]
    ordering = ["family_name", "given_name"]
    fieldsets = [
        (None, {"fields": ["email", "given_name", "family_name", "is_active"]}),
        (
            "Role and place",
            {"fields": ["role", "service_area", "region", "employment_type", "fte"]},
        ),
        ("What children and families read about them", {"fields": ["pronouns", "about_me"]}),
        ("Signing in", {"fields": ["password_state", "last_login", "date_joined"]}),
    ]
    readonly_fields = ["password_state", "last_login", "date_joined"]
    inlines = [TeamMembershipInline]
    actions = ["force_password_reset", "end_sessions"]

    @admin.display(description="Name", ordering="family_name")
    def full_name(self, user):
        return user.full_name

    @admin.display(description="Password")
    def password_state(self, user):
        # Whether there is one, never the hash.
        if user.pk is None:
            return "They choose their own, from a link sent to their email address when you save."
        if user.has_usable_password():
            return "Set"
        return "Not set: they choose one from the link in their email"

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1  # a profile edit started before this change is then refused
            super().save_model(request, obj, form, change)
        else:
            obj.set_unusable_password()
            super().save_model(request, obj, form, change)
            account_services.new_account_email_send(user=obj)

    @admin.action(description="Reset the password of the selected staff")
    def force_password_reset(self, request, queryset):
        return self._confirmed_action(
            request,
            queryset,
            action="force_password_reset",
            title="Reset their password?",
            explanation=(
                "Their password stops working now, and they are signed out everywhere. They are "
                "sent an email with a link to choose a new one."
            ),
            button="Yes, reset their password",
            do=account_services.user_password_reset_force,
            done="Password reset and email sent for {count} member(s) of staff.",
        )

    @admin.action(description="Sign the selected staff out everywhere")
    def end_sessions(self, request, queryset):
        return self._confirmed_action(
            request,
            queryset,
            action="end_sessions",
            title="Sign them out everywhere?",
            explanation=(
                "Every session they have open ends at its next request. Their password still "
                "works, so they can sign in again."
            ),
            button="Yes, sign them out",
            do=account_services.user_sessions_end,
            done="Signed out everywhere: {count} member(s) of staff.",
        )

    def _confirmed_action(self, request, queryset, *, action, title, explanation, button, do, done):
        """Ask first (like Django's own "delete selected"), then do it to each person."""
        users = list(queryset)
        if request.POST.get("post") == "yes":
            for user in users:
                do(by=request.user, user=user)
            self.message_user(request, done.format(count=len(users)), messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "explanation": explanation,
            "button": button,
            "action": action,
            "users": users,
            "opts": self.opts,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/accounts/user/confirm_action.html", context)

    def audit_scope(self, before, after):
        return places_concerned(before, after)

    # Accounts are closed (is_active), never deleted: the audit log and allocations refer to them.
    def has_delete_permission(self, request, obj=None):
        return False
