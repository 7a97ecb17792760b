"""Forms for storyboards: starting one, a panel's words, its pictures, an upload, sharing, the
child's response and the worker's reflection."""

from django import forms
from django.utils import timezone

from together.core.forms import DateField, SubmitOnceForm
from together.language.forms import LanguageCheckMixin

from .models import SharedHow
from .prompts import PROMPTS
from .services.drawings import UPLOAD_MAX_BYTES


class StoryboardStartForm(SubmitOnceForm):
    title = forms.CharField(
        label="Give the storyboard a name",
        help_text="For example: Jayden's story. The child will see it.",
        max_length=200,
        error_messages={
            "required": "Enter a name for the storyboard",
            "max_length": "The name must be 200 characters or fewer",
        },
    )
    prompts = forms.MultipleChoiceField(
        label="Which parts of the story do you want to start from?",
        help_text="Each one starts a panel. You can change the words, and add or remove panels.",
        choices=[(prompt.key, prompt.heading) for prompt in PROMPTS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one part of the story to start from"},
    )
    also_for = forms.MultipleChoiceField(
        label="Is it also for their brothers or sisters? (optional)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the brothers and sisters given"},
    )

    def __init__(self, *args, siblings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.siblings = {str(child.uuid): child for child in siblings}
        self.fields["also_for"].choices = [
            (key, child.preferred_name) for key, child in self.siblings.items()
        ]

    def chosen_siblings(self):
        return [self.siblings[key] for key in self.cleaned_data.get("also_for", [])]


class PanelForm(LanguageCheckMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    prompt = forms.CharField(
        label="Heading",
        max_length=200,
        required=False,
        error_messages={"max_length": "The heading must be 200 characters or fewer"},
    )
    words = forms.CharField(
        label="Words for the child",
        help_text="A few short sentences. Name people as the child does.",
        max_length=2_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "The words must be 2,000 characters or fewer"},
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class PicturesForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    pictures = forms.MultipleChoiceField(required=False)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pictures"].choices = choices
        self.fields["pictures"].error_messages["invalid_choice"] = (
            "Choose pictures from the library"
        )


class DrawingForm(SubmitOnceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    image = forms.FileField(
        label="Upload the picture",
        help_text="A JPG or PNG, smaller than 10MB. We take out where and when it was taken.",
        error_messages={
            "required": "Choose a picture to upload",
            "empty": "The file is empty. Choose another picture",
        },
    )
    description = forms.CharField(
        label="What does the picture show?",
        help_text="For someone who cannot see it. For example: Jayden's drawing of his family.",
        max_length=300,
        error_messages={
            "required": "Say what the picture shows, for someone who cannot see it",
            "max_length": "What the picture shows must be 300 characters or fewer",
        },
    )
    agreed = forms.BooleanField(
        label="The child or family agreed to use this picture",
        error_messages={"required": "Only upload a picture the child or family agreed to use"},
    )

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError("The picture must be smaller than 10MB")
        return image


class ShareForm(SubmitOnceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    shared_how = forms.ChoiceField(
        label="How was it shared?",
        choices=SharedHow.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the storyboard was shared"},
    )
    shared_on = DateField(
        label="When was it shared?",
        label_for_errors="the date it was shared",
        help_text="For example, 27 3 2026",
    )
    shared_with = forms.CharField(
        label="Who was it shared with?",
        max_length=200,
        error_messages={
            "required": "Enter who the storyboard was shared with",
            "max_length": "Who it was shared with must be 200 characters or fewer",
        },
    )

    def clean_shared_on(self):
        day = self.cleaned_data["shared_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date it was shared must be today or in the past")
        return day


class ResponseForm(forms.Form):
    response = forms.CharField(
        label="What did they say?",
        help_text="In their own words, as they said them.",
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Write what they said, in their own words",
            "max_length": "What they said must be 5,000 characters or fewer",
        },
    )


class ReflectionForm(SubmitOnceForm):
    what_worked = forms.CharField(
        label="What worked well?",
        help_text="Colleagues can read this. Leave out the child's name and details.",
        max_length=3_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Say what worked well",
            "max_length": "What worked must be 3,000 characters or fewer",
        },
    )
    what_to_change = forms.CharField(
        label="What would you change next time? (optional)",
        max_length=3_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "What you would change must be 3,000 characters or fewer"},
    )
