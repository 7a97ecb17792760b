"""A round's sample: the eligible files, their keys from the seed, each stratum's share."""

import datetime
import random
from dataclasses import dataclass

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

from together.proceedings.models import ProceedingsChild

from ..national_models import NationalAuditRound

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
