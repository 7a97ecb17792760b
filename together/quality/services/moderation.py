"""Moderation: each month a manager draws a sample of an area's finished audits and grades them
again without seeing the first grades. Where the grades differ, the two talk and a final grade is
recorded with the reason. The audit's grades and the moderator's stay as they were."""

import datetime
import math
import random

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.permissions import require

from .. import rules
from ..models import DOMAINS, Audit, Domain, DomainGrade, Grade, Moderation, ModerationGrade, View

# The share of an area's audits finished in a month that are moderated, and the least drawn.
SAMPLE_SHARE = 0.1
SAMPLE_AT_LEAST = 2


def _record(by, moderation: Moderation, step: str) -> None:
    audit_event_record(
        by=by,
        action=Action.MODERATION_RECORDED,
        obj=moderation,
        child_id=moderation.audit.child.uuid,
        detail={"step": step, "month": moderation.month.isoformat()},
    )


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _month_end(month: datetime.date) -> datetime.date:
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    return following - datetime.timedelta(days=1)


@transaction.atomic
def moderation_sample_create(*, by, area, month: datetime.date) -> list[Moderation]:
    """Draw the sample of `area`'s audits finished in `month` for `by` to moderate: a tenth of
    them, at least two (or all, if fewer), never an audit of their own or one they made. The
    draw is the same however often it is asked for (seeded by the area and the month), and a
    month's sample is drawn once: asking again returns it."""
    require(by, rules.may_moderate_area, area, message="You may not moderate this area's audits")
    month = first_of_month(month)
    drawn = list(
        Moderation.objects.filter(month=month, audit__proceedings__service_area=area)
        # A national audit's moderation (quality.national) is not the area's monthly sample.
        .filter(audit__national_file__isnull=True)
        .select_related("audit__child")
        .order_by("pk")
    )
    if drawn:
        return drawn
    finished = list(
        Audit.objects.filter(
            stage=Audit.Stage.FINISHED,
            proceedings__service_area=area,
            audited_on__gte=month,
            audited_on__lte=_month_end(month),
        )
        .exclude(auditor=by)
        .exclude(fca=by)
        # An audit moderated already (a national audit, by the national improvement service).
        .exclude(moderations__isnull=False)
        .select_related("child")
        .order_by("pk")
    )
    if not finished:
        raise ValidationError({"month": "No audits were finished in that month in this area"})
    size = min(len(finished), max(SAMPLE_AT_LEAST, math.ceil(len(finished) * SAMPLE_SHARE)))
    chosen = random.Random(f"{area.pk}:{month.isoformat()}").sample(finished, size)
    made = []
    for audit in sorted(chosen, key=lambda a: a.pk):
        moderation = Moderation(audit=audit, moderator=by, month=month)
        moderation.full_clean()
        moderation.save()
        _record(by, moderation, "drawn")
        made.append(moderation)
    return made


def audit_final_grades(audit: Audit) -> dict[str, str]:
    """The grades an audit finished with, by domain and overall: the agreed ones of a
    collaborative audit, the auditor's of a practice audit (an audit made before domains were
    graded has its overall grade only)."""
    view = View.AGREED if audit.kind == Audit.Kind.COLLABORATIVE else View.AUDITOR
    found = dict(DomainGrade.objects.filter(audit=audit, view=view).values_list("domain", "grade"))
    found[Domain.OVERALL] = audit.grade
    return found


@transaction.atomic
def moderation_grades_record(*, by, moderation: Moderation, grades: dict[str, str]) -> Moderation:
    """The moderator's own grades, given without seeing the audit's. They agree when every
    grade is the audit's; otherwise the two talk and resolve it."""
    require(by, rules.moderates, moderation, message="This moderation is not yours")
    moderation = (
        Moderation.objects.select_for_update().select_related("audit__child").get(pk=moderation.pk)
    )
    if moderation.stage != Moderation.Stage.TO_GRADE:
        raise ValidationError("This audit has been moderated already")
    first = audit_final_grades(moderation.audit)
    errors = {
        f"{domain}_grade": f"Choose a grade for {Domain(domain).label.lower()}"
        for domain in first
        if grades.get(domain) not in Grade.values
    }
    if errors:
        raise ValidationError(errors)
    rows = [
        ModerationGrade(
            moderation=moderation,
            domain=domain,
            grade=grades[domain],
            audit_grade=first[domain],
        )
        for domain in [*DOMAINS, Domain.OVERALL]
        if domain in first
    ]
    ModerationGrade.objects.bulk_create(rows)
    moderation.graded_at = timezone.now()
    moderation.agreed = all(not row.differs for row in rows)
    if moderation.agreed:
        moderation.stage = Moderation.Stage.DONE
        moderation.final_grade = moderation.audit.grade
        moderation.resolved_at = moderation.graded_at
    else:
        moderation.stage = Moderation.Stage.TO_DISCUSS
    moderation.full_clean()
    moderation.save()
    _record(by, moderation, "graded")
    return moderation


@transaction.atomic
def moderation_resolve_record(
    *, by, moderation: Moderation, finals: dict[str, str], reason: str
) -> Moderation:
    """After talking with the auditor: the final grade of each domain where the two differed,
    and why. The audit's grades and the moderator's stay as they were."""
    require(by, rules.moderates, moderation, message="This moderation is not yours")
    moderation = (
        Moderation.objects.select_for_update().select_related("audit__child").get(pk=moderation.pk)
    )
    if moderation.stage != Moderation.Stage.TO_DISCUSS:
        raise ValidationError("This moderation has no grades to resolve")
    differing = [row for row in moderation.grades.all() if row.differs]
    errors = {
        f"{row.domain}_final": f"Choose the final grade for {row.get_domain_display().lower()}"
        for row in differing
        if finals.get(row.domain) not in Grade.values
    }
    if not (reason or "").strip():
        errors["reason"] = "Write why these are the final grades"
    if errors:
        raise ValidationError(errors)
    for row in differing:
        row.final_grade = finals[row.domain]
        row.save(update_fields=["final_grade"])
    overall = next((row for row in differing if row.domain == Domain.OVERALL), None)
    moderation.final_grade = overall.final_grade if overall else moderation.audit.grade
    moderation.reason = reason.strip()
    moderation.stage = Moderation.Stage.DONE
    moderation.resolved_at = timezone.now()
    moderation.full_clean()
    moderation.save()
    _record(by, moderation, "resolved")
    return moderation
