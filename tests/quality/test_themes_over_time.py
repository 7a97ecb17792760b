"""Themes on observations as on audits, and how often each theme came up month by month, by
place, in what each person may see (known answers)."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.conftest import SEES_CHILD
from tests.quality.access import USES_QUALITY
from tests.quality.factories import finished_audit, observation_made
from together.quality.models import Observation, Theme
from together.quality.selectors.themes import months_to, theme_places, themes_over_time


def _month_ago(today, months):
    return months_to(today, months + 1)[0] + datetime.timedelta(days=2)


def test_a_supervisor_tags_an_observation_with_themes(client, world):
    theme = Theme.objects.get(name="Domestic abuse")
    client.force_login(world.supervisor_team)
    page = client.get("/quality/observations/record/")
    form = page.context["form"]
    today = timezone.localdate()
    data = {
        "form_token": form["form_token"].value(),
        "fca": str(world.fca_allocated.uuid),
        "observed_on_day": today.day,
        "observed_on_month": today.month,
        "observed_on_year": today.year,
        "with_whom": "Jayden's mother",
        "what": "A call about contact",
        "worked_well": "Asked about her safety first",
        "themes": [str(theme.uuid)],
    }
    response = client.post("/quality/observations/record/", data)
    observation = Observation.objects.get()
    assert list(observation.themes.all()) == [theme]
    shown = client.get(response["Location"]).content.decode()
    assert "Domestic abuse" in shown


def test_themes_month_by_month_with_known_answers(world):
    today = timezone.localdate()
    abuse = Theme.objects.get(name="Domestic abuse")
    letters = Theme.objects.get(name="Letters")
    this_month, two_ago = today.replace(day=1), _month_ago(today, 2)
    for day in (this_month, this_month, two_ago):
        finished_audit(world, audited_on=day).themes.add(abuse)
    finished_audit(world, audited_on=two_ago).themes.add(letters, abuse)
    finished_audit(world, audited_on=_month_ago(today, 14)).themes.add(letters)  # too old
    observation_made(world, two_ago).themes.add(letters)
    found = themes_over_time(world.manager_area, months=3, today=today)
    rows = {row.theme.name: row for row in found.rows}
    assert found.months == months_to(today, 3)
    assert rows["Domestic abuse"].counts == [2, 0, 2]
    assert rows["Letters"].counts == [2, 0, 0]  # an audit and an observation
    assert (rows["Letters"].observations_total, rows["Letters"].total) == (1, 2)
    assert found.rows[0].theme == abuse  # most first
    assert found.totals[0] == 4
    # A manager of another area sees none of it.
    elsewhere = themes_over_time(world.manager_other_area, months=3, today=today)
    assert all(row.total == 0 for row in elsewhere.rows)


def _svg(page: str, key: str) -> str:
    start = page.index(f'id="{key}"')
    return page[page.rindex("<svg", 0, start) : page.index("</svg>", start)]


def test_each_theme_that_came_up_has_a_bar_chart_named_for_what_it_shows(client, world):
    today = timezone.localdate()
    abuse = Theme.objects.get(name="Domestic abuse")
    letters = Theme.objects.get(name="Letters")
    this_month, two_ago = today.replace(day=1), _month_ago(today, 2)
    for day in (this_month, this_month, two_ago):
        finished_audit(world, audited_on=day).themes.add(abuse)
    finished_audit(world, audited_on=two_ago).themes.add(letters, abuse)
    observation_made(world, two_ago).themes.add(letters)
    client.force_login(world.manager_area)
    page = client.get("/quality/themes/over-time/", {"place": "", "months": "3"}).content.decode()
    # Two themes came up; the others are in the table only.
    assert page.count('class="together-chart"') == 2
    first, _, last = months_to(today, 3)
    chart = _svg(page, f"theme-chart-{abuse.uuid}")
    assert 'role="img"' in chart and f'aria-labelledby="theme-chart-{abuse.uuid}-title' in chart
    assert "Domestic abuse: audits and observations tagged with it, month by month</title>" in chart
    assert (
        f"Domestic abuse came up 4 times in audits and observations from {first:%B %Y} to "
        f"{last:%B %Y}; the most in a month was 2, in {first:%B %Y} and {last:%B %Y}."
    ) in chart
    # A bar a month, on one scale for all the themes (0 to 2, 92 points high).
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', chart)]
    assert heights == [92.0, 0.0, 92.0]
    letters_chart = _svg(page, f"theme-chart-{letters.uuid}")
    assert [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', letters_chart)] == [
        92.0,
        0.0,
        0.0,
    ]
    assert f">{first:%b %Y}</text>" in chart and f">{last:%b %Y}</text>" in chart
    # The table stays, with the same figures.
    assert "Audits and observations by theme and month" in page


def test_national_roles_choose_a_region_or_an_area(client, world):
    today = timezone.localdate()
    abuse = Theme.objects.get(name="Domestic abuse")
    finished_audit(world, audited_on=today).themes.add(abuse)
    places = {place.name: place for place in theme_places(world.national)}
    assert world.area.name in places and world.other_area.name in places
    assert world.other_area.region.name in places
    here = themes_over_time(world.national, places[world.area.name], months=3, today=today)
    there = themes_over_time(world.national, places[world.other_area.name], months=3, today=today)
    assert {r.theme.name: r.total for r in here.rows}["Domestic abuse"] == 1
    assert {r.theme.name: r.total for r in there.rows}["Domestic abuse"] == 0
    # A head of practice chooses only within their own region; a supervisor has no choice.
    head = {place.name for place in theme_places(world.head_region)}
    assert world.area.name in head and world.other_area.name not in head
    assert [p.key for p in theme_places(world.supervisor_team)] == [""]
    client.force_login(world.national)
    page = client.get(
        "/quality/themes/over-time/",
        {"place": places[world.area.name].key, "months": "3"},
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "Themes over time" in text and world.area.name in text
    wrong = client.get("/quality/themes/over-time/", {"place": "area-nowhere", "months": "5"})
    assert wrong.status_code == 200
    assert "Choose a place from the list" in wrong.content.decode()
    assert "Choose how far back to look from the list" in wrong.content.decode()


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_themes_over_time_are_for_the_roles_whose_work_quality_is(client, world, relationship):
    client.force_login(world.users[relationship])
    expected = 200 if relationship in USES_QUALITY else 404
    assert client.get("/quality/themes/over-time/").status_code == expected


def test_the_quality_home_page_links_to_the_national_pages_each_role_uses(client, world):
    links = {
        "national": [
            "National quality audits of children's files",
            "National quality report",
            "Letters spotlight",
        ],
        "director_region": ["National quality report", "Letters spotlight"],
        "head_region": ["National quality report"],
        "supervisor_team": [],
    }
    every = {
        "National quality audits of children's files",
        "National quality report",
        "Letters spotlight",
    }
    for relationship, shown in links.items():
        client.force_login(world.users[relationship])
        page = client.get("/quality/").content.decode()
        assert {text for text in every if text in page} == set(shown), relationship


def test_themes_over_time_ask_the_same_queries_however_many(world, django_assert_num_queries):
    today = timezone.localdate()
    abuse = Theme.objects.get(name="Domestic abuse")
    finished_audit(world, audited_on=today).themes.add(abuse)
    with django_assert_num_queries(3):
        themes_over_time(world.national, months=12, today=today)
    for months in range(1, 6):
        finished_audit(world, audited_on=_month_ago(today, months)).themes.add(abuse)
        observation_made(world, _month_ago(today, months)).themes.add(abuse)
    with django_assert_num_queries(3):
        found = themes_over_time(world.national, months=12, today=today)
    assert {r.theme.name: r.total for r in found.rows}["Domestic abuse"] == 11
