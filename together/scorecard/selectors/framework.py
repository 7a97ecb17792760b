"""Compliance: the FCAs of a place with the quality framework's audits and observations done."""

import datetime

from django.db.models import Count, Q

from together.accounts.models import Role
from together.organisation.models import TeamMembership
from together.quality.models import Audit, Observation
from together.quality.selectors.staff import (
    AUDITS_A_YEAR,
    COLLABORATIVE_A_YEAR,
    OBSERVATIONS_A_YEAR,
)

from .board import Part
from .keys import AUDITS_WINDOW, COMPLIANCE_KEYS
from .scope import Scope, _bases, share
from .tally import Tally

# The path from a team membership to the place it is in, at each level.
MEMBERSHIP_FIELDS = {"region": "team__service_area__region", "area": "team__service_area"}
MEMBERSHIP_FIELDS["team"] = "team"


def _gather_compliance_for_days(scope: Scope, days) -> dict:
    """For each of `days` (D), a tally for each place (compliance_for_days): the active FCAs
    with a membership of a team in the place at D, and (the same for every place) the FCAs with
    the framework's audits done, and with their observations done, in (D-365, D]."""
    first, last = min(days), max(days)
    path = MEMBERSHIP_FIELDS[scope.level]
    members = TeamMembership.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=first),
        user__role=Role.FCA,
        user__is_active=True,
        started_on__lte=last,
    )
    if scope.ids is not None:
        members = members.filter(**{f"{path}__in": scope.ids})
    memberships = list(
        members.values_list(path, "user_id", "started_on", "ended_on").distinct().order_by()
    )
    fca_ids = members.values("user_id")
    year = datetime.timedelta(days=AUDITS_WINDOW)

    def within(field: str, day: datetime.date) -> Q:
        return Q(**{f"{field}__gt": day - year, f"{field}__lte": day})

    collaborative = Q(kind=Audit.Kind.COLLABORATIVE)
    audit_counts = {
        fca: counts
        for fca, *counts in Audit.objects.filter(
            fca__in=fca_ids, audited_on__gt=first - year, audited_on__lte=last
        )
        .values("fca_id")
        .annotate(
            **{
                name: aggregate
                for n, day in enumerate(days)
                for name, aggregate in (
                    (f"all{n}", Count("pk", filter=within("audited_on", day))),
                    (f"c{n}", Count("pk", filter=within("audited_on", day) & collaborative)),
                )
            }
        )
        .values_list("fca_id", *(f"{k}{n}" for n in range(len(days)) for k in ("all", "c")))
        .order_by()
    }
    observation_counts = {
        fca: counts
        for fca, *counts in Observation.objects.filter(
            fca__in=fca_ids, observed_on__gt=first - year, observed_on__lte=last
        )
        .values("fca_id")
        .annotate(
            **{
                f"o{n}": Count("pk", filter=within("observed_on", day))
                for n, day in enumerate(days)
            }
        )
        .values_list("fca_id", *(f"o{n}" for n in range(len(days))))
        .order_by()
    }
    result = {}
    for n, day in enumerate(days):
        shared = {
            "audited": frozenset(
                fca
                for fca, counts in audit_counts.items()
                if counts[2 * n] >= AUDITS_A_YEAR and counts[2 * n + 1] >= COLLABORATIVE_A_YEAR
            ),
            "observed": frozenset(
                fca
                for fca, counts in observation_counts.items()
                if counts[n] >= OBSERVATIONS_A_YEAR
            ),
        }
        members_then: dict = {}
        for group, fca, started, ended in memberships:
            if started <= day and (ended is None or ended > day):
                members_then.setdefault(group if scope.each else None, set()).add(fca)
        result[day] = {
            key: Tally(people={"members": frozenset(fcas)}, shared=shared)
            for key, fcas in members_then.items()
        }
    return result


def _compliance_figures(tally: Tally) -> dict:
    fcas = tally.people.get("members", frozenset())
    audited = tally.shared.get("audited", frozenset())
    observed = tally.shared.get("observed", frozenset())
    return {
        "fcas_audits_done_share_last_12_months": share(len(fcas & audited), len(fcas)),
        "fcas_observations_done_share_last_12_months": share(len(fcas & observed), len(fcas)),
        "fcas_audits_and_observations_done_share_last_12_months": share(
            len(fcas & audited & observed), len(fcas)
        ),
        **_bases(len(fcas), *COMPLIANCE_KEYS),
    }


def compliance_for_days(scope: Scope, days) -> dict:
    """For each of `days` (D): over the active FCAs with a membership of a team in the place at D
    (started on or before D, not ended or ended after D), the share with the framework's audits
    done in (D-365, D] (four, two of them collaborative), with their observations done (two), and
    with both; the audits and observations are of the FCA, wherever the work was. The same
    figures as quality.selectors.compliance_in_place for the FCAs in a team then. Three queries,
    however many days, places and FCAs; a day's figures (compliance) are these for one day."""
    return {
        day: {key: _compliance_figures(found.get(key) or Tally()) for key in scope.groups()}
        for day, found in _gather_compliance_for_days(scope, days).items()
    }


# The FCAs of the place with their audits and observations done (compliance_for_days).
compliance = Part(
    lambda scope: _gather_compliance_for_days(scope, [scope.day])[scope.day], _compliance_figures
)
