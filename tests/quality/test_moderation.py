"""Moderation: a manager draws a month's sample of the area's finished audits, grades them
again without seeing the first grades, and resolves any disagreement with a reason."""

import datetime

import pytest
from django.utils import timezone

from tests.conftest import SEES_CHILD
from tests.quality.factories import finished_audit
from together.quality import selectors, services
from together.quality.models import DOMAINS, Domain, Grade, Moderation

SEES_MODERATION = {
    "manager_area",
    "manager_other_area",
    "head_region",
    "head_other_region",
    "director_region",
    "national",
}


def last_month():
    return services.first_of_month(
        services.first_of_month(timezone.localdate()) - datetime.timedelta(1)
    )


@pytest.fixture
def sample(world):
    """Five audits finished last month in the world's area, and the manager's sample of them."""
    on = last_month() + datetime.timedelta(days=3)
    for _ in range(5):
        finished_audit(world, grade=Grade.GOOD, audited_on=on)
    return services.moderation_sample_create(by=world.manager_area, area=world.area, month=on)


def test_a_months_sample_is_drawn_once_and_the_same_each_time(world, sample):
    assert len(sample) == 2  # a tenth of five, but never fewer than two
    again = services.moderation_sample_create(
        by=world.manager_area, area=world.area, month=last_month()
    )
    assert [m.pk for m in again] == [m.pk for m in sample]
    assert Moderation.objects.count() == 2


def test_the_draw_is_reproducible(world):
    on = last_month() + datetime.timedelta(days=3)
    audits = [finished_audit(world, audited_on=on) for _ in range(30)]
    first = {
        m.audit_id
        for m in services.moderation_sample_create(by=world.manager_area, area=world.area, month=on)
    }
    Moderation.objects.all().delete()
    second = {
        m.audit_id
        for m in services.moderation_sample_create(by=world.manager_area, area=world.area, month=on)
    }
    assert first == second and len(first) == 3
    assert first <= {a.pk for a in audits}


def test_the_moderator_grades_without_seeing_the_first_grades(client, world, sample):
    moderation = sample[0]
    client.force_login(world.manager_area)
    page = client.get(f"/quality/moderation/{moderation.uuid}/").content.decode()
    assert "The audit's grades are shown after you save yours" in page
    assert "govuk-tag--blue" not in page  # no "Good" tag from the audit
    audit_page = client.get(f"/quality/audits/{moderation.audit.uuid}/").content.decode()
    assert "Its grades are hidden until you have graded it yourself" in audit_page
    assert "govuk-tag--blue" not in audit_page


def test_agreeing_grades_are_recorded_as_agreement(client, world, sample):
    moderation = sample[0]
    client.force_login(world.manager_area)
    data = {f"{d}_grade": Grade.GOOD for d in [*DOMAINS, Domain.OVERALL]}
    client.post(f"/quality/moderation/{moderation.uuid}/", data)
    moderation.refresh_from_db()
    assert moderation.stage == Moderation.Stage.DONE and moderation.agreed is True
    assert moderation.final_grade == Grade.GOOD


def test_a_disagreement_is_resolved_with_a_reason_and_both_grades_stay(client, world, sample):
    moderation = sample[0]
    client.force_login(world.manager_area)
    data = {f"{d}_grade": Grade.GOOD for d in [*DOMAINS, Domain.OVERALL]}
    data["risk_grade"] = Grade.REQUIRES_IMPROVEMENT
    data["overall_grade"] = Grade.REQUIRES_IMPROVEMENT
    client.post(f"/quality/moderation/{moderation.uuid}/", data)
    moderation.refresh_from_db()
    assert moderation.stage == Moderation.Stage.TO_DISCUSS and moderation.agreed is False
    page = client.get(f"/quality/moderation/{moderation.uuid}/").content.decode()
    assert "Your grades differ" in page
    missing = client.post(f"/quality/moderation/{moderation.uuid}/", {"risk_final": "good"})
    assert "Write why these are the final grades" in missing.content.decode()
    client.post(
        f"/quality/moderation/{moderation.uuid}/",
        {
            "risk_final": Grade.REQUIRES_IMPROVEMENT,
            "overall_final": Grade.GOOD,
            "reason": "Coercive control was not considered, but the rest of the work was good",
        },
    )
    moderation.refresh_from_db()
    assert moderation.stage == Moderation.Stage.DONE
    assert moderation.final_grade == Grade.GOOD
    risk = moderation.grades.get(domain=Domain.RISK)
    assert (risk.audit_grade, risk.grade, risk.final_grade) == (
        Grade.GOOD,
        Grade.REQUIRES_IMPROVEMENT,
        Grade.REQUIRES_IMPROVEMENT,
    )
    moderation.audit.refresh_from_db()
    assert moderation.audit.grade == Grade.GOOD
    figures = selectors.moderation_figures(areas=[world.area])
    assert (figures.graded, figures.agreed) == (1, 0)
    assert [(d.domain, d.differed, d.changed) for d in figures.domains] == [
        (Domain.RISK, 1, 1),
        (Domain.OVERALL, 1, 0),
    ]
    shown = client.get("/quality/moderation/").content.decode()
    assert "0%" in shown and "Understanding risk and domestic abuse" in shown


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_who_sees_moderation(client, world, sample, relationship):
    client.force_login(world.users[relationship])
    expected = 200 if relationship in SEES_MODERATION else 404
    assert client.get("/quality/moderation/").status_code == expected
    mine = 200 if relationship == "manager_area" else 404
    assert client.get(f"/quality/moderation/{sample[0].uuid}/").status_code == mine
