"""Demo safeguarding enquiries and letters for the private law applications before their first
hearing, at every stage: nothing done yet, checks asked, checks answered and parents talked
with, a draft letter, a filed letter. Letters for first hearings already past or close are late
when not filed, so managers see some overdue. Private law proceedings past their first hearing in
the last year have a filed letter. Where a check found something and domestic abuse was noted on
the application, the child's file carries the domestic abuse marker. Inserted in bulk.
"""

import datetime

from django.utils import timezone

from together.children.models import Child, DomesticAbuseSource, FamilyMember
from together.courtwork.enquiries import enquiries_text
from together.courtwork.models import (
    SafeguardingCheck,
    SafeguardingConversation,
    SafeguardingLetter,
)
from together.proceedings.models import Law, Party, Proceedings, ProceedingsChild, Stage

from .generator import Context, bulk_create

# How far each application before the first hearing has got, and how often (out of 100).
NOTHING, ASKED, ANSWERED, DRAFT, FILED = range(5)
STAGES = [NOTHING] * 12 + [ASKED] * 23 + [ANSWERED] * 25 + [DRAFT] * 20 + [FILED] * 20

POLICE = ["West Yorkshire Police", "Greater Manchester Police", "Thames Valley Police",
          "Avon and Somerset Police", "Northumbria Police", "Kent Police"]  # fmt: skip
COUNCILS = ["Leeds City Council", "Manchester City Council", "Reading Borough Council",
            "Bristol City Council", "Newcastle City Council", "Kent County Council"]  # fmt: skip
FINDINGS = [
    "Police were called to the family home once in 2024 after an argument between the parents. "
    "No one was arrested and no children were present.",
    "The local authority held a referral from the school in 2023 about late collection. "
    "It was closed after an assessment with no further action.",
    "A non-molestation order was made against the respondent in 2022 and has since ended.",
    "Police attended three reports of shouting at the home in the last two years. "
    "The children were present at two of them.",
]
ABOUT_CHILD = [
    "They said the children are settled at school and sleep well at both homes.",
    "They said their child has been anxious since the separation and asks for the other parent.",
    "They said the children love football and their grandparents, and see them every weekend.",
]
ABOUT_RISK = [
    "No worries about the children's safety with the other parent.",
    "Worried about arguments at handover, which the children have seen.",
    "Described being frightened of the other parent in the past, and controlling behaviour.",
]
SCREENING_ANSWERS = "No abuse now. Some arguments in the past, which the children did not see."
ANALYSIS = (
    "The enquiries show one past police call-out and no current involvement of the local "
    "authority. Both parents describe the children as settled. The screening answers raise no "
    "current risk that would stop the children spending time with each parent."
)
RECOMMENDATION = (
    "The children should keep spending time with both parents as now while the court decides. "
    "A section 7 report is not needed at this stage."
)


def generate(ctx: Context) -> None:
    today = ctx.today
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))
    year_ago = today - datetime.timedelta(days=365)
    found = list(
        Proceedings.objects.filter(law=Law.PRIVATE, closed_on__isnull=True)
        .exclude(stage=Stage.BEFORE_FIRST_HEARING, lead_fca__isnull=True)
        .filter(received_on__gte=year_ago)
        .order_by("pk")
        .values_list("pk", "stage", "received_on", "lead_fca_id", "domestic_abuse_noted")
    )
    ids = [row[0] for row in found]
    people: dict[int, list[FamilyMember]] = {}
    for party in Party.objects.filter(proceedings_id__in=ids).select_related("person"):
        people.setdefault(party.proceedings_id, []).append(party.person)
    checks, conversations, letters, marked = [], [], [], []
    for pk, stage, received, fca_id, abuse_noted in found:
        if fca_id is None:
            continue
        progress = FILED if stage != Stage.BEFORE_FIRST_HEARING else ctx.rng.choice(STAGES)
        if progress == NOTHING:
            continue
        start = max(received, today - datetime.timedelta(days=40))
        asked = min(today, start + datetime.timedelta(days=ctx.rng.randint(0, 3)))
        made = [
            SafeguardingCheck(
                uuid=ctx.uuid(),
                proceedings_id=pk,
                agency=agency,
                agency_name=ctx.rng.choice(names),
                asked_on=asked,
                recorded_by_id=fca_id,
                recorded_at=now,
            )
            for agency, names in (
                (SafeguardingCheck.Agency.POLICE, POLICE),
                (SafeguardingCheck.Agency.LOCAL_AUTHORITY, COUNCILS),
            )
        ]
        talked = []
        if progress >= ANSWERED:
            for check in made:
                check.answered_on = min(today, asked + datetime.timedelta(ctx.rng.randint(2, 8)))
                if ctx.rng.random() < 0.4:
                    check.result = SafeguardingCheck.Result.INFORMATION_HELD
                    check.findings = ctx.rng.choice(FINDINGS)
                else:
                    check.result = SafeguardingCheck.Result.NOTHING_KNOWN
            for person in people.get(pk, []):
                declined = ctx.rng.random() < 0.15
                held = min(asked + datetime.timedelta(days=ctx.rng.randint(1, 6)), today)
                talked.append(
                    SafeguardingConversation(
                        uuid=ctx.uuid(),
                        proceedings_id=pk,
                        person=person,
                        held_at=timezone.make_aware(
                            datetime.datetime.combine(held, datetime.time(10, 30))
                        ),
                        method=ctx.rng.choice(SafeguardingConversation.Method.values),
                        about_child=ctx.rng.choice(ABOUT_CHILD),
                        about_risk=ctx.rng.choice(ABOUT_RISK),
                        screening=(
                            SafeguardingConversation.Screening.DECLINED
                            if declined
                            else SafeguardingConversation.Screening.ANSWERED
                        ),
                        screening_answers="" if declined else SCREENING_ANSWERS,
                        language="English",
                        recorded_by_id=fca_id,
                        recorded_at=now,
                    )
                )
            if abuse_noted and any(c.findings for c in made):
                marked.append(pk)
        checks += made
        conversations += talked
        if progress >= DRAFT:
            filed = progress == FILED
            written = min(today, asked + datetime.timedelta(days=9))
            started = timezone.make_aware(datetime.datetime.combine(written, datetime.time(9)))
            letters.append(
                SafeguardingLetter(
                    uuid=ctx.uuid(),
                    proceedings_id=pk,
                    enquiries=enquiries_text(made, talked),
                    analysis=ANALYSIS,
                    recommendation=RECOMMENDATION if filed or ctx.rng.random() < 0.5 else "",
                    status=SafeguardingLetter.Status.FILED if filed else "draft",
                    filed_on=written if filed else None,
                    filed_by_id=fca_id if filed else None,
                    started_by_id=fca_id,
                    updated_by_id=fca_id,
                    started_at=started,
                    updated_at=started,
                )
            )
    bulk_create(SafeguardingCheck, checks)
    bulk_create(SafeguardingConversation, conversations)
    bulk_create(SafeguardingLetter, letters)
    children = ProceedingsChild.objects.filter(proceedings_id__in=marked).values("child_id")
    Child.objects.filter(pk__in=children).update(
        domestic_abuse=True,
        domestic_abuse_source=DomesticAbuseSource.ENQUIRIES,
        domestic_abuse_reason=(
            "The police check and the conversations with the parents describe domestic abuse."
        ),
        domestic_abuse_set_at=now,
    )
    ctx.count("safeguarding checks", len(checks))
    ctx.count("safeguarding conversations", len(conversations))
    ctx.count("safeguarding letters", len(letters))
