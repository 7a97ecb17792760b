"""The demo accounts' story: what fca@example.org, their supervisor and manager see on signing in.

The demo FCA holds fourteen children in nine sets of proceedings of every kind a long-term team
holds: brothers and sisters in care proceedings whose mum's address is confidential, with a
hearing next week; a baby not seen yet; a deaf teenager; a Polish-speaking family waiting for a
report; two children not seen for eight weeks since they were passed on by a colleague. The
demo service area also has work waiting on duty.
"""

from datetime import timedelta

from together.children.models import CommunicationNeed
from together.organisation.models import Team
from together.proceedings.models import LAW_OF_KIND, Kind, Stage

from . import names
from .course import DAY, POST, PRE, Course, at, plan_course, weekday

H_FIRST, H_CM, H_IR, H_FINAL = "first", "case_management", "issues_resolution", "final"
DEMO_ON_DUTY = 10


def generate(maker) -> None:
    story = Story(maker)
    plans = [
        story.care_brothers_and_sisters(),
        story.baby_not_seen_yet(),
        story.report_for_a_polish_family(),
        story.guardian_for_two_passed_on(),
        story.deaf_teenager(),
        story.report_for_an_urdu_speaking_family(),
        story.care_with_grandparents(),
        story.guardian_for_an_autistic_boy(),
        story.report_due_soon(),
    ]
    plans += story.waiting_on_duty()
    maker.insert(plans)


class Story:
    def __init__(self, maker):
        self.maker = maker
        self.rng = maker.rng
        self.today = maker.today
        self.area = maker.demo_area
        self.fca = maker.demo_fca.pk
        self.team = next(
            t.pk
            for t in maker.ctx.made["teams"]
            if t.service_area_id == self.area.pk and t.kind == Team.Kind.POST_FIRST_HEARING
        )
        staff = maker.allocator.areas[self.area.pk]
        self.manager = staff.manager_id
        self.early = staff.fcas[PRE][0][1:] if staff.fcas[PRE] else (self.fca, self.team)
        self.colleague = staff.fcas[POST][0][1:] if staff.fcas[POST] else (self.fca, self.team)

    def day(self, offset: int):
        """A weekday `offset` days from today (negative: in the past)."""
        return weekday(self.today + offset * DAY)

    def course(self, kind, received, hearings, *, ordered=None, due=None, final=None) -> Course:
        today = self.today
        first = self.day(hearings[0][1])
        return Course(
            law=LAW_OF_KIND[kind],
            kind=kind,
            received=self.day(received),
            first_hearing=first,
            report_ordered=self.day(ordered) if ordered is not None else None,
            report_due=self.day(due) if due is not None else None,
            final_hearing=self.day(final) if final is not None else None,
            stage=Stage.AFTER_FIRST_HEARING if first < today else Stage.BEFORE_FIRST_HEARING,
            hearings=[
                (hearing, self.day(offset), _outcome(kind, hearing) if offset < 0 else None)
                for hearing, offset in hearings
            ],
        )

    def held(self, *spells) -> list:
        """Allocations: (who, from day, until day or None) with who "early", "colleague" or "me"."""
        rows = []
        for who, start, end in spells:
            fca, team = {"me": (self.fca, self.team), "early": self.early}.get(who, self.colleague)
            ended = at(self.day(end), 16) if end is not None else None
            rows.append((fca, team, self.manager, at(self.day(start), 10), ended))
        return rows

    def seen(self, n_children, *offsets, by=None):
        fca = by or self.fca
        return {i: [(self.day(o), fca) for o in offsets] for i in range(n_children)}

    def plan(self, course, allocations, ages, meetings, **family):
        return self.maker.plan(
            self.area, course, allocations, ages, meeting_days=meetings, **family
        )

    # The demo FCA's children ---------------------------------------------------------------

    def care_brothers_and_sisters(self):
        course = self.course(
            Kind.CARE_S31,
            -120,
            [(H_FIRST, -111), (H_CM, -60), (H_IR, 9), (H_FINAL, 50)],
            ordered=-111,
            due=36,
            final=50,
        )
        return self.plan(
            course,
            self.held(("me", -118, None)),
            [9.5, 6.2, 2.1],
            self.seen(3, -104, -80, -52, -30, -16),
            confidential_mother=True,
            language=None,
        )

    def baby_not_seen_yet(self):
        course = self.course(Kind.CARE_S31, -15, [(H_FIRST, -6), (H_CM, 24)], ordered=-6, due=110)
        return self.plan(course, self.held(("me", -13, None)), [0.2], {}, language=None)

    def report_for_a_polish_family(self):
        course = self.course(
            Kind.SECTION_7, -150, [(H_FIRST, -62), (H_IR, 46)], ordered=-62, due=25
        )
        allocations = self.held(("early", -148, -62), ("me", -55, None))
        return self.plan(
            course, allocations, [10.3, 7.5], self.seen(2, -40, -20), language=_lang("Polish")
        )

    def guardian_for_two_passed_on(self):
        course = self.course(
            Kind.RULE_16_4,
            -400,
            [(H_FIRST, -330), (H_CM, -280), (H_IR, 70), (H_FINAL, 130)],
            ordered=-280,
            due=100,
            final=130,
        )
        allocations = self.held(("early", -398, -330), ("colleague", -325, -100), ("me", -96, None))
        colleague = self.colleague[0]
        meetings = self.seen(2, -300, -250, -200, -150, by=colleague)
        for days in meetings.values():
            days += [(self.day(-90), self.fca), (self.day(-58), self.fca)]
        return self.plan(course, allocations, [14.5, 12.2], meetings, language=None)

    def deaf_teenager(self):
        course = self.course(
            Kind.CARE_S31,
            -200,
            [(H_FIRST, -192), (H_CM, -130), (H_IR, -20), (H_FINAL, 28)],
            ordered=-192,
            due=14,
            final=28,
        )
        meetings = self.seen(1, -185, -150, -120, -90, -60, -38, -10)
        plan = self.plan(
            course, self.held(("me", -198, None)), [15.2], meetings, language=names.BSL
        )
        return plan

    def report_for_an_urdu_speaking_family(self):
        course = self.course(
            Kind.SECTION_7, -110, [(H_FIRST, -35), (H_IR, 80)], ordered=-35, due=60
        )
        allocations = self.held(("early", -108, -35), ("me", -30, None))
        return self.plan(course, allocations, [8.4], self.seen(1, -21), language=_lang("Urdu"))

    def care_with_grandparents(self):
        course = self.course(Kind.CARE_S31, -45, [(H_FIRST, -36), (H_CM, 40)], ordered=-36, due=150)
        return self.plan(
            course,
            self.held(("me", -43, None)),
            [4.1, 1.3],
            self.seen(2, -30, -14),
            language=None,
            grandparent=True,
        )

    def guardian_for_an_autistic_boy(self):
        course = self.course(
            Kind.RULE_16_4,
            -250,
            [(H_FIRST, -190), (H_CM, -140), (H_IR, 55), (H_FINAL, 110)],
            ordered=-140,
            due=85,
            final=110,
        )
        allocations = self.held(("early", -248, -190), ("me", -185, None))
        plan = self.plan(
            course, allocations, [11.2], self.seen(1, -170, -130, -90, -60, -35), language=None
        )
        child = plan.family.children[0]
        child.identity_disability = (
            "Autistic. Likes to know what is happening next. Loud rooms are hard"
        )
        child.communication_needs = [CommunicationNeed.EASY_READ]
        return plan

    def report_due_soon(self):
        course = self.course(
            Kind.SECTION_7, -140, [(H_FIRST, -90), (H_IR, 30)], ordered=-90, due=10
        )
        allocations = self.held(("early", -139, -90), ("me", -84, None))
        return self.plan(course, allocations, [6.1], self.seen(1, -70, -42, -12), language=None)

    # The demo service area ----------------------------------------------------------------

    def waiting_on_duty(self) -> list:
        """New work waiting for an FCA, so the manager's duty list is never empty."""
        plans = []
        while self.maker.on_duty_in_demo_area < DEMO_ON_DUTY:
            received = self.day(-self.rng.randint(1, 12))
            if received >= self.today:
                received = self.today - timedelta(days=3)
            group = "care" if self.rng.random() < 0.3 else "private"
            course = plan_course(self.rng, group, received, self.today)
            public = course.law == "public"
            ages = [self.rng.uniform(0, 15 if public else 12)]
            plans.append(self.maker.plan(self.area, course, [], ages))
        return plans


def _lang(name: str):
    return next(language for language in names.LANGUAGES if language.name == name)


def _outcome(kind, hearing) -> tuple:
    """The key into words.OUTCOMES for what a past hearing decided."""
    if hearing == H_FIRST and kind == Kind.SECTION_7:
        return ("private", "first_report")
    if hearing == H_FIRST and kind == Kind.RULE_16_4:
        return ("private", "first_guardian")
    return (LAW_OF_KIND[kind], hearing)
