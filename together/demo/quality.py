"""Demo quality assurance: a year of audits of the FCAs' work with children by the practice
supervisors of their teams (about half of them collaborative, with the FCA's self-assessment and
the agreed grades), observations of practice, monthly moderation by each area's service manager,
themes and actions, so the quality pages and the scorecard's quality figures have something to
show.

About one set of proceedings in six that someone led in the last year is audited once, on a day
while it was led; most audits are graded good, some outstanding, fewer requiring improvement or
inadequate, and each domain's grade sits near the overall one. A few FCAs go more than three
months without an audit. The demo supervisor has an audit to grade and the demo FCA a
self-assessment to make; the demo manager has last month's sample to moderate. Inserted in bulk.
"""

import datetime

from django.utils import timezone

from together.accounts.models import Role
from together.organisation.models import TeamMembership
from together.proceedings.models import Allocation, ProceedingsChild
from together.quality.models import (
    DOMAINS,
    Audit,
    AuditChange,
    Domain,
    DomainGrade,
    Grade,
    Moderation,
    ModerationGrade,
    Observation,
    QualityAction,
    Theme,
    View,
)

from .generator import Context, bulk_create

AUDITED_SHARE = 1 / 6
COLLABORATIVE_SHARE = 0.5
GRADES = [Grade.OUTSTANDING] * 10 + [Grade.GOOD] * 55 + [Grade.REQUIRES_IMPROVEMENT] * 28
GRADES += [Grade.INADEQUATE] * 7
ORDER = [Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE]
THEMES = [
    "Domestic abuse",
    "Diversity and identity",
    "Seeing children",
    "Reasoning",
    "Letters",
    "The child's own words",
    "Sharing recommendations",
    "Endings",
    "Working with other professionals",
]
WORKED_WELL = [
    "The introductory letter used the child's own interests and went out in the first week.",
    "The child's words about home are written down as they said them and shaped the plan.",
    "The plan explains the recommendation in words the child can follow.",
    "The adviser met the child at school, where they said they felt most at ease.",
    "The ending letter told the child what happened and who to talk to next.",
    "The risks were weighed carefully and the professionals who know the child were asked.",
]
EVIDENCE = {
    Domain.UNIQUENESS: [
        "About me is full, with the name the child uses and how to say it.",
        "Little about what matters to the child beyond school.",
    ],
    Domain.VOICE: [
        "Three meetings, each with the child's own words recorded.",
        "One meeting by video; the child's words are summarised, not quoted.",
    ],
    Domain.REASONING: [
        "The recommendation was shared with the child and their response recorded.",
        "The reasons are clear for the court but were not explained to the child.",
    ],
    Domain.RISK: [
        "Abuse is told apart from conflict and past harm is taken seriously.",
        "Coercive control was not considered although the police checks suggest it.",
    ],
    Domain.RELATIONSHIPS: [
        "Introduced on time with a letter; a storyboard helped explain the move.",
        "The introductory letter went late and there is no ending letter yet.",
    ],
    Domain.RECORDING: [
        "Respectful and clear: the child could read this one day.",
        "Some jargon in the analysis section.",
    ],
}
ACTIONS = [
    "Write the ending letter with the child's words in it",
    "Share the recommendation with the child and record their response",
    "Read the guidance on coercive control and talk it through in supervision",
    "Add what matters to the child to About me",
    "Use a storyboard to explain the plan",
]
WITH_WHOM = [
    "A first meeting with a child at school",
    "A visit to a child and their foster carer",
    "A call with a parent about the recommendation",
    "Sharing the plan with a teenager at a youth centre",
]
OBSERVED_WELL = [
    "Let the child lead and used drawings to talk about home.",
    "Explained the court's role in everyday words and checked it was understood.",
    "Stayed calm and kind when the parent was upset, and said what happens next.",
]
TO_IMPROVE = [
    "Leave more time at the end for the child's questions.",
    "Check the child's name and how to say it before the meeting.",
    "",
]
REASONS = [
    "We talked it through: the analysis of risk was sound but the child's view was missing.",
    "After discussion we agreed the letters were late but the work with the child was good.",
]


def _near(ctx: Context, grade: str) -> str:
    """A domain's grade: usually the overall one, sometimes a step either side."""
    roll = ctx.rng.random()
    index = ORDER.index(grade)
    if roll < 0.15 and index > 0:
        return ORDER[index - 1]
    if roll > 0.85 and index < len(ORDER) - 1:
        return ORDER[index + 1]
    return grade


def _at(day: datetime.date, hour: int = 11) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def generate(ctx: Context) -> None:
    themes = _themes()
    audits, lead_of = _audits(ctx)
    _grades_themes_actions(ctx, audits, themes)
    _in_progress(ctx, lead_of)
    _observations(ctx, themes)
    _moderations(ctx)


def _themes() -> list[Theme]:
    """The product's themes (a migration adds them; a demo loaded after emptying the tables
    puts them back)."""
    for name in THEMES:
        Theme.objects.get_or_create(name=name)
    return list(Theme.objects.filter(in_use=True).order_by("name"))


def _supervisors() -> dict[int, int]:
    supervisor_of = {}
    for team_id, user_id in (
        TeamMembership.objects.filter(ended_on__isnull=True, user__role=Role.PRACTICE_SUPERVISOR)
        .order_by("pk")
        .values_list("team_id", "user_id")
    ):
        supervisor_of.setdefault(team_id, user_id)
    return supervisor_of


def _audits(ctx: Context):
    today = ctx.today
    since = today - datetime.timedelta(days=364)
    supervisor_of = _supervisors()
    first_child = {}
    for proceedings_id, child_id in ProceedingsChild.objects.order_by("pk").values_list(
        "proceedings_id", "child_id"
    ):
        first_child.setdefault(proceedings_id, child_id)
    audits = []
    lead_of = []  # (proceedings, child, fca, supervisor) of open leads, for audits in progress
    year_ago = timezone.make_aware(datetime.datetime.combine(since, datetime.time()))
    leads = (
        Allocation.objects.filter(kind=Allocation.Kind.LEAD)
        .exclude(ended_at__lt=year_ago)
        .order_by("pk")
        .values_list("proceedings_id", "fca_id", "team_id", "started_at", "ended_at")
    )
    for proceedings_id, fca_id, team_id, started, ended in leads:
        auditor = supervisor_of.get(team_id)
        if ended is None and auditor is not None and auditor != fca_id:
            lead_of.append((proceedings_id, first_child[proceedings_id], fca_id, auditor))
        if ctx.rng.random() >= AUDITED_SHARE or auditor is None or auditor == fca_id:
            continue
        first = max(since, timezone.localdate(started))
        last = min(today, timezone.localdate(ended)) if ended else today
        if last < first:
            continue
        audited_on = first + datetime.timedelta(days=ctx.rng.randint(0, (last - first).days))
        collaborative = ctx.rng.random() < COLLABORATIVE_SHARE
        audits.append(
            Audit(
                uuid=ctx.uuid(),
                child_id=first_child[proceedings_id],
                proceedings_id=proceedings_id,
                auditor_id=auditor,
                fca_id=fca_id,
                audited_on=audited_on,
                grade=ctx.rng.choice(GRADES),
                kind=Audit.Kind.COLLABORATIVE if collaborative else Audit.Kind.PRACTICE,
                stage=Audit.Stage.FINISHED,
                started_at=_at(audited_on - datetime.timedelta(days=ctx.rng.randint(3, 20))),
                finished_at=_at(audited_on, 15),
                worked_well=ctx.rng.choice(WORKED_WELL),
                self_impact=(
                    "The child said they understood why the court decided what it did."
                    if collaborative
                    else ""
                ),
                self_assessed_at=_at(audited_on - datetime.timedelta(days=2))
                if collaborative
                else None,
                family_conversation=(
                    "Their mum said the adviser listened and explained things clearly."
                    if collaborative
                    else ""
                ),
            )
        )
    bulk_create(Audit, audits)
    ctx.count("audits of the work with children", len(audits))
    ctx.made["audits"] = audits
    return audits, lead_of


def _grades_themes_actions(ctx: Context, audits: list[Audit], themes: list[Theme]) -> None:
    grades, tags, actions = [], [], []
    Tag = Audit.themes.through
    for audit in audits:
        views = [View.AUDITOR]
        if audit.kind == Audit.Kind.COLLABORATIVE:
            views = [View.SELF, View.AUDITOR, View.AGREED]
        for view in views:
            recorded_by = audit.fca_id if view == View.SELF else audit.auditor_id
            at = audit.self_assessed_at if view == View.SELF else audit.finished_at
            for domain in DOMAINS:
                good = ORDER.index(_near(ctx, audit.grade)) <= 1
                grades.append(
                    DomainGrade(
                        audit_id=audit.pk,
                        view=view,
                        domain=domain,
                        grade=audit.grade if view == View.AGREED else _near(ctx, audit.grade),
                        evidence=EVIDENCE[domain][0 if good else 1],
                        recorded_by_id=recorded_by,
                        recorded_at=at,
                    )
                )
            overall = audit.grade if view != View.SELF else _near(ctx, audit.grade)
            grades.append(
                DomainGrade(
                    audit_id=audit.pk,
                    view=view,
                    domain=Domain.OVERALL,
                    grade=overall,
                    recorded_by_id=recorded_by,
                    recorded_at=at,
                )
            )
        for theme in ctx.rng.sample(themes, k=ctx.rng.choice([0, 1, 1, 2])):
            tags.append(Tag(audit_id=audit.pk, theme_id=theme.pk))
        if ctx.rng.random() < 0.4:
            due = audit.audited_on + datetime.timedelta(days=28)
            done = due < ctx.today and ctx.rng.random() < 0.7
            actions.append(
                QualityAction(
                    uuid=ctx.uuid(),
                    audit_id=audit.pk,
                    text=ctx.rng.choice(ACTIONS),
                    owner_id=audit.fca_id,
                    due_on=due,
                    done_on=due - datetime.timedelta(days=ctx.rng.randint(0, 20)) if done else None,
                    created_by_id=audit.auditor_id,
                    created_at=audit.finished_at,
                )
            )
    DomainGrade.objects.bulk_create(grades, batch_size=2000)
    Tag.objects.bulk_create(tags, batch_size=2000)
    _changes_before_finishing(ctx, audits)
    bulk_create(QualityAction, actions)
    ctx.count("actions from audits", len(actions))


def _changes_before_finishing(ctx: Context, audits: list[Audit]) -> None:
    """Some auditors saved their grades of a collaborative audit twice before agreeing them:
    the audit keeps what changed, and when."""
    changes = []
    for audit in audits:
        if audit.kind != Audit.Kind.COLLABORATIVE or ctx.rng.random() >= 0.25:
            continue
        domain = ctx.rng.choice(DOMAINS)
        before = _near(ctx, audit.grade)
        changes.append(
            AuditChange(
                audit_id=audit.pk,
                step="graded",
                changes=[
                    f"{Domain(domain).label}: {Grade(before).label} changed to "
                    f"{Grade(audit.grade).label}",
                    "What worked well was rewritten.",
                ],
                changed_by_id=audit.auditor_id,
                changed_at=audit.finished_at - datetime.timedelta(days=1),
            )
        )
    AuditChange.objects.bulk_create(changes, batch_size=2000)
    ctx.count("audits saved again before they were finished", len(changes))


def _in_progress(ctx: Context, lead_of: list) -> None:
    """The demo supervisor's audits under way: one waiting for the demo FCA's self-assessment,
    and a practice audit to grade."""
    staff = {u.email: u for u in ctx.made.get("staff", [])}
    fca, supervisor = staff.get("fca@example.org"), staff.get("supervisor@example.org")
    if fca is None or supervisor is None:
        return
    theirs = [row for row in lead_of if row[2] == fca.pk and row[3] == supervisor.pk]
    made = []
    for (proceedings_id, child_id, _, _), kind in zip(
        theirs, [Audit.Kind.COLLABORATIVE, Audit.Kind.PRACTICE], strict=False
    ):
        made.append(
            Audit(
                uuid=ctx.uuid(),
                child_id=child_id,
                proceedings_id=proceedings_id,
                auditor_id=supervisor.pk,
                fca_id=fca.pk,
                kind=kind,
                stage=(
                    Audit.Stage.SELF_ASSESSMENT
                    if kind == Audit.Kind.COLLABORATIVE
                    else Audit.Stage.IN_PROGRESS
                ),
                started_at=_at(ctx.today - datetime.timedelta(days=2)),
            )
        )
    bulk_create(Audit, made)
    ctx.count("audits under way", len(made))


def _observations(ctx: Context, themes: list[Theme]) -> None:
    """Two observations a year for most FCAs, one for some, none for a few; most tagged with a
    theme or two, as audits are."""
    supervisor_of = _supervisors()
    observations, actions = [], []
    fcas = (
        TeamMembership.objects.filter(ended_on__isnull=True, user__role=Role.FCA)
        .order_by("pk")
        .values_list("user_id", "team_id")
    )
    for fca_id, team_id in fcas:
        observer = supervisor_of.get(team_id)
        if observer is None:
            continue
        for _ in range(ctx.rng.choice([0, 1, 2, 2, 2, 2])):
            on = ctx.today - datetime.timedelta(days=ctx.rng.randint(1, 360))
            observation = Observation(
                uuid=ctx.uuid(),
                fca_id=fca_id,
                observer_id=observer,
                observed_on=on,
                what="Watched the adviser's work and talked about it afterwards.",
                with_whom=ctx.rng.choice(WITH_WHOM),
                worked_well=ctx.rng.choice(OBSERVED_WELL),
                to_improve=ctx.rng.choice(TO_IMPROVE),
                recorded_at=_at(on, 16),
            )
            observations.append(observation)
    bulk_create(Observation, observations)
    Tag = Observation.themes.through
    Tag.objects.bulk_create(
        [
            Tag(observation_id=observation.pk, theme_id=theme.pk)
            for observation in observations
            for theme in ctx.rng.sample(themes, k=ctx.rng.choice([0, 1, 1, 2]))
        ],
        batch_size=2000,
    )
    for observation in observations:
        if observation.to_improve and ctx.rng.random() < 0.5:
            due = observation.observed_on + datetime.timedelta(days=30)
            actions.append(
                QualityAction(
                    uuid=ctx.uuid(),
                    observation_id=observation.pk,
                    text=observation.to_improve,
                    owner_id=observation.fca_id,
                    due_on=due,
                    done_on=due if due < ctx.today and ctx.rng.random() < 0.6 else None,
                    created_by_id=observation.observer_id,
                    created_at=observation.recorded_at,
                )
            )
    bulk_create(QualityAction, actions)
    ctx.count("observations of practice", len(observations))


def _moderations(ctx: Context) -> None:
    """Each area's service manager moderates two audits a month for the last six months; about
    three in four agree, the rest are resolved with a reason. Last month's sample in the demo
    area is left for the demo manager to grade."""
    audits = ctx.made.get("audits", [])
    if not audits:
        return
    area_of = dict(
        Audit.objects.filter(pk__in=[a.pk for a in audits]).values_list(
            "pk", "proceedings__service_area"
        )
    )
    managers = {
        u.service_area_id: u for u in ctx.made.get("staff", []) if u.role == Role.SERVICE_MANAGER
    }
    final = {
        (g.audit_id, g.domain): g.grade
        for g in DomainGrade.objects.filter(
            audit_id__in=[a.pk for a in audits], view__in=[View.AUDITOR, View.AGREED]
        ).order_by("view")  # "agreed" after "auditor": a collaborative audit's final grades win
    }
    this_month = ctx.today.replace(day=1)
    months = [this_month]
    for _ in range(6):
        months.append((months[-1] - datetime.timedelta(days=1)).replace(day=1))
    by_area_month: dict = {}
    for audit in audits:
        month = audit.audited_on.replace(day=1)
        by_area_month.setdefault((area_of[audit.pk], month), []).append(audit)
    moderations, rows = [], []
    for (area_id, month), found in sorted(by_area_month.items(), key=lambda item: item[0]):
        manager = managers.get(area_id)
        if manager is None or month not in months[1:]:
            continue
        for audit in ctx.rng.sample(found, k=min(2, len(found))):
            moderation = Moderation(
                uuid=ctx.uuid(),
                audit_id=audit.pk,
                moderator_id=manager.pk,
                month=month,
                drawn_at=_at(month + datetime.timedelta(days=35), 9),
            )
            last_month_in_demo_area = month == months[1] and manager.email == "manager@example.org"
            if last_month_in_demo_area:
                moderations.append((moderation, []))
                continue
            agreed = ctx.rng.random() < 0.75
            grades = []
            for domain in [*DOMAINS, Domain.OVERALL]:
                first = final.get((audit.pk, domain), audit.grade)
                theirs = first if agreed else _near(ctx, first)
                settled = ctx.rng.choice([theirs, first]) if theirs != first else ""
                grades.append((domain, theirs, first, settled))
            differs = any(theirs != first for _, theirs, first, _ in grades)
            moderation.graded_at = _at(month + datetime.timedelta(days=40))
            moderation.agreed = not differs
            moderation.stage = Moderation.Stage.DONE
            moderation.resolved_at = moderation.graded_at
            moderation.final_grade = grades[-1][3] or audit.grade
            if differs:
                moderation.reason = ctx.rng.choice(REASONS)
            moderations.append((moderation, grades))
    bulk_create(Moderation, [m for m, _ in moderations])
    for moderation, grades in moderations:
        for domain, theirs, first, settled in grades:
            rows.append(
                ModerationGrade(
                    moderation_id=moderation.pk,
                    domain=domain,
                    grade=theirs,
                    audit_grade=first,
                    final_grade=settled,
                )
            )
    ModerationGrade.objects.bulk_create(rows, batch_size=2000)
    ctx.count("moderations of audits", len(moderations))
