"""Every quality service checks who is calling it, whoever calls it: a page, an API or a task
(see tests/write_permissions.py for how these tests work)."""

import datetime

from django.utils import timezone

from tests.quality.factories import (
    all_grades,
    finished_audit,
    make_audit,
    self_assessed,
)
from tests.write_permissions import INACTIVE, SIGNED_OUT, Write, WritePermissions
from together.quality import services
from together.quality.models import DOMAINS, Audit, Domain, Grade, QualityAction

# Everyone in `world` but the one who may.
_OTHERS = (
    "fca_same_team",
    "fca_other_area",
    "supervisor_other_team",
    "manager_other_area",
    "national",
    "head_region",
    "business_area",
    "sysadmin",
    SIGNED_OUT,
)
NOT_THE_AUDITOR = (*_OTHERS, "fca_allocated", "manager_area", INACTIVE)
NOT_THE_FCA = (*_OTHERS, "supervisor_team", "manager_area", INACTIVE)


def _collaborative(world):
    return make_audit(world, kind=Audit.Kind.COLLABORATIVE, stage=Audit.Stage.SELF_ASSESSMENT)


def _action(world):
    return QualityAction.objects.create(
        audit=finished_audit(world),
        text="Read the guidance on endings",
        owner=world.fca_allocated,
        due_on=datetime.date(2027, 1, 31),
        created_by=world.supervisor_team,
    )


WRITES = {
    "audit_start": Write(
        lambda world, by, _: services.audit_start(
            by=by,
            fca=world.fca_allocated,
            child=world.child,
            proceedings=world.proceedings,
            kind=Audit.Kind.PRACTICE,
        ),
        refused=(*_OTHERS, "fca_allocated", INACTIVE),
        allowed="supervisor_team",
    ),
    "audit_start (by the service manager)": Write(
        lambda world, by, _: services.audit_start(
            by=by,
            fca=world.fca_allocated,
            child=world.child,
            proceedings=world.proceedings,
            kind=Audit.Kind.COLLABORATIVE,
        ),
        refused=("manager_other_area", "head_other_region"),
        allowed="manager_area",
    ),
    "audit_self_assessment_record": Write(
        lambda world, by, audit: services.audit_self_assessment_record(
            by=by,
            audit=audit,
            version=audit.version,
            grades=all_grades(),
            overall=Grade.GOOD,
            impact="Jayden said the letter helped",
        ),
        refused=NOT_THE_FCA,
        allowed="fca_allocated",
        setup=_collaborative,
    ),
    "audit_family_voice_record": Write(
        lambda world, by, audit: services.audit_family_voice_record(
            by=by, audit=audit, version=audit.version, responses=[], conversation="It helped"
        ),
        refused=NOT_THE_AUDITOR,
        allowed="supervisor_team",
        setup=self_assessed,
    ),
    "audit_grades_record": Write(
        lambda world, by, audit: services.audit_grades_record(
            by=by,
            audit=audit,
            version=audit.version,
            grades=all_grades(),
            overall=Grade.GOOD,
            worked_well="Clear letters",
        ),
        refused=NOT_THE_AUDITOR,
        allowed="supervisor_team",
        setup=make_audit,
    ),
    "audit_agreement_record": Write(
        lambda world, by, audit: services.audit_agreement_record(
            by=by,
            audit=audit,
            version=audit.version,
            grades=all_grades(),
            overall=Grade.GOOD,
            worked_well="Clear letters",
        ),
        refused=NOT_THE_AUDITOR,
        allowed="supervisor_team",
        setup=lambda world: services.audit_grades_record(
            by=world.supervisor_team,
            audit=(audit := self_assessed(world)),
            version=audit.version,
            grades=all_grades(),
            overall=Grade.GOOD,
            worked_well="Clear letters",
        ),
    ),
    "audit_addendum_add": Write(
        lambda world, by, audit: services.audit_addendum_add(
            by=by, audit=audit, text="The family wrote to say thank you"
        ),
        refused=(*_OTHERS, "manager_area", INACTIVE),
        allowed="fca_allocated",
        setup=finished_audit,
    ),
    "audit_action_add": Write(
        lambda world, by, audit: services.audit_action_add(
            by=by,
            audit=audit,
            text="Use a storyboard for the ending",
            owner=world.fca_allocated,
            due_on=datetime.date(2027, 2, 1),
        ),
        refused=NOT_THE_AUDITOR,
        allowed="supervisor_team",
        setup=finished_audit,
    ),
    "quality_action_mark_done": Write(
        lambda world, by, action: services.quality_action_mark_done(by=by, action=action),
        refused=NOT_THE_FCA,
        allowed="fca_allocated",
        setup=_action,
    ),
}


def _last_month():
    today = timezone.localdate()
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def _finished_last_month(world):
    return finished_audit(world, audited_on=_last_month() + datetime.timedelta(days=2))


def _drawn(world):
    _finished_last_month(world)
    return services.moderation_sample_create(
        by=world.manager_area, area=world.area, month=_last_month()
    )[0]


def _to_discuss(world):
    moderation = _drawn(world)
    grades = dict.fromkeys([*DOMAINS, Domain.OVERALL], Grade.INADEQUATE)
    return services.moderation_grades_record(
        by=world.manager_area, moderation=moderation, grades=grades
    )


NOT_THE_MODERATOR = (
    "fca_allocated",
    "supervisor_team",
    "manager_other_area",
    "head_other_region",
    "national",
    "business_area",
    "sysadmin",
    SIGNED_OUT,
    INACTIVE,
)

WRITES.update(
    {
        "moderation_sample_create": Write(
            lambda world, by, _: services.moderation_sample_create(
                by=by, area=world.area, month=_last_month()
            ),
            refused=NOT_THE_MODERATOR,
            allowed="manager_area",
            setup=_finished_last_month,
        ),
        "moderation_grades_record": Write(
            lambda world, by, moderation: services.moderation_grades_record(
                by=by,
                moderation=moderation,
                grades=dict.fromkeys([*DOMAINS, Domain.OVERALL], Grade.GOOD),
            ),
            refused=(*NOT_THE_MODERATOR, "head_region"),
            allowed="manager_area",
            setup=_drawn,
        ),
        "moderation_resolve_record": Write(
            lambda world, by, moderation: services.moderation_resolve_record(
                by=by,
                moderation=moderation,
                finals=dict.fromkeys([*DOMAINS, Domain.OVERALL], Grade.GOOD),
                reason="We agreed after talking it through",
            ),
            refused=(*NOT_THE_MODERATOR, "head_region"),
            allowed="manager_area",
            setup=_to_discuss,
        ),
    }
)


WRITES.update(
    {
        "observation_record": Write(
            lambda world, by, _: services.observation_record(
                by=by,
                fca=world.fca_allocated,
                observed_on=timezone.localdate(),
                what="A meeting with a child at school",
                with_whom="Jayden",
                worked_well="He led the conversation",
                action="Read the guidance on endings",
                action_due_on=datetime.date(2027, 3, 1),
            ),
            refused=(*_OTHERS, "fca_allocated", INACTIVE),
            allowed="supervisor_team",
        ),
        "theme_save": Write(
            lambda world, by, _: services.theme_save(by=by, name="Brothers and sisters"),
            refused=(
                "fca_allocated",
                "supervisor_team",
                "manager_area",
                "head_region",
                "business_area",
                "sysadmin",
                SIGNED_OUT,
            ),
            allowed="national",
        ),
    }
)


class TestWritePermissions(WritePermissions):
    app = "quality"
    writes = WRITES
