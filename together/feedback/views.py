"""Pages for feedback: the public form reached by a link, and what the service learns from it."""

import functools

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from together.core.exceptions import EditConflict
from together.core.middleware import client_ip
from together.core.reporting import reporting

from . import export, rules, selectors, services
from .forms import DashboardFilterForm, FeedbackForm
from .questions import HELP_NOW

# The signed cookie that lets the person who answered change their answers for an hour.
COOKIE = "together_feedback"
_COOKIE_SALT = "together.feedback.answered"


def _person(group, request) -> str:
    """Who the limit counts: the address our trusted proxy saw the person come from (not the
    proxy's own address, which everyone shares)."""
    return client_ip(request) or "unknown"


def _rate(group, request) -> str:
    return getattr(settings, "TOGETHER_FEEDBACK_RATE", "30/m")


def _code_rate(group, request) -> str:
    return getattr(settings, "TOGETHER_FEEDBACK_CODE_RATE", "10/m")


def _too_many(request):
    response = render(request, "feedback/too_many.html", status=429)
    response["Retry-After"] = "60"
    return response


def _from_code(request, typed):
    """A short code someone typed: on to the link's own address, or the page for a link that
    does not work. Every try counts against the person's limit, so codes cannot be guessed in
    bulk."""
    if is_ratelimited(
        request, group="feedback-code", key=_person, rate=_code_rate, method="GET", increment=True
    ):
        return _too_many(request)
    try:
        token = selectors.token_for_code(typed)
    except Http404:
        return _link_not_working(request)
    return redirect("feedback:form", token=token)


def _public(view):
    """A page for people without accounts: no sign-in, never cached, never sends the link on."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # Not "no-referrer": the browser would then send "Origin: null", which CSRF refuses.
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return login_not_required(never_cache(wrapped))


def _link_not_working(request):
    # The same page, byte for byte, for a malformed, unknown or expired link.
    return render(request, "feedback/link_not_working.html", status=404)


def _may_change(request, token, response) -> bool:
    """True for the browser that sent these answers, within the hour after."""
    if response is None:
        return False
    answered = request.get_signed_cookie(
        COOKIE,
        default=None,
        salt=f"{_COOKIE_SALT}:{token}",
        max_age=services.CHANGE_WINDOW,
    )
    in_time = timezone.now() - response.answered_at < services.CHANGE_WINDOW
    return in_time and answered == str(response.uuid)


@_public
@csrf_exempt  # csrf_protect guards _answers instead, once the rate and the link are checked
@require_http_methods(["GET", "POST"])
def form(request, token):
    if request.method == "GET" and selectors.looks_like_code(token):
        return _from_code(request, token)
    if request.method == "POST" and is_ratelimited(
        request, group="feedback-form", key=_person, rate=_rate, method="POST", increment=True
    ):
        return _too_many(request)
    try:
        invitation = selectors.invitation_for_token(token)
    except Http404:
        return _link_not_working(request)
    response = _answers(request, token, invitation)
    if response.status_code == 403:
        # Only csrf_protect answers 403 here, with the service's refusal page (CSRF_FAILURE_VIEW),
        # which speaks to signed-in staff; someone answering from a link gets a page for them.
        return render(request, "feedback/not_sent.html", status=403)
    return response


@csrf_protect
def _answers(request, token, invitation):
    """The form for a working link, and saving what was sent with it."""
    existing = selectors.response_of(invitation)
    if existing is not None and not _may_change(request, token, existing):
        return render(request, "feedback/already.html", {"help_now": HELP_NOW})
    fca_name = invitation.fca.given_name
    stage = existing.stage if existing is not None else selectors.stage_now(invitation)
    initial = {}
    if existing is not None:
        initial = {
            name: getattr(existing, name)
            for name in (*services.ANSWER_FIELDS, *services.TEXT_FIELDS)
        }
    bound = request.POST if request.method == "POST" else None
    feedback = FeedbackForm(
        bound, audience=invitation.audience, fca_name=fca_name, stage=stage, initial=initial
    )
    if bound is not None and feedback.is_valid():
        try:
            if existing is None:
                saved = services.feedback_response_record(
                    invitation=invitation, stage=stage, **feedback.cleaned_data
                )
            else:
                saved = services.feedback_response_change(
                    response=existing,
                    version=_int(request.POST.get("version")),
                    **feedback.cleaned_data,
                )
        except EditConflict:
            if existing is None:
                return render(request, "feedback/already.html", {"help_now": HELP_NOW})
            feedback.add_error(
                None,
                "These answers were changed in another window, or the hour to change them "
                "has passed. Check your answers and send them again.",
            )
        else:
            done = redirect("feedback:thanks", token=token)
            done.status_code = 303
            done.set_signed_cookie(
                COOKIE,
                str(saved.uuid),
                salt=f"{_COOKIE_SALT}:{token}",
                max_age=int(services.CHANGE_WINDOW.total_seconds()),
                path=invitation.get_absolute_url(),
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
            return done
    context = {
        "form": feedback,
        "wording": feedback.wording,
        "intro": feedback.wording.intro.format(name=fca_name),
        "fca_name": fca_name,
        "is_child": invitation.audience in ("younger_child", "older_child"),
        "changing": existing,
    }
    status = 400 if bound is not None else 200
    return render(request, "feedback/form.html", context, status=status)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


@_public
@require_GET
def thanks(request, token):
    try:
        invitation = selectors.invitation_for_token(token)
    except Http404:
        return _link_not_working(request)
    response = selectors.response_of(invitation)
    if response is None:
        return redirect("feedback:form", token=token)
    context = {
        "may_change": _may_change(request, token, response),
        "form_url": invitation.get_absolute_url(),
        "help_now": HELP_NOW,
    }
    return render(request, "feedback/thanks.html", context)


# --- what the service learns ------------------------------------------------------------------


def _filters(request):
    user = request.user
    if not rules.may_see_feedback(user):
        raise Http404
    months = selectors.month_starts()[::-1]
    filters = DashboardFilterForm(
        request.GET or None,
        areas=selectors.areas_for(user),
        teams=selectors.teams_for(user),
        months=months,
    )
    chosen = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    return filters, chosen


@require_GET
def dashboard(request):
    user = request.user
    filters, chosen = _filters(request)
    area, team = chosen.get("area"), chosen.get("team")
    figures, figures_at, figures_key = selectors.dashboard_kept_for(user, area=area, team=team)
    comments = selectors.comments_kept_for(
        user,
        area=area,
        team=team,
        audience=chosen.get("audience", ""),
        month=chosen.get("month", ""),
        page=request.GET.get("page", 1),
    )
    query = request.GET.copy()
    query.pop("page", None)
    own_only = rules.sees_only_own_feedback(user)
    shown = ("audience", "month") if own_only else tuple(filters.fields)
    options = {name: filters.options(name) for name in shown}
    context = {
        "filters": filters,
        "filter_options": options,
        "form": filters,
        "figures": figures,
        "figures_at": figures_at,
        "figures_key": figures_key,
        "comments": comments,
        "query": query.urlencode(),
        "own_only": own_only,
        # Only national and regional staff have service areas to choose from.
        "shows_area_filter": not own_only and filters.has_choice_of_area(),
    }
    return render(request, "feedback/dashboard.html", context)


@require_GET
@reporting
def download(request):
    user = request.user
    filters, chosen = _filters(request)
    area, team = chosen.get("area"), chosen.get("team")
    figures = selectors.dashboard_for(user, area=area, team=team)
    rows = export.export_rows(figures)
    services.feedback_export_record(
        by=user,
        detail={
            "scope": figures.scope,
            "area": str(area.uuid) if area else "",
            "team": str(team.uuid) if team else "",
            "rows": len(rows) - 1,
        },
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="feedback-{stamp}.csv"'
    export.write_csv(response, rows)
    return response
