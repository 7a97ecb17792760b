"""Feedback links in the admin site: read only, and never the answers' words."""

from django.contrib import admin

from .models import FeedbackInvitation


@admin.register(FeedbackInvitation)
class FeedbackInvitationAdmin(admin.ModelAdmin):
    list_display = ["uuid", "audience", "source", "created_at", "expires_at"]
    list_filter = ["audience", "source"]
    readonly_fields = [f.name for f in FeedbackInvitation._meta.fields if f.name != "token"]
    exclude = ["token"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
