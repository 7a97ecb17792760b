"""Demo pressure: staff away, proceedings held on duty by service managers, thresholds national
leadership has tightened for a few areas, and the history of prioritisation decisions.

- About one Family Court Adviser in six has leave or training booked in the coming weeks, and a
  few are off sick; in the demo service area two advisers are away on the day of a hearing in
  the next fortnight (one of them the demo FCA), so the service manager has someone to send.
- In each area the service manager holds some of the proceedings waiting for a lead on duty
  (the rest wait in the area's allocation hub, or with no one yet).
- Every area in prioritisation has the history of switching it on and opening its allocation
  hub (one a post-assessment hub too); one area switched it on and off again in the past year.
- In two areas not in prioritisation, the adviser with the most work has been off sick for a
  fortnight and their proceedings are back on duty with the service manager; national
  leadership has set those areas' thresholds for work on duty, and both are flagged "Consider
  prioritisation".
- In the demo area and the busiest other area, the adviser leading the most work after the
  first hearing took on more ten days ago (colleagues' work, then work they cover for the
  region's other areas), so they now lead more than the board's ceiling of 25: the scorecard
  has someone over it.
Inserted in bulk.
"""

import datetime

from django.utils import timezone

from together.accounts.models import Role
from together.organisation.models import (
    Absence,
    AreaThresholds,
    PrioritisationEvent,
    ServiceArea,
    TeamMembership,
)
from together.proceedings.models import Allocation, Hearing, Proceedings

from .children.course import at
from .generator import Context, bulk_create

AWAY_SHARE = 1 / 6
SICK_SHARE = 1 / 25
MANAGER_HOLDS_SHARE = 0.5
LOOK_AHEAD = 14
DAY = datetime.timedelta(days=1)
DEMO_FCA = "fca@example.org"

ON_REASONS = [
    "Saturation has been above 100% for six weeks and two long-term advisers are on sick "
    "leave. The area's managers asked for it at the monthly review.",
    "Work waiting for a lead adviser has doubled since the summer and days to allocation are "
    "past 20. Agreed with the head of practice.",
    "A rise in care applications from two local authorities and three vacancies in the "
    "long-term teams. Reviewed again in six weeks.",
]
HUB_REASONS = [
    "To keep the work waiting for a lead adviser safe: the hub makes the first checks and "
    "speaks to each family within five working days.",
    "The duty list is longer than the service manager can hold safely on their own.",
]
OFF_REASON = (
    "Saturation back under 85% for two months and new advisers have started. The hub's work "
    "is back with the long-term teams."
)
POST_ASSESSMENT_REASON = (
    "Section 7 reports are waiting longer than the court's timetable; a post-assessment hub "
    "will finish the reports already started."
)


def generate(ctx: Context) -> None:
    today = ctx.today
    areas = sorted(ctx.made["areas"], key=lambda area: area.pk)
    demo_area = ctx.made["areas"][0]
    staff = ctx.made["staff"]
    national = next(u for u in staff if u.email == "national@example.org")
    managers = {u.service_area_id: u for u in staff if u.role == Role.SERVICE_MANAGER}
    _absences(ctx, demo_area)
    _manager_duty(ctx, managers)
    struggling = _long_term_sickness(ctx, areas, demo_area, managers)
    _over_the_ceiling(ctx, areas, demo_area, managers, struggling)
    _history(ctx, areas, national)
    _thresholds(ctx, today, struggling, national)


def _absences(ctx: Context, demo_area: ServiceArea) -> None:
    today, rng = ctx.today, ctx.rng
    fcas = list(
        TeamMembership.objects.filter(ended_on__isnull=True, user__role=Role.FCA)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )
    managers = dict(
        TeamMembership.objects.filter(ended_on__isnull=True, user__role=Role.PRACTICE_SUPERVISOR)
        .order_by("team_id", "pk")
        .values_list("team_id", "user_id")
    )
    team_of = dict(
        TeamMembership.objects.filter(ended_on__isnull=True, user__role=Role.FCA)
        .order_by("user_id", "pk")
        .values_list("user_id", "team_id")
    )
    absences = []

    def away(user_id, kind, starts, ends):
        recorder = user_id if kind != Absence.Kind.SICKNESS else managers.get(team_of[user_id])
        absences.append(
            Absence(
                uuid=ctx.uuid(),
                user_id=user_id,
                kind=kind,
                starts_on=starts,
                ends_on=ends,
                recorded_by_id=recorder or user_id,
            )
        )

    # In the demo area: two advisers away on the day of one of their hearings in the next
    # fortnight (the demo FCA on leave, another off sick), so the list has something to show.
    upcoming = (
        Hearing.objects.filter(
            proceedings__service_area=demo_area,
            proceedings__closed_on__isnull=True,
            proceedings__lead_fca__isnull=False,
            starts_at__gte=at(today + datetime.timedelta(days=2), 0),
            starts_at__lt=at(today + datetime.timedelta(days=LOOK_AHEAD), 0),
        )
        .order_by("starts_at", "pk")
        .values_list("proceedings__lead_fca_id", "proceedings__lead_fca__email", "starts_at")
    )
    upcoming = list(upcoming)
    chosen: dict[int, datetime.date] = {}
    demo = [(lead, day) for lead, email, day in upcoming if email == DEMO_FCA]
    other = [(lead, day) for lead, email, day in upcoming if email != DEMO_FCA and lead in team_of]
    if demo:
        lead, starts = demo[0]
        day = timezone.localdate(starts)
        chosen[lead] = day
        leave = (day - datetime.timedelta(days=1), day + datetime.timedelta(days=3))
        away(lead, Absence.Kind.ANNUAL_LEAVE, *leave)
    if other:
        lead, starts = other[0]
        chosen[lead] = timezone.localdate(starts)
        away(lead, Absence.Kind.SICKNESS, today - datetime.timedelta(days=2), None)
    for user_id in fcas:
        if user_id in chosen:
            continue
        draw = rng.random()
        if draw < SICK_SHARE:
            starts = today - datetime.timedelta(days=rng.randint(1, 20))
            ends = None if rng.random() < 0.5 else today + DAY * rng.randint(3, 15)
            away(user_id, Absence.Kind.SICKNESS, starts, ends)
        elif draw < SICK_SHARE + AWAY_SHARE:
            starts = today + datetime.timedelta(days=rng.randint(-3, 40))
            if rng.random() < 0.7:
                days = rng.choice((2, 4, 7, 11))
                away(user_id, Absence.Kind.ANNUAL_LEAVE, starts, starts + DAY * days)
            else:
                days = rng.choice((0, 0, 1, 2))
                away(user_id, Absence.Kind.TRAINING, starts, starts + DAY * days)
    bulk_create(Absence, absences)
    ctx.count("absences", len(absences))


def _manager_duty(ctx: Context, managers: dict) -> None:
    """The service manager holds about half the proceedings waiting for a lead that are not in
    an allocation hub, from the day after they arrived."""
    waiting = (
        Proceedings.objects.filter(closed_on__isnull=True, lead_fca__isnull=True, team__isnull=True)
        .order_by("pk")
        .values_list("pk", "service_area_id", "received_on")
    )
    holdings = []
    for proceedings_id, area_id, received in waiting:
        manager = managers.get(area_id)
        if manager is None or ctx.rng.random() >= MANAGER_HOLDS_SHARE:
            continue
        holdings.append(
            Allocation(
                proceedings_id=proceedings_id,
                fca_id=manager.pk,
                kind=Allocation.Kind.DUTY,
                allocated_by_id=manager.pk,
                started_at=at(min(received + datetime.timedelta(days=1), ctx.today), 9),
            )
        )
    Allocation.objects.bulk_create(holdings, batch_size=1000)
    ctx.count("proceedings held on duty by service managers", len(holdings))


def _history(ctx: Context, areas: list[ServiceArea], national) -> None:
    today, rng = ctx.today, ctx.rng
    change = PrioritisationEvent.Change
    events = []

    def event(area, what, days_ago, reason):
        events.append(
            PrioritisationEvent(
                uuid=ctx.uuid(),
                service_area_id=area.pk,
                change=what,
                reason=reason,
                by_id=national.pk,
                at=at(today - datetime.timedelta(days=days_ago), rng.choice((10, 11, 14, 16))),
            )
        )

    in_prioritisation = [area for area in areas if area.in_prioritisation]
    has_hub = set(
        ServiceArea.objects.filter(teams__kind="allocation_hub").values_list("pk", flat=True)
    )
    for n, area in enumerate(in_prioritisation):
        started = rng.randint(40, 150)
        event(area, change.PRIORITISATION_ON, started, ON_REASONS[n % len(ON_REASONS)])
        if area.pk in has_hub:
            event(area, change.ALLOCATION_HUB_OPENED, started - 3, HUB_REASONS[n % 2])
            area.allocation_hub_open = True
        if n == 0:
            event(area, change.POST_ASSESSMENT_HUB_OPENED, started - 20, POST_ASSESSMENT_REASON)
            area.post_assessment_hub_open = True
    calmer = next((area for area in areas if not area.in_prioritisation), None)
    if calmer is not None:
        event(calmer, change.PRIORITISATION_ON, 300, ON_REASONS[1])
        event(calmer, change.ALLOCATION_HUB_OPENED, 296, HUB_REASONS[1])
        event(calmer, change.ALLOCATION_HUB_CLOSED, 120, OFF_REASON)
        event(calmer, change.PRIORITISATION_OFF, 118, OFF_REASON)
    ServiceArea.objects.bulk_update(
        in_prioritisation, ["allocation_hub_open", "post_assessment_hub_open"]
    )
    bulk_create(PrioritisationEvent, events)
    ctx.count("prioritisation decisions", len(events))


def _long_term_sickness(ctx: Context, areas, demo_area, managers) -> list[ServiceArea]:
    """In two areas not in prioritisation (nor the demo area), the adviser leading the most
    open proceedings went off sick a fortnight ago, and their proceedings went back on duty with
    the service manager that day. Returns those areas."""
    today = ctx.today
    went_off = today - datetime.timedelta(days=14)
    candidates = [a for a in areas if not a.in_prioritisation and a.pk != demo_area.pk]
    loads = {}
    for fca_id, area_id in (
        Proceedings.objects.filter(
            closed_on__isnull=True,
            lead_fca__isnull=False,
            lead_fca__role=Role.FCA,
            service_area__in=candidates,
        )
        .exclude(lead_fca__email=DEMO_FCA)
        .values_list("lead_fca_id", "service_area_id")
    ):
        loads[(area_id, fca_id)] = loads.get((area_id, fca_id), 0) + 1
    busiest: dict[int, tuple[int, int]] = {}
    for (area_id, fca_id), n in sorted(loads.items()):
        if n > busiest.get(area_id, (0, 0))[1]:
            busiest[area_id] = (fca_id, n)
    chosen = sorted(busiest.items(), key=lambda item: (-item[1][1], item[0]))[:2]
    struggling = []
    for area_id, (fca_id, _) in chosen:
        manager = managers[area_id]
        led = list(
            Proceedings.objects.filter(
                closed_on__isnull=True, lead_fca_id=fca_id, service_area_id=area_id
            ).values_list("pk", flat=True)
        )
        Allocation.objects.filter(
            proceedings_id__in=led, fca_id=fca_id, ended_at__isnull=True
        ).update(ended_at=at(went_off, 9))
        Proceedings.objects.filter(pk__in=led).update(lead_fca=None, team=None)
        Allocation.objects.bulk_create(
            Allocation(
                proceedings_id=pk,
                fca_id=manager.pk,
                kind=Allocation.Kind.DUTY,
                allocated_by_id=manager.pk,
                started_at=at(went_off, 9, 30),
            )
            for pk in led
        )
        Absence.objects.filter(user_id=fca_id).delete()
        Absence.objects.create(
            uuid=ctx.uuid(),
            user_id=fca_id,
            kind=Absence.Kind.SICKNESS,
            starts_on=went_off,
            recorded_by_id=manager.pk,
        )
        struggling.append(next(a for a in areas if a.pk == area_id))
        ctx.count("proceedings back on duty while their adviser is off sick", len(led))
    return struggling


OVER_THE_CEILING = 2
TOOK_ON_DAYS = 10


def _over_the_ceiling(ctx: Context, areas, demo_area, managers, struggling) -> None:
    """In the two areas with the most open work after the first hearing (the demo area first),
    the adviser leading the most of it took on more ten days ago, until they lead more than
    the board's ceiling of 25 (26 in one area, 28 in the other): their colleagues' first, then
    work from the region's other areas they cover while those recruit (joining the teams
    holding it, which keep it), then from further away.
    Never the demo FCA's work, nor work back on duty while its adviser is off sick."""
    took_on_day = ctx.today - datetime.timedelta(days=TOOK_ON_DAYS)
    took_on = at(took_on_day, 10)
    after = (
        Proceedings.objects.filter(
            closed_on__isnull=True,
            first_hearing_on__lte=ctx.today,
            lead_fca__role=Role.FCA,
        )
        .exclude(lead_fca__email=DEMO_FCA)
        .exclude(service_area__in=struggling)
    )
    region_of = {area.pk: area.region_id for area in areas}
    work = list(after.order_by("pk").values_list("pk", "lead_fca_id", "service_area_id"))
    by_area: dict[int, int] = {}
    for _pk, _fca, area_id in work:
        by_area[area_id] = by_area.get(area_id, 0) + 1
    chosen_areas = sorted(by_area, key=lambda a: (a != demo_area.pk, -by_area[a], a))
    lead_of = {pk: (fca_id, area_id) for pk, fca_id, area_id in work}
    kept: set[int] = set()  # advisers chosen: their own work stays with them
    for n, area_id in enumerate(chosen_areas[:OVER_THE_CEILING]):
        loads: dict[int, int] = {}
        for fca_id, in_area in lead_of.values():
            if in_area == area_id and fca_id not in kept:
                loads[fca_id] = loads.get(fca_id, 0) + 1
        if not loads:
            continue
        fca_id = max(loads, key=lambda f: (loads[f], -f))
        kept.add(fca_id)
        held = sum(1 for fca, _ in lead_of.values() if fca == fca_id)
        # Colleagues' work first, then the region's other areas, then anywhere.
        order = sorted(
            (pk for pk, (fca, _) in lead_of.items() if fca not in kept),
            key=lambda pk: (
                lead_of[pk][1] != area_id,
                region_of.get(lead_of[pk][1]) != region_of.get(area_id),
                pk,
            ),
        )
        moved = order[: max(26 + 2 * n - held, 0)]
        if held + len(moved) <= 25:
            continue
        # The work stays with its team; the adviser joins the teams they cover that day.
        teams = dict(Proceedings.objects.filter(pk__in=moved).values_list("pk", "team_id"))
        member_of = set(
            TeamMembership.objects.filter(user_id=fca_id, ended_on__isnull=True).values_list(
                "team_id", flat=True
            )
        )
        TeamMembership.objects.bulk_create(
            TeamMembership(user_id=fca_id, team_id=team_id, started_on=took_on_day)
            for team_id in sorted(set(teams.values()) - member_of)
        )
        Allocation.objects.filter(
            proceedings_id__in=moved, kind=Allocation.Kind.LEAD, ended_at__isnull=True
        ).update(ended_at=took_on)
        Allocation.objects.bulk_create(
            Allocation(
                proceedings_id=pk,
                fca_id=fca_id,
                team_id=teams[pk],
                kind=Allocation.Kind.LEAD,
                allocated_by_id=managers[lead_of[pk][1]].pk,
                started_at=took_on,
            )
            for pk in moved
        )
        Proceedings.objects.filter(pk__in=moved).update(lead_fca_id=fca_id)
        for pk in moved:
            lead_of[pk] = (fca_id, lead_of[pk][1])
        ctx.count("advisers over the ceiling of 25", 1)


def _thresholds(ctx, today, struggling, national) -> None:
    """Thresholds national leadership set for the areas with work back on duty: a few sets of
    proceedings on duty, fewer with the service manager."""
    rows = [
        AreaThresholds(
            service_area_id=area.pk,
            saturation_percent=85,
            held_on_duty=2,
            days_to_allocation=15,
            manager_duty_holdings=1,
            updated_by_id=national.pk,
            updated_at=at(today - datetime.timedelta(days=ctx.rng.randint(20, 60)), 12),
        )
        for area in struggling
    ]
    AreaThresholds.objects.bulk_create(rows)
    ctx.count("areas with thresholds of their own", len(rows))
