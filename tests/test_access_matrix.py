"""Who may open each address: every URL × every role, plus someone not signed in.

A new URL without a row here fails test_every_url_has_a_row_in_the_matrix, so access is decided
on purpose for every page. A route an app's access list declares but no test requests fails the
run (tests/access_coverage.py, checked by the hooks in tests/conftest.py).
"""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests import access_coverage
from together.accounts.models import Role

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *Role.values]
EVERYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN = {**dict.fromkeys(Role.values, 200), ANONYMOUS: 302}
ADMIN_ONLY = {**dict.fromkeys(ROLES, 302), Role.SYSTEM_ADMINISTRATOR: 200}

# address -> expected status for each role (302 = sent to sign in, or home if signed in already)
MATRIX = {
    "/": SIGNED_IN,
    "/accessibility/": EVERYONE,
    "/privacy/": EVERYONE,
    "/sign-in/": {**dict.fromkeys(Role.values, 302), ANONYMOUS: 200},
    "/sign-out/": {**dict.fromkeys(Role.values, 405), ANONYMOUS: 302},  # a form post only
    "/signed-out/": EVERYONE,
    "/account/": SIGNED_IN,
    # Resetting a forgotten password: open to everyone (a link that does not work says so).
    "/password-reset/": EVERYONE,
    "/password-reset/sent/": EVERYONE,
    "/password-reset/done/": EVERYONE,
    "/password-reset/<uidb64>/<token>/": EVERYONE,
    # Changes to staff and teams, for those who manage a place (404 for others: ADR 0002).
    "/organisation/changes/": {
        **dict.fromkeys(Role.values, 200),
        ANONYMOUS: 302,
        Role.FCA: 404,
        Role.PRACTICE_SUPERVISOR: 404,
        Role.BUSINESS_SERVICES: 404,
    },
    "/admin/": ADMIN_ONLY,
    # Signed in without the role: told so (403), not sent round between two sign-in pages.
    "/admin/login/": {
        **dict.fromkeys(Role.values, 403),
        ANONYMOUS: 302,
        Role.SYSTEM_ADMINISTRATOR: 302,
    },
    # The inline language check and the JSON endpoint take a POST only. The endpoint answers
    # someone not signed in with a 401 in JSON rather than sending them to the sign-in page.
    "/language/check/": {**dict.fromkeys(Role.values, 405), ANONYMOUS: 302},
    "/api/language/check": {**dict.fromkeys(Role.values, 405), ANONYMOUS: 401},
    # Health checks for load balancers (core.health): public, and the same for everyone.
    "/healthz": EVERYONE,
    "/readyz": EVERYONE,
}


def _routes(resolver=None, prefix=""):
    """Every address the project answers, with admin's own pages folded into /admin/."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("admin/") and route != "admin/login/":
                yield "/admin/"
                continue
            yield from _routes(entry, route)
        elif isinstance(entry, URLPattern):
            yield "/" + route


# Apps whose addresses carry a record's id test access by relationship to the record in
# tests/<app>/access.py, which lists the ROUTES it covers.
APPS_WITH_OWN_MATRIX = access_coverage.apps_with_access_lists()


def _covered_by_apps() -> set[str]:
    return set().union(*access_coverage.declared_routes().values())


def test_the_apps_with_their_own_matrix_are_found():
    assert {"children", "proceedings"} <= set(APPS_WITH_OWN_MATRIX)


def test_every_url_has_a_row_in_the_matrix():
    missing = sorted(set(_routes()) - set(MATRIX) - _covered_by_apps())
    assert not missing, f"Add these addresses to the access matrix: {missing}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", sorted(MATRIX))
def test_access(client, make_user, url, role):
    if role != ANONYMOUS:
        client.force_login(make_user(role))
    response = client.get(url)
    assert response.status_code == MATRIX[url][role], f"{role} at {url}"
    if response.status_code == 302 and role == ANONYMOUS:
        assert "sign-in" in response["Location"] or "login" in response["Location"]


def test_a_request_is_recorded_by_the_route_it_resolves_to(client, db):
    with access_coverage.RouteRecorder() as recorder:
        client.get(f"/children/{uuid.uuid4()}/")
        client.get("/no-such-page/")
    client.get("/privacy/")  # after recording stopped
    assert recorder.requested == {"/children/<uuid:child_id>/"}


def test_a_declared_route_no_test_requested_is_named():
    declared = {"letters": {"/letters/oversight/", "/l/<str:token>"}, "plans": {"/plan/"}}
    requested = {"/l/<str:token>", "/privacy/"}
    assert access_coverage.routes_never_requested(declared, requested, ["letters"]) == {
        "letters": ["/letters/oversight/"]
    }
    assert access_coverage.routes_never_requested(declared, requested | {"/plan/"}, []) == {}


def test_only_apps_whose_test_modules_were_all_collected_are_checked():
    letters = access_coverage.test_modules("letters")
    assert len(letters) > 1
    assert "letters" in access_coverage.apps_fully_collected(letters)
    assert "letters" not in access_coverage.apps_fully_collected(sorted(letters)[1:])
