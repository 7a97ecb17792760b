"""Finding a child and breaking the glass: the addresses, and the answer each relationship to the
child in conftest.world gets (tested in test_search.py and test_break_glass.py)."""

from tests.conftest import SEES_CHILD

SEARCH_ROUTES = [
    "/children/",
    "/children/opened-without-everyday-reason/",
    "/children/<uuid:child_id>/break-glass/",
]

# Roles that see the list of files opened by breaking the glass.
MANAGERS = {"manager_area", "manager_other_area", "head_region", "head_other_region"}
MANAGERS |= {"director_region", "national"}

SEARCH_ACCESS = {
    # Every member of staff may look for a child.
    "/children/": dict.fromkeys(SEES_CHILD, 200),
    # The list for managers: 404 for everyone else, as if there were no such page.
    "/children/opened-without-everyday-reason/": {
        relationship: 200 if relationship in MANAGERS else 404 for relationship in SEES_CHILD
    },
    # Asking to open a file: those who see it already go straight to it (302); a system
    # administrator may not ask (404); everyone else is asked for a reason (200).
    "/children/<uuid:child_id>/break-glass/": {
        relationship: 302 if sees else 200 for relationship, sees in SEES_CHILD.items()
    }
    | {"sysadmin": 404},
}
