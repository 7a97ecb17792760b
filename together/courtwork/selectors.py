"""Reading the safeguarding work: each read starts from a child already fetched for the user
(children.selectors.child_get_for_user), so a record of a child they may not see is a 404."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from together.children.models import Child, ChildConnection, FamilyMember
from together.core.links import link_maker
from together.language.readers import Reader
from together.letters.workingdays import is_working_day
from together.proceedings.models import Law, Party, Proceedings, ProceedingsChild, Stage

from . import rules
from .models import SafeguardingCheck, SafeguardingConversation, SafeguardingLetter


def letter_working_days() -> int:
    return settings.TOGETHER_SAFEGUARDING_LETTER_WORKING_DAYS


def letter_due_on(first_hearing_on: datetime.date | None) -> datetime.date | None:
    """The day the safeguarding letter is due: the set number of working days before the first
    hearing (working days as letters.workingdays counts them: no weekends, no bank holidays)."""
    if first_hearing_on is None:
        return None
    day, left = first_hearing_on, letter_working_days()
    while left > 0:
        day -= datetime.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def needs_safeguarding_letter(proceedings: Proceedings) -> bool:
    """Private law proceedings still before their first hearing."""
    return _needs_letter(proceedings.law, proceedings.stage, proceedings.is_open)


def _needs_letter(law: str, stage: str, is_open: bool) -> bool:
    return law == Law.PRIVATE and stage == Stage.BEFORE_FIRST_HEARING and is_open


def letter_filed_annotation(proceedings_field: str = "pk"):
    """Whether the proceedings (the outer query's `proceedings_field`) have a filed safeguarding
    letter, as an annotation."""
    return Exists(
        SafeguardingLetter.objects.filter(
            proceedings=OuterRef(proceedings_field), status=SafeguardingLetter.Status.FILED
        )
    )


def letter_annotations_for_links() -> dict:
    """What My children needs to say when each safeguarding letter is due, as annotations on its
    one query (rows of ProceedingsChild.values(), see home.selectors)."""
    return {
        "sg_law": F("proceedings__law"),
        "sg_stage": F("proceedings__stage"),
        "sg_first_hearing_on": F("proceedings__first_hearing_on"),
        "sg_letter_filed": letter_filed_annotation("proceedings_id"),
    }


def letter_due_for_row(row: dict, today: datetime.date) -> LetterDue | None:
    """letter_due, for a row of open proceedings annotated with letter_annotations_for_links
    (from the row's values: My children has dozens of rows and needs no model for each)."""
    return _letter_due(
        law=row["sg_law"],
        stage=row["sg_stage"],
        first_hearing_on=row["sg_first_hearing_on"],
        is_open=True,
        filed=row["sg_letter_filed"],
        today=today,
    )


@dataclass(frozen=True)
class LetterDue:
    due_on: datetime.date
    overdue: bool

    @property
    def label(self) -> str:
        if self.overdue:
            return f"Safeguarding letter overdue (due {self.due_on:%-d %B})"
        return f"Safeguarding letter due {self.due_on:%-d %B}"


def letter_due(proceedings: Proceedings, *, filed: bool, today=None) -> LetterDue | None:
    """When the safeguarding letter is due and whether it is late; None when none is due
    (filed, public law, after the first hearing, or no first hearing set)."""
    return _letter_due(
        law=proceedings.law,
        stage=proceedings.stage,
        first_hearing_on=proceedings.first_hearing_on,
        is_open=proceedings.is_open,
        filed=filed,
        today=today,
    )


def _letter_due(*, law, stage, first_hearing_on, is_open, filed, today) -> LetterDue | None:
    if filed or not _needs_letter(law, stage, is_open):
        return None
    due_on = letter_due_on(first_hearing_on)
    if due_on is None:
        return None
    return LetterDue(due_on, overdue=(today or timezone.localdate()) > due_on)


def proceedings_for_court_work(child: Child, proceedings_id) -> Proceedings:
    """One of the child's private law proceedings, or 404."""
    try:
        return (
            child.proceedings.filter(law=Law.PRIVATE)
            .select_related("service_area", "lead_fca")
            .get(uuid=proceedings_id)
        )
    except (Proceedings.DoesNotExist, ValueError):
        raise Http404("No proceedings found") from None


def check_get(child: Child, check_id) -> SafeguardingCheck:
    try:
        return SafeguardingCheck.objects.select_related("proceedings").get(
            uuid=check_id, proceedings__child_links__child=child
        )
    except (SafeguardingCheck.DoesNotExist, ValueError):
        raise Http404("No check found") from None


def people_to_talk_to(proceedings: Proceedings) -> list[FamilyMember]:
    """Each party, and each parent or carer of a child in the proceedings who is not one."""
    parties = FamilyMember.objects.filter(parties__proceedings=proceedings)
    parents = FamilyMember.objects.filter(
        Q(connections__in=ChildConnection.objects.parents_and_carers())
        & Q(connections__child__proceedings_links__proceedings=proceedings)
    )
    return list((parties | parents).distinct().order_by("given_name", "family_name", "pk"))


@dataclass
class CourtWork:
    """What the court section shows for one set of private law proceedings."""

    proceedings: Proceedings
    checks: list[SafeguardingCheck] = field(default_factory=list)
    conversations: list[SafeguardingConversation] = field(default_factory=list)
    people: list[FamilyMember] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    letter: SafeguardingLetter | None = None
    results_visible: bool = False
    may_write: bool = False
    due: LetterDue | None = None

    @property
    def not_yet_talked_to(self) -> list[FamilyMember]:
        spoken = {c.person_id for c in self.conversations}
        return [p for p in self.people if p.pk not in spoken]


def court_work_for_child(*, user, child: Child) -> list[CourtWork]:
    """The safeguarding work of each of the child's private law proceedings, newest first, in a
    fixed number of queries whatever the numbers."""
    all_proceedings = list(
        child.proceedings.filter(law=Law.PRIVATE)
        .annotate(
            results_visible=Exists(
                Proceedings.objects.filter(rules.check_results_q(user), pk=OuterRef("pk"))
            )
        )
        .order_by("-received_on", "-pk")
    )
    ids = [p.pk for p in all_proceedings]
    checks = SafeguardingCheck.objects.filter(proceedings_id__in=ids)
    conversations = SafeguardingConversation.objects.filter(proceedings_id__in=ids).select_related(
        "person"
    )
    letters = {
        letter.proceedings_id: letter
        for letter in SafeguardingLetter.objects.filter(proceedings_id__in=ids)
    }
    parties = Party.objects.filter(proceedings_id__in=ids).select_related("person")
    parents = ChildConnection.objects.parents_and_carers().filter(
        child__proceedings_links__proceedings_id__in=ids
    )
    work = {
        p.pk: CourtWork(
            p,
            letter=letters.get(p.pk),
            results_visible=p.results_visible,
            may_write=p.results_visible and p.is_open,
        )
        for p in all_proceedings
    }
    for check in checks:
        work[check.proceedings_id].checks.append(check)
    for conversation in conversations:
        work[conversation.proceedings_id].conversations.append(conversation)
    for party in parties:
        item = work[party.proceedings_id]
        item.roles[party.person_id] = party.get_role_display()
        item.people.append(party.person)
    parent_rows = parents.values_list(
        "child__proceedings_links__proceedings_id", "person_id", "relationship"
    )
    people_by_id = {}
    if parent_rows:
        people_by_id = FamilyMember.objects.in_bulk({row[1] for row in parent_rows})
    for proceedings_id, person_id, _ in parent_rows:
        item = work[proceedings_id]
        if person_id not in item.roles:
            item.roles[person_id] = "Parent or carer"
            item.people.append(people_by_id[person_id])
    for item in work.values():
        item.people.sort(key=lambda p: (p.given_name, p.family_name, p.pk))
        item.due = letter_due(item.proceedings, filed=bool(item.letter and item.letter.is_filed))
    return list(work.values())


def family_notes(child: Child) -> dict[int, list[tuple[str, str]]]:
    """The safeguarding conversations with each of the child's people, as the family page lists
    them against the person: when, how, in which language and with which interpreter, and in
    which proceedings, linking to the court section. One query."""
    found: dict[int, list[tuple[str, str]]] = {}
    link = reverse("courtwork:court", args=[child.uuid])
    rows = (
        SafeguardingConversation.objects.filter(proceedings__child_links__child=child)
        .select_related("proceedings")
        .only(
            "person_id",
            "held_at",
            "method",
            "language",
            "interpreter",
            "proceedings__court_number",
        )
        .order_by("held_at", "pk")
    )
    for conversation in rows:
        held = timezone.localtime(conversation.held_at)
        text = f"{held:%-d %B %Y}, {conversation.get_method_display().lower()}"
        if conversation.language:
            text += f", in {conversation.language}"
        if conversation.interpreter:
            text += f", interpreter: {conversation.interpreter}"
        text += f" ({conversation.proceedings.court_number})"
        found.setdefault(conversation.person_id, []).append((text, link))
    return found


def letter_reader(proceedings: Proceedings) -> Reader:
    """The court reads the letter: a professional audience, with the names of the people in it
    so they are never flagged."""
    names = [
        *Child.objects.filter(proceedings_links__proceedings=proceedings).values_list(
            "preferred_name", flat=True
        ),
        *(str(person) for person in people_to_talk_to(proceedings)),
    ]
    return Reader.for_professionals(names=names)


def children_as_the_court_knows_them(proceedings: Proceedings) -> list[str]:
    """The children's legal names (the names on the court's papers), oldest first."""
    return [
        f"{child.legal_given_names} {child.legal_family_name}"
        for child in Child.objects.filter(proceedings_links__proceedings=proceedings).order_by(
            "date_of_birth", "pk"
        )
    ]


# The managers' list shows at most this many letters, the soonest due first.
LETTERS_DUE_LIMIT = 200


@dataclass(frozen=True)
class LetterDueRow:
    proceedings: Proceedings
    children: list[str]
    court_url: str
    due: LetterDue
    started: bool


def letters_due_for_manager(*, user, today: datetime.date | None = None) -> list[LetterDueRow]:
    """The safeguarding letters not yet filed in the places `user` oversees, overdue first, then
    the soonest due. Two queries whatever the numbers."""
    today = today or timezone.localdate()
    found = list(
        Proceedings.objects.filter(
            rules.letters_due_q(user),
            law=Law.PRIVATE,
            stage=Stage.BEFORE_FIRST_HEARING,
            closed_on__isnull=True,
            first_hearing_on__isnull=False,
        )
        .exclude(letter_filed_annotation())
        .annotate(started=Exists(SafeguardingLetter.objects.filter(proceedings=OuterRef("pk"))))
        .select_related("lead_fca")
        .only(
            "uuid",
            "court_number",
            "law",
            "stage",
            "closed_on",
            "first_hearing_on",
            "lead_fca__given_name",
            "lead_fca__family_name",
        )
        .order_by("first_hearing_on", "pk")[:LETTERS_DUE_LIMIT]
    )
    names: dict[int, list[tuple[str, str]]] = {}
    links = (
        ProceedingsChild.objects.filter(proceedings__in=[p.pk for p in found])
        .order_by("child__preferred_name", "child__pk")
        .values_list(
            "proceedings_id", "child__preferred_name", "child__legal_family_name", "child__uuid"
        )
    )
    for proceedings_id, preferred, family, child_uuid in links:
        names.setdefault(proceedings_id, []).append((f"{preferred} {family}", child_uuid))
    court_url = link_maker("courtwork:court")
    rows = []
    for proceedings in found:
        children = names.get(proceedings.pk, [])
        rows.append(
            LetterDueRow(
                proceedings=proceedings,
                children=[name for name, _ in children],
                court_url=court_url(children[0][1]) if children else "",
                due=letter_due(proceedings, filed=False, today=today),
                started=proceedings.started,
            )
        )
    return rows
