"""The scorecard equals the board's definitions exactly: a small service written as import files
(never through the models), imported with `manage.py import_service`, and every figure of
`manage.py scorecard --json` compared with the answer worked out by hand, at several dates and
places (tests/scorecard/folders.py says which edge cases each date turns on)."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from together.organisation.models import ServiceArea
from together.scorecard.selectors import KEYS, scorecard_figures, scorecard_figures_by_area

from .folders import EXPECTED, service, write_folder


@pytest.fixture
def imported(db, tmp_path):
    call_command("import_service", str(write_folder(tmp_path / "service", service())), verbosity=0)


def scorecard_json(day: str, area: str | None = None) -> dict:
    out = io.StringIO()
    args = ["scorecard", "--date", day, "--json"] + (["--area", area] if area else [])
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(("day", "area"), list(EXPECTED), ids=lambda v: str(v))
def test_every_figure_equals_the_definition(imported, day, area):
    figures = scorecard_json(day, area)
    expected = EXPECTED[(day, area)]
    assert list(figures) == list(KEYS)
    for key in KEYS:
        if expected[key] is None or isinstance(expected[key], int):
            assert figures[key] == expected[key], key
            assert type(figures[key]) is type(expected[key]), key
        else:
            assert figures[key] == pytest.approx(expected[key], rel=1e-12, abs=0), key


def test_an_unknown_area_is_refused_in_words(imported):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no service area has this code"):
        scorecard_json("2026-06-30", "XX9")


@pytest.mark.parametrize("day", sorted({day for day, _ in EXPECTED}))
def test_each_area_on_its_own_equals_the_area_alone(imported, day):
    """The figures of every area at once (the page's table by area) are each area's figures."""
    day = datetime.date.fromisoformat(day)
    areas = list(ServiceArea.objects.order_by("code"))
    each = scorecard_figures_by_area(day, areas)
    for area in areas:
        assert each[area.pk] == scorecard_figures(day, area=area), area.code
        if (day.isoformat(), area.code) in EXPECTED:
            assert each[area.pk] == pytest.approx(EXPECTED[(day.isoformat(), area.code)])


def test_a_record_of_not_meeting_a_child_is_not_counted_as_seen(imported):
    from django.db.models import Q
    from django.utils import timezone

    from together.children.models import Meeting
    from together.children.services import first_meetings_keep
    from together.proceedings.models import ProceedingsChild

    day, area = "2026-06-30", None
    before = scorecard_json(day, area)
    open_on_the_day = ProceedingsChild.objects.filter(
        Q(proceedings__closed_on__isnull=True) | Q(proceedings__closed_on__gt=day),
        proceedings__received_on__lte=day,
    )
    met = Meeting.objects.values_list("child_id", "proceedings_id")
    unseen = next(pc for pc in open_on_the_day if (pc.child_id, pc.proceedings_id) not in met)
    Meeting.objects.create(
        child=unseen.child,
        proceedings=unseen.proceedings,
        outcome=Meeting.Outcome.TRIED,
        not_met_reason="The family were not at home.",
        occurred_at=timezone.make_aware(datetime.datetime(2026, 6, 1, 10)),
    )
    first_meetings_keep(ProceedingsChild.objects.filter(pk=unseen.pk))  # as every writer does
    after = scorecard_json(day, area)
    assert after["children_seen_share"] == before["children_seen_share"]
    assert after["children_seen_in_person_share"] == before["children_seen_in_person_share"]
