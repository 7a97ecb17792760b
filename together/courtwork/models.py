"""The work for the court: the models of each part live in their own modules."""

from together.courtwork.report_models import (  # noqa: F401
    ChildTold,
    CourtReport,
    HearingOutcome,
    ReportComment,
    ReportRecommendation,
)
