"""Addresses of the feedback app, and who may open them (tested in test_access.py).

The public form and its thank-you page need no account: anyone holding a working link gets the
page, and a link that does not work answers 404 to everyone. The dashboard and its download are
for managers and FCAs (an FCA sees only their own work); business services and system
administrators, whose work is not about children's feedback, get 404, as for any page not
theirs (docs/adr/0002).
"""

from together.accounts.models import Role

ANONYMOUS = "anonymous"

ROUTES = [
    "/f/<str:token>",
    "/f/<str:token>/thanks",
    "/feedback/",
    "/feedback/download/",
]

_DASHBOARD = {
    ANONYMOUS: 302,
    **dict.fromkeys(Role.values, 200),
    Role.BUSINESS_SERVICES: 404,
    Role.SYSTEM_ADMINISTRATOR: 404,
}

# address -> role -> expected status. "<str:token>" is a working link; the thank-you page of a
# link not yet answered sends the person to the form.
EXPECTED = {
    "/f/<str:token>": dict.fromkeys([ANONYMOUS, *Role.values], 200),
    "/f/<str:token>/thanks": dict.fromkeys([ANONYMOUS, *Role.values], 302),
    "/feedback/": _DASHBOARD,
    "/feedback/download/": _DASHBOARD,
}
