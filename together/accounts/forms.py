"""Forms for signing in, choosing a new password, and a member of staff's own details."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from .models import User, normalised_email
from .services import user_password_set


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


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="The address you sign in with. We will send a link to choose a new password.",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_email(self):
        return normalised_email(self.cleaned_data["email"])


# The password validators' messages (settings.AUTH_PASSWORD_VALIDATORS), in plain words.
_PLAIN_PASSWORD_MESSAGES = {
    "password_too_short": "Your password must be {min_length} characters or more",
    "password_too_common": (
        "Your password is on a list of passwords people often use, so it is easy to guess. "
        "Choose a different one"
    ),
    "password_entirely_numeric": "Your password must not be only numbers",
    "password_too_similar": "Your password must not be like your name or email address",
}


class NewPasswordForm(forms.Form):
    """The new-password page behind a reset link (accounts.views.PasswordResetConfirm). One box
    with a "Show" button, as GOV.UK's password input advises, rather than typing it twice."""

    new_password = forms.CharField(
        label="New password",
        strip=False,
        error_messages={"required": "Enter a new password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        minimum = password_validation_minimum()
        self.fields["new_password"].help_text = (
            f"Use {minimum} characters or more. Three random words together are easy to remember "
            "and hard to guess, for example 'teapot river lantern'."
        )

    def clean_new_password(self):
        password = self.cleaned_data["new_password"]
        try:
            password_validation.validate_password(password, self.user)
        except ValidationError as error:
            raise ValidationError([_plain(e) for e in error.error_list]) from error
        return password

    def save(self, commit=True):
        # Called by Django's PasswordResetConfirmView once the form is valid.
        return user_password_set(user=self.user, password=self.cleaned_data["new_password"])


def password_validation_minimum() -> int:
    """The shortest password the validators accept (MinimumLengthValidator's setting)."""
    for validator in password_validation.get_default_password_validators():
        if isinstance(validator, password_validation.MinimumLengthValidator):
            return validator.min_length
    return 1


def _plain(error: ValidationError) -> ValidationError:
    message = _PLAIN_PASSWORD_MESSAGES.get(error.code)
    if message is None:
        return error
    return ValidationError(message.format(**(error.params or {})), code=error.code)
