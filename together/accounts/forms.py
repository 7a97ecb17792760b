"""Forms for signing in and for a member of staff's own details."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from .models import User, normalised_email


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
        widget=forms.EmailInput(
            attrs={"autocomplete": "username", "spellcheck": "false", "autofocus": True}
        ),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        error_messages={"required": "Enter your password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean_username(self):
        # Addresses are kept in lower case; the lock-out counts the same form of the address
        # (accounts.views.axes_username), so "Maria@..." and " maria@..." are one account.
        return normalised_email(self.cleaned_data["username"])

    error_messages = {
        "invalid_login": (
            "The email address or password is not right. Check them and try again. "
            "After 5 wrong tries your account is locked for 15 minutes."
        ),
        "inactive": "This account has been closed. Ask your system administrator for help.",
    }


class ProfileForm(forms.Form):
    pronouns = forms.CharField(
        label="Your pronouns (optional)",
        help_text="For example, she/her, he/him or they/them.",
        max_length=40,
        required=False,
        error_messages={"max_length": "Pronouns must be 40 characters or fewer"},
    )
    about_me = forms.CharField(
        label="About you (optional)",
        help_text=(
            "A few lines children and families will read in letters from you, "
            "for example what you enjoy doing. Only share what you are happy for them to know."
        ),
        max_length=User._meta.get_field("about_me").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "About you must be 600 characters or fewer"},
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "This page is out of date. Reload it and make your change again.",
            "invalid": "This page is out of date. Reload it and make your change again.",
        },
    )
