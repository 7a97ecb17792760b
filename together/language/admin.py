"""The glossary's editing page (system administrators, in the admin site). Every change goes
through the services, so it is logged and takes effect on the next check in every process; the
admin site's own record of it (AuditedAdminMixin) adds each field's value before and after.

Authors' confirmations (LanguageConfirmation) are not here: they quote what was written about a
child, and system administrators may not see children's records."""

from django import forms
from django.contrib import admin

from together.audit.admin import AuditedAdminMixin

from . import services
from .models import GlossaryTerm


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "alternatives", "reason", "category", "inflect", "active"]
        widgets = {"alternatives": forms.Textarea(attrs={"rows": 3})}


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(AuditedAdminMixin, admin.ModelAdmin):
    form = GlossaryTermForm
    list_display = ["term", "category", "short_alternatives", "active", "updated_at", "updated_by"]
    list_filter = ["category", "active", "inflect"]
    search_fields = ["term", "alternatives", "reason"]
    readonly_fields = ["updated_at", "updated_by"]
    actions = ["switch_off", "switch_on"]

    @admin.display(description="Alternatives")
    def short_alternatives(self, obj):
        return "; ".join(obj.alternatives_list)

    def save_model(self, request, obj, form, change):
        services.glossary_term_save(by=request.user, term=obj)

    def delete_model(self, request, obj):
        services.glossary_term_delete(by=request.user, term=obj)

    def delete_queryset(self, request, queryset):
        for term in queryset:
            services.glossary_term_delete(by=request.user, term=term)

    @admin.action(description="Stop flagging the selected terms")
    def switch_off(self, request, queryset):
        for term in queryset.filter(active=True):
            term.active = False
            services.glossary_term_save(by=request.user, term=term)

    @admin.action(description="Flag the selected terms again")
    def switch_on(self, request, queryset):
        for term in queryset.filter(active=False):
            term.active = True
            services.glossary_term_save(by=request.user, term=term)
