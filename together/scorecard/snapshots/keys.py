"""How the kept rows are keyed: the nation's place, a finished day, the pressure measures."""

from ..models import SnapshotFillState

NATION_ID = 0
DONE = SnapshotFillState.State.DONE


# The pressure counts of each service area (scorecard.pressure.pressure_counts), kept beside the
# figures at the area level, measure names starting with this; a practice supervisor's holdings
# in an area are PRESSURE + "supervisor." + their id.
PRESSURE = "pressure."
PRESSURE_COUNTS = ("opened", "opened_year_before", "closed", "led", "capacity", "held_on_duty")
PRESSURE_COUNTS += ("manager_duty",)
SUPERVISOR = f"{PRESSURE}supervisor."
WAIT = f"{PRESSURE}days_to_allocation"
