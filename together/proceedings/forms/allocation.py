"""The form for choosing the lead Family Court Adviser."""

from django import forms


class AllocateForm(forms.Form):
    fca = forms.ChoiceField(
        label="Who will be the lead Family Court Adviser?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a Family Court Adviser",
            "invalid_choice": "Choose one of the Family Court Advisers listed",
        },
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "This page is out of date. Reload it and choose again.",
            "invalid": "This page is out of date. Reload it and choose again.",
        },
    )

    def __init__(self, *args, caseloads, **kwargs):
        super().__init__(*args, **kwargs)
        self.caseloads = caseloads
        self.fields["fca"].choices = [(str(c.fca.uuid), c.fca.full_name) for c in caseloads]

    def chosen_caseload(self):
        chosen = self.cleaned_data["fca"]
        return next(c for c in self.caseloads if str(c.fca.uuid) == chosen)

    def chosen_fca(self):
        return self.chosen_caseload().fca
