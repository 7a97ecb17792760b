"""The monthly summary the dashboard reads: counted as each answer comes, or rebuilt."""

from django.db import transaction
from django.db.models import Count, DateField, F, Q, Subquery, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ..models import (
    GROUP_OF_AUDIENCE,
    POSITIVE_ANSWERS,
    Answer,
    Audience,
    FeedbackAreaMonthSummary,
    FeedbackMonthSummary,
    FeedbackResponse,
    Felt,
    SummaryCounts,
    felt_of,
)
from ..selectors import LONDON, figures_changed

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
