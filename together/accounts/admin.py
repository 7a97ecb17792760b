"""Accounts in the admin site: lock-outs (lifting one is an audit event), and the outbox of
emails kept instead of sent outside production. Staff themselves are in organisation/admin.py,
with the teams they work in.

Django's groups and django-axes's sign-in logs are taken out of the admin site: roles are data on
the account, not groups (docs/adr/0002), and signing in and out is in the audit log.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.template.defaultfilters import urlize
from django.utils.html import format_html

from together.audit.admin import HIDDEN_FIELDS, AuditedAdminMixin

from .models import OutboxEmail

for _model in (Group, AccessLog, AccessFailureLog, AccessAttempt):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


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
