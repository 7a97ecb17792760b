"""Demo reports to the court and hearing outcomes.

About half the children in open proceedings after the first hearing have a report the court
directed (a section 7 report or addendum, a rule 16.4 guardian's report, an initial or final
analysis, or a position statement, by the kind of proceedings), at every stage: drafts, some
waiting for the supervisor, some sent back with a comment, agreed, and filed with the date. Some
not filed are overdue. Each is written from the child's plan where there is one (and names the
plan version). Past hearings in open proceedings have their outcome recorded for about two in
three; each child is then told what the judge decided, or not yet (some overdue). The demo FCA's
children always have some of each. Most children with a written report have other professionals
who know them on the family page (a teacher, a GP or health visitor), and most reports quote
them with what they said. Inserted in bulk.
"""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.utils import timezone

from together.accounts.models import Role, User
from together.children.models import Professional
from together.courtwork.report_models import (
    ChildTold,
    CourtReport,
    HearingOutcome,
    ReportComment,
    ReportKind,
    ReportQuote,
    ReportRecommendation,
    ReportStatus,
)
from together.letters.workingdays import add_working_days
from together.organisation.models import TeamMembership
from together.plans.models import PlanVersion
from together.proceedings.models import Hearing, Kind, ProceedingsChild, Stage

from .generator import Context, bulk_create
from .organisation import DEMO_ACCOUNTS

REPORTED = 0.5
OUTCOME_RECORDED = 0.65
STAGES = (
    [ReportStatus.DRAFT] * 35
    + [ReportStatus.READY_FOR_REVIEW] * 15
    + [ReportStatus.AGREED] * 15
    + [ReportStatus.FILED] * 35
)
KINDS = {
    Kind.SECTION_7: [ReportKind.SECTION_7] * 4 + [ReportKind.SECTION_7_ADDENDUM],
    Kind.RULE_16_4: [ReportKind.RULE_16_4] * 3 + [ReportKind.POSITION_STATEMENT],
    Kind.CARE_S31: [ReportKind.INITIAL_ANALYSIS] * 2
    + [ReportKind.FINAL_ANALYSIS] * 2
    + [ReportKind.POSITION_STATEMENT],
}
ASKED = [
    "Where should {name} live, and how often should {name} spend time with each parent?",
    "Is it safe for {name} to spend time with their father, and if so how?",
    "What are {name}'s wishes and feelings about where they live?",
    "Should {name} return to the care of their mother, and what support is needed?",
    "What plan for {name}'s care best meets their needs now and as they grow up?",
]
HARM = [
    "Arguments between the adults late at night, which {name} heard from their bedroom.",
    "Missed school on many days last term when home was unsettled.",
    "Told by one parent not to talk about the other, which left {name} worried and quiet.",
]
NON_RECENT = [
    "In 2023 the police were called after a fight at home; {name} saw it and still talks of it.",
    "{name} was left alone overnight twice in 2022. It shapes how safe they feel now.",
]
COERCIVE = [
    "Mum describes dad checking her phone and keeping money from her. School saw her upset.",
    "None known. Both parents were asked, and the police and council checks found none.",
]
UNIQUE = [
    "{name} loves drawing trains and can name every station on the line to the coast.",
    "{name} is funny and kind, and looks after the family dog every morning.",
    "{name} plays football on Saturdays and wants to be a vet.",
]
STRENGTHS = [
    "Grandma lives nearby and helps every day. Both parents want the best for {name}.",
    "Mum has kept {name} at the same school and in touch with friends.",
]
IMPACT = [
    "{name} finds it hard to sleep before a visit and is quieter at school afterwards.",
    "{name} worries about each parent and tries to keep both happy.",
]
WISHES = [
    "I want to live with mum and see dad at weekends.",
    "I want to stay at my school. I miss my dad.",
    "I like it at nan's. I want everyone to stop shouting.",
]
RESPONSES = ["That's fair.", "I still want to see dad more.", "OK. Can I tell my teacher?"]
RECOMMENDATIONS = [
    (
        "{name} lives with their mother.",
        "Mum keeps a calm home and {name} is settled at school.",
    ),
    (
        "{name} spends every other weekend with their father, with a handover at grandma's.",
        "Time with dad is safe when grandma is there, and {name} wants it.",
    ),
    (
        "The family are offered a parenting course about conflict.",
        "Both parents said they would go, and the arguments are what harm {name} most.",
    ),
]
ORDERS = [
    "Child arrangements order: lives with mother, time with father every other weekend.",
    "Interim care order to the local council. Next hearing listed.",
    "No order made today. Section 7 report directed.",
]
# Other professionals who know the child: (role, their role, name, organisation, what they said).
PROFESSIONALS = [
    (
        Professional.Role.SCHOOL,
        "Class teacher",
        "Priya Shah",
        "Hillside Primary School",
        "{name} is settled in class and has good friends. {name} is quieter after weekends.",
    ),
    (
        Professional.Role.GP,
        "",
        "Dr Owen Price",
        "Riverside Surgery",
        "No worries about {name}'s health. Mum brings {name} to every appointment.",
    ),
    (
        Professional.Role.HEALTH_VISITOR,
        "",
        "Grace Obi",
        "Northgate Health Centre",
        "Home visits went well. {name} is meeting milestones and is close to grandma.",
    ),
    (
        Professional.Role.SOCIAL_WORKER,
        "",
        "Tom Reid",
        "Local council children's services",
        "We closed our work in the spring. We would want to know if arguments start again.",
    ),
]
QUOTED = 0.7

WORDS_TOLD = [
    "The judge said you will keep living with mum, and see dad every other weekend.",
    "The judge listened to what you told me. You will stay with nan for now.",
]


def _pick(ctx: Context, options: list[str], name: str) -> str:
    return ctx.rng.choice(options).format(name=name)


def generate(ctx: Context) -> None:
    today = ctx.today
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(17)))
    demo_fca = (
        User.objects.filter(email=DEMO_ACCOUNTS[Role.FCA]).values_list("pk", flat=True).first()
    )
    supervisor_of = {}
    for team_id, user_id in TeamMembership.objects.filter(
        ended_on__isnull=True, user__role=Role.PRACTICE_SUPERVISOR
    ).values_list("team_id", "user_id"):
        supervisor_of.setdefault(team_id, user_id)
    latest_version = {
        (child_id, proceedings_id): number
        for child_id, proceedings_id, number in PlanVersion.objects.values(
            "plan__child_id", "plan__proceedings_id"
        )
        .annotate(number=Max("number"))
        .values_list("plan__child_id", "plan__proceedings_id", "number")
    }
    version_ids = {}
    if latest_version:
        for pk, child_id, proceedings_id, number in PlanVersion.objects.values_list(
            "pk", "plan__child_id", "plan__proceedings_id", "number"
        ):
            if latest_version.get((child_id, proceedings_id)) == number:
                version_ids[(child_id, proceedings_id)] = pk
    links = ProceedingsChild.objects.filter(
        proceedings__closed_on__isnull=True,
        proceedings__stage=Stage.AFTER_FIRST_HEARING,
        proceedings__lead_fca__isnull=False,
    ).values_list(
        "child_id",
        "child__preferred_name",
        "proceedings_id",
        "proceedings__kind",
        "proceedings__received_on",
        "proceedings__report_due_on",
        "proceedings__lead_fca_id",
        "proceedings__team_id",
    )
    reports, extras = [], []
    for row in links.order_by("pk"):
        child_id, name, proceedings_id, kind, received, due, fca_id, team_id = row
        if fca_id != demo_fca and ctx.rng.random() >= REPORTED:
            continue
        status = ctx.rng.choice(STAGES)
        ordered = min(today, received + datetime.timedelta(days=ctx.rng.randint(20, 90)))
        due = due if due and due >= ordered else ordered + datetime.timedelta(weeks=12)
        if status != ReportStatus.FILED and ctx.rng.random() < 0.25:
            due = today - datetime.timedelta(days=ctx.rng.randint(1, 20))  # overdue
            ordered = min(ordered, due)
        written = ctx.rng.random() < 0.9 or status != ReportStatus.DRAFT
        filed_on = None
        if status == ReportStatus.FILED:
            filed_on = min(today, max(ordered, due - datetime.timedelta(days=2)))
        supervisor = supervisor_of.get(team_id)
        if status in (ReportStatus.AGREED, ReportStatus.FILED) and supervisor is None:
            status, filed_on = ReportStatus.READY_FOR_REVIEW, None
        updated = timezone.make_aware(datetime.datetime.combine(ordered, datetime.time(10)))
        report = CourtReport(
            uuid=ctx.uuid(),
            proceedings_id=proceedings_id,
            child_id=child_id,
            kind=ctx.rng.choice(KINDS.get(kind, [ReportKind.POSITION_STATEMENT])),
            ordered_on=ordered,
            due_on=due,
            court_asked=_pick(ctx, ASKED, name),
            status=status,
            filed_on=filed_on,
            written_from_id=version_ids.get((child_id, proceedings_id)),
            harm=_pick(ctx, HARM, name) if written else "",
            non_recent_harm=_pick(ctx, NON_RECENT, name) if written else "",
            coercive_control=_pick(ctx, COERCIVE, name) if written else "",
            unique_about_child=_pick(ctx, UNIQUE, name),
            family_strengths=_pick(ctx, STRENGTHS, name) if written else "",
            impact_on_child=_pick(ctx, IMPACT, name) if written else "",
            wishes_and_feelings=_pick(ctx, WISHES, name) if written else "",
            shared_with_child=(
                f"I shared the recommendations with {name} in person at school." if written else ""
            ),
            child_response=_pick(ctx, RESPONSES, name) if written else "",
            created_by_id=fca_id,
            updated_by_id=fca_id,
            created_at=updated,
            updated_at=updated,
            agreed_by_id=supervisor
            if status in (ReportStatus.AGREED, ReportStatus.FILED)
            else None,
            agreed_at=updated if status in (ReportStatus.AGREED, ReportStatus.FILED) else None,
            version=ctx.rng.randint(3, 15),
        )
        reports.append(report)
        extras.append((name, supervisor, written))
    bulk_create(CourtReport, reports)
    recommendations, comments = [], []
    for report, (name, supervisor, written) in zip(reports, extras, strict=True):
        if not written:
            continue
        for order, (text, evidence) in enumerate(
            ctx.rng.sample(RECOMMENDATIONS, ctx.rng.randint(1, 3)), start=1
        ):
            differs = order == 1 and ctx.rng.random() < 0.2
            recommendations.append(
                ReportRecommendation(
                    uuid=ctx.uuid(),
                    report=report,
                    order=order,
                    recommendation=text.format(name=name),
                    evidence=evidence.format(name=name),
                    differs_from_wishes=differs,
                    why_different=(
                        f"{name} wants more time with dad, but handovers without grandma "
                        "led to arguments {name} found frightening.".format(name=name)
                        if differs
                        else ""
                    ),
                )
            )
        if report.status == ReportStatus.DRAFT and supervisor and ctx.rng.random() < 0.3:
            comments.append(
                ReportComment(
                    uuid=ctx.uuid(),
                    report=report,
                    by_id=supervisor,
                    at=report.updated_at,
                    text=f"Please say more about what {name}'s school told you.",
                    sends_back=True,
                )
            )
    bulk_create(ReportRecommendation, recommendations)
    bulk_create(ReportComment, comments)
    ctx.count("reports to the court", len(reports))
    _professionals(ctx, reports, extras, today)

    _outcomes(ctx, today, now, demo_fca)


def _professionals(ctx: Context, reports, extras, today) -> None:
    """Other professionals who know each child with a written report (one or two, talked with
    before the report was due), most of them quoted in the report."""
    found, chosen = [], []
    seen = set()
    for report, (name, _supervisor, written) in zip(reports, extras, strict=True):
        if not written or report.child_id in seen:
            continue
        seen.add(report.child_id)
        for role, detail, who, organisation, said in ctx.rng.sample(
            PROFESSIONALS, ctx.rng.randint(1, 2)
        ):
            consulted = min(today, report.ordered_on + datetime.timedelta(days=14))
            professional = Professional(
                uuid=ctx.uuid(),
                child_id=report.child_id,
                role=role,
                role_detail=detail,
                name=who,
                organisation=organisation,
                consulted_on=consulted,
                what_they_said=said.format(name=name),
                recorded_by_id=report.created_by_id,
                recorded_at=timezone.make_aware(
                    datetime.datetime.combine(consulted, datetime.time(15))
                ),
            )
            found.append(professional)
            if ctx.rng.random() < QUOTED:
                chosen.append((report, professional))
    bulk_create(Professional, found)
    quotes, orders = [], {}
    for report, professional in chosen:
        orders[report.pk] = orders.get(report.pk, 0) + 1
        quotes.append(
            ReportQuote(
                uuid=ctx.uuid(),
                report=report,
                professional=professional,
                order=orders[report.pk],
                words=professional.what_they_said,
            )
        )
    bulk_create(ReportQuote, quotes)
    ctx.count("professionals who know the children", len(found))


def _outcomes(ctx: Context, today, now, demo_fca) -> None:
    hearings = Hearing.objects.filter(
        proceedings__closed_on__isnull=True,
        proceedings__lead_fca__isnull=False,
        starts_at__lt=now,
        starts_at__gte=now - datetime.timedelta(days=120),
    ).values_list("pk", "proceedings_id", "starts_at", "proceedings__lead_fca_id")
    children = {}
    for proceedings_id, child_id in ProceedingsChild.objects.filter(
        proceedings__closed_on__isnull=True
    ).values_list("proceedings_id", "child_id"):
        children.setdefault(proceedings_id, []).append(child_id)
    outcomes, pending = [], []
    for hearing_id, proceedings_id, starts_at, fca_id in hearings.order_by("pk"):
        if fca_id != demo_fca and ctx.rng.random() >= OUTCOME_RECORDED:
            continue
        heard = timezone.localdate(starts_at)
        outcome = HearingOutcome(
            uuid=ctx.uuid(),
            hearing_id=hearing_id,
            orders_made=ctx.rng.choice(ORDERS),
            directions="Report to be filed two weeks before the next hearing.",
            next_hearing_on=heard + datetime.timedelta(weeks=ctx.rng.randint(6, 14)),
            recorded_by_id=fca_id,
            recorded_at=starts_at + datetime.timedelta(hours=5),
        )
        outcomes.append(outcome)
        pending.append((outcome, proceedings_id, heard, fca_id))
    bulk_create(HearingOutcome, outcomes)
    tellings = []
    for outcome, proceedings_id, heard, fca_id in pending:
        due = add_working_days(heard, 10)
        for child_id in children.get(proceedings_id, []):
            told = due < today or ctx.rng.random() < 0.5
            told = told and ctx.rng.random() < 0.8  # some left overdue
            told_on = min(today, heard + datetime.timedelta(days=ctx.rng.randint(1, 9)))
            tellings.append(
                ChildTold(
                    uuid=ctx.uuid(),
                    outcome=outcome,
                    child_id=child_id,
                    due_on=due,
                    told_on=told_on if told else None,
                    method=ctx.rng.choice(["in_person", "video", "letter"]) if told else "",
                    words_for_child=ctx.rng.choice(WORDS_TOLD) if told else "",
                    child_response="OK. Can I still see nan?" if told else "",
                    recorded_by_id=fca_id if told else None,
                )
            )
    bulk_create(ChildTold, tellings)
    ctx.count("hearing outcomes", len(outcomes))
