"""Audits, observations and moderations for tests, made directly or through the services."""

import datetime

from django.utils import timezone

from together.quality import services
from together.quality.models import DOMAINS, Audit, Domain, DomainGrade, Grade, Observation, View

UTC = datetime.UTC


def all_grades(grade=Grade.GOOD, evidence="The plan uses her own words about school"):
    return dict.fromkeys(DOMAINS, (grade, evidence))


def grades_post(grade=Grade.GOOD, overall=None, evidence="Seen in the plan and meetings", **more):
    data = {}
    for domain in DOMAINS:
        data[f"{domain}_grade"] = grade
        data[f"{domain}_evidence"] = evidence
    data["overall"] = overall or grade
    data.update(more)
    return data


def make_audit(world, *, kind=Audit.Kind.PRACTICE, stage=Audit.Stage.IN_PROGRESS, **fields):
    """An audit of the allocated FCA's work with the world's child, by their supervisor."""
    values = {
        "child": world.child,
        "proceedings": world.proceedings,
        "auditor": world.supervisor_team,
        "fca": world.fca_allocated,
        "kind": kind,
        "stage": stage,
        "started_at": timezone.now(),
    }
    values.update(fields)
    if values["stage"] == Audit.Stage.FINISHED:
        values.setdefault("audited_on", timezone.localdate())
        values.setdefault("grade", Grade.GOOD)
    return Audit.objects.create(**values)


def finished_audit(world, grade=Grade.GOOD, domain_grade=Grade.GOOD, **fields):
    audit = make_audit(world, stage=Audit.Stage.FINISHED, grade=grade, **fields)
    view = View.AGREED if audit.is_collaborative else View.AUDITOR
    rows = [
        DomainGrade(audit=audit, view=view, domain=d, grade=domain_grade, recorded_by=audit.auditor)
        for d in DOMAINS
    ]
    rows.append(
        DomainGrade(
            audit=audit, view=view, domain=Domain.OVERALL, grade=grade, recorded_by=audit.auditor
        )
    )
    DomainGrade.objects.bulk_create(rows)
    return audit


def self_assessed(world):
    """A collaborative audit with the FCA's self-assessment in."""
    audit = make_audit(world, kind=Audit.Kind.COLLABORATIVE, stage=Audit.Stage.SELF_ASSESSMENT)
    return services.audit_self_assessment_record(
        by=world.fca_allocated,
        audit=audit,
        version=audit.version,
        grades=all_grades(Grade.OUTSTANDING, ""),
        overall=Grade.OUTSTANDING,
        impact="Jayden told me he felt heard",
    )


def observation_made(world, on, *, fca=None, observer=None, what="A meeting at school"):
    """An observation of an FCA's practice (the allocated FCA's unless `fca`), on day `on`."""
    return Observation.objects.create(
        fca=fca or world.fca_allocated,
        observer=observer or world.supervisor_team,
        observed_on=on,
        what=what,
        with_whom="Jayden and his teacher",
        worked_well="Drew a map of his week together",
    )


def audits_done(world, fca, collaborative, practice, on):
    """`collaborative` and `practice` finished audits of `fca`, each audited on day `on`."""
    for kind, count in ((Audit.Kind.COLLABORATIVE, collaborative), (Audit.Kind.PRACTICE, practice)):
        for _ in range(count):
            finished_audit(world, fca=fca, kind=kind, audited_on=on)
