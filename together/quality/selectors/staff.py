"""Reading what is about staff: observations of practice, and which FCAs are short of audits
and observations (compliance)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone

from together.accounts.models import Role, User

from .. import rules
from ..models import Audit, Observation, Theme
from .audits import LIST_LIMIT, _uuid

# What the framework asks for in twelve months, and the longest gap between audits.
AUDITS_A_YEAR = 4
OBSERVATIONS_A_YEAR = 2
AUDIT_AT_LEAST_EVERY_DAYS = 91


def observations_for_user(user) -> list[Observation]:
    return list(
        Observation.objects.filter(rules.observation_scope_q(user))
        .select_related("fca", "observer")
        .distinct()
        .order_by("-observed_on", "-pk")[:LIST_LIMIT]
    )


def observation_get_for_user(*, user, observation_id) -> Observation:
    try:
        return (
            Observation.objects.filter(rules.observation_scope_q(user))
            .select_related("fca", "observer")
            .distinct()
            .get(uuid=_uuid(observation_id))
        )
    except Observation.DoesNotExist:
        raise Http404("No observation found") from None


@dataclass(frozen=True)
class ComplianceRow:
    fca: object
    audits: int
    observations: int
    last_audited_on: datetime.date | None
    few_audits: bool
    few_observations: bool
    none_recently: bool

    @property
    def short(self) -> bool:
        return self.few_audits or self.few_observations or self.none_recently


def compliance_for(user, today: datetime.date | None = None) -> list[ComplianceRow]:
    """For each FCA `user` manages: finished audits and observations of their work in the
    last twelve months, and their last audit; flagged when fewer than four audits or two
    observations, or no audit in three months. Three queries whatever the numbers."""
    today = today or timezone.localdate()
    year_ago = today - datetime.timedelta(days=365)
    recent = today - datetime.timedelta(days=AUDIT_AT_LEAST_EVERY_DAYS)
    fcas = list(
        rules.managed_staff(user)
        .filter(role=Role.FCA, is_active=True)
        .distinct()
        .order_by("given_name", "family_name")
    )
    ids = [fca.pk for fca in fcas]
    audits = {
        row["fca"]: row
        for row in Audit.objects.filter(fca__in=ids, audited_on__gt=year_ago, audited_on__lte=today)
        .values("fca")
        .annotate(count=Count("pk"), last=Max("audited_on"))
        .order_by()
    }
    observations = dict(
        Observation.objects.filter(fca__in=ids, observed_on__gt=year_ago, observed_on__lte=today)
        .values("fca")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("fca", "count")
    )
    rows = []
    for fca in fcas:
        audited = audits.get(fca.pk, {"count": 0, "last": None})
        watched = observations.get(fca.pk, 0)
        rows.append(
            ComplianceRow(
                fca=fca,
                audits=audited["count"],
                observations=watched,
                last_audited_on=audited["last"],
                few_audits=audited["count"] < AUDITS_A_YEAR,
                few_observations=watched < OBSERVATIONS_A_YEAR,
                none_recently=audited["last"] is None or audited["last"] <= recent,
            )
        )
    return rows


def themes_with_use(user, today: datetime.date | None = None) -> list:
    """Every theme, with how many audits `user` may see that were finished in the last twelve
    months and tagged with it. One query."""
    today = today or timezone.localdate()
    seen = Audit.objects.filter(rules.audit_scope_q(user)).values("pk")
    return list(
        Theme.objects.annotate(
            used=Count(
                "audits",
                filter=Q(
                    audits__in=seen,
                    audits__audited_on__gt=today - datetime.timedelta(days=365),
                    audits__audited_on__lte=today,
                ),
            )
        ).order_by("-in_use", "-used", "name")
    )


# Where FCAs work, for counting a place: through their current team membership.
_PLACE_OF_FCA = {
    "team": "team_memberships__team_id__in",
    "area": "team_memberships__team__service_area_id__in",
    "region": "team_memberships__team__service_area__region_id__in",
}
COLLABORATIVE_A_YEAR = 2


@dataclass(frozen=True)
class PlaceCompliance:
    """Of the FCAs of a place: how many had their audits done in the twelve months to a day
    (four, two of them collaborative), their observations (two), and both."""

    fcas: int
    audits_done: int
    observations_done: int
    both_done: int


def compliance_in_place(
    *, level: str, ids=None, today: datetime.date | None = None
) -> PlaceCompliance:
    """The framework's audits and observations, for the active FCAs with a current membership of
    a team in the place (`level` "nation", "region", "area" or "team"; `ids` of those places).
    Counts only, for the scorecard: it shows them as shares, with its own rule for too few
    people. Three queries, whatever the number of FCAs."""
    today = today or timezone.localdate()
    year_ago = today - datetime.timedelta(days=365)
    fcas = User.objects.filter(role=Role.FCA, is_active=True)
    if level in _PLACE_OF_FCA:
        fcas = fcas.filter(
            **{_PLACE_OF_FCA[level]: list(ids or ())}, team_memberships__ended_on__isnull=True
        )
    else:
        fcas = fcas.filter(team_memberships__ended_on__isnull=True)
    fca_ids = fcas.values("pk")
    audits = (
        Audit.objects.filter(fca__in=fca_ids, audited_on__gt=year_ago, audited_on__lte=today)
        .values("fca")
        .annotate(
            count=Count("pk"),
            collaborative=Count("pk", filter=Q(kind=Audit.Kind.COLLABORATIVE)),
        )
        .order_by()
    )
    audited = {
        row["fca"]
        for row in audits
        if row["count"] >= AUDITS_A_YEAR and row["collaborative"] >= COLLABORATIVE_A_YEAR
    }
    observed = set(
        Observation.objects.filter(
            fca__in=fca_ids, observed_on__gt=year_ago, observed_on__lte=today
        )
        .values("fca")
        .annotate(count=Count("pk"))
        .filter(count__gte=OBSERVATIONS_A_YEAR)
        .order_by()
        .values_list("fca", flat=True)
    )
    return PlaceCompliance(
        fcas=fcas.distinct().count(),
        audits_done=len(audited),
        observations_done=len(observed),
        both_done=len(audited & observed),
    )
