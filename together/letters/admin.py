"""The letter templates in the admin site, read-only: a change makes a new version, through
services.letter_template_update, so letters keep the version they started from."""

from django.contrib import admin

from .models import LetterTemplate


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "style", "service_area", "version", "is_current")
    list_filter = ("kind", "style", "is_current")
    readonly_fields = [f.name for f in LetterTemplate._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
