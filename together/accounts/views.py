"""Signing in and out, the lock-out page, resetting a forgotten password, and a member of staff's
own details."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from together.core.exceptions import EditConflict

from .forms import NewPasswordForm, PasswordResetRequestForm, ProfileForm, SignInForm
from .models import normalised_email
from .services import password_reset_request, user_profile_update
from .tasks import duration_in_words


@login_not_required
def sign_in(request):
    return auth_views.LoginView.as_view(
        template_name="accounts/sign_in.html",
        authentication_form=SignInForm,
        redirect_authenticated_user=True,
        extra_context={"timed_out": request.GET.get("timed_out") == "1"},
    )(request)


sign_out = auth_views.LogoutView.as_view()


@login_not_required
def signed_out(request):
    return render(request, "accounts/signed_out.html")


def axes_username(request, credentials=None) -> str:
    """The name django-axes counts wrong passwords against: the address as it is stored, so a
    change of capitals or a stray space cannot start a fresh count."""
    typed = (credentials or {}).get("username") or request.POST.get("username", "")
    return normalised_email(typed)


@login_not_required
def admin_sign_in(request):
    """The admin site's own sign-in page. Someone signed out signs in through the service's page;
    someone signed in whose role is not system administrator is told plainly, instead of being
    sent back and forth between the two sign-in pages."""
    if request.user.is_authenticated:
        if request.user.is_staff:
            return redirect("admin:index")
        return render(request, "accounts/admin_refused.html", status=403)
    return redirect_to_login(request.GET.get("next", "/admin/"))


def locked_out(request, original_response=None, credentials=None):
    """Shown by django-axes instead of the sign-in page once an account is locked."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


# Resetting a forgotten password: ask for a link, open it, choose a new password, done.


@login_not_required
@require_http_methods(["GET", "POST"])
def password_reset(request):
    """Ask for a link by email. The answer never says whether the address has an account."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        # Past the limit for this address the page answers the same and sends nothing; the
        # links already sent still work, so nobody is locked out by someone else asking.
        too_many = is_ratelimited(
            request,
            group="password-reset",
            key=lambda group, request: email,
            rate=settings.TOGETHER_PASSWORD_RESET_RATE,
            method="POST",
            increment=True,
        )
        password_reset_request(email=email, send=not too_many)
        return redirect("accounts:password-reset-sent")
    return render(request, "accounts/password_reset.html", {"form": form})


@login_not_required
@require_GET
def password_reset_sent(request):
    return render(
        request,
        "accounts/password_reset_sent.html",
        {"valid_for": duration_in_words(settings.PASSWORD_RESET_TIMEOUT)},
    )


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    """Django's view: it checks the link, moves the token out of the address (so it cannot leak in
    a Referer header) and shows the form; NewPasswordForm saves through user_password_set."""

    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-done")

    def get_user(self, uidb64):
        # A link sent before the account was closed does not work: nobody can sign in to it.
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["valid_for"] = duration_in_words(settings.PASSWORD_RESET_TIMEOUT)
        return context


password_reset_confirm = login_not_required(PasswordResetConfirm.as_view())


@login_not_required
@require_GET
def password_reset_done(request):
    return render(request, "accounts/password_reset_done.html")


@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                user_profile_update(
                    by=user,
                    user=user,
                    pronouns=form.cleaned_data["pronouns"],
                    about_me=form.cleaned_data["about_me"],
                    version=form.cleaned_data["version"],
                )
            except EditConflict:
                user.refresh_from_db()
                form.add_error(
                    None,
                    "Your details were changed in another window or by someone else while you "
                    "were editing. Check the saved details below, then make your change again.",
                )
                form = _conflict_form(form, user)
            else:
                messages.success(request, "Your details have been saved")
                return redirect("accounts:profile")
    else:
        form = ProfileForm(
            initial={"pronouns": user.pronouns, "about_me": user.about_me, "version": user.version}
        )
    conflict = form.is_bound and bool(form.non_field_errors())
    return render(
        request, "accounts/profile.html", {"form": form, "saved": user if conflict else None}
    )


def _conflict_form(form, user):
    """Keep what the person typed, but move them onto the saved version so that saving again is
    a choice made having seen the other change (shown beside the form), never a silent overwrite."""
    data = form.data.copy()
    data["version"] = user.version
    fresh = ProfileForm(data=data)
    fresh.is_valid()
    for error in form.non_field_errors():
        fresh.add_error(None, error)
    return fresh
