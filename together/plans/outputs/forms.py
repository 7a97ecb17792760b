"""Forms for sharing the plan, recording responses, choosing versions to compare and printing."""

from django import forms

from together.core.forms import DateField, text_field

from ..documents import PRINT_REASONS
from ..models import RecipientKind, ShareMethod

YES_NO = [("yes", "Yes"), ("no", "No")]


def _choice(label, choices, message, *, required=True, help_text=""):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        required=required,
        help_text=help_text,
        error_messages={"required": message, "invalid_choice": message},
    )


class ShareForm(forms.Form):
    """Who the plan was shared with, and when and how, or why not."""

    recipient = _choice("Who is this about?", [], "Choose who this is about")
    recipient_name = text_field(
        "Their name and role",
        max_length=200,
        name="Their name",
        help_text="For example, Sam Patel, social worker at Northtown Council",
        required=False,
    )
    shared = _choice("Was the plan shared with them?", YES_NO, "Say whether it was shared")
    shared_on = DateField(
        label="When was it shared?",
        label_for_errors="the date it was shared",
        help_text="For example, 14 10 2026",
        required=False,
    )
    method = _choice(
        "How was it shared?", ShareMethod.choices, "Choose how it was shared", required=False
    )
    not_shared_reason = text_field(
        "If it was not shared, why not?",
        max_length=5000,
        rows=3,
        name="Why it was not shared",
        help_text="For example, to keep the child safe",
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, child, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.parents = {str(c.person.uuid): c for c in parents}
        choices = [(RecipientKind.CHILD.value, child.preferred_name)]
        choices += [
            (f"parent:{uuid}", f"{c.person} ({c.get_relationship_display().lower()})")
            for uuid, c in self.parents.items()
        ]
        choices += [
            (RecipientKind.LOCAL_AUTHORITY.value, "The local council's social worker"),
            (RecipientKind.OTHER_PROFESSIONAL.value, "Someone else"),
        ]
        self.fields["recipient"].choices = choices

    def clean(self):
        data = super().clean()
        recipient = data.get("recipient") or ""
        if recipient.startswith("parent:"):
            data["recipient_kind"] = RecipientKind.PARENT_CARER
            data["family_member"] = self.parents[recipient.removeprefix("parent:")].person
        else:
            data["recipient_kind"] = recipient
            data["family_member"] = None
        professional = (RecipientKind.LOCAL_AUTHORITY, RecipientKind.OTHER_PROFESSIONAL)
        if recipient in professional and not (data.get("recipient_name") or "").strip():
            self.add_error("recipient_name", "Enter their name and role")
        if data.get("shared") == "yes":
            if not data.get("shared_on") and "shared_on" not in self.errors:
                self.add_error("shared_on", "Enter the date it was shared")
            if not data.get("method"):
                self.add_error("method", "Choose how it was shared")
        elif data.get("shared") == "no" and not (data.get("not_shared_reason") or "").strip():
            self.add_error("not_shared_reason", "Explain why it was not shared")
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        shared = data["shared"] == "yes"
        return {
            "recipient_kind": data["recipient_kind"],
            "family_member": data["family_member"],
            "recipient_name": data.get("recipient_name", "")
            if data["family_member"] is None
            else "",
            "shared": shared,
            "shared_on": data.get("shared_on") if shared else None,
            "method": data.get("method", "") if shared else "",
            "not_shared_reason": "" if shared else data.get("not_shared_reason", ""),
        }


class ResponseForm(forms.Form):
    """What someone said about the plan, in their own words."""

    response = text_field(
        "What did they say?",
        max_length=20_000,
        rows=6,
        required=True,
        name="What they said",
        help_text="Write it in their own words",
    )
    about_recommendations = _choice(
        "Is this about the recommendations?", YES_NO, "Say whether it is about the recommendations"
    )
    recorded_on = DateField(
        label="When did they say it?",
        label_for_errors="the date they responded",
        help_text="For example, 14 10 2026",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class PrintForm(forms.Form):
    """Why someone is printing or downloading the plan (every print is logged)."""

    reason = _choice("Why are you printing this?", PRINT_REASONS, "Say why you are printing this")
    reason_other = text_field(
        "Tell us why", max_length=300, name="Why you are printing this", required=False
    )
    size = forms.ChoiceField(
        choices=[("standard", "standard"), ("large", "large")],
        required=False,
        widget=forms.HiddenInput,
    )

    def clean(self):
        data = super().clean()
        if data.get("reason") == "other" and not (data.get("reason_other") or "").strip():
            self.add_error("reason_other", "Say why you are printing this")
        return data

    def reason_text(self) -> str:
        data = self.cleaned_data
        label = dict(PRINT_REASONS)[data["reason"]]
        if data["reason"] == "other":
            return f"{label}: {data['reason_other'].strip()}"
        return label
