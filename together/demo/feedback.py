"""Demo feedback: answers from children, parents and carers and other professionals, about the
FCAs allocated to the demo children's proceedings, over the last year and before.

Letters carry most links (demo/letters.py makes them; this runs after it): some of the sent
letters' links are answered, after the letter was sent and at the questions that fit then (an
introduction answered after the child was met is asked about the meeting). Plans shared with
parents and carers, other professionals and some children carry the rest, made here.

Most people say the work went well, as the real service hears (above 90% of children felt
listened to). Each service area gets a small tendency of its own and each FCA a smaller one, and
a few areas and FCAs are set clearly lower, so the dashboard shows real differences and places
that need attention. Comments are invented, kind and critical, in children's and adults'
voices. Everything is inserted in bulk: the national size (about 60,000 answers) takes well
under a minute and a half on SQLite.

Tokens and codes come from the seeded random source, so a demo is the same for a seed; they are
as long as real ones but, unlike real ones, predictable from the seed. Demo data never reaches
production.
"""

import base64
import bisect
import datetime
from collections import defaultdict

from django.utils import timezone

from together.accounts.models import Role, User
from together.children.models import Meeting
from together.feedback.models import (
    Answer,
    Audience,
    FeedbackInvitation,
    FeedbackResponse,
    Source,
    Stage,
)
from together.feedback.questions import questions_for
from together.feedback.services import OLDER_CHILD_FROM_AGE, feedback_summary_rebuild
from together.organisation.models import ServiceArea
from together.proceedings.models import Allocation, ProceedingsChild

from .children.rows import BulkLoad
from .generator import Context, bulk_create
from .organisation import DEMO_ACCOUNTS

# Children younger than this are not sent a link of their own.
YOUNGEST_ASKED = 5
# How likely each kind of person is to answer.
ANSWERS = {
    Audience.YOUNGER_CHILD: 0.35,
    Audience.OLDER_CHILD: 0.4,
    Audience.PARENT_CARER: 0.45,
    Audience.PROFESSIONAL: 0.5,
}
DONT_KNOW = {
    Audience.YOUNGER_CHILD: 0.12,
    Audience.OLDER_CHILD: 0.07,
    Audience.PARENT_CARER: 0.03,
    Audience.PROFESSIONAL: 0.02,
}
# How answers lean: the centre of the five-point scale they are drawn around, how much each area
# and each FCA moves it, and how much one answer differs from the next. With these about nine
# in ten say they felt listened to.
MOOD = 4.75
AREA_SPREAD = 0.2
FCA_SPREAD = 0.3
ANSWER_SPREAD = 0.75
QUESTION_SPREAD = 0.45
# A few areas and FCAs whose answers are clearly lower: the places a manager should look at.
AREAS_NEEDING_ATTENTION = 2
AREA_ATTENTION = -0.85
FCA_ATTENTION_SHARE = 0.06
FCA_ATTENTION = -0.7
# Of the plans shared in a year, the share sent with a link to a child old enough to answer.
CHILD_PLAN_LINK = 0.6

CHILD_KIND = [
    "They let me draw while we talked and that helped.",
    "I liked that they came to my school and not my house.",
    "They remembered my dog's name.",
    "It was nice that they wrote me a letter with pictures.",
    "They told me what the judge said before anyone else did.",
    "I could say stuff without my mum hearing.",
    "They asked me what I wanted, not just what my dad wanted.",
    "Thank you for listening to me.",
    "They said sorry when they were late and that was fair.",
    "I liked the games we played. It made it easier to talk.",
]
CHILD_CRITICAL = [
    "I only saw them once. I wanted to see them more.",
    "They used big words I did not get.",
    "Nobody told me what happened at court for ages.",
    "I did not like talking in the office. It was cold and boring.",
    "They asked the same questions as the social worker.",
    "I told them what I wanted and it still did not happen. Nobody said why.",
    "Please tell kids what is going on sooner.",
    "The letter was too long.",
    "I wanted my brother there when we talked.",
    "They kept changing the day they were coming.",
]
ADULT_KIND = [
    "She explained everything clearly and never made me feel judged.",
    "He took the time to listen to my side, which nobody else had done.",
    "The letter to my son was lovely. He keeps it in his room.",
    "Calls were always returned the same day. That meant a lot.",
    "I did not agree with everything, but I understood the reasons.",
    "Thank you for being kind to my daughter.",
    "They checked that I had an interpreter every time.",
    "Clear, honest and fair. I knew where I stood.",
]
ADULT_CRITICAL = [
    "I found out what was in the report on the day of the hearing.",
    "It felt like the decision was made before we met.",
    "Too many changes of worker. I had to tell my story three times.",
    "Phone calls at short notice while I was at work made it hard.",
    "The report got my children's names and ages wrong.",
    "Please explain what happens next. I was left guessing for weeks.",
    "I did not feel my worries about contact were taken seriously.",
    "More time to read the recommendations before court would help.",
]
PROFESSIONAL_KIND = [
    "Good joint working and timely updates before each hearing.",
    "Clear analysis; the child's voice came through strongly.",
    "Very responsive to emails and shared the plan early.",
]
PROFESSIONAL_CRITICAL = [
    "The plan arrived the evening before the hearing.",
    "Hard to reach by phone; messages went unanswered for a week.",
    "Recommendations did not reflect the latest school information.",
]
ANYTHING_ELSE_CHILD = [
    "I like football.",
    "Can I have a copy of my letter?",
    "My nan helps me a lot.",
    "Thank you.",
    "I am happier now.",
]
ANYTHING_ELSE_ADULT = [
    "Thank you for your patience with us.",
    "It has been a hard year but we are getting there.",
    "Please pass my thanks on.",
    "I would like a copy of the plan in large print.",
]


def generate(ctx: Context) -> None:
    with BulkLoad():
        _Maker(ctx).invite_and_answer()
    # The answers were inserted in bulk: count the dashboard's summary from them.
    feedback_summary_rebuild()


class _Maker:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rng = ctx.rng
        self.now = timezone.make_aware(datetime.datetime.combine(ctx.today, datetime.time(17, 0)))
        self.since = self.now - datetime.timedelta(days=365)
        self.area_bias = self._area_biases()
        self.fca_bias: dict[int, float] = {}

    def _area_biases(self) -> dict[int, float]:
        """Each area's lean, and a few (never the demo manager's own) clearly lower."""
        areas = list(ServiceArea.objects.order_by("pk").values_list("pk", flat=True))
        bias = {area: self.rng.gauss(0, AREA_SPREAD) for area in areas}
        demo_area = (
            User.objects.filter(email=DEMO_ACCOUNTS[Role.SERVICE_MANAGER])
            .values_list("service_area_id", flat=True)
            .first()
        )
        others = [area for area in areas if area != demo_area]
        for area in self.rng.sample(others, min(AREAS_NEEDING_ATTENTION, len(others))):
            bias[area] += AREA_ATTENTION
        return bias

    def _fca(self, fca_id: int) -> float:
        if fca_id not in self.fca_bias:
            lean = self.rng.gauss(0, FCA_SPREAD)
            if self.rng.random() < FCA_ATTENTION_SHARE:
                lean += FCA_ATTENTION
            self.fca_bias[fca_id] = lean
        return self.fca_bias[fca_id]

    def _token(self) -> str:
        return base64.urlsafe_b64encode(self.rng.getrandbits(192).to_bytes(24, "big")).decode()

    def _allocations(self):
        rows = (
            Allocation.objects.filter(started_at__lt=self.now)
            .exclude(ended_at__lt=self.since)
            .values_list(
                "proceedings_id",
                "fca_id",
                "team_id",
                "team__service_area_id",
                "started_at",
                "ended_at",
                "proceedings__law",
            )
            .order_by("pk")
        )
        return list(rows)

    def _children_of(self, proceedings_ids):
        children = defaultdict(list)
        links = ProceedingsChild.objects.values_list(
            "proceedings_id", "child_id", "child__date_of_birth"
        ).order_by("pk")
        wanted = set(proceedings_ids)
        for proceedings_id, child_id, born in links.iterator(chunk_size=20_000):
            if proceedings_id in wanted:
                children[proceedings_id].append((child_id, born))
        return children

    def invite_and_answer(self) -> None:
        plan_links = self._plan_links()
        bulk_create(FeedbackInvitation, plan_links, batch_size=2000)
        responses = []
        for invitation, born in [*self._letter_links(), *((i, None) for i in plan_links)]:
            if born is not None and _age(born, invitation.opened_at.date()) < YOUNGEST_ASKED:
                continue  # a letter to a baby: nobody answers for them
            if self.rng.random() >= ANSWERS[invitation.audience]:
                continue
            hours = 2 + self.rng.random() * 24 * 21
            at = invitation.opened_at + datetime.timedelta(hours=hours)
            if at >= min(self.now, invitation.expires_at):
                continue
            responses.append(self._response(invitation, at))
        bulk_create(FeedbackResponse, responses, batch_size=2000)
        self.ctx.count("feedback links", len(plan_links))
        self.ctx.count("feedback answers", len(responses))

    def _letter_links(self):
        """The sent letters' links (demo/letters.py made them), with the child's date of birth
        for those to a child, and the child's meetings for introductions."""
        rows = (
            FeedbackInvitation.objects.filter(source=Source.LETTER, opened_at__isnull=False)
            .values_list(
                "pk",
                "audience",
                "stage",
                "child_id",
                "fca_id",
                "service_area_id",
                "team_id",
                "opened_at",
                "expires_at",
                "child__date_of_birth",
            )
            .order_by("pk")
        )
        links = []
        for pk, audience, stage, child_id, fca_id, area_id, team_id, opened, expires, born in rows:
            invitation = FeedbackInvitation(
                pk=pk,
                audience=audience,
                stage=stage,
                child_id=child_id,
                fca_id=fca_id,
                service_area_id=area_id,
                team_id=team_id,
                opened_at=opened,
                expires_at=expires,
            )
            is_child = audience != Audience.PARENT_CARER
            links.append((invitation, born if is_child else None))
        introduced = {i.child_id for i, _ in links if i.stage == Stage.INTRODUCTION}
        self.meetings = defaultdict(list)
        met = (
            Meeting.objects.filter(outcome=Meeting.Outcome.MET)
            .values_list("child_id", "occurred_at")
            .order_by("occurred_at")
        )
        for child_id, occurred in met.iterator(chunk_size=20_000):
            if child_id in introduced:
                self.meetings[child_id].append(occurred)
        return links

    def _met_between(self, child_id, start, end) -> bool:
        times = self.meetings.get(child_id, ())
        i = bisect.bisect_left(times, start)
        return i < len(times) and times[i] <= end

    def _plan_links(self) -> list[FeedbackInvitation]:
        """Links sent with shared plans: to parents and carers, other professionals (always in
        public law) and some children old enough to answer, in the last year."""
        allocations = self._allocations()
        children = self._children_of({row[0] for row in allocations})
        invitations: list[FeedbackInvitation] = []
        for proceedings_id, fca_id, team_id, area_id, started, ended, law in allocations:
            start = max(started, self.since)
            end = min(ended or self.now, self.now)
            if end <= start or not children.get(proceedings_id):
                continue
            self._fca(fca_id)
            first_child = children[proceedings_id][0][0]
            people = []
            for child_id, born in children[proceedings_id]:
                age = _age(born, start.date())
                if age >= YOUNGEST_ASKED and self.rng.random() < CHILD_PLAN_LINK:
                    older = age >= OLDER_CHILD_FROM_AGE
                    people.append(
                        (Audience.OLDER_CHILD if older else Audience.YOUNGER_CHILD, child_id)
                    )
            for _ in range(self.rng.choice((1, 2, 2))):
                people.append((Audience.PARENT_CARER, first_child))
            if law == "public" or self.rng.random() < 0.3:
                people.append((Audience.PROFESSIONAL, first_child))
            span = (end - start).total_seconds()
            for audience, child_id in people:
                created = start + datetime.timedelta(seconds=self.rng.random() * span)
                invitations.append(
                    FeedbackInvitation(
                        uuid=self.ctx.uuid(),
                        token=self._token(),
                        code=self.ctx.feedback_code(),
                        audience=audience,
                        source=Source.PLAN_SHARE,
                        stage=Stage.ENDING,
                        source_id=self.ctx.uuid(),
                        child_id=child_id,
                        fca_id=fca_id,
                        team_id=team_id,
                        service_area_id=area_id,
                        created_at=created,
                        opened_at=created,
                        expires_at=created + datetime.timedelta(days=120),
                        created_by_id=fca_id,
                    )
                )
        return invitations

    def _response(self, invitation: FeedbackInvitation, at) -> FeedbackResponse:
        rng = self.rng
        audience = invitation.audience
        stage = invitation.stage
        if stage == Stage.INTRODUCTION and self._met_between(
            invitation.child_id, invitation.opened_at, at
        ):
            stage = Stage.AFTER_MEETING
        mood = MOOD + self.area_bias.get(invitation.service_area_id, 0.0)
        mood += self._fca(invitation.fca_id) + rng.gauss(0, ANSWER_SPREAD)
        values = {}
        for name in questions_for(stage):
            if rng.random() < DONT_KNOW[audience]:
                values[name] = Answer.DONT_KNOW
            else:
                values[name] = max(1, min(5, round(mood + rng.gauss(0, QUESTION_SPREAD))))
        is_child = audience in (Audience.YOUNGER_CHILD, Audience.OLDER_CHILD)
        happy = mood >= 3.5
        do_better = anything_else = ""
        if rng.random() < 0.4:
            if audience == Audience.PROFESSIONAL:
                pool = PROFESSIONAL_KIND if happy else PROFESSIONAL_CRITICAL
            elif is_child:
                pool = CHILD_KIND if happy else CHILD_CRITICAL
            else:
                pool = ADULT_KIND if happy else ADULT_CRITICAL
            if rng.random() < 0.25:  # the kind can be critical too, and the other way round
                pool = {
                    id(CHILD_KIND): CHILD_CRITICAL,
                    id(CHILD_CRITICAL): CHILD_KIND,
                    id(ADULT_KIND): ADULT_CRITICAL,
                    id(ADULT_CRITICAL): ADULT_KIND,
                    id(PROFESSIONAL_KIND): PROFESSIONAL_CRITICAL,
                    id(PROFESSIONAL_CRITICAL): PROFESSIONAL_KIND,
                }[id(pool)]
            do_better = rng.choice(pool)
        if rng.random() < 0.12:
            anything_else = rng.choice(ANYTHING_ELSE_CHILD if is_child else ANYTHING_ELSE_ADULT)
        return FeedbackResponse(
            uuid=self.ctx.uuid(),
            invitation_id=invitation.pk,
            audience=audience,
            stage=stage,
            fca_id=invitation.fca_id,
            team_id=invitation.team_id,
            service_area_id=invitation.service_area_id,
            do_better=do_better,
            anything_else=anything_else,
            answered_at=at,
            **values,
        )


def _age(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
