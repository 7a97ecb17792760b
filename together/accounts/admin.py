"""Staff accounts in the admin site: who works where and in what role, lock-outs, and the outbox
of emails kept instead of sent outside production.

Every change is an audit event (AuditedAdminMixin); a change to someone's role, service area,
region or teams is also listed for the managers of the places concerned. A password hash is never
shown. Two actions, each asked for first and logged: reset someone's password (it stops working
and they are emailed a link) and sign someone out everywhere. A new account has no password: its
owner is emailed a link to choose one.

Django's groups and django-axes's sign-in logs are taken out of the admin site: roles are data on
the account, not groups (docs/adr/0002), and signing in and out is in the audit log.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.template.defaultfilters import urlize
from django.template.response import TemplateResponse
from django.utils.html import format_html

from together.audit.admin import HIDDEN_FIELDS, AuditedAdminMixin
from together.organisation.admin import places_concerned
from together.organisation.models import TeamMembership

from . import services
from .models import OutboxEmail, User

for _model in (Group, AccessLog, AccessFailureLog, AccessAttempt):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


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
            services.new_account_email_send(user=obj)

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
            do=services.user_password_reset_force,
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
            do=services.user_sessions_end,
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


@admin.register(AccessAttempt)
class LockOutAdmin(AuditedAdminMixin, AccessAttemptAdmin):
    """django-axes's wrong-password counts. Deleting one lifts that lock-out, and is logged."""

    audit_hidden_fields = HIDDEN_FIELDS | {"get_data", "post_data", "http_accept"}
    # "Clean up expired attempts" deletes without going through the admin's log; deleting the
    # selected attempts does the same job and is recorded.
    actions = []


@admin.register(OutboxEmail)
class OutboxAdmin(admin.ModelAdmin):
    """The emails the service would have sent, outside production (no mail server there). They
    hold working password reset links, which is the point on a demo; production sends real
    email and this stays empty (EMAIL_URL)."""

    list_display = ["sent_at", "to", "subject"]
    search_fields = ["to", "subject"]
    date_hierarchy = "sent_at"
    fields = ["sent_at", "from_email", "to", "subject", "message"]
    readonly_fields = fields

    @admin.display(description="Message")
    def message(self, email):
        # Links made clickable, so a reset link can be followed from here on a demo. The template
        # filter escapes the rest of the text and marks the result safe.
        return format_html("<pre>{}</pre>", urlize(email.body, autoescape=True))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
