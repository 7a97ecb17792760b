"""Demo audits: a year of graded audits of the FCAs' work with children, by the practice
supervisors of their teams, so the scorecard's quality figures have something to count.

About one set of proceedings in six that someone led in the last year is audited once, on a day
while it was led; most audits are graded good, some outstanding, fewer requiring improvement or
inadequate. A few FCAs go more than three months without one. Inserted in bulk.
"""

import datetime

from django.utils import timezone

from together.accounts.models import Role
from together.organisation.models import TeamMembership
from together.proceedings.models import Allocation, ProceedingsChild
from together.quality.models import Audit, Grade

from .generator import Context, bulk_create

AUDITED_SHARE = 1 / 6
GRADES = [Grade.OUTSTANDING] * 10 + [Grade.GOOD] * 55 + [Grade.REQUIRES_IMPROVEMENT] * 28
GRADES += [Grade.INADEQUATE] * 7


def generate(ctx: Context) -> None:
    today = ctx.today
    since = today - datetime.timedelta(days=364)
    supervisor_of = {}
    for team_id, user_id in (
        TeamMembership.objects.filter(ended_on__isnull=True, user__role=Role.PRACTICE_SUPERVISOR)
        .order_by("pk")
        .values_list("team_id", "user_id")
    ):
        supervisor_of.setdefault(team_id, user_id)
    first_child = {}
    for proceedings_id, child_id in ProceedingsChild.objects.order_by("pk").values_list(
        "proceedings_id", "child_id"
    ):
        first_child.setdefault(proceedings_id, child_id)
    audits = []
    year_ago = timezone.make_aware(datetime.datetime.combine(since, datetime.time()))
    leads = (
        Allocation.objects.filter(kind=Allocation.Kind.LEAD)
        .exclude(ended_at__lt=year_ago)
        .order_by("pk")
        .values_list("proceedings_id", "fca_id", "team_id", "started_at", "ended_at")
    )
    for proceedings_id, fca_id, team_id, started, ended in leads:
        auditor = supervisor_of.get(team_id)
        if ctx.rng.random() >= AUDITED_SHARE or auditor is None or auditor == fca_id:
            continue
        first = max(since, timezone.localdate(started))
        last = min(today, timezone.localdate(ended)) if ended else today
        if last < first:
            continue
        audits.append(
            Audit(
                uuid=ctx.uuid(),
                child_id=first_child[proceedings_id],
                proceedings_id=proceedings_id,
                auditor_id=auditor,
                fca_id=fca_id,
                audited_on=first + datetime.timedelta(days=ctx.rng.randint(0, (last - first).days)),
                grade=ctx.rng.choice(GRADES),
            )
        )
    bulk_create(Audit, audits)
    ctx.count("audits of the work with children", len(audits))
