"""Demo national quality audit: one round in progress, started six weeks ago, its sample drawn
and given to auditors from other areas, about a third of the files audited. The demo practice
supervisor has a few files from other areas to audit, so signing in as them shows the journey.

Made through quality.national's services (a round is 200 files at most: no bulk insert needed).
"""

import datetime

from django.utils import timezone

from together.accounts.models import Role, User
from together.quality import national, spotlight
from together.quality.models import Domain, Moderation, ModerationGrade
from together.quality.national_models import NationalAuditRound, SpotlightLetter

from .generator import Context, bulk_create
from .organisation import DEMO_ACCOUNTS
from .quality import GRADES

AUDITED_SHARE = 0.35
NOTES = [
    "The letter to the child used the name they asked to be called, and their plan used their "
    "own words about home. The analysis of the harm could say more about what it meant for them.",
    "A warm introduction and the child was seen alone three times. The reasons for the "
    "recommendation were explained to the child in words they could follow.",
    "Good use of what the child's teacher knew. The record of the last meeting is short and does "
    "not say what the child thought of the plan.",
    "The file shows the child's wishes clearly. The risks of the father's behaviour were named as "
    "domestic abuse, not as conflict between the parents.",
]

Judgement = SpotlightLetter.Judgement
JUDGEMENTS = [Judgement.WELL] * 5 + [Judgement.PARTLY] * 4 + [Judgement.NOT]
SPOTLIGHT_COMMENTS = {
    Judgement.WELL: "The letter talks about the things the child told us they love.",
    Judgement.PARTLY: "It uses the child's name and age, but little of what makes them them.",
    Judgement.NOT: "This letter could have been sent to any child of that age.",
}


def generate(ctx: Context) -> None:
    national_lead = User.objects.get(email=DEMO_ACCOUNTS[Role.NATIONAL_PERFORMANCE])
    today = ctx.today
    round_ = NationalAuditRound.objects.create(
        title=f"National case quality audit, autumn {today.year}",
        focus=NationalAuditRound.Focus.ALL,
        starts_on=today - datetime.timedelta(weeks=6),
        ends_on=today + datetime.timedelta(weeks=4),
        sample_size=200,
        seed=ctx.rng.randint(1, 2**31 - 2),
        created_by=national_lead,
    )
    drawn = national.national_sample_draw(by=national_lead, round_=round_)
    if not drawn:
        return
    national.national_files_assign_automatically(by=national_lead, round_=round_)
    # The demo supervisor audits three files from other areas.
    supervisor = User.objects.get(email=DEMO_ACCOUNTS[Role.PRACTICE_SUPERVISOR])
    theirs = (
        round_.files.exclude(service_area_id=supervisor.service_area_id)
        .exclude(fca=supervisor)
        .order_by("position")[:3]
    )
    for file in theirs:
        national.national_file_assign(by=national_lead, file=file, auditor=supervisor)
    files = list(
        round_.files.exclude(auditor=supervisor).select_related("auditor").order_by("position")
    )
    audited = 0
    for file in files:
        if ctx.rng.random() >= AUDITED_SHARE:
            continue
        national.national_audit_record(
            by=file.auditor,
            file=file,
            grade=ctx.rng.choice(GRADES),
            audited_on=today - datetime.timedelta(days=ctx.rng.randint(0, 40)),
            notes=ctx.rng.choice(NOTES),
        )
        audited += 1
    ctx.count("national audit files", drawn)
    ctx.count("national audits done", audited)
    _national_moderation(ctx, round_, national_lead)
    _letters_spotlight(ctx)


def _national_moderation(ctx: Context, round_, national_lead) -> None:
    """The national improvement service has moderated most of the audited files marked for it
    (made in bulk, as the local moderations are: the demo writes no audit events): mostly
    agreeing, sometimes not, then resolved with a reason. The last two wait for the demo
    national account to grade them."""
    marked = list(
        round_.files.filter(moderated=True, audit__isnull=False)
        .select_related("audit")
        .order_by("position")
    )
    made = []
    for place, file in enumerate(marked):
        audit = file.audit
        moderation = Moderation(
            uuid=ctx.uuid(),
            audit_id=audit.pk,
            moderator_id=national_lead.pk,
            month=audit.audited_on.replace(day=1),
            drawn_at=timezone.make_aware(datetime.datetime.combine(audit.audited_on, NOON)),
        )
        grade = None
        if place < len(marked) - 2:
            grade = audit.grade if ctx.rng.random() < 0.75 else ctx.rng.choice(GRADES)
            settled = ctx.rng.choice([grade, audit.grade]) if grade != audit.grade else ""
            moderation.graded_at = moderation.drawn_at + datetime.timedelta(days=2)
            moderation.agreed = grade == audit.grade
            moderation.stage = Moderation.Stage.DONE
            moderation.resolved_at = moderation.graded_at
            moderation.final_grade = settled or audit.grade
            if settled:
                moderation.reason = ctx.rng.choice(MODERATION_REASONS)
            grade = (grade, settled)
        made.append((moderation, audit, grade))
    bulk_create(Moderation, [m for m, _, _ in made])
    ModerationGrade.objects.bulk_create(
        ModerationGrade(
            moderation_id=moderation.pk,
            domain=Domain.OVERALL,
            grade=grade[0],
            audit_grade=audit.grade,
            final_grade=grade[1],
        )
        for moderation, audit, grade in made
        if grade is not None
    )
    ctx.count("national moderations", len(made))


NOON = datetime.time(12)
MODERATION_REASONS = [
    "We talked it through: the risk analysis was thinner than the grade suggested.",
    "The child's own words were there after all, in the meeting notes; the first grade stands.",
    "The letter to the child was late and generic: agreed a lower grade.",
]


def _letters_spotlight(ctx: Context) -> None:
    """The demo assistant director's letters spotlight for this year, half of it read."""
    director = User.objects.get(email=DEMO_ACCOUNTS[Role.ASSISTANT_DIRECTOR])
    found = spotlight.letters_spotlight_create(by=director, year=ctx.today.year)
    items = list(found.letters.order_by("position"))
    for item in items[: len(items) // 2]:
        judgement = ctx.rng.choice(JUDGEMENTS)
        spotlight.spotlight_letter_record(
            by=director, item=item, judgement=judgement, comment=SPOTLIGHT_COMMENTS[judgement]
        )
    ctx.count("letters in the spotlight", len(items))
