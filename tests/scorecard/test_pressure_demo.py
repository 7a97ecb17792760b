"""The demo shows pressure: areas in prioritisation with their history, an allocation hub, areas
past their thresholds, and hearings whose lead adviser is away for the demo service manager."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from together.accounts.models import User
from together.organisation.models import Absence, PrioritisationEvent
from together.proceedings.absent import hearings_with_lead_away
from together.scorecard.drill import AFTER, over_ceiling
from together.scorecard.pressure import pressure_at
from together.scorecard.rules import NATION, Place
from together.scorecard.selectors import scorecard_figures

pytestmark = pytest.mark.django_db


def test_the_small_demo_has_believable_pressure():
    today = timezone.localdate()
    call_command("demo_data", "--seed=5", "--size=small", f"--today={today}", stdout=io.StringIO())
    pressure = pressure_at(today)
    in_prioritisation = pressure.in_prioritisation
    assert in_prioritisation
    for row in in_prioritisation:
        history = PrioritisationEvent.objects.filter(service_area=row.area)
        assert history.filter(change="prioritisation_on").exists()
    assert any(row.area.allocation_hub_open for row in in_prioritisation)
    assert len(pressure.consider_prioritisation) == 2
    assert pressure.whole.manager_duty > 0
    # An adviser or two over the board's ceiling of 25 after the first hearing, one per area.
    over = over_ceiling(Place(NATION, "National"), today, AFTER, page=1)[1]
    assert 1 <= len(over) <= 2 and all(row.held > 25 for row in over)
    assert scorecard_figures(today)["caseload_post_first_hearing_share_over_25"] > 0
    assert Absence.objects.filter(kind="sickness").exists()
    assert Absence.objects.filter(kind="annual_leave").exists()
    manager = User.objects.get(email="manager@example.org")
    away = hearings_with_lead_away(user=manager)
    assert away
    assert {row.away_kind for row in away} <= {"Annual leave", "Sickness", "Training"}
