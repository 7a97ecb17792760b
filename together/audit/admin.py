from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log can be searched, never changed."""

    list_display = ["occurred_at", "action", "actor", "actor_label", "object_type", "ip_address"]
    list_filter = ["action"]
    search_fields = ["actor_label", "object_id", "request_id"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
