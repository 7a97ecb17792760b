"""Writing a checked import folder into the service's records, in bulk.

Every record made from a row is remembered in `ImportedRecord` under the row's id (or, for rows
without an id of their own, their key columns), so a second run of the same files updates the
same records. Dates become times at the start of that day in London, so "on or before D" reads
the same from an imported record as from one recorded in the service.

Each step is a method of the writer, from the module of its concern: organisation.py, casework.py
(children and their proceedings) and events.py (what happened in them); saving.py holds what the
steps share and the saving in bulk.
"""

import datetime
from collections import Counter

from together.accounts.models import User
from together.organisation.models import Region, ServiceArea, Team
from together.proceedings.models import Proceedings, ProceedingsChild

from .casework import _Casework
from .events import _Events
from .folder import Folder, Known
from .organisation import _Organisation
from .saving import K, Progress, _mapping


def known_from_database() -> Known:
    """What rows may refer to without repeating it: what earlier imports (and the service) hold."""
    staff = _mapping(K.STAFF)
    roles = dict(User.objects.filter(pk__in=staff.values()).values_list("pk", "role"))
    staff_of_pk = {pk: staff_id for staff_id, pk in staff.items()}
    proceedings = _mapping(K.PROCEEDINGS)
    received = dict(Proceedings.objects.values_list("pk", "received_on"))
    children = _mapping(K.CHILD)
    child_of_pk = {pk: child_id for child_id, pk in children.items()}
    proceedings_of_pk = {pk: p_id for p_id, pk in proceedings.items()}
    teams = _mapping(K.TEAM)
    area_code = dict(ServiceArea.objects.values_list("pk", "code"))
    team_area = dict(Team.objects.values_list("pk", "service_area_id"))
    return Known(
        regions=set(Region.objects.values_list("code", flat=True)),
        areas=dict(ServiceArea.objects.values_list("code", "region__code")),
        teams={code: area_code[team_area[pk]] for code, pk in teams.items() if pk in team_area},
        staff={s: roles[pk] for s, pk in staff.items() if pk in roles},
        staff_emails={
            email: staff_of_pk.get(pk, "") for pk, email in User.objects.values_list("pk", "email")
        },
        children={c for c, pk in children.items()},
        proceedings={p: received[pk] for p, pk in proceedings.items() if pk in received},
        links={
            (proceedings_of_pk[p], child_of_pk[c])
            for p, c in ProceedingsChild.objects.values_list("proceedings_id", "child_id")
            if p in proceedings_of_pk and c in child_of_pk
        },
    )


def write_folder(folder: Folder, *, today: datetime.date, progress: Progress) -> Counter:
    """Write every row (the caller holds the transaction). Returns how many rows each file had."""
    writer = _Writer(folder, today, progress)
    for step in (
        writer.regions,
        writer.service_areas,
        writer.teams,
        writer.staff,
        writer.children,
        writer.proceedings,
        writer.proceedings_children,
        writer.allocations,
        writer.lead_and_team_of_proceedings,
        writer.meetings,
        writer.first_meetings,
        writer.audits,
        writer.feedback,
    ):
        step()
    return writer.counts


class _Writer(_Organisation, _Casework, _Events):
    """Every step of write_folder (each from the module of its concern) on one state (saving)."""
