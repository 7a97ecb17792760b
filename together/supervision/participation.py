"""Participation in supervision, for managers: for each team and FCA, whether they came to group
supervision in each of the last twelve months, and whether their one-to-one supervision kept to
the expected interval. Three queries whatever the number of staff."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from together.accounts.models import Role
from together.organisation.models import TeamMembership

from . import rules
from .models import GroupSession, OneToOne

# One-to-one supervision is expected at least this often (SUPERVISION_ONE_TO_ONE_WEEKS).
DEFAULT_ONE_TO_ONE_WEEKS = 6
MONTHS = 12


def one_to_one_interval() -> datetime.timedelta:
    return datetime.timedelta(
        weeks=getattr(settings, "SUPERVISION_ONE_TO_ONE_WEEKS", DEFAULT_ONE_TO_ONE_WEEKS)
    )


def last_months(today: datetime.date, n: int = MONTHS) -> list[datetime.date]:
    """The first day of each of the last `n` months, oldest first, this month last."""
    months, year, month = [], today.year, today.month
    for _ in range(n):
        months.append(datetime.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return months[::-1]


@dataclass
class Person:
    membership: TeamMembership
    attended: list[bool] = field(default_factory=list)
    last_one_to_one: datetime.date | None = None
    gaps: int = 0  # times the interval between one-to-ones ran over in the period

    @property
    def months_attended(self) -> int:
        return sum(self.attended)

    @property
    def one_to_one_due(self) -> bool:
        today = timezone.localdate()
        return self.last_one_to_one is None or today - self.last_one_to_one > one_to_one_interval()


@dataclass
class TeamParticipation:
    name: str
    area: str
    people: list[Person] = field(default_factory=list)


@dataclass
class Participation:
    months: list[datetime.date]
    teams: list[TeamParticipation]
    interval_weeks: int


def _gaps(dates: list[datetime.date], start: datetime.date, today: datetime.date) -> int:
    interval = one_to_one_interval()
    points = [start, *sorted(dates), today]
    return sum(1 for a, b in zip(points, points[1:], strict=False) if b - a > interval)


def participation_for(user, today: datetime.date | None = None) -> Participation:
    if not rules.may_see_participation(user):
        raise Http404("No page found")
    today = today or timezone.localdate()
    months = last_months(today)
    start = months[0]
    members = list(
        TeamMembership.objects.filter(
            rules.participation_teams_q(user),
            ended_on__isnull=True,
            user__is_active=True,
            user__role=Role.FCA,
        )
        .select_related("user", "team", "team__service_area")
        .order_by("team__service_area__name", "team__name", "user__family_name", "user__given_name")
    )
    ids = [m.user_id for m in members]
    attended: dict[int, set] = {}
    for user_id, held_on in GroupSession.attendees.through.objects.filter(
        user_id__in=ids, groupsession__held_on__gte=start
    ).values_list("user_id", "groupsession__held_on"):
        attended.setdefault(user_id, set()).add((held_on.year, held_on.month))
    one_to_ones: dict[int, list] = {}
    for user_id, held_on in OneToOne.objects.filter(
        supervisee_id__in=ids, held_on__gte=start
    ).values_list("supervisee_id", "held_on"):
        one_to_ones.setdefault(user_id, []).append(held_on)
    teams: dict[int, TeamParticipation] = {}
    for m in members:
        team = teams.setdefault(m.team_id, TeamParticipation(m.team.name, m.team.service_area.name))
        went = attended.get(m.user_id, set())
        dates = one_to_ones.get(m.user_id, [])
        team.people.append(
            Person(
                m,
                attended=[(month.year, month.month) in went for month in months],
                last_one_to_one=max(dates) if dates else None,
                gaps=_gaps(dates, start, today),
            )
        )
    weeks = int(one_to_one_interval().days // 7)
    return Participation(months=months, teams=list(teams.values()), interval_weeks=weeks)
