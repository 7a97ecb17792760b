"""Demo feedback: a year of feedback links and answers from children, parents and carers and other
professionals, about the FCAs allocated to the demo children's proceedings.

Each service area gets its own tendency (drawn from the seed), and each FCA a smaller one, so the
dashboard shows real differences between places. Comments are invented, kind and critical, in
children's and adults' voices. Everything is inserted in bulk: the national size (about 60,000
answers) takes well under a minute and a half on SQLite.

Tokens come from the seeded random source, so a demo is the same for a seed; they are as long as
real ones but, unlike real ones, predictable from the seed. Demo data never reaches production.
"""

import base64
import datetime
from collections import defaultdict

from django.utils import timezone

from together.feedback.models import (
    Answer,
    Audience,
    FeedbackInvitation,
    FeedbackResponse,
    Source,
)
from together.feedback.services import OLDER_CHILD_FROM_AGE, feedback_summary_rebuild
from together.proceedings.models import Allocation, ProceedingsChild

from .children.rows import BulkLoad
from .generator import Context, bulk_create

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
QUESTIONS = ("listened", "respected", "explained", "understood_reasons", "could_say")

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
        self.area_bias: dict[int, float] = {}
        self.fca_bias: dict[int, float] = {}

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
        allocations = self._allocations()
        children = self._children_of({row[0] for row in allocations})
        invitations: list[FeedbackInvitation] = []
        answered: list[bool] = []
        for proceedings_id, fca_id, team_id, area_id, started, ended, law in allocations:
            start = max(started, self.since)
            end = min(ended or self.now, self.now)
            if end <= start:
                continue
            if area_id not in self.area_bias:
                self.area_bias[area_id] = self.rng.gauss(0, 0.55)
            if fca_id not in self.fca_bias:
                self.fca_bias[fca_id] = self.rng.gauss(0, 0.35)
            people = []
            for child_id, born in children.get(proceedings_id, ()):
                age = _age(born, start.date())
                if age >= YOUNGEST_ASKED:
                    audience = (
                        Audience.OLDER_CHILD
                        if age >= OLDER_CHILD_FROM_AGE
                        else Audience.YOUNGER_CHILD
                    )
                    people.append((audience, child_id))
            first_child = children.get(proceedings_id, [(None, None)])[0][0]
            if first_child is None:
                continue
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
                        audience=audience,
                        source=Source.LETTER
                        if audience != Audience.PROFESSIONAL
                        else Source.PLAN_SHARE,
                        source_id=self.ctx.uuid(),
                        child_id=child_id,
                        fca_id=fca_id,
                        team_id=team_id,
                        service_area_id=area_id,
                        created_at=created,
                        expires_at=created + datetime.timedelta(days=120),
                        created_by_id=fca_id,
                    )
                )
                answered.append(self.rng.random() < ANSWERS[audience])
        bulk_create(FeedbackInvitation, invitations, batch_size=2000)
        responses = []
        for invitation, answers in zip(invitations, answered, strict=True):
            if not answers:
                continue
            at = invitation.created_at + datetime.timedelta(hours=2 + self.rng.random() * 24 * 21)
            if at >= self.now:
                continue
            responses.append(self._response(invitation, at))
        bulk_create(FeedbackResponse, responses, batch_size=2000)
        self.ctx.count("feedback links", len(invitations))
        self.ctx.count("feedback answers", len(responses))

    def _response(self, invitation: FeedbackInvitation, at) -> FeedbackResponse:
        rng = self.rng
        audience = invitation.audience
        mood = 3.9 + self.area_bias[invitation.service_area_id] + self.fca_bias[invitation.fca_id]
        mood += rng.gauss(0, 0.9)
        values = {}
        for name in QUESTIONS:
            if rng.random() < DONT_KNOW[audience]:
                values[name] = Answer.DONT_KNOW
            else:
                values[name] = max(1, min(5, round(mood + rng.gauss(0, 0.6))))
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
