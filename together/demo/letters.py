"""Demo letters: introductory letters for most children in open proceedings (some missing, some
late, so the oversight page varies by team), ending letters for many children whose proceedings
closed in the last year, and welcome letters to parents and carers. Words come from the national
templates, filled in as the service fills them.

Every letter carries its own feedback link, made here in bulk with a token from `secrets` (as
the service makes them) and a short code from the seeded source. As in the service, the link
works from when the letter was sent: a draft's link is not open yet. The feedback demo
(demo/feedback.py) runs after this and answers some of these links, so every letter link in the
demo opens its letter.
"""

from __future__ import annotations

import datetime
import secrets
from collections import defaultdict

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from together.accounts.models import Role, User
from together.children.models import PARENT_OR_CARER, ChildConnection
from together.letters import services
from together.letters.models import OLDER_FROM_AGE, Kind, Letter, LetterTemplate, SentHow, Style
from together.letters.selectors import ENDING_LOOKBACK_DAYS
from together.letters.workingdays import add_working_days
from together.organisation.models import TeamMembership
from together.proceedings.models import Allocation, ProceedingsChild

from .children.rows import BulkLoad, Table, row_class
from .generator import Context

LetterRow = row_class(Letter)

# Shares of children who get each letter (the rest show as missing on the oversight page).
INTRODUCED = 0.85
INTRODUCED_ON_TIME = 0.75  # of those sent: within 10 working days of allocation
INTRODUCTION_STILL_DRAFT = 0.08
WELCOMED_PARENT = 0.4
ENDED = 0.7
ENDED_PARENT = 0.25
NOT_YET_PRINTED = 0.1  # sent letters with no print recorded (the batch page has work to do)

MEETING_PLANS = [
    "I will come to your school on Tuesday after lunch.",
    "I will visit you at home after school on Thursday.",
    "We can meet at the park near your house on Saturday morning.",
    "I will see you at school next week. Your teacher knows I am coming.",
    "We can talk on a video call on Wednesday after school.",
]
REACH_ME = [
    "Call or text me on 07700 900123, Monday to Friday.",
    "Ask your carer to call me on 07700 900456.",
    "Send me a text on 07700 900789. I will reply the same day.",
    "Ask your teacher to email me, and I will call you back.",
]
HOW = [SentHow.POST] * 4 + [SentHow.HANDED] * 3 + [SentHow.READ_TOGETHER] * 2 + [SentHow.EMAIL]


def generate(ctx: Context) -> None:
    _Maker(ctx).make()


class _Maker:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rng = ctx.rng
        self.today = ctx.today
        self.now = timezone.make_aware(datetime.datetime.combine(ctx.today, datetime.time(17, 0)))
        services.letter_library_seed()
        self.templates = {
            (t.kind, t.style): t
            for t in LetterTemplate.objects.filter(service_area__isnull=True, is_current=True)
        }
        self.staff = {
            pk: (given, family, about or "I work with children and families.")
            for pk, given, family, about in User.objects.filter(
                role__in=[Role.FCA, Role.PRACTICE_SUPERVISOR]
            ).values_list("pk", "given_name", "family_name", "about_me")
        }
        self.teams = dict(
            TeamMembership.objects.filter(ended_on__isnull=True).values_list("user_id", "team_id")
        )
        self.letters: list = []
        self.ages: list[int] = []
        self.printed: set[int] = set()

    # --- what to write ------------------------------------------------------------------------

    def make(self) -> None:
        open_children = self._open_children()
        closed_children = self._closed_children()
        parents = self._parents({row[0] for row in open_children + closed_children})
        for child_id, name, born, proceedings_id, fca_id, area_id, allocated in open_children:
            if self.rng.random() < INTRODUCED:
                self._introduce(child_id, name, born, proceedings_id, fca_id, area_id, allocated)
            if parents.get(child_id) and self.rng.random() < WELCOMED_PARENT:
                started = allocated + datetime.timedelta(days=self.rng.randint(1, 12))
                parent = self.rng.choice(parents[child_id])
                self._letter(
                    Kind.WELCOME_PARENT, child_id, name, born, proceedings_id, fca_id, area_id,
                    started, self._sent_after(started, 5), parent=parent,
                )  # fmt: skip
        for child_id, name, born, proceedings_id, fca_id, area_id, closed_on in closed_children:
            ended = self.now.replace(
                year=closed_on.year, month=closed_on.month, day=closed_on.day
            ) + datetime.timedelta(days=self.rng.randint(0, 20))
            if ended >= self.now:
                continue
            if self.rng.random() < ENDED:
                self._letter(
                    Kind.ENDING_CHILD, child_id, name, born, proceedings_id, fca_id, area_id,
                    ended, self._sent_after(ended, 4),
                )  # fmt: skip
            if parents.get(child_id) and self.rng.random() < ENDED_PARENT:
                self._letter(
                    Kind.ENDING_PARENT, child_id, name, born, proceedings_id, fca_id, area_id,
                    ended, self._sent_after(ended, 4), parent=self.rng.choice(parents[child_id]),
                )  # fmt: skip
        self._insert()

    def _introduce(self, child_id, name, born, proceedings_id, fca_id, area_id, allocated):
        rng = self.rng
        allocated_on = timezone.localtime(allocated).date()
        started = allocated + datetime.timedelta(days=rng.randint(0, 5), hours=rng.randint(1, 6))
        if started >= self.now:
            return
        if rng.random() < INTRODUCTION_STILL_DRAFT:
            sent = None
        elif rng.random() < INTRODUCED_ON_TIME:
            deadline = add_working_days(allocated_on, 10)
            day = deadline - datetime.timedelta(days=rng.randint(0, 7))
            sent = self.now.replace(year=day.year, month=day.month, day=day.day, hour=11)
            sent = max(sent, started + datetime.timedelta(hours=1))
        else:
            sent = started + datetime.timedelta(days=rng.randint(16, 45))
        if sent is not None and sent >= self.now:
            sent = None
        self._letter(
            Kind.INTRODUCTORY_CHILD, child_id, name, born, proceedings_id, fca_id, area_id,
            started, sent,
        )  # fmt: skip

    def _sent_after(self, started, most_days):
        sent = started + datetime.timedelta(days=self.rng.randint(0, most_days), hours=2)
        return sent if sent < self.now and self.rng.random() < 0.9 else None

    def _letter(self, kind, child_id, name, born, proceedings_id, fca_id, area_id, started, sent,
                parent=None):  # fmt: skip
        given, family, about = self.staff.get(fca_id, ("Sam", "Taylor", ""))
        age = _age(born, started.date())
        if parent is None:
            style = Style.OLDER if age >= OLDER_FROM_AGE else Style.YOUNGER
        else:
            style = Style.ADULT
        template = self.templates[(kind, style)]
        values = {
            "child_name": name,
            "fca_first_name": given,
            "fca_full_name": f"{given} {family}",
            "fca_about_me": about,
            "meeting_plan": self.rng.choice(MEETING_PLANS),
            "how_to_reach_me": self.rng.choice(REACH_ME),
            "parent_name": parent[1] if parent else "",
        }
        body = services.fill(template.body, values)
        letter = LetterRow(
            uuid=self.ctx.uuid(),
            child_id=child_id,
            kind=kind,
            recipient_id=parent[0] if parent else None,
            recipient_name=f"{parent[1]} {parent[2]}".strip() if parent else name,
            fca_id=fca_id,
            proceedings_id=proceedings_id,
            service_area_id=area_id,
            template_id=template.pk,
            template_version=template.version,
            style=style,
            body=body,
            started_at=started,
            started_by_id=fca_id,
            updated_at=started,
            updated_by_id=fca_id,
        )
        self.ages.append(age)  # for the feedback link's wording
        if sent is not None:
            letter.status = "sent"
            letter.sent_at = sent
            letter.sent_how = self.rng.choice(HOW)
            letter.sent_to = letter.recipient_name
            letter.sent_recorded_by_id = fca_id
            if self.rng.random() >= NOT_YET_PRINTED:
                letter.first_printed_at = sent - datetime.timedelta(hours=1)
        self.letters.append(letter)

    # --- reading what the other generators made ---------------------------------------------

    def _open_children(self):
        rows = (
            ProceedingsChild.objects.filter(
                proceedings__closed_on__isnull=True,
                proceedings__lead_fca__isnull=False,
                proceedings__first_allocated_at__isnull=False,
            )
            .values_list(
                "child_id",
                "child__preferred_name",
                "child__date_of_birth",
                "proceedings_id",
                "proceedings__lead_fca_id",
                "proceedings__service_area_id",
                "proceedings__first_allocated_at",
            )
            .order_by("pk")
        )
        seen, result = set(), []
        for row in rows.iterator(chunk_size=20_000):
            if row[0] not in seen:
                seen.add(row[0])
                result.append(row)
        return result

    def _closed_children(self):
        since = self.today - datetime.timedelta(days=ENDING_LOOKBACK_DAYS)
        # The FCA at the end: the last allocation (the lead is cleared when proceedings close).
        last_fca = (
            Allocation.objects.filter(proceedings=OuterRef("proceedings_id"))
            .order_by("-started_at")
            .values("fca_id")[:1]
        )
        rows = (
            ProceedingsChild.objects.filter(proceedings__closed_on__gte=since)
            .annotate(last_fca=Subquery(last_fca))
            .filter(last_fca__isnull=False)
            .values_list(
                "child_id",
                "child__preferred_name",
                "child__date_of_birth",
                "proceedings_id",
                "last_fca",
                "proceedings__service_area_id",
                "proceedings__closed_on",
            )
            .order_by("pk")
        )
        return list(rows.iterator(chunk_size=20_000))

    def _parents(self, child_ids) -> dict[int, list[tuple]]:
        """Parents and carers of the children with letters: read only for open proceedings and
        those closed in the lookback, not the whole history."""
        since = self.today - datetime.timedelta(days=ENDING_LOOKBACK_DAYS)
        recent = ProceedingsChild.objects.filter(
            Q(proceedings__closed_on__isnull=True) | Q(proceedings__closed_on__gte=since)
        ).values("child_id")
        parents = defaultdict(list)
        rows = (
            ChildConnection.objects.filter(
                relationship__in=PARENT_OR_CARER, person__kind="adult", child_id__in=recent
            )
            .values_list("child_id", "person_id", "person__given_name", "person__family_name")
            .order_by("pk")
        )
        for child_id, person_id, given, family in rows.iterator(chunk_size=20_000):
            if child_id in child_ids:
                parents[child_id].append((person_id, given, family))
        return parents

    # --- inserting ----------------------------------------------------------------------------

    def _insert(self) -> None:
        from together.feedback.models import Audience, FeedbackInvitation, Source

        InvitationRow = row_class(FeedbackInvitation)
        days = datetime.timedelta(days=120)
        invitations = []
        for letter, age in zip(self.letters, self.ages, strict=True):
            if letter.recipient_id is not None:
                audience = Audience.PARENT_CARER
            elif age >= OLDER_FROM_AGE:
                audience = Audience.OLDER_CHILD
            else:
                audience = Audience.YOUNGER_CHILD
            opened = letter.sent_at  # None for a draft: its link does not work yet
            invitations.append(
                InvitationRow(
                    uuid=self.ctx.uuid(),
                    token=secrets.token_urlsafe(24),
                    code=self.ctx.feedback_code(),
                    audience=audience,
                    source=Source.LETTER,
                    stage=services.STAGE_OF_KIND[letter.kind],
                    source_id=letter.uuid,
                    child_id=letter.child_id,
                    fca_id=letter.fca_id,
                    team_id=self.teams.get(letter.fca_id),
                    service_area_id=letter.service_area_id,
                    created_at=letter.started_at,
                    opened_at=opened,
                    expires_at=(opened or letter.started_at) + days,
                    created_by_id=letter.fca_id,
                )
            )
        with BulkLoad():
            Table(Letter).insert(self.letters)
            Table(FeedbackInvitation).insert(invitations)
        self.ctx.count("letters", len(self.letters))
        self.ctx.count("feedback links for letters", len(invitations))


def _age(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
