"""Every change made in the admin site goes into the audit log (AuditedAdminMixin).

The audit log itself is deliberately not in the admin site: its events name the children whose
files were opened, and system administrators may not see children's records (children.rules).
"""

import datetime
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst

from .models import Action, AuditEvent
from .services import audit_event_record

# Never written into the log: secrets, and counters that only say "something changed".
HIDDEN_FIELDS = frozenset({"password", "version", "session_generation", "last_login"})


class Change(models.TextChoices):
    ADDED = "added", "Added"
    CHANGED = "changed", "Changed"
    DELETED = "deleted", "Deleted"


def admin_change_record(
    *,
    by,
    change: Change,
    before: models.Model | None,
    after: models.Model | None,
    scope: dict[str, dict[str, str]] | None = None,
    hidden: frozenset[str] = HIDDEN_FIELDS,
) -> AuditEvent | None:
    """Record one change made in the admin site: who, to what, and each field's value before and
    after it (shown as the admin site shows them). `before` is None for an addition, `after` for a
    deletion. A change that changed nothing records nothing.

    `scope` names the service areas and regions the change concerns, as {"areas": {uuid: name},
    "regions": {uuid: name}}, so their managers can be shown it (organisation.selectors).
    """
    obj = after if after is not None else before
    fields = _field_changes(type(obj), before, after, hidden)
    if change == Change.CHANGED and not fields:
        return None
    detail: dict[str, Any] = {
        "change": str(change),
        "model": str(obj._meta.verbose_name),
        "object": str(obj),
        "fields": fields,
    }
    if scope is not None:
        detail["areas"] = scope.get("areas", {})
        detail["regions"] = scope.get("regions", {})
    return audit_event_record(by=by, action=Action.ADMIN_CHANGE, obj=obj, detail=detail)


class AuditedAdminMixin:
    """For a ModelAdmin: each addition, change and deletion it makes is an ADMIN_CHANGE event.

    It works through the admin's documented hooks, so it holds for the change form, the list's
    editable columns, inlines, the delete page and the "delete selected" action, whatever a
    subclass does in save_model: the values before are read from the database when the form is
    saved (save_form), and the event is written when the admin logs the change (log_addition,
    log_change, log_deletions), inside the admin's own transaction. Inline objects are recorded as
    they are saved (save_formset), with the scope of their own model's admin if it has one.
    """

    audit_hidden_fields: frozenset[str] = HIDDEN_FIELDS

    def audit_scope(self, before, after) -> dict[str, dict[str, str]] | None:
        """The service areas and regions a change concerns, for their managers; None if none."""
        return None

    def save_form(self, request, form, change):
        if change and form.instance.pk is not None:
            _values_before(request)[id(form.instance)] = _fresh(form.instance)
        return super().save_form(request, form, change)

    def log_addition(self, request, obj, message):
        self._record(request, Change.ADDED, None, _fresh(obj))
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        before = _values_before(request).pop(id(obj), None)
        if before is not None:
            self._record(request, Change.CHANGED, before, _fresh(obj))
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        # Called just before the objects are deleted. The delete page runs inside a transaction;
        # "delete selected" does not, so one is opened here for the events and Django's own log.
        with transaction.atomic():
            for obj in queryset:
                self._record(request, Change.DELETED, obj, None)
            return super().log_deletions(request, queryset)

    def save_formset(self, request, form, formset, change):
        before = {
            id(f.instance): _fresh(f.instance)
            for f in formset.initial_forms
            if f.instance.pk is not None and (f.has_changed() or f in formset.deleted_forms)
        }
        super().save_formset(request, form, formset, change)
        scope = self._scope_for(formset.model)
        for obj in formset.new_objects:
            self._record(request, Change.ADDED, None, _fresh(obj), scope)
        for obj, _fields in formset.changed_objects:
            self._record(request, Change.CHANGED, before[id(obj)], _fresh(obj), scope)
        for obj in formset.deleted_objects:
            self._record(request, Change.DELETED, before[id(obj)], None, scope)

    def _record(self, request, change, before, after, scope=None):
        scope = scope or self.audit_scope
        admin_change_record(
            by=request.user,
            change=change,
            before=before,
            after=after,
            scope=scope(before, after),
            hidden=self.audit_hidden_fields,
        )

    def _scope_for(self, model):
        """An inline's objects take the scope of their own model's admin, if it is registered."""
        if self.admin_site.is_registered(model):
            model_admin = self.admin_site.get_model_admin(model)
            if isinstance(model_admin, AuditedAdminMixin):
                return model_admin.audit_scope
        return lambda before, after: None


def _values_before(request) -> dict[int, models.Model]:
    """The saved versions of the objects this request is changing, until the change is logged."""
    if not hasattr(request, "together_admin_before"):
        request.together_admin_before = {}
    return request.together_admin_before


def _fresh(obj: models.Model) -> models.Model:
    """The object as the database holds it, whatever the form or a service did to the instance."""
    return type(obj)._default_manager.get(pk=obj.pk)


def _field_changes(model, before, after, hidden) -> list[dict[str, str]]:
    changes = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in hidden:
            continue
        old = _shown(before, field)
        new = _shown(after, field)
        if old != new:
            changes.append(
                {
                    "name": field.name,
                    "label": capfirst(str(field.verbose_name)),
                    "before": old,
                    "after": new,
                }
            )
    return changes


def _shown(obj, field) -> str:
    """A field's value in words, as a person reads it (the name of a team, not its id)."""
    if obj is None:
        return ""
    if field.is_relation:
        related = getattr(obj, field.name)
        return "" if related is None else str(related)
    value = field.value_from_object(obj)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
