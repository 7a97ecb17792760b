"""Pressure on the service at a date D, by nation, region and service area: demand, throughput,
how long proceedings run, saturation, proceedings held on duty and by service managers on duty,
practice supervisors holding many proceedings, and which areas are in prioritisation or past
the thresholds national leadership set. Seven queries whatever the number of records or areas
(or, for a day kept, four from its snapshot: scorecard.snapshots).

The definitions (each function's docstring repeats its own):

- demand: proceedings received in the last 3 months, (D - 3 months, D], against the same three
  months a year before;
- throughput: in the same 3 months, proceedings received against proceedings closed;
- duration: proceedings closed in the 12 months to D, (D - 365 days, D], the average weeks they
  ran: public law from the application; private law after the first hearing (not rule 16.4)
  from the first hearing; rule 16.4 from the application;
- saturation: open proceedings led at D by FCAs, against capacity: each FCA in one of the area's
  teams at D has the caseload ceiling of their team's work (40 before the first hearing, 25
  after) scaled by their working hours as allocation scales it, and none on a day they are away;
- held on duty: open at D with no lead at D; service managers' duty holdings: of those, the ones
  held on duty at D by a service manager (an allocation of kind "duty");
- practice supervisors holding more than 12: practice supervisors holding an allocation at D of
  any kind on more than 12 open sets of proceedings, who and how many.

Counts are summed upwards from the areas, so a region's figures are its areas' together and
the nation's every area's.

The package by concern: figures.py (one place's counts, which add up), counts.py (the counts of
each area at one day, from the records), places.py (the pressure of the places shown, against
their thresholds) and days.py (the counts of many days at once, for a rebuild of the snapshots).
"""

from .counts import pressure_counts
from .days import pressure_counts_for_days
from .figures import (
    DEMAND_MONTHS,
    DURATION_TYPES,
    DURATION_WINDOW,
    PRIVATE_AFTER_FIRST_HEARING,
    PUBLIC,
    RULE_16_4,
    SUPERVISOR_LIMIT,
    Figures,
    a_year_before,
    duration_type,
    months_before,
)
from .places import (
    AreaPressure,
    Pressure,
    SupervisorHolding,
    Thresholds,
    areas_shown,
    pressure_at,
    pressure_from,
)

__all__ = [
    "AreaPressure",
    "DEMAND_MONTHS",
    "DURATION_TYPES",
    "DURATION_WINDOW",
    "Figures",
    "PRIVATE_AFTER_FIRST_HEARING",
    "PUBLIC",
    "Pressure",
    "RULE_16_4",
    "SUPERVISOR_LIMIT",
    "SupervisorHolding",
    "Thresholds",
    "a_year_before",
    "areas_shown",
    "duration_type",
    "months_before",
    "pressure_at",
    "pressure_counts",
    "pressure_counts_for_days",
    "pressure_from",
]
