"""Proceedings in the admin site: for looking things up. Changes go through the service's own
pages, whose services write the audit log and the children's timelines."""

from django.contrib import admin

from .models import Allocation, Hearing, Party, Proceedings, ProceedingsChild


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ChildInline(ReadOnlyInline):
    model = ProceedingsChild
    fields = ["child"]
    readonly_fields = fields


class PartyInline(ReadOnlyInline):
    model = Party
    fields = ["person", "role"]
    readonly_fields = fields


class HearingInline(ReadOnlyInline):
    model = Hearing
    fields = ["kind", "starts_at", "outcome"]
    readonly_fields = fields


class AllocationInline(ReadOnlyInline):
    model = Allocation
    fields = ["fca", "team", "allocated_by", "started_at", "ended_at"]
    readonly_fields = fields


@admin.register(Proceedings)
class ProceedingsAdmin(ReadOnlyAdmin):
    list_display = ["court_number", "court", "kind", "stage", "service_area", "received_on"]
    list_filter = ["law", "kind", "stage", "service_area__region"]
    search_fields = ["court_number"]
    date_hierarchy = "received_on"
    list_select_related = ["service_area"]
    inlines = [ChildInline, PartyInline, HearingInline, AllocationInline]


@admin.register(Allocation)
class AllocationAdmin(ReadOnlyAdmin):
    list_display = ["proceedings", "fca", "team", "started_at", "ended_at"]
    list_select_related = ["proceedings", "fca", "team"]
    search_fields = ["proceedings__court_number"]
