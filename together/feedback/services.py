"""Writes for feedback: making a link, and recording or changing someone's answers."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import (
    Count,
    DateField,
    F,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children import rules as children_rules
from together.core.exceptions import EditConflict
from together.core.permissions import require
from together.core.versioning import lock_at_version

from . import rules
from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    GROUP_OF_AUDIENCE,
    POSITIVE_ANSWERS,
    Answer,
    Audience,
    FeedbackAreaMonthSummary,
    FeedbackInvitation,
    FeedbackMonthSummary,
    FeedbackResponse,
    Felt,
    Source,
    Stage,
    SummaryCounts,
    felt_of,
)
from .questions import questions_for
from .selectors import LONDON, figures_changed

# Children from this age get the older wording.
OLDER_CHILD_FROM_AGE = 11

ANSWER_FIELDS = ("listened", "respected", "explained", "understood_reasons", "could_say")
TEXT_FIELDS = ("do_better", "anything_else")

# How long the person who answered may change their answers from the same browser.
CHANGE_WINDOW = timedelta(hours=1)


def audience_for_child(child) -> Audience:
    """The wording a child gets: younger under 11, older from 11."""
    return Audience.OLDER_CHILD if child.age >= OLDER_CHILD_FROM_AGE else Audience.YOUNGER_CHILD


def new_token() -> str:
    """192 random bits, safe in a URL (32 characters)."""
    return secrets.token_urlsafe(24)


def new_code() -> str:
    """A short code someone can type, not yet given to another link."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not FeedbackInvitation.objects.filter(code=code).exists():
            return code


def new_codes(n: int) -> list[str]:
    """`n` short codes, different from each other and from every link's (for links made in
    bulk, such as imported ones: one query for each thousand rather than one for each code)."""
    codes: list[str] = []
    while len(codes) < n:
        wanted = min(n - len(codes), 1000)
        batch = {"".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))}
        while len(batch) < wanted:
            batch.add("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)))
        batch -= set(codes)
        batch -= set(
            FeedbackInvitation.objects.filter(code__in=batch).values_list("code", flat=True)
        )
        codes.extend(batch)
    return codes


def _lead_fca_for(child):
    from together.proceedings.models import Proceedings

    proceedings = (
        Proceedings.objects.filter(
            child_links__child=child, closed_on__isnull=True, lead_fca__isnull=False
        )
        .select_related("lead_fca")
        .order_by("-received_on")
        .first()
    )
    return proceedings.lead_fca if proceedings else None


def _current_team_and_area(user):
    from together.organisation.models import TeamMembership

    membership = (
        TeamMembership.objects.filter(user=user, ended_on__isnull=True)
        .select_related("team")
        .order_by("-started_on", "-id")
        .first()
    )
    if membership:
        return membership.team, membership.team.service_area
    return None, user.service_area


@transaction.atomic
def feedback_invitation_create(
    *,
    by,
    child,
    audience: str,
    source: str,
    source_id,
    fca=None,
    expires_in_days: int | None = None,
    stage: str | None = None,
    open_now: bool = True,
) -> FeedbackInvitation:
    """Make a feedback link for one person about `fca`'s work with `child`.

    `fca` defaults to the lead FCA of the child's open proceedings, or else `by`. The team and
    service area are those of the FCA now, kept for reporting even if they move later.

    A link goes out with what carries it: made with `open_now=False` (a letter not yet sent),
    it answers like an unknown link until feedback_invitation_open.

    A link goes with something sent to the family (a letter, a shared plan), so it is made by
    those who may change the child's file (children.rules.may_edit_child).
    """
    require(
        by,
        children_rules.may_edit_child,
        child,
        message="Only those working with the child every day may ask their family for feedback",
    )
    if expires_in_days is None:
        expires_in_days = getattr(settings, "TOGETHER_FEEDBACK_DAYS", 120)
    if fca is None:
        fca = _lead_fca_for(child) or by
    team, service_area = _current_team_and_area(fca)
    now = timezone.now()
    invitation = FeedbackInvitation(
        token=new_token(),
        code=new_code(),
        audience=Audience(audience),
        source=Source(source),
        # A shared plan carries the advice to the court: asked about as an ending is.
        stage=Stage(stage or Stage.ENDING),
        source_id=source_id,
        child=child,
        fca=fca,
        team=team,
        service_area=service_area,
        created_at=now,
        expires_at=now + timedelta(days=expires_in_days),
        opened_at=now if open_now else None,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    invitation.full_clean()
    invitation.save(force_insert=True)
    audit_event_record(
        by=by,
        action=Action.FEEDBACK_INVITATION_CREATED,
        obj=invitation,
        child_id=child.uuid,
        detail={"audience": invitation.audience, "source": invitation.source},
    )
    return invitation


@transaction.atomic
def feedback_invitation_open(
    *, by, invitation: FeedbackInvitation, expires_in_days: int | None = None
) -> FeedbackInvitation:
    """Let a link work from now (the letter carrying it has been sent), for as long as a new
    link would. A link already open is left as it is."""
    require(
        by,
        children_rules.may_edit_child,
        invitation.child,
        message="Only those working with the child every day may ask their family for feedback",
    )
    locked = FeedbackInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.opened_at is not None:
        return locked
    if expires_in_days is None:
        expires_in_days = getattr(settings, "TOGETHER_FEEDBACK_DAYS", 120)
    locked.opened_at = timezone.now()
    locked.expires_at = locked.opened_at + timedelta(days=expires_in_days)
    locked.save(update_fields=["opened_at", "expires_at"])
    audit_event_record(
        by=by,
        action=Action.FEEDBACK_INVITATION_OPENED,
        obj=locked,
        child_id=invitation.child.uuid,
        detail={"expires_at": locked.expires_at.isoformat()},
    )
    return locked


@transaction.atomic
def feedback_response_record(
    *, invitation: FeedbackInvitation, stage: str | None = None, **answers
) -> FeedbackResponse:
    """Record the answers to a link that has none yet. Nobody is signed in: the audit log is not
    written, so nothing ties the answers to a place or a time beyond the response itself.

    No actor and no check, by design: the public form calls this for whoever holds the link
    (no sign-in), and the unguessable, unexpired token is the right to answer. The view checks
    it (selectors.public.invitation_for_token) before calling."""
    locked = FeedbackInvitation.objects.select_for_update().get(pk=invitation.pk)
    if FeedbackResponse.objects.filter(invitation=locked).exists():
        raise EditConflict()
    stage = Stage(stage or locked.stage)
    response = FeedbackResponse(
        invitation=locked,
        audience=locked.audience,
        stage=stage,
        fca_id=locked.fca_id,
        team_id=locked.team_id,
        service_area_id=locked.service_area_id,
        **_clean_answers(answers, stage),
    )
    response.full_clean()
    response.save(force_insert=True)
    feedback_summary_count(response=response, delta=1)
    return response


@transaction.atomic
def feedback_response_change(
    *, response: FeedbackResponse, version: int, **answers
) -> FeedbackResponse:
    """Change answers within the hour after they were sent, refusing a stale version.

    No actor and no check, by design, as for feedback_response_record: the public form calls
    this for the browser that sent the answers (the view checks that), and the hour is checked
    here."""
    locked = lock_at_version(
        FeedbackResponse.objects.all(),
        pk=response.pk,
        version=version,
        last_saved=lambda row: (None, row.changed_at),
    )
    if timezone.now() - locked.answered_at > CHANGE_WINDOW:
        raise EditConflict(at=locked.answered_at)
    before = _cell(locked)
    for name, value in _clean_answers(answers, locked.stage).items():
        setattr(locked, name, value)
    locked.changed_at = timezone.now()
    locked.version += 1
    locked.full_clean()
    locked.save()
    if _cell(locked) != before:
        _summary_add(before, -1)
        _summary_add(_cell(locked), 1)
    else:
        _forget_figures()  # the words of a comment may have changed: the kept pages show them
    return locked


def _clean_answers(answers: dict, stage: str) -> dict:
    """The answers to the questions asked at `stage`; the others are left empty."""
    unknown = set(answers) - set(ANSWER_FIELDS) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown answers: {sorted(unknown)}")
    asked = questions_for(stage)
    cleaned = {
        name: int(answers[name]) if name in asked and answers.get(name) is not None else None
        for name in ANSWER_FIELDS
    }
    missing = [name for name in asked if cleaned[name] is None]
    if missing:
        raise TypeError(f"Missing answers: {missing}")
    cleaned.update({name: (answers.get(name) or "").strip() for name in TEXT_FIELDS})
    return cleaned


@transaction.atomic
def feedback_export_record(*, by, detail: dict) -> None:
    """Log that `by` downloaded the feedback figures."""
    require(by, rules.may_see_feedback, message="You cannot download the feedback figures")
    audit_event_record(by=by, action=Action.FEEDBACK_EXPORTED, detail=detail)


# --- the monthly summary the dashboard reads -----------------------------------------------------


_PLACE = ("month", "service_area_id", "team_id", "fca_id")
_AREA_PLACE = ("month", "service_area_id")


def _cell(response: FeedbackResponse) -> tuple[dict, dict]:
    """Where one answer is counted in the summaries (its month, place and FCA), and in which
    of their columns."""
    place = {
        "month": timezone.localtime(response.answered_at, LONDON).date().replace(day=1),
        "service_area_id": response.service_area_id,
        "team_id": response.team_id,
        "fca_id": response.fca_id,
    }
    group = GROUP_OF_AUDIENCE[response.audience]
    felt = felt_of(response.listened)
    counts = {"answers": 1}
    if felt != Felt.DONT_KNOW:
        counts[f"{group}_counted"] = 1
    if felt == Felt.YES:
        counts[f"{group}_yes"] = 1
    if response.do_better or response.anything_else:
        counts[f"commented_{Audience(response.audience).value}"] = 1
    return place, counts


def _forget_figures() -> None:
    # Forget the computed dashboards now, and again once this is committed, so a view counted
    # in between (which could not see this answer yet) is not kept either.
    figures_changed()
    transaction.on_commit(figures_changed)


def _summary_add(cell: tuple[dict, dict], delta: int) -> None:
    _forget_figures()
    place, counts = cell
    for model, keys in ((FeedbackMonthSummary, _PLACE), (FeedbackAreaMonthSummary, _AREA_PLACE)):
        where = {key: place[key] for key in keys}
        # One statement: the first row for the place (there is one unless two were made at
        # once), locked by the update itself until this transaction ends.
        first = model.objects.filter(**where).order_by("pk").values("pk")[:1]
        updated = model.objects.filter(pk=Subquery(first)).update(
            **{name: F(name) + n * delta for name, n in counts.items()}
        )
        if not updated:
            model.objects.create(**where, **{name: n * delta for name, n in counts.items()})


@transaction.atomic
def feedback_summary_count(*, response: FeedbackResponse, delta: int = 1) -> None:
    """Count `response` in (or, with delta=-1, out of) the monthly summary.

    The services call this in the same transaction as they save; so may code that writes answers
    another way (test factories). A bulk load calls feedback_summary_rebuild instead.

    No actor and no check, by design: a step of the service that saved the answer, counting
    what is already there."""
    _summary_add(_cell(response), delta)


def _grouped(queryset, keys, columns: dict):
    found = (
        queryset.values(*keys)
        .annotate(**{f"sum_{name}": total for name, total in columns.items()})
        .order_by()
    )
    for row in found:
        yield {**{k: row[k] for k in keys}, **{k: row[f"sum_{k}"] or 0 for k in columns}}


def _summary_rows():
    """The fine summary, counted from every answer in one grouped query."""
    felt_yes = Q(listened__in=sorted(int(a) for a in POSITIVE_ANSWERS))
    # Counted: an answer on the scale (not "I don't know", and asked at all).
    on_scale = Q(listened__in=sorted(int(a) for a in Answer if a != Answer.DONT_KNOW))
    wrote = ~Q(do_better="") | ~Q(anything_else="")
    columns = {"answers": Count("pk")}
    for group in ("children", "parents", "professionals"):
        audiences = Q(audience__in=sorted(a for a, g in GROUP_OF_AUDIENCE.items() if g == group))
        columns[f"{group}_yes"] = Count("pk", filter=audiences & felt_yes)
        columns[f"{group}_counted"] = Count("pk", filter=audiences & on_scale)
    for audience in Audience:
        columns[f"commented_{audience.value}"] = Count("pk", filter=Q(audience=audience) & wrote)
    answers = FeedbackResponse.objects.annotate(
        month=TruncMonth("answered_at", tzinfo=LONDON, output_field=DateField())
    )
    return _grouped(answers, _PLACE, columns)


def _area_rows():
    """The coarse summary, added up from the fine one in one grouped query."""
    columns = {f.name: Sum(f.name) for f in SummaryCounts._meta.fields}
    return _grouped(FeedbackMonthSummary.objects.all(), _AREA_PLACE, columns)


@transaction.atomic
def feedback_summary_rebuild() -> int:
    """Count both summaries again from the answers. Returns the number of rows in the fine one.

    No actor and no check, by design: the service itself runs this (the demo generator, a
    migration, `manage.py feedback_summary_rebuild`), and it counts again what is there."""
    FeedbackMonthSummary.objects.all().delete()
    FeedbackAreaMonthSummary.objects.all().delete()
    cells = [FeedbackMonthSummary(**row) for row in _summary_rows()]
    FeedbackMonthSummary.objects.bulk_create(cells, batch_size=2000)
    FeedbackAreaMonthSummary.objects.bulk_create(
        [FeedbackAreaMonthSummary(**row) for row in _area_rows()], batch_size=2000
    )
    figures_changed()
    transaction.on_commit(figures_changed)
    return len(cells)
