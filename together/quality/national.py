"""National case quality audits: create a round, draw its sample, assign the files, record the
audits, close the round.

The sample is drawn in the database, never by loading ids into Python: each eligible child's
file gets a key made from its id and the round's seed (two steps of a multiplicative hash, the
same integer arithmetic on SQLite and PostgreSQL), and a window function numbers the files by
that key within each stratum (region × public or private law). The files numbered up to the
stratum's share of the sample are drawn. Same data and same seed: same sample.
"""

import datetime
import random
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils import timezone

from together.accounts.models import User
from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import TimelineEntry
from together.children.services import (
    temporary_access_add,
    temporary_access_end,
    timeline_entry_add,
)
from together.core import form_tokens
from together.core.permissions import require
from together.proceedings.models import ProceedingsChild

from . import national_rules as rules
from .models import Audit, Grade, Moderation
from .national_models import NationalAuditFile, NationalAuditRound

# The hash: x -> (x mod M) * A + seed, mod M, twice (M the prime 2^31 - 1; A and B below M, so
# every product stays inside a signed 64-bit integer on both databases).
MODULUS = 2_147_483_647
MULTIPLIER_A = 1_103_515_245
MULTIPLIER_B = 48_271
# Children's files eligible for a round: in proceedings open on its first day, or closed in the
# three months before it, with a lead FCA whose work can be audited.
RECENTLY_CLOSED = datetime.timedelta(days=91)
# Fields of a stratum, read from a child's link to proceedings.
REGION = "proceedings__service_area__region_id"
LAW = "proceedings__law"
ACCESS_REASON = "Assigned to you for a national quality audit"


def _eligible(round_: NationalAuditRound, links=None):
    links = ProceedingsChild.objects.all() if links is None else links
    links = links.filter(
        proceedings__lead_fca__isnull=False, proceedings__received_on__lte=round_.starts_on
    ).filter(
        Q(proceedings__closed_on__isnull=True)
        | Q(proceedings__closed_on__gte=round_.starts_on - RECENTLY_CLOSED)
    )
    if round_.focus == NationalAuditRound.Focus.DOMESTIC_ABUSE:
        # Noted on the proceedings, or marked on the child's file (children.Child).
        links = links.filter(
            Q(proceedings__domestic_abuse_noted=True) | Q(child__domestic_abuse=True)
        )
    return links


def sample_population(round_: NationalAuditRound):
    """Each eligible child's file once: through the newest of their eligible links."""
    newer = _eligible(round_).filter(child_id=OuterRef("child_id"), pk__gt=OuterRef("pk"))
    return _eligible(round_).filter(~Exists(newer))


def draw_key(seed: int):
    """The file's place in the shuffle, from its id and the seed, in the database."""
    first = (F("pk") % MODULUS * MULTIPLIER_A + seed) % MODULUS
    return ExpressionWrapper(
        (first * MULTIPLIER_B + seed) % MODULUS, output_field=BigIntegerField()
    )


def shares(sizes: dict, total: int) -> dict:
    """Each stratum's share of a sample of `total`, in proportion to its size, rounded so the
    shares add up to the total (largest remainder; ties go to the first stratum in order)."""
    population = sum(sizes.values())
    if population <= total:
        return dict(sizes)
    exact = {key: total * size / population for key, size in sizes.items()}
    result = {key: int(value) for key, value in exact.items()}
    left = total - sum(result.values())
    for key in sorted(exact, key=lambda k: (-(exact[k] - result[k]), k))[:left]:
        result[key] += 1
    return result


@dataclass(frozen=True)
class Drawn:
    link_id: int
    child_id: int
    proceedings_id: int
    region_id: int
    service_area_id: int
    law: str
    fca_id: int
    key: int


def national_sample(round_: NationalAuditRound) -> list[Drawn]:
    """The round's sample, in draw order. Two queries: the size of each stratum, then the files
    numbered within their stratum by the seeded key, up to the stratum's share."""
    population = sample_population(round_)
    sizes = {
        (row[REGION], row[LAW]): row["n"]
        for row in population.values(REGION, LAW).annotate(n=Count("pk")).order_by()
    }
    quota = shares(sizes, round_.sample_size)
    wanted = [(key, n) for key, n in sorted(quota.items()) if n]
    if not wanted:
        return []
    key = draw_key(round_.seed)
    rows = (
        population.annotate(
            key=key,
            place=Window(
                RowNumber(),
                partition_by=[F(REGION), F(LAW)],
                order_by=[key.asc(), F("pk").asc()],
            ),
            quota=Case(
                *[When(**{REGION: r, LAW: law}, then=Value(n)) for (r, law), n in wanted],
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .filter(place__lte=F("quota"))
        .values_list(
            "pk",
            "child_id",
            "proceedings_id",
            REGION,
            "proceedings__service_area_id",
            LAW,
            "proceedings__lead_fca_id",
            "key",
        )
    )
    drawn = [Drawn(*row) for row in rows]
    return sorted(drawn, key=lambda d: (d.key, d.link_id))


def _moderated_positions(seed: int, count: int, percent: int) -> set[int]:
    """Which of the files 1..count the national improvement service moderates: `percent` of
    them, rounded, chosen by the round's seed (so the same every time)."""
    return set(random.Random(seed).sample(range(1, count + 1), round(count * percent / 100)))


def _check_open(round_: NationalAuditRound) -> None:
    if round_.closed_at is not None:
        raise ValidationError("This audit has closed")


@transaction.atomic
def national_round_create(
    *, by, title: str, focus: str, starts_on, ends_on, sample_size: int = 200, token=None
) -> NationalAuditRound:
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    claim = form_tokens.claim(token, by=by, model=NationalAuditRound)
    if claim.earlier:
        return claim.earlier
    round_ = NationalAuditRound(
        title=title.strip(),
        focus=focus,
        starts_on=starts_on,
        ends_on=ends_on,
        sample_size=sample_size,
        created_by=by,
    )
    round_.full_clean()
    round_.save()
    claim.made(round_)
    return round_


@transaction.atomic
def national_sample_draw(*, by, round_: NationalAuditRound) -> int:
    """Draw the round's sample and keep it. Drawing again before any file is assigned draws
    the same files (the seed is the round's); once files are assigned, the sample stays."""
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    round_ = NationalAuditRound.objects.select_for_update().get(pk=round_.pk)
    _check_open(round_)
    if round_.files.filter(auditor__isnull=False).exists():
        raise ValidationError("Files have been assigned: the sample cannot be drawn again")
    round_.files.all().delete()
    drawn = national_sample(round_)
    moderated = _moderated_positions(round_.seed, len(drawn), round_.moderated_percent)
    NationalAuditFile.objects.bulk_create(
        NationalAuditFile(
            round=round_,
            child_id=d.child_id,
            proceedings_id=d.proceedings_id,
            region_id=d.region_id,
            service_area_id=d.service_area_id,
            law=d.law,
            fca_id=d.fca_id,
            position=place,
            moderated=place in moderated,
        )
        for place, d in enumerate(drawn, start=1)
    )
    round_.drawn_at = timezone.now()
    round_.save(update_fields=["drawn_at"])
    return len(drawn)


def _access_ends(round_: NationalAuditRound) -> datetime.datetime:
    """The end of the round's last day, in London."""
    after = round_.ends_on + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(after, datetime.time()))


def _assign(*, by, file: NationalAuditFile, auditor) -> None:
    if file.access_id:
        temporary_access_end(grants=[file.access])
    file.auditor = auditor
    file.assigned_at = timezone.now()
    file.access = temporary_access_add(
        by=by,
        child=file.child,
        user=auditor,
        reason=f"{ACCESS_REASON}: {file.round.title}"[:200],
        ends_at=_access_ends(file.round),
    )
    file.save(update_fields=["auditor", "assigned_at", "access"])


def auditors_available():
    return User.objects.filter(
        is_active=True, role__in=sorted(rules.AUDITOR_ROLES), service_area__isnull=False
    ).order_by("pk")


@transaction.atomic
def national_files_assign_automatically(*, by, round_: NationalAuditRound) -> int:
    """Give each file not yet assigned an auditor, in turn round the country: the next auditor
    from another area, who has the fewest files of this round so far. Returns how many."""
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    round_ = NationalAuditRound.objects.select_for_update().get(pk=round_.pk)
    _check_open(round_)
    auditors = list(auditors_available())
    if not auditors:
        raise ValidationError("There is nobody who can audit files from another area")
    counts = dict.fromkeys((a.pk for a in auditors), 0)
    for auditor_id, n in (
        round_.files.filter(auditor__isnull=False)
        .values_list("auditor_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        if auditor_id in counts:
            counts[auditor_id] = n
    turn = 0
    assigned = 0
    files = round_.files.filter(auditor__isnull=True).select_related("child", "round")
    for file in files.order_by("position"):
        candidates = [
            (counts[a.pk], (i - turn) % len(auditors), i)
            for i, a in enumerate(auditors)
            if rules.may_be_auditor_of(a, file)
        ]
        if not candidates:
            continue
        _, _, chosen = min(candidates)
        _assign(by=by, file=file, auditor=auditors[chosen])
        counts[auditors[chosen].pk] += 1
        turn = (chosen + 1) % len(auditors)
        assigned += 1
    return assigned


@transaction.atomic
def national_file_assign(*, by, file: NationalAuditFile, auditor) -> NationalAuditFile:
    """National leadership chooses the auditor of one file."""
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    file = (
        NationalAuditFile.objects.select_for_update()
        .select_related("round", "child")
        .get(pk=file.pk)
    )
    _check_open(file.round)
    if file.audit_id:
        raise ValidationError("This file has been audited")
    if not rules.may_be_auditor_of(auditor, file):
        raise ValidationError(
            {"auditor": "Choose a supervisor or manager from another area than the file's"}
        )
    _assign(by=by, file=file, auditor=auditor)
    return file


@transaction.atomic
def national_round_close(*, by, round_: NationalAuditRound) -> NationalAuditRound:
    """Close the round: every auditor's access to its files ends now."""
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    round_ = NationalAuditRound.objects.select_for_update().get(pk=round_.pk)
    _check_open(round_)
    round_.closed_at = timezone.now()
    round_.save(update_fields=["closed_at"])
    grants = [f.access for f in round_.files.filter(access__isnull=False).select_related("access")]
    temporary_access_end(grants=grants)
    return round_


@transaction.atomic
def national_audit_record(
    *, by, file: NationalAuditFile, grade: str, audited_on, notes: str = "", token=None
) -> Audit:
    """The assigned auditor records the audit of the file: the overall grade and notes. A
    timeline entry on the child's file says an audit took place, without the grade."""
    file = (
        NationalAuditFile.objects.select_for_update()
        .select_related("round", "child")
        .get(pk=file.pk)
    )
    if not rules.may_audit_national_file(by, file):
        raise PermissionDenied("Only the auditor of this file may audit it, while the audit runs")
    claim = form_tokens.claim(token, by=by, model=Audit)
    if claim.earlier:
        return claim.earlier
    if file.audit_id:
        raise ValidationError("This file has been audited already")
    if grade not in Grade.values:
        raise ValidationError({"grade": "Choose the overall grade"})
    audit = Audit(
        child=file.child,
        proceedings_id=file.proceedings_id,
        auditor=by,
        fca_id=file.fca_id,
        audited_on=audited_on,
        grade=grade,
    )
    audit.full_clean()
    audit.save()
    file.audit = audit
    file.notes = notes.strip()
    file.save(update_fields=["audit", "notes"])
    timeline_entry_add(
        child=file.child,
        kind=TimelineEntry.Kind.AUDIT,
        summary="The work on this file was looked at in a national quality audit",
        by=by,
    )
    claim.made(audit)
    return audit


@transaction.atomic
def national_moderation_start(*, by, file: NationalAuditFile) -> Moderation:
    """The national improvement service takes up the moderation of an audited file marked for
    it. From there it goes as local moderation does (services.moderation): the moderator grades
    without seeing the audit's grade; where the grades differ, a final grade and the reason are
    recorded, and both earlier grades stay. Asking again returns the same moderation."""
    # Only the file's row is locked (PostgreSQL locks no row of an outer join's nullable side).
    file = (
        NationalAuditFile.objects.select_for_update(of=("self",))
        .select_related("round", "audit__child")
        .get(pk=file.pk)
    )
    require(by, rules.may_moderate_national_file, file, message="You may not moderate this file")
    earlier = Moderation.objects.filter(audit_id=file.audit_id).first()
    if earlier is not None:
        if earlier.moderator_id != by.pk:
            raise ValidationError("Someone else is moderating this audit")
        return earlier
    moderation = Moderation(
        audit=file.audit, moderator=by, month=file.audit.audited_on.replace(day=1)
    )
    moderation.full_clean()
    moderation.save()
    audit_event_record(
        by=by,
        action=Action.MODERATION_RECORDED,
        obj=moderation,
        child_id=file.audit.child.uuid,
        detail={"step": "drawn", "national_round": str(file.round.uuid)},
    )
    return moderation


# Reads ------------------------------------------------------------------------------------


def national_round_get(*, user, round_id) -> NationalAuditRound:
    if not rules.may_run_national_audits(user):
        raise Http404("No audit found")
    try:
        return NationalAuditRound.objects.get(uuid=round_id)
    except (NationalAuditRound.DoesNotExist, ValueError, ValidationError):
        raise Http404("No audit found") from None


def national_file_get(*, user, file_id) -> NationalAuditFile:
    """Any file of any round, for national leadership: otherwise 404."""
    if not rules.may_run_national_audits(user):
        raise Http404("No file found")
    try:
        return NationalAuditFile.objects.select_related(
            "round", "child", "service_area", "auditor", "fca"
        ).get(uuid=file_id)
    except (NationalAuditFile.DoesNotExist, ValueError, ValidationError):
        raise Http404("No file found") from None


def national_file_get_for_auditor(*, user, file_id) -> NationalAuditFile:
    """A file assigned to `user`, in a round still open: otherwise 404."""
    try:
        file = NationalAuditFile.objects.select_related(
            "round", "child", "service_area", "region", "audit"
        ).get(uuid=file_id)
    except (NationalAuditFile.DoesNotExist, ValueError, ValidationError):
        raise Http404("No file found") from None
    if not rules.may_audit_national_file(user, file):
        raise Http404("No file found")
    return file


def national_files_for_auditor(user) -> list[NationalAuditFile]:
    """The files assigned to `user` in rounds still open, first to do first."""
    return list(
        NationalAuditFile.objects.filter(auditor_id=user.pk, round__closed_at__isnull=True)
        .select_related("round", "child", "service_area", "audit")
        .order_by("round__ends_on", "audit", "position")
    )
