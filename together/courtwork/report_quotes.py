"""Writes for the professionals quoted in a report to the court: the other professionals who know
the child (recorded on the family page), chosen into the report with what they said.

A change here is a change to the report like any other (courtwork.reports): it checks the version
the writer saw, moves it on, sends an agreed report back to draft and is logged the same way.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from together.children.models import Professional

from .report_models import CourtReport, ReportQuote
from .reports.common import _audit, _back_to_draft_if_agreed, _check_editable, _lock, _saved


def quotable_professionals(report: CourtReport) -> list[Professional]:
    """The child's professionals who can be quoted: those the FCA talked with, with what they
    said. One query."""
    return list(
        Professional.objects.filter(child_id=report.child_id, consulted_on__isnull=False)
        .exclude(what_they_said="")
        .order_by("role", "name", "pk")
    )


@transaction.atomic
def report_quotes_save(
    *, by, report: CourtReport, version: int, professionals: list[Professional]
) -> list[ReportQuote]:
    """Quote exactly `professionals` in the report, in the order given: one newly chosen is
    quoted with what they said as the family page has it now; one no longer chosen is taken
    out; one still chosen keeps the words it was quoted with. Refuses a save on an old version."""
    locked = _lock(report, version)
    _check_editable(by, locked)
    quotable = {p.pk: p for p in quotable_professionals(locked)}
    chosen = []
    for professional in professionals:
        if professional.pk not in quotable:
            raise ValidationError(
                {"professionals": "Choose from the professionals who know the child"}
            )
        if professional.pk not in chosen:
            chosen.append(professional.pk)
    existing = {q.professional_id: q for q in locked.quotes.all()}
    locked.quotes.exclude(professional_id__in=chosen).delete()
    quotes = []
    for order, pk in enumerate(chosen, start=1):
        quote = existing.get(pk) or ReportQuote(
            report=locked, professional=quotable[pk], words=quotable[pk].what_they_said
        )
        quote.order = order
        quote.full_clean(exclude=["report", "professional"], validate_constraints=False)
        quote.save()
        quotes.append(quote)
    _back_to_draft_if_agreed(by=by, report=locked)
    _saved(by=by, report=locked)
    _audit(
        by=by,
        report=locked,
        change="Chose the professionals quoted",
        professionals=len(quotes),
    )
    return quotes
