"""Forms of the home pages."""

from django import forms


class ReviewForm(forms.Form):
    """The end of a plan's read-through: agree it, or send it back with comments."""

    decision = forms.ChoiceField(
        choices=[("agree", "Agree"), ("send-back", "Send back with comments")],
        error_messages={"required": "Choose whether to agree the plan or send it back"},
    )
    comment = forms.CharField(
        label="Comments (needed to send the plan back)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Comments must be 5,000 characters or fewer"},
    )
