"""National moderation: for an audited file of a national round marked for moderation, the
national improvement service grades the work without seeing the audit's grade; where the two
differ, a final grade and the reason are recorded, and both earlier grades stay (the same steps
as local moderation)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.quality.access import ANONYMOUS, NATIONAL_FILE_MODERATE
from tests.quality.national_factories import ROUND_STARTS, nation  # noqa: F401
from tests.write_permissions import refused_with_nothing_saved
from together.accounts.models import Role
from together.quality import national, services
from together.quality.models import Grade, Moderation
from together.quality.national_models import NationalAuditFile, NationalAuditRound
from together.quality.national_report import Period, national_quality_report

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def audited(nation):  # noqa: F811
    """A round of 20 files given to auditors; the first file marked for moderation and the
    first not marked both audited Good."""
    round_ = national.national_round_create(
        by=nation.national,
        title="Autumn national audit",
        focus=NationalAuditRound.Focus.ALL,
        starts_on=ROUND_STARTS,
        ends_on=TODAY + datetime.timedelta(days=30),
        sample_size=20,
    )
    national.national_sample_draw(by=nation.national, round_=round_)
    national.national_files_assign_automatically(by=nation.national, round_=round_)
    files = NationalAuditFile.objects.select_related("auditor", "child").order_by("position")
    marked = files.filter(moderated=True).first()
    unmarked = files.filter(moderated=False).first()
    for file in (marked, unmarked):
        national.national_audit_record(
            by=file.auditor, file=file, grade=Grade.GOOD, audited_on=TODAY, notes="Kind letters"
        )
        file.refresh_from_db()
    return round_, marked, unmarked


def _moderate(file):
    return NATIONAL_FILE_MODERATE.replace("<uuid:file_id>", str(file.uuid))


def test_a_marked_file_is_moderated_blind_and_a_disagreement_resolved(client, nation, audited):  # noqa: F811
    round_, marked, _ = audited
    client.force_login(nation.national)
    page = client.get(f"/quality/national/{round_.uuid}/").content.decode()
    assert "Done: the grade shows once moderated" in page  # blind before grading
    response = client.post(_moderate(marked))
    moderation = Moderation.objects.get()
    assert response["Location"] == f"/quality/moderation/{moderation.uuid}/"
    assert client.post(_moderate(marked))["Location"] == response["Location"]  # once only
    form = client.get(response["Location"])
    assert "shown after you save yours" in form.content.decode()
    assert list(form.context["form"].fields) == ["overall_grade"]  # a national audit's grade
    client.post(response["Location"], {"overall_grade": Grade.REQUIRES_IMPROVEMENT})
    moderation.refresh_from_db()
    assert moderation.stage == Moderation.Stage.TO_DISCUSS and moderation.agreed is False
    missing = client.post(response["Location"], {"overall_final": Grade.GOOD, "reason": ""})
    assert "Write why these are the final grades" in missing.content.decode()
    client.post(
        response["Location"],
        {"overall_final": Grade.REQUIRES_IMPROVEMENT, "reason": "Risk was not analysed"},
    )
    moderation.refresh_from_db()
    assert moderation.stage == Moderation.Stage.DONE
    assert moderation.final_grade == Grade.REQUIRES_IMPROVEMENT
    assert moderation.reason == "Risk was not analysed"
    row = moderation.grades.get()
    assert (row.audit_grade, row.grade) == (Grade.GOOD, Grade.REQUIRES_IMPROVEMENT)
    marked.audit.refresh_from_db()
    assert marked.audit.grade == Grade.GOOD  # the audit's own grade stays
    page = client.get(f"/quality/national/{round_.uuid}/").content.decode()
    assert "Moderated: final grade Requires improvement" in page
    # The national report counts it: one moderation, none agreed.
    report = national_quality_report(Period(TODAY - datetime.timedelta(days=30), TODAY))
    assert (report.moderation.graded, report.moderation.agreed) == (1, 0)


def test_only_marked_audited_files_are_moderated_and_only_nationally(client, nation, audited):  # noqa: F811
    round_, marked, unmarked = audited
    client.force_login(nation.national)
    assert client.post(_moderate(unmarked)).status_code == 404
    not_audited = NationalAuditFile.objects.filter(moderated=True, audit__isnull=True).first()
    assert client.post(_moderate(not_audited)).status_code == 404
    manager = nation.people[nation.north][Role.SERVICE_MANAGER]
    with refused_with_nothing_saved():
        national.national_moderation_start(by=manager, file=marked)
    assert not Moderation.objects.exists()


@pytest.mark.parametrize("role", [ANONYMOUS, *Role.values])
def test_the_moderate_address_is_for_national_leadership(client, make_user, audited, role):
    _, marked, _ = audited
    if role != ANONYMOUS:
        client.force_login(make_user(role))
    response = client.post(_moderate(marked))
    if role == ANONYMOUS:
        assert response["Location"].startswith("/sign-in/")
    elif role == Role.NATIONAL_PERFORMANCE:
        assert response.status_code == 302 and Moderation.objects.count() == 1
    else:
        assert response.status_code == 404
    assert client.get(_moderate(marked)).status_code in {302, 404, 405}


def test_a_local_sample_leaves_out_an_audit_moderated_nationally(nation, audited):  # noqa: F811
    _, marked, _ = audited
    national.national_moderation_start(by=nation.national, file=marked)
    manager = nation.people[marked.service_area][Role.SERVICE_MANAGER]
    try:
        drawn = services.moderation_sample_create(by=manager, area=marked.service_area, month=TODAY)
    except ValidationError:
        drawn = []  # nothing else finished there this month
    assert marked.audit_id not in {m.audit_id for m in drawn}


def test_only_the_moderator_is_linked_to_the_moderation(client, make_user, nation, audited):  # noqa: F811
    round_, marked, _ = audited
    client.force_login(nation.national)
    moderation_url = client.post(_moderate(marked))["Location"]
    page = client.get(f"/quality/national/{round_.uuid}/").content.decode()
    assert f'href="{moderation_url}"' in page and "Moderation: to grade" in page
    # A colleague in national leadership reads where it stands, with no link that would 404.
    colleague = make_user(role=Role.NATIONAL_PERFORMANCE)
    client.force_login(colleague)
    page = client.get(f"/quality/national/{round_.uuid}/").content.decode()
    assert "Moderation: to grade" in page and f'href="{moderation_url}"' not in page
    assert client.get(moderation_url).status_code == 404
