"""Addresses of the proceedings app, and who may open them (tested in test_access.py)."""

ROUTES: list[str] = [
    "/proceedings/new/",
    "/proceedings/new/children/",
    "/proceedings/new/check/",
    "/proceedings/<uuid:proceedings_id>/",
    "/proceedings/<uuid:proceedings_id>/hearings/new/",
    "/allocation/",
    "/allocation/<uuid:proceedings_id>/allocate/",
    "/children-not-seen/",
]
